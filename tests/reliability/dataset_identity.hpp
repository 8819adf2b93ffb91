// Dataset identities that survive a change of dataset id (integer -> uuid4): a dataset is known by its own
// columns other than the id plus every tag row naming it, which daf_butler makes unique (each dataset is tagged
// in its RUN collection under a unique data ID).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "registry_clone.hpp"

namespace reliability {

// The columns of a table in the database's order.
std::vector<std::string> table_columns(const RegistryClone& registry, const std::string& table);
// The registry's tables, sorted.
std::vector<std::string> registry_tables(const RegistryClone& registry);

struct DatasetIdentities {
    std::map<std::string, std::string> by_id;  // dataset id as text -> identity
    long long ambiguous = 0;                   // ids whose identity is shared with another id

    // The identity of `id`, or "unknown dataset <id>".
    std::string identity(const std::string& id) const;
};

DatasetIdentities dataset_identities(const RegistryClone& registry, const std::vector<std::string>& tables);

// Whether `column` of `table` holds dataset ids (dataset.id, and every dataset_id column).
bool is_dataset_id_column(const std::string& table, const std::string& column);

}  // namespace reliability

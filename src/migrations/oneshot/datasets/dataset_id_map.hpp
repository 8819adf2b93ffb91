// The integer dataset id -> UUID mapping table of one-shot revision 2101fbf51ad3: creation and filling.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations::dataset_ids {

inline constexpr std::string_view kMapTable = "migration_id2uuid";

// The map's qualified name: a temporary table of the step's connection (upstream's is a table of the registry,
// dropped at the end; the end state is the same).
std::string map_table(Dialect dialect);

// The column type of a dataset UUID: native UUID on PostgreSQL, CHAR(32) hex on SQLite.
std::string uuid_type(Dialect dialect);

// The name upstream hashes for a `raw` dataset: "dataset_type=raw,run=<run>,<k>=<v>,..." with the data id
// items sorted by key.
std::string raw_dataset_name(const std::string& run, std::vector<std::pair<std::string, std::string>> data_id);

// Creates the mapping table (temporary) and fills it: uuid5 for `raw` datasets (computed here, inserted in batches),
// random uuid4 for every other dataset of a tags table and for ids known only to the datastore tables.
// Returns the number of rows inserted. Logs nothing: the recorded runs show no log lines from upstream's script.
long long build_id_map(StepContext& context);

}  // namespace butler_migrate::migrations::dataset_ids

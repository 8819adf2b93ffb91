// The rows of the 2021-era benchmark registry (for the one-shot steps): deterministic collections, datasets,
// associations, datastore records and dimension records, streamed table by table into a sink.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "oneshot_schema.hpp"

namespace bench::oneshot {

struct Size {
    long long datasets = 1000000;
    int runs = 20;
    int collections = 2000;        // runs + calibration + chained + tagged
    int calibration_collections = 10;
    int chained_collections = 70;
    long long tagged_associations = 200000;  // spread over the tagged collections (at most 20% of datasets)
    long long trashed = 1000;      // ids only the datastore tables still know
};

using Value = std::variant<std::monostate, long long, std::string>;  // NULL, integer, text
using Row = std::vector<Value>;

class RowSink {
public:
    virtual ~RowSink() = default;
    virtual Backend backend() const = 0;
    // Rows of `table` follow, with values for `columns` (in that order), until the next begin or finish.
    virtual void begin(const std::string& table, const std::vector<std::string>& columns) = 0;
    virtual void row(const Row& values) = 0;
    virtual void finish() = 0;
};

// Writes every table's rows (the alembic_version rows included) into `sink`.
void write_rows(const Size& size, RowSink& sink);

// butler_attributes rows: the 2021 managers (NameKey collections 2.0.0, integer datasets 1.0.0), universe 0
// with namespace daf_butler.
std::vector<std::pair<std::string, std::string>> attribute_rows();

// alembic_version rows for those managers (what `butler-migrate stamp` writes).
std::vector<std::string> stamped_revisions();

// "id,uuid" lines of the raw datasets' uuid5 ids as revision 2101fbf51ad3 computes them (32 hex digits on
// SQLite, canonical text on PostgreSQL), for the floor scripts.
void write_raw_id_map(const Size& size, Backend backend, std::ostream& out);

}  // namespace bench::oneshot

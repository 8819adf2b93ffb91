// The obscore table daf_butler's ObsCoreLiveTableManager creates from an obscore configuration: its columns,
// primary/foreign key and indexes, and the DDL that creates it on SQLite or PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/util/python_json.hpp"

namespace butler_migrate::migrations::obscore {

// Column types as daf_butler's FieldSpec sizes them (String longer than 32, or of length 0, becomes Text).
enum class ColumnType {
    text,            // String(n > 32) -> Text
    short_string,    // String(1..32) -> VARCHAR(n); SQLite adds a length CHECK
    unsized_string,  // String without length -> VARCHAR
    small_integer,
    integer,
    big_integer,
    floating,
    boolean,
    dataset_id,  // the dataset manager's id type: GUID (CHAR(32) / UUID) or BIGINT
};

struct ObscoreColumn {
    std::string name;
    ColumnType type = ColumnType::text;
    int length = 0;                  // short_string only
    std::optional<std::string> doc;  // from the configuration's extra_columns; a column comment on PostgreSQL
};

struct ObscoreIndex {
    std::string name;  // "<table>_idx_<columns>", before PostgreSQL shrinking
    std::vector<std::string> columns;
};

// The primary key is registry_dataset_id, a foreign key to dataset(id) ON DELETE CASCADE.
struct ObscoreTable {
    std::string name;
    std::vector<ObscoreColumn> columns;  // table order
    std::vector<ObscoreIndex> indexes;   // configuration order
};

inline constexpr const char* kDatasetIdColumn = "registry_dataset_id";

// The table an obscore configuration (yaml.safe_load of the file) describes. Throws MigrationError for a
// configuration daf_butler would reject, and for spatial plugins other than DefaultSpatialObsCorePlugin.
ObscoreTable obscore_table_from_config(const OrderedJson& config);

// How the registry's dataset ids are stored.
enum class DatasetIdType { uuid, integer };

// The statements SQLAlchemy runs for Table.create(): CREATE TABLE, CREATE INDEX for each index and, on
// PostgreSQL, COMMENT ON COLUMN for each documented column.
std::vector<std::string> obscore_table_statements(const ObscoreTable& table, Dialect dialect,
                                                  const std::optional<std::string>& schema, DatasetIdType id_type);

}  // namespace butler_migrate::migrations::obscore

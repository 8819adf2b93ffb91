// The tables of a 2021-era registry (NameKey collections 2.0.0, integer dataset ids 1.0.0) as specs, and their
// DDL for SQLite (SQLAlchemy's text, constraints inline) and PostgreSQL (bare tables, keys added after loading).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace bench::oneshot {

enum class Backend { sqlite, postgresql };

struct ColumnSpec {
    std::string name;
    std::string sqlite_type;  // empty: the column does not exist on SQLite
    std::string pg_type;      // empty: the column does not exist on PostgreSQL
    bool nullable = true;
    std::string sqlite_default;
    std::string pg_default;
};

struct ForeignKeySpec {
    std::vector<std::string> columns;
    std::string referred_table;
    std::vector<std::string> referred_columns;
    bool cascade = false;
    bool indexed = true;  // daf_butler adds an index <table>_fkidx_<columns> for it
};

struct TableSpec {
    std::string name;
    std::vector<ColumnSpec> columns;
    std::vector<std::string> primary_key;
    std::vector<std::vector<std::string>> uniques;
    std::vector<ForeignKeySpec> foreign_keys;
    std::vector<std::pair<std::string, std::vector<std::string>>> indexes;  // (name suffix "idx_...", columns)
    std::optional<std::string> sequence;                                     // PostgreSQL id sequence
};

// A dataset dimension set: the tags table dataset_tags_<key> (and dataset_calibs_<key> when `calibration`).
struct DimensionSet {
    int key;
    std::vector<std::string> dimensions;
    bool calibration;
};

// The dimension sets of the benchmark registry: () / (instrument, detector, exposure) / (instrument, detector)
// with calibrations / (instrument, detector, physical_filter) with calibrations.
const std::vector<DimensionSet>& dimension_sets();

std::string tags_table(int key);
std::string calibs_table(int key);

// Every table of the registry in creation order (parents before children).
std::vector<TableSpec> registry_tables();

// SQLite: CREATE TABLE with keys inline, and the CREATE INDEX statements to run after loading.
std::string sqlite_create_table(const TableSpec& table);
std::vector<std::string> sqlite_indexes(const TableSpec& table);

// PostgreSQL: CREATE TABLE (and sequence) without keys, and the ALTER TABLE / CREATE INDEX to run after loading.
std::vector<std::string> postgres_create_table(const TableSpec& table);
std::vector<std::string> postgres_keys(const TableSpec& table);

// The columns a backend has, in table order.
std::vector<std::string> column_names(const TableSpec& table, Backend backend);

}  // namespace bench::oneshot

// What schema introspection reports about a table, in the terms SQLAlchemy's Inspector uses.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace butler_migrate {

struct ColumnInfo {
    std::string name;
    std::string type;                          // SQLAlchemy's reflected type text: "VARCHAR(16)", "BIGINT", ...
    bool nullable = true;
    std::optional<std::string> default_value;  // raw server default text, e.g. "now()", "CURRENT_TIMESTAMP"
};

struct PrimaryKeyInfo {
    std::optional<std::string> name;  // unnamed SQLite primary keys have none
    std::vector<std::string> columns;  // constraint order
};

struct UniqueConstraintInfo {
    std::optional<std::string> name;
    std::vector<std::string> columns;
};

struct ForeignKeyInfo {
    std::optional<std::string> name;
    std::vector<std::string> columns;
    std::optional<std::string> referred_schema;
    std::string referred_table;
    std::vector<std::string> referred_columns;
    std::optional<std::string> on_delete;  // "CASCADE", ... when not the default
    std::optional<std::string> on_update;
};

struct CheckConstraintInfo {
    std::optional<std::string> name;
    std::string sqltext;
};

struct IndexInfo {
    std::optional<std::string> name;
    std::vector<std::string> columns;
    bool unique = false;
};

struct TableSchema {
    std::string name;
    std::vector<ColumnInfo> columns;  // table order
    PrimaryKeyInfo primary_key;
    std::vector<UniqueConstraintInfo> unique_constraints;
    std::vector<ForeignKeyInfo> foreign_keys;
    std::vector<CheckConstraintInfo> check_constraints;
    std::vector<IndexInfo> indexes;  // every index except the primary key's (SQLite: no automatic indexes)
};

}  // namespace butler_migrate

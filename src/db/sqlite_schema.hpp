// SQLite schema reflection as SQLAlchemy 2.0's SQLite dialect does it: PRAGMAs plus parsing the CREATE TABLE text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "butler_migrate/db/database.hpp"

namespace butler_migrate {

namespace sqlite_schema {

// The type text SQLAlchemy reflects for a declared column type ("varchar(16)" -> "VARCHAR(16)",
// "UNSIGNED BIG INT" -> "INTEGER", "" -> "NULL"), following SQLite's affinity rules for unknown names.
std::string reflected_type(std::string_view declared);

// What the CREATE TABLE text says about constraints. Names are unquoted; absent when the DDL has none.
std::optional<std::string> primary_key_name(const std::string& table_sql);

struct ParsedForeignKey {
    std::optional<std::string> name;
    std::vector<std::string> columns;
    std::string referred_table;
    std::vector<std::string> referred_columns;
    std::optional<std::string> on_delete;
    std::optional<std::string> on_update;
};
std::vector<ParsedForeignKey> parse_foreign_keys(const std::string& table_sql);

struct ParsedUnique {
    std::optional<std::string> name;
    std::vector<std::string> columns;
};
// Table-level UNIQUE (...) clauses first, then inline "column TYPE ... UNIQUE" ones.
std::vector<ParsedUnique> parse_unique_constraints(const std::string& table_sql);

// CHECK constraints in text order; sqltext is the text inside the parentheses, trimmed.
std::vector<CheckConstraintInfo> parse_check_constraints(const std::string& table_sql);

}  // namespace sqlite_schema

bool sqlite_has_table(Database& db, std::string_view name);
// Throws DatabaseError when the table does not exist.
TableSchema read_sqlite_table(Database& db, std::string_view name);

}  // namespace butler_migrate

// PostgreSQL schema reflection as SQLAlchemy 2.0's PostgreSQL dialect does it, from the system catalogs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "butler_migrate/db/database.hpp"

namespace butler_migrate {

// The type text SQLAlchemy reflects from format_type() output ("character varying(16)" -> "VARCHAR(16)",
// "timestamp without time zone" -> "TIMESTAMP", "int8range" -> "INT8RANGE"). `type_kind` is pg_type.typtype
// of the (element) type: 'e' for enums, 'd' for domains. Unknown types give "NULL".
std::string postgres_reflected_type(const std::string& format_type, const std::optional<std::string>& collation,
                                    char type_kind);

// The text inside "CHECK (...)" of pg_get_constraintdef(), outer parentheses removed, as upstream reports it.
std::string postgres_check_sqltext(const std::string& constraint_definition);

// Ordinary and partitioned tables of `schema`, sorted.
std::vector<std::string> postgres_table_names(Database& db, const std::string& schema);
bool postgres_has_table(Database& db, const std::string& schema, std::string_view name);
// `schema` is the registry schema as configured (none means "public", found through the search path).
TableSchema read_postgres_table(Database& db, const std::optional<std::string>& schema, std::string_view name);

}  // namespace butler_migrate

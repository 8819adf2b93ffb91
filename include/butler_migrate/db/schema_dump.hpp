// The text of `dump-schema`: every table's columns, keys, constraints and indexes, in upstream's format.
#pragma once

#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"

namespace butler_migrate {

// Tables sorted by name, restricted to `tables` when it is not empty (unknown names are ignored).
std::string render_schema_dump(Database& db, const std::vector<std::string>& tables);

// The lines for one reflected table; SQLite prints index uniqueness as 0/1, PostgreSQL as False/True.
std::string render_table_schema(const TableSchema& table, Dialect dialect);

}  // namespace butler_migrate

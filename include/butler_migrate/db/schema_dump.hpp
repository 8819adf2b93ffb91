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

// The `dump-schema --json` document: an object keyed by table name (tables as for render_schema_dump), written
// as Python's json.dump(..., indent=2) writes it, without a final newline. With `make_pk_name` an unnamed
// primary key (SQLite) is reported as "<table>_pkey" (upstream's dump_schema(make_pk_name=True)).
std::string render_schema_dump_json(Database& db, const std::vector<std::string>& tables, bool make_pk_name = false);

}  // namespace butler_migrate

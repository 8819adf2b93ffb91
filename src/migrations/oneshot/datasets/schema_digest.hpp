// daf_butler's schema digest of a set of tables (md5 over sorted per-table descriptions), as upstream
// one-shot migrations record it in butler_attributes.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"

namespace butler_migrate::migrations {

// One table's description: "<table>;" + sorted "COL,<name>,<type>[,PK][,NULL]" and "FK,<name>,<referred cols>".
// `compiled_types` replaces the reflected type text of the columns it names (the dialect's compiled form).
std::string table_digest_text(const TableSchema& table, const std::set<std::string>& nullable_columns,
                              const std::map<std::string, std::string>& compiled_types = {});

// md5 hex of the sorted descriptions of `tables`, reflected from `db`.
std::string schema_digest(Database& db, const std::vector<std::string>& tables,
                          const std::set<std::string>& nullable_columns);

}  // namespace butler_migrate::migrations

// Backups taken before a command writes: a copy of a SQLite registry, or the pg_dump command for PostgreSQL.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "butler_migrate/butler_config.hpp"
#include "butler_migrate/database.hpp"

namespace butler_migrate {

// Copies the open SQLite registry `db` with SQLite's online backup API (through `db`'s own connection, so a
// lock it holds is respected) to `<dir>/<database file name>.<UTC time as YYYYMMDDTHHMMSSZ>.backup`, where
// `dir` defaults to the database file's folder; never overwrites a file. Returns the path written.
// Throws MigrationError when `db` is not SQLite, DatabaseError when the copy fails (a partial copy is removed).
std::filesystem::path backup_sqlite_registry(Database& db, const RegistryLocation& location,
                                             const std::optional<std::filesystem::path>& dir);

// The pg_dump command (one line, shell-quoted, no password) that saves the registry schema of `location`
// to a custom-format file, for operators to run before migrating a PostgreSQL registry.
std::string pg_dump_command(const RegistryLocation& location);

}  // namespace butler_migrate

// Backups taken before a command writes: a copy of a SQLite registry, or the pg_dump command for PostgreSQL.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "butler_migrate/config/butler_config.hpp"
#include "butler_migrate/db/database.hpp"

namespace butler_migrate {

// Copies the open SQLite registry `db` with SQLite's online backup API (through `db`'s own connection, so a
// lock it holds is respected) to `<dir>/<database file name>.<UTC time as YYYYMMDDTHHMMSSZ>.backup`, where
// `dir` defaults to the database file's folder; never overwrites a file. Returns the path written.
// Throws MigrationError when `db` is not SQLite, DatabaseError when the copy fails (a partial copy is removed).
//
// Details: the database file is url.database of `location` (else the file `db` has open). When the name is
// taken, `.1`, `.2`, ... is put before `.backup` (`gen3.sqlite3.20260101T120000Z.1.backup`); the file is
// created exclusively, so even a concurrent writer's file is never replaced. `dir` must exist (it is not
// created: a mistyped folder is reported, DatabaseError). The copy gets the permission bits of the database
// file. A transaction open on `db` is refused (MigrationError): the copy would hold its uncommitted changes.
std::filesystem::path backup_sqlite_registry(Database& db, const RegistryLocation& location,
                                             const std::optional<std::filesystem::path>& dir);

// The pg_dump command (one line, shell-quoted, no password) that saves the registry schema of `location`
// to a custom-format file, for operators to run before migrating a PostgreSQL registry.
//
// Form: `pg_dump --host=H --port=P --username=U --dbname=D --schema=S -Fc --file=D-S-<UTC time>.dump`;
// options the URL lacks are left out (pg_dump then uses its own defaults and PG* variables); the schema is
// written as an exact name (double quotes inside the pattern when it is not a plain lower-case identifier);
// URL query parameters (sslmode=...) go into --dbname as a conninfo string. Words are quoted for a POSIX
// shell only where needed. The file is written in the current folder.
std::string pg_dump_command(const RegistryLocation& location);

// One line for the operator next to that command: where pg_dump takes the password from (PGPASSWORD,
// ~/.pgpass, PGPASSFILE, or a prompt). Never the password itself.
std::string pg_dump_password_note();

}  // namespace butler_migrate

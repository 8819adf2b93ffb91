// The parts of Database shared by every backend: identifier quoting, table names, choosing the backend.
#include "butler_migrate/db/database.hpp"

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "db/postgres_database.hpp"
#include "db/sqlite_database.hpp"

namespace butler_migrate {

std::string Database::quote(std::string_view identifier) {
    std::string quoted = "\"";
    for (char c : identifier) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string Database::table(std::string_view name) const {
    if (schema_) return quote(*schema_) + "." + quote(name);
    return quote(name);
}

std::unique_ptr<Database> open_database(const RegistryLocation& location, AccessMode mode) {
    const std::string& dialect = location.url.dialect;
    if (dialect == "sqlite") return std::make_unique<SqliteDatabase>(location.url, mode);
    if (dialect == "postgresql" || dialect == "postgres") {
        return std::make_unique<PostgresDatabase>(location.url, location.schema, mode);
    }
    throw ConfigError(
        fmt::format("Unsupported database URL scheme '{}' in {}", dialect, location.url.render(true)));
}

}  // namespace butler_migrate

// The two writers of benchmark registries.
#pragma once

#include <string>

#include "registry_rows.hpp"

namespace bench {

// A new SQLite file (refuses to overwrite one).
void write_sqlite_registry(const std::string& file, const RegistrySize& size);

// The registry tables in `schema` (created; must not exist) of the PostgreSQL database at `url`.
void write_postgres_registry(const std::string& url, const std::string& schema, const RegistrySize& size);

}  // namespace bench

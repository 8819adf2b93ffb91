// The two writers of 2021-era benchmark registries (NameKey collections, integer dataset ids).
#pragma once

#include <string>

#include "oneshot_rows.hpp"

namespace bench::oneshot {

// A new SQLite file (refuses to overwrite one).
void write_sqlite_registry(const std::string& file, const Size& size);

// The registry tables in `schema` (created; must not exist) of the PostgreSQL database at `url`.
void write_postgres_registry(const std::string& url, const std::string& schema, const Size& size);

}  // namespace bench::oneshot

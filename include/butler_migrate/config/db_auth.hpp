// Database credentials from db-auth.yaml (or LSST_DB_AUTH_CREDENTIALS), matched as lsst.utils.db_auth does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/config/db_url.hpp"

namespace butler_migrate {

struct DbAuthEntry {
    std::optional<std::string> url;
    std::optional<std::string> username;
    std::optional<std::string> password;
};

struct DbCredentials {
    std::optional<std::string> username;
    std::string password;
};

class DbAuth {
public:
    DbAuth() = default;
    explicit DbAuth(std::vector<DbAuthEntry> entries) : entries_(std::move(entries)) {}

    // LSST_DB_AUTH_CREDENTIALS (JSON) if set and non-empty; else the file $LSST_DB_AUTH or
    // ~/.lsst/db-auth.yaml. A missing file gives no entries. Throws ConfigError for a file with group or
    // other permission bits, or content that cannot be parsed.
    static DbAuth from_environment();
    static DbAuth from_file(const std::string& path);
    static DbAuth from_json(const std::string& json_text);

    // First entry matching the connection's dialect, host, port, database and username; nullopt if none.
    // Throws ConfigError for malformed entries met on the way (missing url, dialect or host).
    std::optional<DbCredentials> find(const DbUrl& url) const;

private:
    std::vector<DbAuthEntry> entries_;
};

}  // namespace butler_migrate

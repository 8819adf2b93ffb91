// From the REPO argument to the registry's database URL and schema, as daf_butler's ButlerConfig does.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "butler_migrate/config/db_auth.hpp"
#include "butler_migrate/config/db_url.hpp"

namespace butler_migrate {

struct ButlerConfig {
    YAML::Node root;          // merged configuration (includes resolved)
    std::string config_file;  // absolute path of the YAML file read
    std::string config_dir;   // absolute directory of that file
};

// Where the registry lives: the URL to connect to (credentials applied) and the schema (namespace).
struct RegistryLocation {
    DbUrl url;
    std::optional<std::string> schema;
};

// REPO is a directory holding butler.yaml, or the configuration file itself. Throws ConfigError.
ButlerConfig load_butler_config(const std::string& repo);

// registry.db with <butlerRoot> replaced, registry.username/password/host/port/database filled in where the
// URL lacks them, then credentials from `auth`. Throws ConfigError.
RegistryLocation registry_location(const ButlerConfig& config, const DbAuth& auth);

// The same, but `load_auth` is called only when the URL calls for a credentials lookup (it has a dialect, a
// host and a database, so never for SQLite), as daf_butler reads db-auth.yaml only then.
RegistryLocation registry_location(const ButlerConfig& config, const std::function<DbAuth()>& load_auth);

// Both steps, with credentials from DbAuth::from_environment().
RegistryLocation locate_registry(const std::string& repo);

}  // namespace butler_migrate

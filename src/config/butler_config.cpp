// From the REPO argument to the registry's URL and schema: ButlerConfig, RegistryConfig and
// ConnectionStringFactory as daf_butler implements them.
#include "butler_migrate/config/butler_config.hpp"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "butler_migrate/util/errors.hpp"
#include "config/paths.hpp"
#include "config/repo_index.hpp"
#include "config/url_text.hpp"
#include "config/yaml_includes.hpp"

namespace butler_migrate {

namespace fs = std::filesystem;
using config_detail::child;
using config_detail::merged;

namespace {

constexpr const char* butler_root_tag = "<butlerRoot>";
constexpr const char* default_registry_db = "sqlite:///<butlerRoot>/gen3.sqlite3";
constexpr const char* config_path_variable = "DAF_BUTLER_CONFIG_PATH";

// The registry part of a configuration: registry.registry if present (made by includes), else registry,
// else the whole thing (a registry.yaml may hold the keys at top level).
YAML::Node registry_subset(const YAML::Node& config) {
    YAML::Node outer = child(config, "registry");
    if (!outer.IsDefined()) return config;
    YAML::Node inner = child(outer, "registry");
    return inner.IsDefined() ? inner : outer;
}

// Built-in default (registry.db) overlaid by registry.yaml from each DAF_BUTLER_CONFIG_PATH directory,
// earlier directories winning.
YAML::Node registry_defaults() {
    YAML::Node defaults(YAML::NodeType::Map);
    defaults["db"] = default_registry_db;
    const char* search_path = std::getenv(config_path_variable);
    if (search_path == nullptr) return defaults;
    std::vector<std::string> directories;
    std::string text = search_path;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = std::min(text.find(':', start), text.size());
        directories.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    for (auto it = directories.rbegin(); it != directories.rend(); ++it) {
        if (it->empty()) continue;
        std::optional<std::string> directory = config_detail::local_path(*it);
        if (!directory) continue;
        std::string file = *directory + "/registry.yaml";
        std::error_code ec;
        if (fs::exists(file, ec)) defaults = merged(defaults, registry_subset(config_detail::read_config_file(file)));
    }
    return defaults;
}

// ButlerConfig's layering: the registry section over its defaults, then every other key of the file.
YAML::Node with_registry_defaults(const YAML::Node& file_config) {
    YAML::Node registry = registry_defaults();
    if (child(file_config, "registry").IsDefined()) registry = merged(registry, registry_subset(file_config));
    YAML::Node rest = YAML::Clone(file_config);
    rest.remove("registry");
    YAML::Node result(YAML::NodeType::Map);
    result["registry"] = registry;
    return merged(result, rest);
}

std::optional<std::string> optional_text(const YAML::Node& node, const std::string& what) {
    if (!node.IsDefined() || node.IsNull()) return std::nullopt;
    if (!node.IsScalar()) throw ConfigError(what + " must be a single value");
    return node.Scalar();
}

// `root` if the configuration has it (None allowed), else the configuration's directory.
std::optional<std::string> butler_root(const ButlerConfig& config) {
    YAML::Node root = child(config.root, "root");
    if (!root.IsDefined()) return config.config_dir;
    return optional_text(root, "root");
}

std::string replace_root(const std::string& db, const std::optional<std::string>& root) {
    if (db.find(butler_root_tag) == std::string::npos) return db;
    if (!root || root->empty()) {
        throw ConfigError(std::string("Required to replace ") + butler_root_tag + " in '" + redact_url_text(db) +
                          "' but a replacement has not been defined");
    }
    std::string replacement = *root;
    std::string scheme = config_detail::uri_scheme(*root);
    if (scheme.empty() || scheme == "file") replacement = *config_detail::local_path(*root);
    std::string result = db;
    for (std::size_t at = result.find(butler_root_tag); at != std::string::npos;
         at = result.find(butler_root_tag, at + replacement.size())) {
        result.replace(at, std::string(butler_root_tag).size(), replacement);
    }
    return result;
}

// ConnectionStringFactory: registry.<key> fills each URL component the URL does not have.
void fill_from_registry(DbUrl& url, const YAML::Node& registry) {
    auto fill = [&](std::optional<std::string>& field, const char* key) {
        if (!field) field = optional_text(child(registry, key), std::string("registry.") + key);
    };
    fill(url.username, "username");
    fill(url.password, "password");
    fill(url.host, "host");
    if (!url.port) {
        if (auto port = optional_text(child(registry, "port"), "registry.port")) {
            url.port = config_detail::normalize_port(*port);
            if (!url.port) throw ConfigError("Invalid port '" + *port + "' in registry configuration");
        }
    }
    fill(url.database, "database");
}

}  // namespace

ButlerConfig load_butler_config(const std::string& repo) {
    config_detail::AliasResolution alias = config_detail::resolve_repository_alias(repo);
    const std::string target = alias.uri.value_or(repo);
    std::optional<std::string> path = config_detail::local_path(target);
    if (!path) throw ConfigError("Unsupported URI scheme for a Butler repository: " + redact_url_text(target));
    std::error_code ec;
    if (fs::is_directory(*path, ec)) path = (*path == "/" ? "" : *path) + "/butler.yaml";
    YAML::Node file_config;
    try {
        file_config = config_detail::read_config_file(*path);
    } catch (const config_detail::ConfigFileNotFound& error) {
        std::string note = alias.uri ? "(resolved from alias '" + repo + "')" : alias.unresolved_note;
        throw ConfigError(std::string(error.what()) + " " + note);
    }
    ButlerConfig config;
    config.root = with_registry_defaults(file_config);
    config.config_file = *path;
    config.config_dir = config_detail::parent_directory(*path);
    return config;
}

RegistryLocation registry_location(const ButlerConfig& config, const std::function<DbAuth()>& load_auth) {
    YAML::Node registry = registry_subset(config.root);
    std::optional<std::string> db = optional_text(child(registry, "db"), "registry.db");
    if (!db) throw ConfigError("No registry.db database URL in " + config.config_file);
    RegistryLocation location;
    location.url = DbUrl::parse(replace_root(*db, butler_root(config)));
    fill_from_registry(location.url, registry);
    location.schema = optional_text(child(registry, "namespace"), "registry.namespace");
    if (location.schema && location.schema->empty()) location.schema.reset();
    const DbUrl& url = location.url;
    if (url.dialect.empty() || !url.host || !url.database) return location;
    if (std::optional<DbCredentials> credentials = load_auth().find(url)) {
        if (credentials->username) location.url.username = credentials->username;
        location.url.password = credentials->password;
    }
    return location;
}

RegistryLocation registry_location(const ButlerConfig& config, const DbAuth& auth) {
    return registry_location(config, [&auth]() { return auth; });
}

RegistryLocation locate_registry(const std::string& repo) {
    return registry_location(load_butler_config(repo), [] { return DbAuth::from_environment(); });
}

}  // namespace butler_migrate

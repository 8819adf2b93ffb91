// Private: configuration files read as daf_butler's Config reads them (!include tags, includeConfigs, JSON).
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate::config_detail {

// A configuration file that does not exist (daf_butler raises FileNotFoundError), so that callers can add
// context such as the repository index.
class ConfigFileNotFound : public ConfigError {
public:
    using ConfigError::ConfigError;
};

// Reads the configuration file at the absolute local `path`: ".yaml" (with `!include` tags resolved
// relative to each including file) or ".json"; then merges the files named by `includeConfigs` keys at any
// level (searched in the current directory, then next to `path`). The result is always a mapping.
YAML::Node read_config_file(const std::string& path);

// Config.update: a copy of `base` with `overlay` written over it; nested mappings are merged, every other
// value (scalars, sequences, nulls) replaces what was there.
YAML::Node merged(const YAML::Node& base, const YAML::Node& overlay);

// The value at `key` of a mapping, or an undefined node (never throws, never inserts).
YAML::Node child(const YAML::Node& map, const std::string& key);

}  // namespace butler_migrate::config_detail

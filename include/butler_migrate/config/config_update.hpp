// The butler.yaml change a one-shot migration calls for: the new manager class of its registry.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace butler_migrate {

// What butler.yaml must say after a one-shot step: `registry.managers.<manager>: <new_class>`.
struct ManagerConfigChange {
    std::string manager;    // "collections" or "datasets"
    std::string new_class;  // full class name, as daf_butler reads it
    // The YAML line an operator writes under registry: managers:, e.g. "    collections: lsst.daf....".
    std::string yaml_line() const;
};

// Writes `change` into the butler.yaml of REPO (a folder or the file), keeping comments and the rest of the
// text as it is, after copying the old file to `<file>.<UTC time>.bak`. Returns the path of that copy.
// Throws ConfigError when the file cannot be changed safely (for example the managers come from an
// included file); the message then gives the line to write by hand.
//
// Details: when the configuration already names `new_class` (as the value or as `cls:`), nothing is written
// and an empty path is returned (so applying twice is harmless). The edit replaces the value of an existing
// `registry: managers: <manager>:` line, or adds the entry at the end of the `managers:` block, or adds a
// `managers:` block at the end of `registry:`; see config/manager_yaml_edit.hpp for what is refused. The new
// text is written to a temporary file in the same folder, read back with load_butler_config and compared
// with the old configuration (only the manager may differ), and then renamed over the file, which keeps its
// permission bits. The `.bak` copy (`.1.bak`, `.2.bak`, ... when the name is taken) is never an existing file.
// JSON configurations and symbolic links are refused.
// Temporary files a killed edit left next to the file are removed first (the caller holds the migration lock).
std::filesystem::path apply_config_change(const std::string& repo, const ManagerConfigChange& change);

// Everything apply_config_change checks (the file, the edit, the read-back), without writing anything: throws the
// same ConfigError, so that an upgrade can refuse before its first step instead of after the commit.
void check_config_change(const std::string& repo, const ManagerConfigChange& change);

// The class butler.yaml of REPO names for `manager` (`registry.managers.<manager>`, or its `cls:`); "" when it
// names none (daf_butler's defaults apply).
std::string configured_manager_class(const std::string& repo, const std::string& manager);

}  // namespace butler_migrate

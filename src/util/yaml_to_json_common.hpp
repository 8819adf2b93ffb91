// What the parts of yaml_to_json share: YAML's core tag names, the nesting bound and the error they throw.
#pragma once

#include <string>
#include <string_view>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate::yaml_detail {

constexpr const char* core_tag = "tag:yaml.org,2002:";
constexpr int max_depth = 512;  // deeper means an alias cycle (json.dumps: "Circular reference detected")

// The full tag of a core type: core("int") is "tag:yaml.org,2002:int".
inline std::string core(const char* name) { return std::string(core_tag) + name; }

// MigrationError "<what>: <problem>".
[[noreturn]] inline void fail(std::string_view what, const std::string& problem) {
    throw MigrationError(std::string(what) + ": " + problem);
}

}  // namespace butler_migrate::yaml_detail

// PyYAML's scalar constructors: a scalar node's JSON value for its explicit or resolved tag.
#pragma once

#include <string_view>

#include <yaml-cpp/yaml.h>

#include "butler_migrate/util/python_json.hpp"

namespace butler_migrate::yaml_detail {

// A scalar's value for the tag PyYAML gives it (explicit, or resolved from a plain scalar). Throws
// MigrationError "<what>: ..." for unreadable numbers and values json.dumps cannot write.
OrderedJson construct_scalar(const YAML::Node& node, std::string_view what);

}  // namespace butler_migrate::yaml_detail

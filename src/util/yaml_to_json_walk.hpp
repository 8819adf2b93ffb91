// The walk over a loaded YAML document: sequences, mappings with merge keys, and json.dumps's key strings.
#pragma once

#include <string_view>

#include <yaml-cpp/yaml.h>

#include "butler_migrate/util/python_json.hpp"

namespace butler_migrate::yaml_detail {

// The JSON value of a loaded document's root node, as yaml.safe_load then json.dumps would have it.
OrderedJson document_to_json(const YAML::Node& root, std::string_view what);

}  // namespace butler_migrate::yaml_detail

// PyYAML's implicit resolvers: which type a plain (untagged, unquoted) scalar's text stands for.
#pragma once

#include <string_view>

namespace butler_migrate::yaml_detail {

// PyYAML's implicit resolvers for plain scalars, tried in its order (bool, float, int, merge, null, timestamp).
enum class PlainType { string, boolean, floating, integer, merge, null, timestamp, value };

// The type PyYAML's YAML 1.1 resolvers give the plain scalar `text`.
PlainType plain_scalar_type(std::string_view text);

}  // namespace butler_migrate::yaml_detail

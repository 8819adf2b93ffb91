// Python's yaml.safe_load (PyYAML: YAML 1.1 implicit types, merge keys) of a YAML text, as ordered JSON.
#pragma once

#include <string>
#include <string_view>

#include "butler_migrate/util/python_json.hpp"

namespace butler_migrate {

// The value yaml.safe_load(text) gives, in the form json.dumps writes it: mapping order kept (a repeated key
// keeps its first place and its last value), non-string keys turned into strings as json.dumps does
// (1 → "1", true → "true", null → "null"). Plain scalars are typed by PyYAML's YAML 1.1 rules: yes/no/on/off
// booleans, 0b/0x/leading-0 octal/sexagesimal integers with '_', floats needing a '.' (or .inf/.nan), ~/null/
// empty as null; quoted and block scalars stay strings. Throws MigrationError "<what> ..." for invalid YAML
// and for values json.dumps cannot write (timestamps, binary, sets, unknown tags, out-of-range integers).
OrderedJson yaml_safe_load_json(std::string_view text, std::string_view what);

// python_json_dumps(yaml_safe_load_json(text, what)): json.dumps(yaml.safe_load(text)) byte for byte.
std::string yaml_to_python_json(std::string_view text, std::string_view what);

}  // namespace butler_migrate

// JSON read and written byte-for-byte as Python's json.loads / json.dumps (default arguments) do.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace butler_migrate {

// Keeps object keys in document order, as Python dicts do.
using OrderedJson = nlohmann::ordered_json;

// Parses `text`; throws MigrationError "<what> is not valid JSON: <detail>" on failure.
OrderedJson parse_json(std::string_view text, std::string_view what);

// json.dumps(value): separators ", " and ": ", no indentation, keys in stored order, ensure_ascii escapes,
// floats as Python's repr.
std::string python_json_dumps(const OrderedJson& value);

// Python's repr() of a float, e.g. 1.0, 0.1, 1e-05, 1e+16.
std::string python_float_repr(double value);

}  // namespace butler_migrate

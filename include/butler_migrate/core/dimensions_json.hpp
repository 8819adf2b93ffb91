// Editing the stored dimension universe (config:dimensions.json) as upstream's
// ButlerAttributes.update_dimensions_json does, with Python's dict and list semantics for the edits.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "butler_migrate/util/python_json.hpp"
#include "butler_migrate/core/registry.hpp"

namespace butler_migrate {

// Reads config:dimensions.json, applies `edit` and stores json.dumps of the result (key order kept, new keys
// appended). Throws MigrationError "Key config:dimensions.json does not exist in attributes table" when the
// row is missing, and whatever `edit` throws.
void update_dimensions_json(ButlerAttributes& attributes, const std::function<void(OrderedJson&)>& edit);

// Python operations on parsed JSON, throwing MigrationError where Python raises KeyError or ValueError (the
// message ends with ": <key>" as Python shows a KeyError).
namespace pyjson {

// object[key]: the member, which must exist.
OrderedJson& item(OrderedJson& object, std::string_view key);
// del object[key]
void erase(OrderedJson& object, std::string_view key);
// list.insert(index, value): a negative index counts from the end; out-of-range indexes are clamped.
void insert(OrderedJson& list, std::ptrdiff_t index, OrderedJson value);
// list.append(value)
void append(OrderedJson& list, OrderedJson value);
// list.remove(value): removes the first element equal to `value`; ValueError when there is none.
void remove(OrderedJson& list, const OrderedJson& value);
// value == number, as Python compares a loaded JSON value with an int (2 == 2.0; strings never equal).
bool equals_number(const OrderedJson& value, long long number);
// str(value) as an f-string shows a loaded JSON value: strings bare, numbers and the rest as JSON.
std::string str(const OrderedJson& value);

}  // namespace pyjson

}  // namespace butler_migrate

// Reading and editing the stored dimension universe (config:dimensions.json) as upstream's
// ButlerAttributes.update_dimensions_json does, with Python's dict and list semantics for the edits.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "butler_migrate/util/python_json.hpp"
#include "butler_migrate/core/registry.hpp"

namespace butler_migrate {

// The stored config:dimensions.json text. Throws MigrationError "Key config:dimensions.json does not exist in
// attributes table" when the row is missing.
std::string stored_dimensions_json(ButlerAttributes& attributes);

// The stored config:dimensions.json, parsed. Throws as stored_dimensions_json does, and MigrationError
// "config:dimensions.json is not valid JSON: <detail>" when it cannot be parsed.
OrderedJson read_dimensions_json(ButlerAttributes& attributes);

// Reads config:dimensions.json, applies `edit` and stores json.dumps of the result (key order kept, new keys
// appended). Throws as read_dimensions_json does, and whatever `edit` throws.
void update_dimensions_json(ButlerAttributes& attributes, const std::function<void(OrderedJson&)>& edit);

// The stored config:dimensions.json with its "namespace" set to `ns` (replaced in place, or appended at the end
// as a Python dict does), as json.dumps writes it; nothing is written. Throws as read_dimensions_json does, and
// MigrationError "config:dimensions.json is not a JSON object" when it is another JSON value.
std::string dimensions_json_with_namespace(ButlerAttributes& attributes, const std::string& ns);

// Stores `json` as config:dimensions.json in a transaction of its own, and commits it.
void store_dimensions_json(Database& db, const std::string& json);

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

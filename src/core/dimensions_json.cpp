// Reading, editing and storing config:dimensions.json, and the Python dict/list operations the edits are written with.
#include "butler_migrate/core/dimensions_json.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {

std::string stored_dimensions_json(ButlerAttributes& attributes) {
    auto stored = attributes.get(kDimensionsJsonKey);
    if (!stored) throw MigrationError(fmt::format("Key {} does not exist in attributes table", kDimensionsJsonKey));
    return *stored;
}

OrderedJson read_dimensions_json(ButlerAttributes& attributes) {
    return parse_json(stored_dimensions_json(attributes), kDimensionsJsonKey);
}

void update_dimensions_json(ButlerAttributes& attributes, const std::function<void(OrderedJson&)>& edit) {
    OrderedJson config = read_dimensions_json(attributes);
    edit(config);
    attributes.update(kDimensionsJsonKey, python_json_dumps(config));
}

std::string dimensions_json_with_namespace(ButlerAttributes& attributes, const std::string& ns) {
    OrderedJson config = read_dimensions_json(attributes);
    if (!config.is_object()) throw MigrationError(fmt::format("{} is not a JSON object", kDimensionsJsonKey));
    config["namespace"] = ns;  // replaced in place, or appended at the end like a Python dict
    return python_json_dumps(config);
}

void store_dimensions_json(Database& db, const std::string& json) {
    Transaction transaction(db);
    ButlerAttributes(db).update(kDimensionsJsonKey, json);
    // Upstream under SQLAlchemy 2 never commits this change; here it is committed.
    transaction.commit();
}

namespace pyjson {

namespace {

OrderedJson& require_list(OrderedJson& list, std::string_view operation) {
    if (!list.is_array()) {
        throw MigrationError(fmt::format("{}: expected a list in {}, found {}", operation, kDimensionsJsonKey,
                                         list.type_name()));
    }
    return list;
}

}  // namespace

OrderedJson& item(OrderedJson& object, std::string_view key) {
    if (!object.is_object()) {
        throw MigrationError(fmt::format("expected an object in {} to look up {}, found {}", kDimensionsJsonKey, key,
                                         object.type_name()));
    }
    auto it = object.find(std::string(key));
    if (it == object.end()) throw MigrationError(fmt::format("no such key in {}: {}", kDimensionsJsonKey, key));
    return *it;
}

void erase(OrderedJson& object, std::string_view key) {
    item(object, key);
    object.erase(std::string(key));
}

void insert(OrderedJson& list, std::ptrdiff_t index, OrderedJson value) {
    require_list(list, "list.insert");
    const auto size = static_cast<std::ptrdiff_t>(list.size());
    if (index < 0) index += size;
    index = std::clamp<std::ptrdiff_t>(index, 0, size);
    list.insert(list.begin() + index, std::move(value));
}

void append(OrderedJson& list, OrderedJson value) { require_list(list, "list.append").push_back(std::move(value)); }

void remove(OrderedJson& list, const OrderedJson& value) {
    require_list(list, "list.remove");
    auto it = std::find(list.begin(), list.end(), value);
    if (it == list.end()) {
        throw MigrationError(fmt::format("list.remove(x): x not in list (x = {}, in {})", python_json_dumps(value),
                                         kDimensionsJsonKey));
    }
    list.erase(it);
}

bool equals_number(const OrderedJson& value, long long number) {
    if (value.is_boolean()) return (value.get<bool>() ? 1 : 0) == number;
    if (value.is_number_integer()) return value.get<long long>() == number;
    if (value.is_number_unsigned()) return number >= 0 && value.get<unsigned long long>() == static_cast<unsigned long long>(number);
    if (value.is_number_float()) return value.get<double>() == static_cast<double>(number);
    return false;
}

std::string str(const OrderedJson& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "True" : "False";
    if (value.is_null()) return "None";
    return python_json_dumps(value);
}

}  // namespace pyjson

}  // namespace butler_migrate

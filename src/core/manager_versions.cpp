// Which manager classes and versions butler_attributes records, and the revisions they correspond to.
#include <algorithm>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/python_json.hpp"
#include "butler_migrate/core/registry.hpp"
#include "butler_migrate/core/revision_id.hpp"

namespace butler_migrate {

namespace {

constexpr std::string_view kManagerPrefix = "config:registry.managers.";
constexpr std::string_view kVersionPrefix = "version:";
constexpr std::string_view kObscoreConfigPrefix = "obscore-config:";

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string after_last(std::string_view text, char c) {
    auto pos = text.rfind(c);
    return std::string(pos == std::string_view::npos ? text : text.substr(pos + 1));
}

// Python's str() of a JSON scalar used as a version ("6" for 6).
std::string version_text(const OrderedJson& value, std::string_view key) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer() || value.is_number_unsigned()) return value.dump();
    if (value.is_number_float()) return python_float_repr(value.get<double>());
    throw MigrationError(fmt::format("{} has no usable \"version\" value", key));
}

const OrderedJson& required_key(const OrderedJson& object, const char* key, std::string_view what) {
    if (!object.is_object() || !object.contains(key)) {
        throw MigrationError(fmt::format("{} has no \"{}\" key", what, key));
    }
    return object.at(key);
}

// Keeps insertion order like a Python dict: assigning an existing key keeps its position.
void assign(std::vector<std::pair<std::string, std::string>>& map, const std::string& key, const std::string& value) {
    for (auto& [k, v] : map) {
        if (k == key) {
            v = value;
            return;
        }
    }
    map.emplace_back(key, value);
}

// A "namespace" value of a stored JSON configuration: a string, or null for none. Anything else is refused
// (upstream fails with a Python TypeError/AttributeError there).
std::optional<std::string> namespace_text(const OrderedJson& value, std::string_view key) {
    if (value.is_null()) return std::nullopt;
    if (!value.is_string()) {
        throw MigrationError(fmt::format("{} has a \"namespace\" value that is not a string: {}", key, value.dump()));
    }
    return value.get<std::string>();
}

std::optional<std::string> lookup(const std::vector<std::pair<std::string, std::string>>& map, const std::string& key) {
    for (const auto& [k, v] : map) {
        if (k == key) return v;
    }
    return std::nullopt;
}

}  // namespace

void require_butler_registry(Database& db) {
    if (!db.has_table("butler_attributes")) {
        // Quoted with escapes ({:?}) so that a schema name with control characters stays on one line.
        std::string where = db.schema() ? fmt::format(" in schema {:?}", *db.schema()) : "";
        throw DatabaseError(fmt::format("Not a Butler registry: table butler_attributes does not exist{}", where));
    }
}


std::vector<ManagerVersion> manager_versions(Database& db, const std::optional<std::string>& ns) {
    require_butler_registry(db);
    std::vector<std::pair<std::string, std::string>> managers;
    std::vector<std::pair<std::string, std::string>> versions;
    std::vector<ManagerVersion> result;
    for (const auto& [name, value] : ButlerAttributes(db).rows()) {
        if (starts_with(name, kPatchConfigPrefix)) {
            // A patch tree's own row; its manager name would clash with the regular managers', so it goes
            // straight to the result under the tree's name.
            const std::string tree = name.substr(kPatchConfigPrefix.size());
            auto json = parse_json(value, name);
            const std::string manager = version_text(required_key(json, "manager", name), name);
            const std::string version = version_text(required_key(json, "version", name), name);
            auto existing = std::find_if(result.begin(), result.end(), [&](const auto& m) { return m.manager == tree; });
            ManagerVersion entry{tree, manager, version, rev_id({tree, manager, version})};
            if (existing != result.end()) {
                *existing = entry;
            } else {
                result.push_back(entry);
            }
        } else if (starts_with(name, kManagerPrefix)) {
            assign(managers, after_last(name, '.'), value);
        } else if (starts_with(name, kVersionPrefix)) {
            assign(versions, name.substr(kVersionPrefix.size()), value);
        } else if (name == kDimensionsJsonKey) {
            auto json = parse_json(value, kDimensionsJsonKey);
            std::optional<std::string> namespace_ = ns;
            if (json.is_object() && json.contains("namespace")) {
                namespace_ = namespace_text(json.at("namespace"), kDimensionsJsonKey);
            }
            if (namespace_) {
                assign(managers, "dimensions-config", *namespace_);
                assign(versions, *namespace_, version_text(required_key(json, "version", kDimensionsJsonKey), kDimensionsJsonKey));
            }
        } else if (name == kObscoreJsonKey) {
            auto json = parse_json(value, kObscoreJsonKey);
            auto stored_ns =
                namespace_text(required_key(json, "namespace", kObscoreJsonKey), kObscoreJsonKey);
            if (!stored_ns) throw MigrationError(fmt::format("{} has a null \"namespace\" value", kObscoreJsonKey));
            std::string key = std::string(kObscoreConfigPrefix) + *stored_ns;
            assign(managers, "obscore-config", key);
            assign(versions, key, version_text(required_key(json, "version", kObscoreJsonKey), kObscoreJsonKey));
        }
    }

    for (const auto& [manager, stored_class] : managers) {
        auto version = lookup(versions, stored_class);
        if (!version || version->empty()) continue;
        std::string klass = after_last(stored_class, ':');
        result.push_back({manager, klass, *version, rev_id({manager, after_last(klass, '.'), *version})});
    }
    return result;
}

std::optional<std::string> dimensions_namespace(Database& db) {
    require_butler_registry(db);
    auto value = ButlerAttributes(db).get(kDimensionsJsonKey);
    if (!value) return std::nullopt;
    auto json = parse_json(*value, kDimensionsJsonKey);
    if (!json.is_object() || !json.contains("namespace") || json.at("namespace").is_null()) return std::nullopt;
    const auto& stored = json.at("namespace");
    return stored.is_string() ? stored.get<std::string>() : stored.dump();
}

void require_dimensions_namespace(Database& db, const std::optional<std::string>& ns_option) {
    if (ns_option) return;
    if (!dimensions_namespace(db)) {
        throw UsageError(
            "The `--namespace` option is required when namespace is missing from stored dimensions configuration");
    }
}

}  // namespace butler_migrate

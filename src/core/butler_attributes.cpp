// Access to the butler_attributes table: the registry's key/value store of manager classes and versions.
#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/python_json.hpp"
#include "butler_migrate/core/registry.hpp"

namespace butler_migrate {

std::vector<std::pair<std::string, std::string>> ButlerAttributes::rows() {
    std::vector<std::pair<std::string, std::string>> out;
    db_.query_each(fmt::format("SELECT name, value FROM {}", db_.table("butler_attributes")), {},
                   [&](const SqlRow& row) { out.emplace_back(row[0].value_or(""), row[1].value_or("")); });
    return out;
}

std::optional<std::string> ButlerAttributes::get(std::string_view name) {
    auto rows = db_.query(fmt::format("SELECT value FROM {} WHERE name = ?", db_.table("butler_attributes")),
                          {std::string(name)});
    if (rows.empty()) return std::nullopt;
    return rows.front()[0];
}

void ButlerAttributes::insert(std::string_view name, std::string_view value) {
    db_.execute(fmt::format("INSERT INTO {} (name, value) VALUES (?, ?)", db_.table("butler_attributes")),
                {std::string(name), std::string(value)});
}

long long ButlerAttributes::update(std::string_view name, std::string_view value) {
    return db_.execute(fmt::format("UPDATE {} SET value = ? WHERE name = ?", db_.table("butler_attributes")),
                       {std::string(value), std::string(name)});
}

long long ButlerAttributes::remove(std::string_view name) {
    return db_.execute(fmt::format("DELETE FROM {} WHERE name = ?", db_.table("butler_attributes")),
                       {std::string(name)});
}

void ButlerAttributes::update_manager_version(std::string_view klass, std::string_view version) {
    std::string key = fmt::format("version:{}", klass);
    const long long changed = update(key, version);
    if (changed > 1) {
        // Only a table without its primary key can hold a name twice; upstream reports it as "not found".
        throw MigrationError(fmt::format("Manager key {} appears {} times in butler_attributes table.", key, changed));
    }
    if (changed != 1) {
        throw MigrationError(fmt::format("Manager key {} is not found in butler_attributes table.", key));
    }
}

void ButlerAttributes::update_patch_version(std::string_view tree, std::string_view manager, std::string_view version) {
    OrderedJson value = OrderedJson::object();
    value["manager"] = std::string(manager);
    value["version"] = std::string(version);
    const std::string key = fmt::format("{}{}", kPatchConfigPrefix, tree);
    const std::string text = python_json_dumps(value);
    if (get(key)) {
        update(key, text);
    } else {
        insert(key, text);
    }
}

}  // namespace butler_migrate

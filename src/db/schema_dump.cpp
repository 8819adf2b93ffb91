// Renders reflected tables exactly as upstream's Database.dump_schema prints SQLAlchemy Inspector results.
#include "butler_migrate/db/schema_dump.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "db/sorted_by_name.hpp"

namespace butler_migrate {

namespace {

std::string python_bool(bool value) { return value ? "True" : "False"; }

std::string python_optional(const std::optional<std::string>& value) { return value ? *value : "None"; }

std::string joined(const std::vector<std::string>& names) { return fmt::format("{}", fmt::join(names, ",")); }

}  // namespace

std::string render_table_schema(const TableSchema& table, Dialect dialect) {
    const std::string& t = table.name;
    std::string out = fmt::format("table={}\n", t);

    auto columns = table.columns;
    std::stable_sort(columns.begin(), columns.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& c : columns) {
        out += fmt::format("  column={} type={} nullable={} default={} [table={}]\n", c.name, c.type,
                           python_bool(c.nullable), python_optional(c.default_value), t);
    }
    out += fmt::format("  PK name={} columns=({}) [table={}]\n", python_optional(table.primary_key.name),
                       joined(table.primary_key.columns), t);
    for (const auto& u : sorted_by_name(table.unique_constraints)) {
        out += fmt::format("  UNIQUE name={} columns=({}) [table={}]\n", python_optional(u.name), joined(u.columns), t);
    }
    for (const auto& fk : sorted_by_name(table.foreign_keys)) {
        out += fmt::format("  FK name={} ({}) -> {}({}) [table={}]\n", python_optional(fk.name), joined(fk.columns),
                           fk.referred_table, joined(fk.referred_columns), t);
    }
    for (const auto& ck : sorted_by_name(table.check_constraints)) {
        out += fmt::format("  CHECK name={} sqltext={} [table={}]\n", python_optional(ck.name), ck.sqltext, t);
    }
    for (const auto& ix : sorted_by_name(table.indexes)) {
        std::string unique = dialect == Dialect::sqlite ? (ix.unique ? "1" : "0") : python_bool(ix.unique);
        out += fmt::format("  INDEX name={} columns=({}) unique={} [table={}]\n", python_optional(ix.name),
                           joined(ix.columns), unique, t);
    }
    return out;
}

std::string render_schema_dump(Database& db, const std::vector<std::string>& tables) {
    std::string out;
    for (const auto& name : db.table_names()) {
        if (!tables.empty() && std::find(tables.begin(), tables.end(), name) == tables.end()) continue;
        out += render_table_schema(db.reflect_table(name), db.dialect());
    }
    return out;
}

}  // namespace butler_migrate

// The JSON form of `dump-schema` (upstream's --json): reflected tables as json.dump(..., indent=2) writes them.
#include <algorithm>
#include <string>

#include "butler_migrate/db/schema_dump.hpp"
#include "butler_migrate/util/python_json.hpp"
#include "db/sorted_by_name.hpp"

namespace butler_migrate {

namespace {

OrderedJson string_or_null(const std::optional<std::string>& name) {
    return name ? OrderedJson(*name) : OrderedJson(nullptr);
}

OrderedJson name_list(const std::vector<std::string>& names) {
    OrderedJson list = OrderedJson::array();
    for (const auto& name : names) list.push_back(name);
    return list;
}

OrderedJson columns_json(std::vector<ColumnInfo> columns) {
    std::stable_sort(columns.begin(), columns.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    OrderedJson list = OrderedJson::array();
    for (const auto& column : columns) {
        OrderedJson entry;
        entry["name"] = column.name;
        entry["type"] = column.type;
        entry["nullable"] = column.nullable;
        entry["default"] = string_or_null(column.default_value);
        list.push_back(std::move(entry));
    }
    return list;
}

// SQLAlchemy's SQLite dialect reports index uniqueness as the integer of PRAGMA index_list, PostgreSQL's as a
// boolean; json.dump keeps the difference (1 / true).
OrderedJson index_unique(bool unique, Dialect dialect) {
    return dialect == Dialect::sqlite ? OrderedJson(unique ? 1 : 0) : OrderedJson(unique);
}

// The optional lists are left out when empty, as upstream adds them with setdefault() on the first entry.
void add_constraints(OrderedJson& out, const TableSchema& table, Dialect dialect) {
    for (const auto& unique : sorted_by_name(table.unique_constraints)) {
        OrderedJson entry;
        entry["name"] = string_or_null(unique.name);
        entry["columns"] = name_list(unique.columns);
        out["unique_constraints"].push_back(std::move(entry));
    }
    for (const auto& fk : sorted_by_name(table.foreign_keys)) {
        OrderedJson entry;
        entry["name"] = string_or_null(fk.name);
        entry["columns"] = name_list(fk.columns);
        entry["referred_table"] = fk.referred_table;
        entry["referred_columns"] = name_list(fk.referred_columns);
        out["foreign_keys"].push_back(std::move(entry));
    }
    for (const auto& check : sorted_by_name(table.check_constraints)) {
        OrderedJson entry;
        entry["name"] = string_or_null(check.name);
        entry["sqltext"] = check.sqltext;
        out["check_constraints"].push_back(std::move(entry));
    }
    for (const auto& index : sorted_by_name(table.indexes)) {
        OrderedJson entry;
        entry["name"] = string_or_null(index.name);
        entry["columns"] = name_list(index.columns);
        entry["unique"] = index_unique(index.unique, dialect);
        out["indices"].push_back(std::move(entry));
    }
}

OrderedJson table_json(const TableSchema& table, Dialect dialect, bool make_pk_name) {
    OrderedJson out;
    out["columns"] = columns_json(table.columns);
    // The Inspector always returns a primary key entry (name None and no columns when there is none).
    OrderedJson primary_key;
    std::optional<std::string> pk_name = table.primary_key.name;
    if (!pk_name && make_pk_name) pk_name = table.name + "_pkey";
    primary_key["name"] = string_or_null(pk_name);
    primary_key["columns"] = name_list(table.primary_key.columns);
    out["primary_key"] = std::move(primary_key);
    add_constraints(out, table, dialect);
    return out;
}

// json.dump(value, indent=2): "," between items, ": " after keys, each item on its own line indented by two
// spaces per level, empty containers as [] and {}; scalars and keys exactly as json.dumps writes them.
void append_indented(std::string& out, const OrderedJson& value, size_t depth) {
    const bool object = value.is_object();
    if ((!object && !value.is_array()) || value.empty()) {
        out += python_json_dumps(value);
        return;
    }
    const std::string inner = "\n" + std::string(2 * (depth + 1), ' ');
    out += object ? '{' : '[';
    bool first = true;
    for (const auto& item : value.items()) {
        if (!first) out += ',';
        first = false;
        out += inner;
        if (object) out += python_json_dumps(OrderedJson(item.key())) + ": ";
        append_indented(out, item.value(), depth + 1);
    }
    out += "\n" + std::string(2 * depth, ' ');
    out += object ? '}' : ']';
}

}  // namespace

std::string render_schema_dump_json(Database& db, const std::vector<std::string>& tables, bool make_pk_name) {
    OrderedJson document = OrderedJson::object();
    for (const auto& name : db.table_names()) {
        if (!tables.empty() && std::find(tables.begin(), tables.end(), name) == tables.end()) continue;
        document[name] = table_json(db.reflect_table(name), db.dialect(), make_pk_name);
    }
    std::string out;
    append_indented(out, document, 0);
    return out;
}

}  // namespace butler_migrate

// Dataset identities from the dataset table and the tag tables, and the registry's tables and columns.
#include "dataset_identity.hpp"

#include <algorithm>

namespace reliability {

namespace {

const char* kNull = "<null>";

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// "column=value" for every column but `skip`, in column-name order.
std::string columns_text(const std::vector<std::string>& columns, const butler_migrate::SqlRow& row,
                         const std::string& skip) {
    std::vector<std::string> items;
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) {
        if (columns[i] != skip) items.push_back(columns[i] + "=" + row[i].value_or(kNull));
    }
    std::sort(items.begin(), items.end());
    std::string text;
    for (const auto& item : items) text += item + ",";
    return text;
}

std::size_t column_index(const std::vector<std::string>& columns, const std::string& name) {
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
}

// Adds "<table>:<other columns>" to the parts of the dataset in `id_column` of every row of `table`.
void collect_parts(const RegistryClone& registry, const std::string& table, const std::string& id_column,
                   std::map<std::string, std::vector<std::string>>& parts) {
    const auto columns = table_columns(registry, table);
    const std::size_t id = column_index(columns, id_column);
    if (id == columns.size()) return;
    registry.query_each("SELECT * FROM {schema}.\"" + table + "\"", [&](const butler_migrate::SqlRow& row) {
        parts[row[id].value_or(kNull)].push_back(table + ":" + columns_text(columns, row, id_column));
    });
}

}  // namespace

std::vector<std::string> table_columns(const RegistryClone& registry, const std::string& table) {
    const auto rows = registry.is_sqlite()
                          ? registry.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", {table})
                          : registry.query("SELECT column_name FROM information_schema.columns WHERE table_schema = ? "
                                           "AND table_name = ? ORDER BY ordinal_position",
                                           {registry.schema(), table});
    std::vector<std::string> columns;
    for (const auto& row : rows) columns.push_back(row.at(0).value_or(""));
    return columns;
}

std::vector<std::string> registry_tables(const RegistryClone& registry) {
    const auto rows = registry.is_sqlite()
                          ? registry.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                           "'sqlite\\_%' ESCAPE '\\' ORDER BY name")
                          : registry.query("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                                           "AND table_type = 'BASE TABLE' ORDER BY table_name",
                                           {registry.schema()});
    std::vector<std::string> tables;
    for (const auto& row : rows) tables.push_back(row.at(0).value_or(""));
    return tables;
}

bool is_dataset_id_column(const std::string& table, const std::string& column) {
    return column == "dataset_id" || (table == "dataset" && column == "id");
}

std::string DatasetIdentities::identity(const std::string& id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? "unknown dataset " + id : it->second;
}

DatasetIdentities dataset_identities(const RegistryClone& registry, const std::vector<std::string>& tables) {
    std::map<std::string, std::vector<std::string>> parts;
    for (const auto& table : tables) {
        if (table == "dataset") collect_parts(registry, table, "id", parts);
        else if (starts_with(table, "dataset_tags_")) collect_parts(registry, table, "dataset_id", parts);
    }
    DatasetIdentities identities;
    std::map<std::string, int> uses;
    for (auto& [id, list] : parts) {
        std::sort(list.begin(), list.end());
        std::string identity;
        for (const auto& part : list) identity += part + " | ";
        identities.by_id[id] = identity;
        ++uses[identity];
    }
    for (const auto& [id, identity] : identities.by_id) {
        if (uses[identity] > 1) ++identities.ambiguous;
    }
    return identities;
}

}  // namespace reliability

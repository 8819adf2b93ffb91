// Reflects one SQLite table the way SQLAlchemy 2.0's Inspector does: PRAGMA table_xinfo / index_list /
// index_info / foreign_key_list, completed with names and clauses parsed from the CREATE TABLE text.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>

#include "butler_migrate/util/errors.hpp"
#include "db/sqlite_schema.hpp"

namespace butler_migrate {

namespace {

using namespace sqlite_schema;

// PRAGMA rows for the table in the main database, else in the temp one (as upstream looks it up).
std::vector<SqlRow> table_pragma(Database& db, const char* pragma, std::string_view name) {
    for (const char* schema : {"main", "temp"}) {
        auto rows = db.query(fmt::format("PRAGMA {}.{}({})", schema, pragma, Database::quote(name)));
        if (!rows.empty()) return rows;
    }
    return {};
}

std::string text(const SqlValue& value) { return value.value_or(""); }
long long number(const SqlValue& value) { return value ? std::stoll(*value) : 0; }

std::string table_sql(Database& db, std::string_view name) {
    auto rows = db.query(
        "SELECT sql FROM (SELECT * FROM sqlite_master UNION ALL SELECT * FROM sqlite_temp_master) "
        "WHERE name = ? AND type IN ('table', 'view')",
        {std::string(name)});
    if (rows.empty() || !rows[0][0]) throw DatabaseError(fmt::format("Table '{}' does not exist", name));
    return *rows[0][0];
}

// Generated columns report "INTEGER GENERATED ALWAYS" as their type; upstream drops those words anywhere.
std::string without_generated_words(std::string type) {
    static const std::regex words("generated|always", std::regex::icase);
    type = std::regex_replace(type, words, "");
    type.erase(0, type.find_first_not_of(" \t\n\r\f\v"));
    type.erase(type.find_last_not_of(" \t\n\r\f\v") + 1);
    return type;
}

struct ColumnsAndKey {
    std::vector<ColumnInfo> columns;
    std::vector<std::string> primary_key;
};

ColumnsAndKey read_columns(Database& db, std::string_view name) {
    ColumnsAndKey out;
    std::vector<std::pair<long long, std::string>> key_columns;
    for (const auto& row : table_pragma(db, "table_xinfo", name)) {
        long long hidden = number(row[6]);
        if (hidden == 1) continue;  // hidden columns of virtual tables
        std::string declared = text(row[2]);
        if (hidden != 0) declared = without_generated_words(declared);
        ColumnInfo column{text(row[1]), reflected_type(declared), number(row[3]) == 0, row[4]};
        if (number(row[5]) > 0) key_columns.emplace_back(number(row[5]), column.name);
        out.columns.push_back(std::move(column));
    }
    std::stable_sort(key_columns.begin(), key_columns.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [position, column] : key_columns) out.primary_key.push_back(column);
    return out;
}

// Indexes with their columns; expression indexes are left out, as upstream skips them.
std::vector<IndexInfo> read_indexes(Database& db, std::string_view name, bool include_automatic) {
    std::vector<IndexInfo> indexes;
    for (const auto& row : table_pragma(db, "index_list", name)) {
        std::string index_name = text(row[1]);
        if (!include_automatic && index_name.rfind("sqlite_autoindex", 0) == 0) continue;
        IndexInfo index{index_name, {}, number(row[2]) != 0};
        bool has_expression = false;
        for (const auto& column : table_pragma(db, "index_info", index_name)) {
            if (!column[2]) has_expression = true;
            else index.columns.push_back(*column[2]);
        }
        if (!has_expression) indexes.push_back(std::move(index));
    }
    std::stable_sort(indexes.begin(), indexes.end(),
                     [](const IndexInfo& a, const IndexInfo& b) { return a.name.value_or("~") < b.name.value_or("~"); });
    return indexes;
}

std::vector<std::string> fk_signature(const std::vector<std::string>& columns, const std::string& table,
                                      const std::vector<std::string>& referred) {
    std::vector<std::string> signature = columns;
    signature.push_back(table);
    signature.insert(signature.end(), referred.begin(), referred.end());
    return signature;
}

std::vector<ForeignKeyInfo> read_foreign_keys(Database& db, std::string_view name, const std::string& sql) {
    // PRAGMA foreign_key_list: id, seq, table, from, to, on_update, on_delete, match.
    std::vector<long long> order;
    std::map<long long, ForeignKeyInfo> by_id;
    for (const auto& row : table_pragma(db, "foreign_key_list", name)) {
        long long id = number(row[0]);
        auto [it, added] = by_id.try_emplace(id);
        ForeignKeyInfo& fk = it->second;
        if (added) {
            order.push_back(id);
            fk.referred_table = text(row[2]);
            if (!row[4] && sqlite_has_table(db, fk.referred_table)) {
                fk.referred_columns = read_columns(db, fk.referred_table).primary_key;  // "REFERENCES t" alone
            }
            for (auto [value, action] : {std::pair{&row[6], &fk.on_delete}, std::pair{&row[5], &fk.on_update}}) {
                if (*value && **value != "NO ACTION") *action = **value;
            }
        }
        fk.columns.push_back(text(row[3]));
        if (row[4]) fk.referred_columns.push_back(*row[4]);
    }
    std::vector<ForeignKeyInfo> keys;
    for (const auto& parsed : parse_foreign_keys(sql)) {
        auto wanted = fk_signature(parsed.columns, parsed.referred_table, parsed.referred_columns);
        auto match = std::find_if(order.begin(), order.end(), [&](long long id) {
            const auto& fk = by_id.at(id);
            return fk_signature(fk.columns, fk.referred_table, fk.referred_columns) == wanted;
        });
        if (match == order.end()) continue;
        ForeignKeyInfo fk = by_id.at(*match);
        fk.name = parsed.name;
        fk.on_delete = parsed.on_delete;
        fk.on_update = parsed.on_update;
        keys.push_back(std::move(fk));
        order.erase(match);
    }
    for (long long id : order) keys.push_back(by_id.at(id));  // inline, unnamed constraints
    return keys;
}

// UNIQUE clauses of the DDL that SQLite backs with an automatic index (others are not constraints).
std::vector<UniqueConstraintInfo> read_unique_constraints(Database& db, std::string_view name, const std::string& sql) {
    std::vector<std::vector<std::string>> automatic;
    for (const auto& index : read_indexes(db, name, true)) {
        bool is_automatic = index.name->rfind("sqlite_autoindex", 0) == 0;
        if (is_automatic && std::find(automatic.begin(), automatic.end(), index.columns) == automatic.end()) {
            automatic.push_back(index.columns);
        }
    }
    std::vector<UniqueConstraintInfo> uniques;
    for (const auto& parsed : parse_unique_constraints(sql)) {
        auto match = std::find(automatic.begin(), automatic.end(), parsed.columns);
        if (match == automatic.end()) continue;
        automatic.erase(match);
        uniques.push_back({parsed.name, parsed.columns});
    }
    return uniques;
}

}  // namespace

bool sqlite_has_table(Database& db, std::string_view name) {
    return !table_pragma(db, "table_info", name).empty();
}

TableSchema read_sqlite_table(Database& db, std::string_view name) {
    const std::string sql = table_sql(db, name);
    TableSchema table;
    table.name = std::string(name);
    auto columns = read_columns(db, name);
    table.columns = std::move(columns.columns);
    table.primary_key.columns = std::move(columns.primary_key);
    if (!table.primary_key.columns.empty()) table.primary_key.name = primary_key_name(sql);
    table.unique_constraints = read_unique_constraints(db, name, sql);
    table.foreign_keys = read_foreign_keys(db, name, sql);
    table.check_constraints = parse_check_constraints(sql);
    std::stable_sort(table.check_constraints.begin(), table.check_constraints.end(),
                     [](const auto& a, const auto& b) { return a.name.value_or("~") < b.name.value_or("~"); });
    table.indexes = read_indexes(db, name, false);
    return table;
}

}  // namespace butler_migrate

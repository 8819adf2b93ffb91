// Reflects one PostgreSQL table from pg_catalog with the results SQLAlchemy 2.0's Inspector gives:
// columns with format_type() and pg_get_expr() defaults, key/unique/foreign/check constraints, and every
// index except the primary key's (indexes backing unique or exclusion constraints included).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>

#include "butler_migrate/util/errors.hpp"
#include "db/postgres_schema.hpp"

namespace butler_migrate {

namespace {

constexpr const char* kTableKinds = "('r', 'p', 'f', 'v', 'm')";

std::string text(const SqlValue& value) { return value.value_or(""); }
bool is_true(const SqlValue& value) { return value && *value == "t"; }

std::string table_oid(Database& db, const std::string& schema, std::string_view name) {
    auto rows = db.query(fmt::format("SELECT c.oid FROM pg_catalog.pg_class c "
                                     "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                     "WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN {}",
                                     kTableKinds),
                         {schema, std::string(name)});
    if (rows.empty()) throw DatabaseError(fmt::format("Table '{}' does not exist in schema '{}'", name, schema));
    return text(rows[0][0]);
}

// A sequence default names its sequence unqualified when the search path finds it; upstream then
// qualifies it with the configured schema.
std::string qualified_sequence_default(const std::string& value, const std::optional<std::string>& schema) {
    static const std::regex nextval(R"re((nextval\(')([^']+)('.*$))re");
    std::smatch m;
    if (!schema || !std::regex_search(value, m, nextval) || m[2].str().find('.') != std::string::npos) return value;
    return m.prefix().str() + m[1].str() + "\"" + *schema + "\"." + m[2].str() + m[3].str();
}

std::vector<ColumnInfo> read_columns(Database& db, const std::string& oid, const std::optional<std::string>& schema) {
    auto rows = db.query(
        "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), "
        "CASE WHEN a.atthasdef THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END, a.attnotnull, a.attgenerated, "
        "CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END, "
        "COALESCE(et.typtype, t.typtype), t.typtype = 'd' AND t.typnotnull, "
        "CASE WHEN t.typtype = 'd' THEN t.typdefault END "
        "FROM pg_catalog.pg_attribute a "
        "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
        "LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' "
        "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
        "WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
        {oid});
    std::vector<ColumnInfo> columns;
    for (const auto& row : rows) {
        ColumnInfo column{text(row[0]), postgres_reflected_type(text(row[1]), row[5], text(row[6]).c_str()[0]),
                          !is_true(row[3]), row[2]};
        if (is_true(row[7])) column.nullable = false;  // a NOT NULL domain
        if ((!column.default_value || column.default_value->empty()) && row[8]) column.default_value = row[8];
        if (!text(row[4]).empty()) column.default_value.reset();  // generated column: the expression is no default
        if (column.default_value) column.default_value = qualified_sequence_default(*column.default_value, schema);
        columns.push_back(std::move(column));
    }
    return columns;
}

// Primary key ('p') or unique ('u') constraints: name and key columns in index order.
std::vector<std::pair<std::string, std::vector<std::string>>> read_key_constraints(Database& db, const std::string& oid,
                                                                                   const char* kind) {
    auto rows = db.query(
        "SELECT con.conname, a.attname FROM pg_catalog.pg_constraint con "
        "JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid "
        "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
        "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
        "WHERE con.conrelid = ?::oid AND con.contype = ? AND k.ord <= i.indnkeyatts "
        "ORDER BY con.conname, k.ord",
        {oid, std::string(kind)});
    std::vector<std::pair<std::string, std::vector<std::string>>> constraints;
    for (const auto& row : rows) {
        if (constraints.empty() || constraints.back().first != text(row[0])) constraints.push_back({text(row[0]), {}});
        constraints.back().second.push_back(text(row[1]));
    }
    return constraints;
}

std::optional<std::string> foreign_key_action(const std::string& code) {
    static const std::map<std::string, std::string> actions = {
        {"r", "RESTRICT"}, {"c", "CASCADE"}, {"n", "SET NULL"}, {"d", "SET DEFAULT"}};
    auto it = actions.find(code);
    if (it == actions.end()) return std::nullopt;  // 'a': NO ACTION, the default
    return it->second;
}

std::vector<ForeignKeyInfo> read_foreign_keys(Database& db, const std::string& oid, const std::optional<std::string>& schema) {
    auto rows = db.query(
        "SELECT con.conname, a.attname, ra.attname, ref.relname, rn.nspname, pg_catalog.pg_table_is_visible(ref.oid), "
        "con.confdeltype, con.confupdtype FROM pg_catalog.pg_constraint con "
        "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refnum, ord) "
        "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
        "JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refnum "
        "JOIN pg_catalog.pg_class ref ON ref.oid = con.confrelid "
        "JOIN pg_catalog.pg_namespace rn ON rn.oid = ref.relnamespace "
        "WHERE con.conrelid = ?::oid AND con.contype = 'f' ORDER BY con.conname, k.ord",
        {oid});
    std::vector<ForeignKeyInfo> keys;
    for (const auto& row : rows) {
        if (keys.empty() || keys.back().name != row[0]) {
            ForeignKeyInfo fk;
            fk.name = row[0];
            fk.referred_table = text(row[3]);
            // The definition names the referred schema only when the search path does not find the table.
            if (!is_true(row[5])) fk.referred_schema = row[4];
            else if (schema && *schema == text(row[4])) fk.referred_schema = schema;
            fk.on_delete = foreign_key_action(text(row[6]));
            fk.on_update = foreign_key_action(text(row[7]));
            keys.push_back(std::move(fk));
        }
        keys.back().columns.push_back(text(row[1]));
        keys.back().referred_columns.push_back(text(row[2]));
    }
    return keys;
}

std::vector<CheckConstraintInfo> read_check_constraints(Database& db, const std::string& oid) {
    std::vector<CheckConstraintInfo> checks;
    for (const auto& row : db.query("SELECT conname, pg_catalog.pg_get_constraintdef(oid, true) "
                                    "FROM pg_catalog.pg_constraint WHERE conrelid = ?::oid AND contype = 'c' "
                                    "ORDER BY conname",
                                    {oid})) {
        checks.push_back({row[0], postgres_check_sqltext(text(row[1]))});
    }
    return checks;
}

// Key columns of every index but the primary key's; an expression element is given as its text.
std::vector<IndexInfo> read_indexes(Database& db, const std::string& oid) {
    auto rows = db.query(
        "SELECT ic.relname, i.indisunique, "
        "CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) "
        "ELSE a.attname::text END "
        "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
        "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
        "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
        "WHERE i.indrelid = ?::oid AND NOT i.indisprimary AND k.ord <= i.indnkeyatts "
        "ORDER BY ic.relname, k.ord",
        {oid});
    std::vector<IndexInfo> indexes;
    for (const auto& row : rows) {
        if (indexes.empty() || indexes.back().name != row[0]) indexes.push_back({row[0], {}, is_true(row[1])});
        indexes.back().columns.push_back(text(row[2]));
    }
    return indexes;
}

}  // namespace

std::vector<std::string> postgres_table_names(Database& db, const std::string& schema) {
    std::vector<std::string> names;
    for (const auto& row : db.query("SELECT c.relname FROM pg_catalog.pg_class c "
                                    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                    "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relpersistence <> 't'",
                                    {schema})) {
        names.push_back(text(row[0]));
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool postgres_has_table(Database& db, const std::string& schema, std::string_view name) {
    return !db.query(fmt::format("SELECT 1 FROM pg_catalog.pg_class c "
                                 "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                 "WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN {}",
                                 kTableKinds),
                     {schema, std::string(name)})
                .empty();
}

TableSchema read_postgres_table(Database& db, const std::optional<std::string>& schema, std::string_view name) {
    const std::string oid = table_oid(db, schema.value_or("public"), name);
    TableSchema table;
    table.name = std::string(name);
    table.columns = read_columns(db, oid, schema);
    auto primary = read_key_constraints(db, oid, "p");
    if (!primary.empty()) table.primary_key = {primary.front().first, primary.front().second};
    for (auto& [constraint, columns] : read_key_constraints(db, oid, "u")) {
        table.unique_constraints.push_back({constraint, columns});
    }
    table.foreign_keys = read_foreign_keys(db, oid, schema);
    table.check_constraints = read_check_constraints(db, oid);
    table.indexes = read_indexes(db, oid);
    return table;
}

}  // namespace butler_migrate

// The definition of a table being re-created in alembic's SQLite batch mode: read from the database as
// SQLAlchemy reflects it, changed operation by operation, and written out as SQLAlchemy's CREATE TABLE.
#include <algorithm>
#include <cctype>
#include <regex>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "steps/sqlite_table_rebuild.hpp"

namespace butler_migrate::schema {

namespace {

using Kind = TableAlteration::Operation::Kind;

// alembic parenthesises a reflected SQLite default that looks like an expression (not one digit, not a
// quoted string, not already in parentheses), so that it can be written back as DDL.
std::string reflected_default_sql(const std::string& text) {
    static const std::regex one_digit(R"(^[0-9.]$)");
    static const std::regex quoted(R"(^'.+'$)");
    static const std::regex parenthesised(R"(^\(.+\)$)");
    if (std::regex_match(text, one_digit) || std::regex_match(text, quoted) || std::regex_match(text, parenthesised)) {
        return text;
    }
    return "(" + text + ")";
}

// SQLAlchemy's general class of a type ("_type_affinity"): a change within a class copies data as it is,
// a change across classes goes through CAST.
std::string type_class(const std::string& type) {
    std::string base = type.substr(0, type.find('('));
    std::transform(base.begin(), base.end(), base.begin(), [](unsigned char c) { return std::toupper(c); });
    base.erase(base.find_last_not_of(' ') + 1);
    static const std::vector<std::pair<std::string, std::vector<std::string>>> classes = {
        {"integer", {"INTEGER", "INT", "BIGINT", "SMALLINT"}},
        {"string", {"VARCHAR", "CHAR", "TEXT", "NVARCHAR", "NCHAR", "CLOB"}},
        {"numeric", {"FLOAT", "REAL", "DOUBLE", "DOUBLE PRECISION", "NUMERIC", "DECIMAL"}},
        {"datetime", {"DATETIME", "TIMESTAMP"}},
        {"binary", {"BLOB", "BINARY", "VARBINARY"}},
    };
    for (const auto& [name, members] : classes) {
        if (std::find(members.begin(), members.end(), base) != members.end()) return name;
    }
    return base;
}

std::optional<std::string> partial_index_predicate(Database& db, const std::string& index) {
    auto rows = db.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", {index});
    if (rows.empty() || !rows[0][0]) return std::nullopt;
    static const std::regex where_re(R"(\)\s+where\s+(.+))", std::regex::icase);
    std::smatch m;
    if (!std::regex_search(*rows[0][0], m, where_re)) return std::nullopt;
    return m[1].str();
}

DdlConstraint foreign_key_constraint(const ForeignKeyInfo& fk) {
    DdlConstraint c;
    c.kind = DdlConstraint::Kind::foreign_key;
    c.name = fk.name;
    c.columns = fk.columns;
    c.referred_table = fk.referred_table;
    c.referred_columns = fk.referred_columns;
    c.on_delete = fk.on_delete;
    c.on_update = fk.on_update;
    return c;
}

void keep(BatchTable& table, DdlConstraint constraint) {
    (constraint.name ? table.named_constraints : table.unnamed_constraints).push_back(std::move(constraint));
}

BatchColumn& column_by_key(BatchTable& table, const std::string& key) {
    auto it = std::find_if(table.columns.begin(), table.columns.end(), [&](const BatchColumn& c) { return c.key == key; });
    if (it == table.columns.end()) {
        throw MigrationError(fmt::format("No such column: '{}' in table {}", key, table.name));
    }
    return *it;
}

void alter_column(BatchTable& table, const std::string& key, const ColumnChange& change) {
    BatchColumn& column = column_by_key(table, key);
    if (change.new_name) column.definition.name = *change.new_name;
    if (change.type) {
        if (column.copied && type_class(*change.type) != type_class(column.definition.type)) column.cast_type = *change.type;
        column.definition.type = *change.type;
    }
    if (change.nullable) column.definition.nullable = *change.nullable;
    if (change.drop_default) column.definition.default_sql.reset();
    if (change.set_default) column.definition.default_sql = *change.set_default;
}

void drop_column(BatchTable& table, const std::string& key) {
    column_by_key(table, key);
    table.columns.erase(std::remove_if(table.columns.begin(), table.columns.end(),
                                       [&](const BatchColumn& c) { return c.key == key; }),
                        table.columns.end());
    if (table.primary_key) {
        auto& keys = table.primary_key->columns;
        keys.erase(std::remove(keys.begin(), keys.end(), key), keys.end());
    }
}

void drop_constraint(BatchTable& table, const std::string& name) {
    if (table.primary_key && table.primary_key->name == name) {
        table.primary_key.reset();
        return;
    }
    auto& named = table.named_constraints;
    auto it = std::find_if(named.begin(), named.end(), [&](const DdlConstraint& c) { return c.name == name; });
    if (it == named.end()) throw MigrationError(fmt::format("No such constraint: '{}'", name));
    named.erase(it);
}

void add_named_constraint(BatchTable& table, DdlConstraint constraint) {
    auto& named = table.named_constraints;
    auto it = std::find_if(named.begin(), named.end(), [&](const DdlConstraint& c) { return c.name == constraint.name; });
    if (it != named.end()) *it = std::move(constraint);
    else named.push_back(std::move(constraint));
}

void create_index(BatchTable& table, const TableAlteration::Operation& op) {
    DdlIndex index{op.name, op.columns, op.unique, std::nullopt};
    auto& added = table.new_indexes;
    auto it = std::find_if(added.begin(), added.end(), [&](const DdlIndex& i) { return i.name == op.name; });
    if (it != added.end()) *it = std::move(index);
    else added.push_back(std::move(index));
}

void drop_index(BatchTable& table, const std::string& name) {
    auto& indexes = table.indexes;
    auto it = std::find_if(indexes.begin(), indexes.end(), [&](const DdlIndex& i) { return i.name == name; });
    if (it == indexes.end()) throw MigrationError(fmt::format("No such index: '{}'", name));
    indexes.erase(it);
}

DdlConstraint new_constraint(const TableAlteration::Operation& op) {
    DdlConstraint c;
    c.name = op.name;
    c.columns = op.columns;
    switch (op.kind) {
        case Kind::create_primary_key: c.kind = DdlConstraint::Kind::primary_key; break;
        case Kind::create_unique: c.kind = DdlConstraint::Kind::unique; break;
        case Kind::create_check: c.kind = DdlConstraint::Kind::check; c.sqltext = op.sqltext; break;
        default:
            c = foreign_key_constraint({op.foreign_key.name, op.foreign_key.columns, std::nullopt,
                                        op.foreign_key.referred_table, op.foreign_key.referred_columns,
                                        op.foreign_key.on_delete, std::nullopt});
    }
    return c;
}

// Key columns renamed to their new names; nullopt when one of them is no longer in the table.
std::optional<std::vector<std::string>> current_names(const BatchTable& table, const std::vector<std::string>& keys) {
    std::vector<std::string> names;
    for (const auto& key : keys) {
        auto it = std::find_if(table.columns.begin(), table.columns.end(), [&](const BatchColumn& c) { return c.key == key; });
        if (it == table.columns.end()) return std::nullopt;
        names.push_back(it->definition.name);
    }
    return names;
}

}  // namespace

BatchTable reflect_batch_table(Database& db, const std::string& name) {
    TableSchema reflected = db.reflect_table(name);
    BatchTable table;
    table.name = name;
    for (const auto& column : reflected.columns) {
        std::optional<std::string> default_sql;
        if (column.default_value && !column.default_value->empty()) default_sql = reflected_default_sql(*column.default_value);
        table.columns.push_back({column.name, {column.name, column.type, column.nullable, default_sql}, true, std::nullopt, std::nullopt});
    }
    if (!reflected.primary_key.columns.empty()) {
        table.primary_key = DdlConstraint{DdlConstraint::Kind::primary_key, reflected.primary_key.name,
                                          reflected.primary_key.columns, {}, {}, {}, {}, {}};
    }
    for (const auto& fk : reflected.foreign_keys) keep(table, foreign_key_constraint(fk));
    for (const auto& unique : reflected.unique_constraints) {
        keep(table, DdlConstraint{DdlConstraint::Kind::unique, unique.name, unique.columns, {}, {}, {}, {}, {}});
    }
    for (const auto& check : reflected.check_constraints) {
        if (!check.name) continue;  // alembic cannot tell unnamed reflected CHECKs from type-bound ones: dropped
        keep(table, DdlConstraint{DdlConstraint::Kind::check, check.name, {}, {}, {}, {}, {}, check.sqltext});
    }
    for (const auto& index : reflected.indexes) {
        table.indexes.push_back({*index.name, index.columns, index.unique, partial_index_predicate(db, *index.name)});
    }
    return table;
}

void apply_batch_operation(BatchTable& table, const TableAlteration::Operation& op) {
    switch (op.kind) {
        case Kind::alter_column: alter_column(table, op.name, op.change); break;
        case Kind::add_column:
            table.columns.push_back({op.column.name,
                                     {op.column.name, op.column.type, op.column.nullable, op.column.server_default},
                                     false, std::nullopt, std::nullopt});
            break;
        case Kind::drop_column: drop_column(table, op.name); break;
        case Kind::drop_constraint: drop_constraint(table, op.name); break;
        case Kind::create_primary_key: table.primary_key = new_constraint(op); break;
        case Kind::create_unique:
        case Kind::create_foreign_key:
        case Kind::create_check: add_named_constraint(table, new_constraint(op)); break;
        case Kind::create_index: create_index(table, op); break;
        case Kind::drop_index: drop_index(table, op.name); break;
    }
}

std::string batch_temp_table_name(const std::string& table) {
    return ("_alembic_tmp_" + table).substr(0, 50);
}

std::string batch_create_table_sql(const BatchTable& table, const std::string& table_name) {
    DdlTable ddl;
    ddl.name = table_name;
    for (const auto& column : table.columns) ddl.columns.push_back(column.definition);
    std::vector<const DdlConstraint*> constraints;
    if (table.primary_key) constraints.push_back(&*table.primary_key);
    for (const auto& c : table.named_constraints) constraints.push_back(&c);
    for (const auto& c : table.unnamed_constraints) constraints.push_back(&c);
    for (const DdlConstraint* constraint : constraints) {
        // A constraint on a column that is gone is left out, as alembic does.
        auto names = current_names(table, constraint->columns);
        if (!names) continue;
        DdlConstraint renamed = *constraint;
        renamed.columns = *names;
        ddl.constraints.push_back(std::move(renamed));
    }
    return sqlite_create_table(ddl);
}

}  // namespace butler_migrate::schema

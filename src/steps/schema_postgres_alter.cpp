// PostgreSQL statements for alembic's batch operations, which PostgreSQL runs in place (no table re-creation).
#include "steps/schema_postgres_alter.hpp"

#include <fmt/format.h>

#include "steps/ddl_text.hpp"

namespace butler_migrate::schema {

namespace {

using Kind = TableAlteration::Operation::Kind;
constexpr Dialect kPg = Dialect::postgresql;

std::string id(const std::string& name) { return ddl_identifier(kPg, name); }
std::string constraint_id(const std::string& name) { return id(database_name(kPg, name)); }

// In the order of alembic's DefaultImpl.alter_column: nullability, default, type, and the new name last.
std::vector<std::string> alter_column(const std::string& prefix, const std::string& column, const ColumnChange& change) {
    std::vector<std::string> statements;
    const std::string alter = fmt::format("{} ALTER COLUMN {}", prefix, id(column));
    if (change.nullable) statements.push_back(alter + (*change.nullable ? " DROP NOT NULL" : " SET NOT NULL"));
    if (change.set_default) statements.push_back(fmt::format("{} SET DEFAULT {}", alter, *change.set_default));
    else if (change.drop_default) statements.push_back(alter + " DROP DEFAULT");
    if (change.type) statements.push_back(fmt::format("{} TYPE {}", alter, *change.type));
    if (change.new_name) statements.push_back(fmt::format("{} RENAME {} TO {}", prefix, id(column), id(*change.new_name)));
    return statements;
}

std::string foreign_key_clause(const std::optional<std::string>& schema, const ForeignKeySpec& fk) {
    std::string text = fmt::format("FOREIGN KEY({}) REFERENCES {} ({})", ddl_column_list(kPg, fk.columns),
                                   ddl_table_name(kPg, schema, fk.referred_table), ddl_column_list(kPg, fk.referred_columns));
    if (fk.on_delete) text += " ON DELETE " + *fk.on_delete;
    return text;
}

}  // namespace

std::string postgres_column_spec(const ColumnSpec& column) {
    std::string spec = id(column.name) + " " + column.type;
    if (column.server_default) spec += " DEFAULT " + *column.server_default;
    if (!column.nullable) spec += " NOT NULL";
    return spec;
}

std::vector<std::string> postgres_statements(const std::optional<std::string>& schema, const std::string& table,
                                             const TableAlteration::Operation& op) {
    const std::string prefix = "ALTER TABLE " + ddl_table_name(kPg, schema, table);
    const std::string add_constraint = fmt::format("{} ADD CONSTRAINT {} ", prefix, constraint_id(op.name));
    switch (op.kind) {
        case Kind::alter_column: return alter_column(prefix, op.name, op.change);
        case Kind::add_column: return {fmt::format("{} ADD COLUMN {}", prefix, postgres_column_spec(op.column))};
        case Kind::drop_column: return {fmt::format("{} DROP COLUMN {}", prefix, id(op.name))};
        case Kind::drop_constraint: return {fmt::format("{} DROP CONSTRAINT {}", prefix, constraint_id(op.name))};
        case Kind::create_primary_key:
            return {fmt::format("{}PRIMARY KEY ({})", add_constraint, ddl_column_list(kPg, op.columns))};
        case Kind::create_unique: return {fmt::format("{}UNIQUE ({})", add_constraint, ddl_column_list(kPg, op.columns))};
        case Kind::create_foreign_key: return {add_constraint + foreign_key_clause(schema, op.foreign_key)};
        case Kind::create_check: return {fmt::format("{}CHECK ({})", add_constraint, op.sqltext)};
        case Kind::create_index:
            return {create_index_statement(kPg, schema, table,
                                           {database_name(kPg, op.name), op.columns, op.unique, std::nullopt})};
        case Kind::drop_index: return {drop_index_statement(kPg, schema, database_name(kPg, op.name))};
    }
    return {};
}

}  // namespace butler_migrate::schema

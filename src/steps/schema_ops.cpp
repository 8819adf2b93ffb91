// Schema operations of migration steps: TableAlteration (alembic's batch_alter_table), create_table and the
// in-place add_column / drop_column / create_index / drop_index, each sent to the SQLite or PostgreSQL way of doing it.
#include "butler_migrate/steps/schema_ops.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "steps/ddl_text.hpp"
#include "steps/schema_postgres_alter.hpp"
#include "steps/sqlite_table_rebuild.hpp"

namespace butler_migrate::schema {

namespace {

using Operation = TableAlteration::Operation;
using Kind = Operation::Kind;

Operation named_operation(Kind kind, std::string name, std::vector<std::string> columns = {}) {
    Operation op{kind, std::move(name), {}, {}, std::move(columns), {}, {}, false};
    return op;
}

// The SQLite ALTER TABLE ... ADD COLUMN that alembic uses outside a table re-creation.
std::string sqlite_add_column(const std::string& table, const ColumnSpec& column) {
    return fmt::format("ALTER TABLE {} ADD COLUMN {}", ddl_identifier(Dialect::sqlite, table),
                       sqlite_column_spec({column.name, column.type, column.nullable, column.server_default}));
}

// SQLite operations that need no re-creation, one by one.
void apply_sqlite_in_place(StepContext& context, const TableAlteration& alteration) {
    for (const auto& op : alteration.operations()) {
        switch (op.kind) {
            case Kind::add_column: add_column(context, alteration.table(), op.column); break;
            case Kind::create_index: create_index(context, alteration.table(), op.name, op.columns, op.unique); break;
            case Kind::drop_index: drop_index(context, alteration.table(), op.name); break;
            default: throw MigrationError("internal error: SQLite operation needs a table re-creation");
        }
    }
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
    return out;
}

// SQLAlchemy's CREATE TABLE for PostgreSQL: the same layout as SQLite's, names schema-qualified and shrunk.
std::string postgres_create_table(const std::optional<std::string>& schema, const TableCreation& table) {
    constexpr Dialect pg = Dialect::postgresql;
    std::vector<std::string> parts;
    for (const auto& column : table.columns()) parts.push_back(postgres_column_spec(column));
    if (!table.primary_key_columns().empty()) {
        const auto& name = table.primary_key_name();
        parts.push_back(fmt::format("{}PRIMARY KEY ({})",
                                    name ? fmt::format("CONSTRAINT {} ", ddl_identifier(pg, database_name(pg, *name))) : "",
                                    ddl_column_list(pg, table.primary_key_columns())));
    }
    for (const auto& c : table.constraints()) {
        using Kind = TableCreation::Constraint::Kind;
        const std::string& name = c.kind == Kind::foreign_key ? c.foreign_key.name : c.name;
        std::string text = fmt::format("CONSTRAINT {} ", ddl_identifier(pg, database_name(pg, name)));
        if (c.kind == Kind::check) {
            text += fmt::format("CHECK ({})", c.sqltext);
        } else if (c.kind == Kind::unique) {
            text += fmt::format("UNIQUE ({})", ddl_column_list(pg, c.columns));
        } else {
            const ForeignKeySpec& fk = c.foreign_key;
            text += fmt::format("FOREIGN KEY({}) REFERENCES {} ({})", ddl_column_list(pg, fk.columns),
                                ddl_table_name(pg, schema, fk.referred_table), ddl_column_list(pg, fk.referred_columns));
            if (fk.on_delete) text += " ON DELETE " + *fk.on_delete;
        }
        parts.push_back(std::move(text));
    }
    return fmt::format("CREATE TABLE {} (\n\t{}\n)", ddl_table_name(pg, schema, table.table()), join(parts, ", \n\t"));
}

// The same definition in the terms of the SQLite DDL renderer, which batch re-creation uses too.
DdlTable sqlite_table_definition(const TableCreation& table) {
    DdlTable ddl;
    ddl.name = table.table();
    for (const auto& column : table.columns()) {
        ddl.columns.push_back({column.name, column.type, column.nullable, column.server_default});
    }
    if (!table.primary_key_columns().empty()) {
        DdlConstraint pk;
        pk.kind = DdlConstraint::Kind::primary_key;
        pk.name = table.primary_key_name();
        pk.columns = table.primary_key_columns();
        ddl.constraints.push_back(std::move(pk));
    }
    for (const auto& c : table.constraints()) {
        using Kind = TableCreation::Constraint::Kind;
        DdlConstraint out;
        out.name = c.kind == Kind::foreign_key ? c.foreign_key.name : c.name;
        if (c.kind == Kind::check) {
            out.kind = DdlConstraint::Kind::check;
            out.sqltext = c.sqltext;
        } else if (c.kind == Kind::unique) {
            out.kind = DdlConstraint::Kind::unique;
            out.columns = c.columns;
        } else {
            out.kind = DdlConstraint::Kind::foreign_key;
            out.columns = c.foreign_key.columns;
            out.referred_table = c.foreign_key.referred_table;
            out.referred_columns = c.foreign_key.referred_columns;
            out.on_delete = c.foreign_key.on_delete;
        }
        ddl.constraints.push_back(std::move(out));
    }
    return ddl;
}

}  // namespace

TableAlteration& TableAlteration::alter_column(std::string column, ColumnChange change) {
    Operation op = named_operation(Kind::alter_column, std::move(column));
    op.change = std::move(change);
    operations_.push_back(std::move(op));
    return *this;
}

TableAlteration& TableAlteration::add_column(ColumnSpec column) {
    Operation op = named_operation(Kind::add_column, column.name);
    op.column = std::move(column);
    operations_.push_back(std::move(op));
    return *this;
}

TableAlteration& TableAlteration::drop_column(std::string column) {
    operations_.push_back(named_operation(Kind::drop_column, std::move(column)));
    return *this;
}

TableAlteration& TableAlteration::drop_constraint(std::string name) {
    operations_.push_back(named_operation(Kind::drop_constraint, std::move(name)));
    return *this;
}

TableAlteration& TableAlteration::create_primary_key(std::string name, std::vector<std::string> columns) {
    operations_.push_back(named_operation(Kind::create_primary_key, std::move(name), std::move(columns)));
    return *this;
}

TableAlteration& TableAlteration::create_unique(std::string name, std::vector<std::string> columns) {
    operations_.push_back(named_operation(Kind::create_unique, std::move(name), std::move(columns)));
    return *this;
}

TableAlteration& TableAlteration::create_foreign_key(ForeignKeySpec foreign_key) {
    Operation op = named_operation(Kind::create_foreign_key, foreign_key.name, foreign_key.columns);
    op.foreign_key = std::move(foreign_key);
    operations_.push_back(std::move(op));
    return *this;
}

TableAlteration& TableAlteration::create_check(std::string name, std::string sqltext) {
    Operation op = named_operation(Kind::create_check, std::move(name));
    op.sqltext = std::move(sqltext);
    operations_.push_back(std::move(op));
    return *this;
}

TableAlteration& TableAlteration::create_index(std::string name, std::vector<std::string> columns, bool unique) {
    Operation op = named_operation(Kind::create_index, std::move(name), std::move(columns));
    op.unique = unique;
    operations_.push_back(std::move(op));
    return *this;
}

TableAlteration& TableAlteration::drop_index(std::string name) {
    operations_.push_back(named_operation(Kind::drop_index, std::move(name)));
    return *this;
}

void apply(StepContext& context, const TableAlteration& alteration) {
    Database& db = context.db();
    if (context.dialect() == Dialect::postgresql) {
        for (const auto& op : alteration.operations()) {
            for (const auto& statement : postgres_statements(db.schema(), alteration.table(), op)) db.execute(statement);
        }
    } else if (sqlite_needs_rebuild(alteration)) {
        rebuild_sqlite_table(db, alteration);
    } else {
        apply_sqlite_in_place(context, alteration);
    }
}

void apply_in_one_copy(StepContext& context, const std::vector<TableAlteration>& alterations,
                       const std::map<std::string, std::string>& fill, RowOrder order) {
    if (context.dialect() != Dialect::sqlite) throw std::logic_error("apply_in_one_copy: SQLite only");
    rebuild_sqlite_table_once(context.db(), alterations, fill, order == RowOrder::new_key);
}

std::string sql_literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

void add_column(StepContext& context, std::string_view table, const ColumnSpec& column) {
    const std::string name(table);
    if (context.dialect() == Dialect::postgresql) {
        context.db().execute(fmt::format("ALTER TABLE {} ADD COLUMN {}",
                                         ddl_table_name(Dialect::postgresql, context.db().schema(), name),
                                         postgres_column_spec(column)));
    } else {
        context.db().execute(sqlite_add_column(name, column));
    }
}

void create_index(StepContext& context, std::string_view table, std::string_view name,
                  const std::vector<std::string>& columns, bool unique) {
    const Dialect dialect = context.dialect();
    DdlIndex index{database_name(dialect, name), columns, unique, std::nullopt};
    context.db().execute(create_index_statement(dialect, context.db().schema(), std::string(table), index));
}

void drop_index(StepContext& context, std::string_view /*table*/, std::string_view name) {
    const Dialect dialect = context.dialect();
    context.db().execute(drop_index_statement(dialect, context.db().schema(), database_name(dialect, name)));
}

void drop_column(StepContext& context, std::string_view table, std::string_view column) {
    const Dialect dialect = context.dialect();
    context.db().execute(fmt::format("ALTER TABLE {} DROP COLUMN {}",
                                     ddl_table_name(dialect, context.db().schema(), std::string(table)),
                                     ddl_identifier(dialect, column)));
}

TableCreation& TableCreation::add_column(ColumnSpec column) {
    columns_.push_back(std::move(column));
    return *this;
}

TableCreation& TableCreation::primary_key(std::vector<std::string> columns) {
    primary_key_ = std::move(columns);
    return *this;
}

TableCreation& TableCreation::primary_key(std::vector<std::string> columns, std::string name) {
    primary_key_ = std::move(columns);
    primary_key_name_ = std::move(name);
    return *this;
}

TableCreation& TableCreation::foreign_key(ForeignKeySpec foreign_key) {
    constraints_.push_back({Constraint::Kind::foreign_key, std::move(foreign_key), {}, {}, {}});
    return *this;
}

TableCreation& TableCreation::unique(std::string name, std::vector<std::string> columns) {
    constraints_.push_back({Constraint::Kind::unique, {}, std::move(name), std::move(columns), {}});
    return *this;
}

TableCreation& TableCreation::check(std::string name, std::string sqltext) {
    constraints_.push_back({Constraint::Kind::check, {}, std::move(name), {}, std::move(sqltext)});
    return *this;
}

void create_table(StepContext& context, const TableCreation& table) {
    Database& db = context.db();
    if (context.dialect() == Dialect::postgresql) {
        db.execute(postgres_create_table(db.schema(), table));
    } else {
        db.execute(sqlite_create_table(sqlite_table_definition(table)));
    }
}

void drop_table(StepContext& context, std::string_view table) {
    context.db().execute(
        fmt::format("DROP TABLE {}", ddl_table_name(context.dialect(), context.db().schema(), std::string(table))));
}

}  // namespace butler_migrate::schema

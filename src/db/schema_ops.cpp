// Schema operations of migration steps: TableAlteration (alembic's batch_alter_table) and the in-place
// add_column / create_index / drop_index, each sent to the SQLite or PostgreSQL way of doing it.
#include "butler_migrate/schema_ops.hpp"

#include <fmt/format.h>

#include "butler_migrate/errors.hpp"
#include "db/ddl_text.hpp"
#include "db/schema_postgres_alter.hpp"
#include "db/sqlite_table_rebuild.hpp"

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

}  // namespace butler_migrate::schema

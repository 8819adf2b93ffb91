// The DDL SQLAlchemy runs for the obscore table's Table.create(): CREATE TABLE (on SQLite in the exact text
// sqlite_master keeps), its indexes, and on PostgreSQL a COMMENT ON COLUMN per documented column.
#include <fmt/format.h>

#include "butler_migrate/steps/schema_ops.hpp"
#include "steps/ddl_text.hpp"
#include "migrations/obscore-config/obscore_table.hpp"

namespace butler_migrate::migrations::obscore {

namespace {

// SQLAlchemy's type text for a column on `dialect`.
std::string type_text(const ObscoreColumn& column, Dialect dialect, DatasetIdType id_type) {
    switch (column.type) {
        case ColumnType::text: return "TEXT";
        case ColumnType::short_string: return fmt::format("VARCHAR({})", column.length);
        case ColumnType::unsized_string: return "VARCHAR";
        case ColumnType::small_integer: return "SMALLINT";
        case ColumnType::integer: return "INTEGER";
        case ColumnType::big_integer: return "BIGINT";
        case ColumnType::floating: return "FLOAT";
        case ColumnType::boolean: return "BOOLEAN";
        case ColumnType::dataset_id: break;
    }
    if (id_type == DatasetIdType::integer) return "BIGINT";
    return dialect == Dialect::postgresql ? "UUID" : "CHAR(32)";
}

std::string foreign_key_name(Dialect dialect, const std::string& table) {
    return schema::database_name(dialect, fmt::format("fkey_{}_dataset_id_{}", table, kDatasetIdColumn));
}

// Every column is nullable as declared: daf_butler marks registry_dataset_id as the primary key after building its
// field (nullable by default), so SQLAlchemy writes no NOT NULL; PostgreSQL adds one itself for the key.
schema::DdlTable ddl_table(const ObscoreTable& table, Dialect dialect, DatasetIdType id_type) {
    schema::DdlTable ddl;
    ddl.name = table.name;
    for (const auto& column : table.columns) ddl.columns.push_back({column.name, type_text(column, dialect, id_type), true, std::nullopt});
    schema::DdlConstraint primary_key;
    primary_key.kind = schema::DdlConstraint::Kind::primary_key;
    primary_key.columns = {kDatasetIdColumn};
    ddl.constraints.push_back(primary_key);
    if (dialect == Dialect::sqlite) {
        // daf_butler's SQLite length checks on short strings, named <table>_len_<column>.
        for (const auto& column : table.columns) {
            if (column.type != ColumnType::short_string) continue;
            schema::DdlConstraint check;
            check.kind = schema::DdlConstraint::Kind::check;
            check.name = fmt::format("{}_len_{}", table.name, column.name);
            check.sqltext = fmt::format("length(\"{0}\")<={1} AND length(\"{0}\")>=1", column.name, column.length);
            ddl.constraints.push_back(check);
        }
    }
    schema::DdlConstraint foreign_key;
    foreign_key.kind = schema::DdlConstraint::Kind::foreign_key;
    foreign_key.name = foreign_key_name(dialect, table.name);
    foreign_key.columns = {kDatasetIdColumn};
    foreign_key.referred_table = "dataset";
    foreign_key.referred_columns = {"id"};
    foreign_key.on_delete = "CASCADE";
    ddl.constraints.push_back(foreign_key);
    return ddl;
}

// SQLAlchemy's PostgreSQL CREATE TABLE: the SQLite layout, with the table and the referred table schema-qualified.
std::string postgres_create_table(const schema::DdlTable& table, const std::optional<std::string>& schema) {
    constexpr Dialect kPg = Dialect::postgresql;
    std::string text = fmt::format("CREATE TABLE {} (", schema::ddl_table_name(kPg, schema, table.name));
    for (const auto& column : table.columns) {
        text += fmt::format("\n\t{} {}, ", schema::ddl_identifier(kPg, column.name), column.type);
    }
    for (const auto& constraint : table.constraints) {
        const std::string columns = schema::ddl_column_list(kPg, constraint.columns);
        if (constraint.kind == schema::DdlConstraint::Kind::primary_key) {
            text += fmt::format("\n\tPRIMARY KEY ({}), ", columns);
        } else if (constraint.kind == schema::DdlConstraint::Kind::foreign_key) {
            text += fmt::format("\n\tCONSTRAINT {} FOREIGN KEY({}) REFERENCES {} ({}) ON DELETE {}, ",
                                schema::ddl_identifier(kPg, *constraint.name), columns,
                                schema::ddl_table_name(kPg, schema, constraint.referred_table),
                                schema::ddl_column_list(kPg, constraint.referred_columns), *constraint.on_delete);
        }
    }
    text.resize(text.size() - 2);  // the last ", "
    return text + "\n)";
}

}  // namespace

std::vector<std::string> obscore_table_statements(const ObscoreTable& table, Dialect dialect,
                                                  const std::optional<std::string>& schema, DatasetIdType id_type) {
    std::vector<std::string> statements;
    const schema::DdlTable ddl = ddl_table(table, dialect, id_type);
    statements.push_back(dialect == Dialect::sqlite ? schema::sqlite_create_table(ddl) : postgres_create_table(ddl, schema));
    for (const auto& index : table.indexes) {
        schema::DdlIndex ddl_index{schema::database_name(dialect, index.name), index.columns, false, std::nullopt};
        statements.push_back(schema::create_index_statement(dialect, schema, table.name, ddl_index));
    }
    if (dialect == Dialect::postgresql) {
        const std::string qualified = schema::ddl_table_name(dialect, schema, table.name);
        for (const auto& column : table.columns) {
            if (!column.doc) continue;
            statements.push_back(fmt::format("COMMENT ON COLUMN {}.{} IS {}", qualified,
                                             schema::ddl_identifier(dialect, column.name), schema::sql_literal(*column.doc)));
        }
    }
    return statements;
}

}  // namespace butler_migrate::migrations::obscore

// DDL text exactly as SQLAlchemy 2.0's compilers write it: CREATE TABLE for SQLite (what sqlite_master keeps,
// so dumps of migrated registries match the real tool's) and CREATE INDEX for both dialects.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"

namespace butler_migrate::schema {

// A column of a table definition. `default_sql` is the server default exactly as SQLAlchemy holds it
// (reflected text, possibly parenthesised by alembic); the SQLite compiler may wrap it once more.
struct DdlColumn {
    std::string name;
    std::string type;
    bool nullable = true;
    std::optional<std::string> default_sql;
};

struct DdlConstraint {
    enum class Kind { primary_key, unique, foreign_key, check };
    Kind kind = Kind::unique;
    std::optional<std::string> name;
    std::vector<std::string> columns;  // key columns (the local ones for a foreign key)
    std::string referred_table;        // foreign key
    std::vector<std::string> referred_columns;
    std::optional<std::string> on_delete;
    std::optional<std::string> on_update;
    std::string sqltext;  // check: the text inside CHECK (...)
};

struct DdlTable {
    std::string name;
    std::vector<DdlColumn> columns;
    std::vector<DdlConstraint> constraints;  // in the order they are written; the primary key comes first
};

// "\tname TYPE[ DEFAULT x][ NOT NULL]" without the tab: SQLAlchemy's SQLite column specification.
std::string sqlite_column_spec(const DdlColumn& column);
// One table constraint clause, e.g. "CONSTRAINT fkey_x FOREIGN KEY(a) REFERENCES t (b) ON DELETE CASCADE".
std::string sqlite_constraint_clause(const DdlConstraint& constraint);
// The statement as SQLite stores it: "CREATE TABLE t (\n\tcol ..., \n\t...\n)".
std::string sqlite_create_table(const DdlTable& table);

struct DdlIndex {
    std::string name;  // as it is in the database (already shrunk where needed)
    std::vector<std::string> columns;
    bool unique = false;
    std::optional<std::string> where;  // SQLite partial index predicate
};

// "CREATE [UNIQUE ]INDEX name ON table (a, b)"; the table is qualified with `schema` when there is one.
std::string create_index_statement(Dialect dialect, const std::optional<std::string>& schema, const std::string& table,
                                   const DdlIndex& index);
// "DROP INDEX [schema.]name".
std::string drop_index_statement(Dialect dialect, const std::optional<std::string>& schema, const std::string& name);
// A table name for DDL, qualified with `schema` when there is one: `"ns".visit`, `"group"`.
std::string ddl_table_name(Dialect dialect, const std::optional<std::string>& schema, const std::string& table);
// Column names joined with ", ", each as ddl_identifier writes it.
std::string ddl_column_list(Dialect dialect, const std::vector<std::string>& columns);

}  // namespace butler_migrate::schema

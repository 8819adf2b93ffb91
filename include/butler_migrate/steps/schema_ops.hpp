// Schema changes for migration steps, dialect differences inside: SQLite re-creates a table for what it
// cannot alter in place (alembic's batch mode), PostgreSQL runs ALTER TABLE; PostgreSQL names over 63
// characters are shrunk as daf_butler shrinks them. DDL text is SQLAlchemy's, so dumps match the real tool's.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::schema {

// daf_butler's shrinking: name[:54] + "_" + hex of a 4-byte BLAKE2b digest of the name, for names > 63 chars.
std::string shrink_name(std::string_view name);
// The name a constraint or index really has in this database: shrunk on PostgreSQL, unchanged on SQLite.
std::string database_name(Dialect dialect, std::string_view name);
// An identifier as SQLAlchemy writes it in DDL: bare when legal and not reserved, else double-quoted.
std::string ddl_identifier(Dialect dialect, std::string_view name);
// A string literal as SQLAlchemy renders it (standard_conforming_strings on: quotes doubled only).
std::string sql_literal(std::string_view text);

struct ColumnSpec {
    std::string name;
    std::string type;  // SQLAlchemy's DDL type text for the dialect: "BIGINT", "VARCHAR(32)", "TEXT", "BOOLEAN", ...
    bool nullable = true;
    std::optional<std::string> server_default;  // e.g. "CURRENT_TIMESTAMP" / "now()"
};

// A change of one existing column; unset fields are kept. Defaults are SQL text written as given (quote a
// string literal yourself: "'abc'"). On SQLite a type change across SQLAlchemy's type classes (integer,
// string, numeric, date/time, ...) copies the data through CAST(old AS new type), as alembic does.
struct ColumnChange {
    std::optional<std::string> type;
    std::optional<bool> nullable;
    bool drop_default = false;
    std::optional<std::string> set_default;
    std::optional<std::string> new_name;
};

struct ForeignKeySpec {
    std::string name;  // before shrinking
    std::vector<std::string> columns;
    std::string referred_table;
    std::vector<std::string> referred_columns;
    std::optional<std::string> on_delete;
};

// alembic's batch_alter_table: operations on one table, applied in the order given.
class TableAlteration {
public:
    explicit TableAlteration(std::string table) : table_(std::move(table)) {}

    TableAlteration& alter_column(std::string column, ColumnChange change);
    TableAlteration& add_column(ColumnSpec column);
    TableAlteration& drop_column(std::string column);
    TableAlteration& drop_constraint(std::string name);  // primary key, unique, foreign key or check, by name
    TableAlteration& create_primary_key(std::string name, std::vector<std::string> columns);
    TableAlteration& create_unique(std::string name, std::vector<std::string> columns);
    TableAlteration& create_foreign_key(ForeignKeySpec foreign_key);
    TableAlteration& create_check(std::string name, std::string sqltext);
    TableAlteration& create_index(std::string name, std::vector<std::string> columns, bool unique = false);
    TableAlteration& drop_index(std::string name);

    struct Operation;  // defined by the implementation
    const std::string& table() const { return table_; }
    const std::vector<Operation>& operations() const;

private:
    std::string table_;
    std::vector<Operation> operations_;
};

struct TableAlteration::Operation {
    enum class Kind {
        alter_column, add_column, drop_column, drop_constraint, create_primary_key, create_unique,
        create_foreign_key, create_check, create_index, drop_index,
    };
    Kind kind;
    std::string name;                  // the column, constraint or index concerned
    ColumnChange change;               // alter_column
    ColumnSpec column;                 // add_column
    std::vector<std::string> columns;  // key or index columns
    ForeignKeySpec foreign_key;        // create_foreign_key
    std::string sqltext;               // create_check
    bool unique = false;               // create_index
};

inline const std::vector<TableAlteration::Operation>& TableAlteration::operations() const { return operations_; }

// Applies `alteration` inside the running step's transaction.
void apply(StepContext& context, const TableAlteration& alteration);

// SQLite: several alterations of one table, with the end state of applying them in turn, reached by re-creating
// the table once instead of once per alteration; the columns they add are filled in that copy from `fill` (an
// added column's name -> SQL expression over the table's row, e.g. a scalar subquery; the table is named as
// Database::table names it; an existing column named there reads the expression, as it is, instead of its old
// value), and the rows are loaded in the order of the new primary key (RowOrder::old keeps the table's order,
// where a dump of the table must stay as upstream leaves it). Only the last alteration may create indexes or
// constraints other than a primary key. (PostgreSQL: rewrite_postgres_table.)
enum class RowOrder { new_key, old };
void apply_in_one_copy(StepContext& context, const std::vector<TableAlteration>& alterations,
                       const std::map<std::string, std::string>& fill, RowOrder order = RowOrder::new_key);

// PostgreSQL: a table rewritten in one copy, where altering it in place would write every row again (an added
// column filled by UPDATE). A new table gets the kept columns in their order, then `added`, each filled from its SQL
// expression over the old row (aliased "t"); the rows are copied once, the old table dropped and the new
// one renamed to its name; then the old table's owner, constraints and indexes that use no dropped column (built
// after the load), comments and granted privileges are restored under their names. Foreign keys of other tables on
// a dropped column must be gone first. Runs in the step's transaction.
struct TableRewrite {
    struct AddedColumn {
        ColumnSpec column;
        std::string value_sql;
        std::optional<std::string> comment;
    };
    std::string table;
    std::vector<std::string> dropped;
    std::vector<AddedColumn> added;
    // "LEFT JOIN <table> <alias> ON ..." clauses after "FROM <table> t" whose columns the added values read (a
    // small lookup table is hashed and the old table streamed in its order). Each must match at most one row; a
    // row matching none reads NULL, which a NOT NULL column refuses.
    std::vector<std::string> joins;
};
void rewrite_postgres_table(StepContext& context, const TableRewrite& rewrite);

// In-place operations (both dialects).
void add_column(StepContext& context, std::string_view table, const ColumnSpec& column);
void create_index(StepContext& context, std::string_view table, std::string_view name,
                  const std::vector<std::string>& columns, bool unique = false);
void drop_index(StepContext& context, std::string_view table, std::string_view name);
// alembic's op.drop_column: ALTER TABLE ... DROP COLUMN on both dialects (SQLite >= 3.35 edits its stored DDL).
void drop_column(StepContext& context, std::string_view table, std::string_view column);

// alembic's op.create_table: columns, the primary key (unnamed unless given a name: PostgreSQL then names it
// <table>_pkey), then named constraints in the order they are added, as SQLAlchemy writes constraints in their
// creation order.
class TableCreation {
public:
    explicit TableCreation(std::string table) : table_(std::move(table)) {}

    TableCreation& add_column(ColumnSpec column);
    TableCreation& primary_key(std::vector<std::string> columns);
    // A primary key with its own name (before shrinking), written "CONSTRAINT <name> PRIMARY KEY (...)".
    TableCreation& primary_key(std::vector<std::string> columns, std::string name);
    TableCreation& foreign_key(ForeignKeySpec foreign_key);
    TableCreation& unique(std::string name, std::vector<std::string> columns);
    TableCreation& check(std::string name, std::string sqltext);

    struct Constraint {
        enum class Kind { foreign_key, unique, check };
        Kind kind;
        ForeignKeySpec foreign_key;        // foreign_key
        std::string name;                  // unique, check (before shrinking)
        std::vector<std::string> columns;  // unique
        std::string sqltext;               // check
    };
    const std::string& table() const { return table_; }
    const std::vector<ColumnSpec>& columns() const { return columns_; }
    const std::vector<std::string>& primary_key_columns() const { return primary_key_; }
    const std::optional<std::string>& primary_key_name() const { return primary_key_name_; }
    const std::vector<Constraint>& constraints() const { return constraints_; }

private:
    std::string table_;
    std::vector<ColumnSpec> columns_;
    std::vector<std::string> primary_key_;
    std::optional<std::string> primary_key_name_;
    std::vector<Constraint> constraints_;
};

// Creates the table inside the running step's transaction; the SQLite text is SQLAlchemy's, byte for byte.
// Indexes are separate statements (create_index), as alembic issues them after the CREATE TABLE.
void create_table(StepContext& context, const TableCreation& table);

// alembic's op.drop_table: DROP TABLE [schema.]table (its indexes go with it).
void drop_table(StepContext& context, std::string_view table);

}  // namespace butler_migrate::schema

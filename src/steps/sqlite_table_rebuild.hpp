// alembic's batch mode on SQLite: a table SQLite cannot alter in place is re-created with the new definition
// (temporary table, copy of the kept columns, drop, rename, indexes again), with SQLAlchemy's DDL text.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/steps/schema_ops.hpp"
#include "steps/ddl_text.hpp"

namespace butler_migrate::schema {

// A column of the table being re-created. Constraints and indexes name columns by `key`, the column's name
// in the existing table (or the added column's name), so renamed columns keep their constraints.
struct BatchColumn {
    std::string key;
    DdlColumn definition;
    bool copied = true;                     // false for an added column: no data to transfer
    std::optional<std::string> cast_type;   // CAST(old AS type) when the type changes its general class
    std::optional<std::string> source_sql;  // what the copy reads instead of the old column `key` (SQL text)
};

// The definition of one table as alembic's ApplyBatchImpl holds it while operations are applied.
struct BatchTable {
    std::string name;
    std::vector<BatchColumn> columns;
    std::optional<DdlConstraint> primary_key;
    std::vector<DdlConstraint> named_constraints;    // in creation order; a new one of the same name replaces
    std::vector<DdlConstraint> unnamed_constraints;  // unnamed CHECK constraints are not carried over (as upstream)
    std::vector<DdlIndex> indexes;                   // reflected, by name
    std::vector<DdlIndex> new_indexes;
};

// The existing table as SQLAlchemy reflects it, in reflection order: primary key, foreign keys, unique
// constraints, check constraints; indexes sorted by name, with partial-index predicates.
BatchTable reflect_batch_table(Database& db, const std::string& table);

// One operation of a TableAlteration on the batch definition. Throws MigrationError as alembic fails
// ("No such constraint: 'x'", "No such index: 'x'", unknown column).
void apply_batch_operation(BatchTable& table, const TableAlteration::Operation& operation);

// The name alembic gives the temporary table: "_alembic_tmp_<table>", at most 50 characters.
std::string batch_temp_table_name(const std::string& table);

// The CREATE TABLE statement of the new table, named `table_name`.
std::string batch_create_table_sql(const BatchTable& table, const std::string& table_name);

// Whether alembic re-creates the table on SQLite for these operations (anything but add_column without a
// server default, create_index and drop_index).
bool sqlite_needs_rebuild(const TableAlteration& alteration);

// Re-creates the table with the operations of `alteration` applied. Runs in the caller's transaction.
void rebuild_sqlite_table(Database& db, const TableAlteration& alteration);

// Re-creates the table once with the end state of re-creating it for each alteration in turn (what reflecting
// the table between them would see: columns named as they now are, constraints on a dropped column gone),
// filling added columns in the same copy: `fill` maps an added column's name to an SQL expression over the old
// table's row (a kept column named there reads it instead of its old value). `in_key_order`: rows loaded in the
// order of the new primary key, else in the table's order. Only the last alteration may create indexes or
// constraints (the order a reflection between re-creations would give them is not modelled); throws
// std::logic_error otherwise.
void rebuild_sqlite_table_once(Database& db, const std::vector<TableAlteration>& alterations,
                               const std::map<std::string, std::string>& fill, bool in_key_order);

}  // namespace butler_migrate::schema

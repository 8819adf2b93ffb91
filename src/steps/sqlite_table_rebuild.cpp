// Re-creating an SQLite table as alembic's batch mode does (ApplyBatchImpl._create): CREATE the temporary
// table, INSERT ... SELECT the kept columns, DROP the old table, RENAME, then CREATE its indexes again.
#include "steps/sqlite_table_rebuild.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate::schema {

namespace {

using Kind = TableAlteration::Operation::Kind;

std::string id(const std::string& name) { return ddl_identifier(Dialect::sqlite, name); }

// What the copy reads for a kept column: its source expression, or the old column, through CAST when its type
// changes class.
std::string column_source(const BatchTable& table, const BatchColumn& column) {
    std::string source = column.source_sql.value_or(id(table.name) + "." + id(column.key));
    return column.cast_type ? fmt::format("CAST({} AS {})", source, *column.cast_type) : source;
}

// The columns of constraints and indexes renamed to the names their columns now have; false when one of them
// is no longer in the table (named in `missing`, when given).
bool rename_to_current(const BatchTable& table, std::vector<std::string>& columns, std::string* missing = nullptr) {
    for (auto& column : columns) {
        auto it = std::find_if(table.columns.begin(), table.columns.end(),
                               [&](const BatchColumn& c) { return c.key == column; });
        if (it == table.columns.end()) {
            if (missing) *missing = column;
            return false;
        }
        column = it->definition.name;
    }
    return true;
}

// INSERT INTO tmp (new names) SELECT table.old, CAST(table.other AS type) FROM table; empty when no column
// keeps data. `in_key_order`: ORDER BY the new primary key, so that its index is written in order (a new key of
// random values, inserted in the old row order, costs a random B-tree write per row).
std::string copy_statement(const BatchTable& table, const std::string& temp_name, bool in_key_order = false) {
    std::vector<std::string> targets;
    std::vector<std::string> sources;
    std::vector<std::string> order;
    if (in_key_order && table.primary_key) {
        for (const auto& key : table.primary_key->columns) {
            std::size_t position = 0;
            for (const auto& column : table.columns) {
                if (!column.copied) continue;
                ++position;
                if (column.key == key) order.push_back(std::to_string(position));
            }
        }
        if (order.size() != table.primary_key->columns.size()) order.clear();
    }
    for (const auto& column : table.columns) {
        if (!column.copied) continue;
        targets.push_back(column.definition.name);
        sources.push_back(column_source(table, column));
    }
    if (targets.empty()) return "";
    std::string select_list;
    for (const auto& source : sources) select_list += (select_list.empty() ? "" : ", ") + source;
    std::string statement = fmt::format("INSERT INTO {} ({}) SELECT {} \nFROM {}", id(temp_name),
                                        ddl_column_list(Dialect::sqlite, targets), select_list, id(table.name));
    if (!order.empty()) statement += fmt::format(" ORDER BY {}", fmt::join(order, ", "));
    return statement;
}

// The indexes of the new table: the reflected ones still wanted, then those created in the batch; columns
// are named as they are now.
std::vector<DdlIndex> indexes_to_create(const BatchTable& table) {
    std::vector<DdlIndex> indexes = table.indexes;
    indexes.insert(indexes.end(), table.new_indexes.begin(), table.new_indexes.end());
    for (auto& index : indexes) {
        std::string missing;
        if (!rename_to_current(table, index.columns, &missing)) {
            throw MigrationError(fmt::format("index {} refers to column {}, which is no longer in table {}", index.name,
                                             missing, table.name));
        }
    }
    return indexes;
}

}  // namespace

bool sqlite_needs_rebuild(const TableAlteration& alteration) {
    return std::any_of(alteration.operations().begin(), alteration.operations().end(), [](const auto& op) {
        if (op.kind == Kind::add_column) return op.column.server_default.has_value();
        return op.kind != Kind::create_index && op.kind != Kind::drop_index;
    });
}

namespace {

// An index or a constraint other than the primary key (of which there is one): where a reflection would put
// it among the others is not modelled.
bool creates_ordered_item(const TableAlteration::Operation& op) {
    return op.kind == Kind::create_index || op.kind == Kind::create_unique || op.kind == Kind::create_foreign_key ||
           op.kind == Kind::create_check;
}

// Columns named in `fill` read their expression in the copy: added columns (by the name they were added under),
// and columns of the table as reflected (by their name there), which read it as it is, without the CAST a type
// change would put on the old value. A kept column is filled before the first re-creation is settled, or not at all.
void fill_added_columns(BatchTable& table, const std::map<std::string, std::string>& fill) {
    for (auto& column : table.columns) {
        auto filled = fill.find(column.key);
        if (filled == fill.end() || column.source_sql) continue;
        column.copied = true;
        column.source_sql = filled->second;
        column.cast_type.reset();
    }
}

// The batch definition as a re-creation followed by a reflection would hand it to the next alteration:
// columns keyed by their names (each remembering where its data comes from), constraints on dropped columns
// gone, and added columns named in `fill` filled from their expressions.
void settle(BatchTable& table, const std::map<std::string, std::string>& fill) {
    auto settle_constraints = [&](std::vector<DdlConstraint>& constraints) {
        constraints.erase(std::remove_if(constraints.begin(), constraints.end(),
                                         [&](DdlConstraint& c) { return !rename_to_current(table, c.columns); }),
                          constraints.end());
    };
    if (table.primary_key && !rename_to_current(table, table.primary_key->columns)) table.primary_key.reset();
    settle_constraints(table.named_constraints);
    settle_constraints(table.unnamed_constraints);
    table.indexes = indexes_to_create(table);  // no new ones before the last alteration
    fill_added_columns(table, fill);
    for (auto& column : table.columns) {
        if (column.copied) {
            column.source_sql = column_source(table, column);
            column.cast_type.reset();
        }
        column.key = column.definition.name;
    }
}

// Creates the temporary table, copies the rows, drops the old table, renames, creates the indexes.
void recreate_table(Database& db, const BatchTable& table, bool in_key_order = false) {
    const std::vector<DdlIndex> indexes = indexes_to_create(table);
    const std::string temp_name = batch_temp_table_name(table.name);
    db.execute(batch_create_table_sql(table, temp_name));
    std::string copy = copy_statement(table, temp_name, in_key_order);
    if (!copy.empty()) db.execute(copy);
    db.execute("DROP TABLE " + id(table.name));
    db.execute(fmt::format("ALTER TABLE {} RENAME TO {}", id(temp_name), id(table.name)));
    for (const auto& index : indexes) db.execute(create_index_statement(Dialect::sqlite, std::nullopt, table.name, index));
}

}  // namespace

void rebuild_sqlite_table_once(Database& db, const std::vector<TableAlteration>& alterations,
                               const std::map<std::string, std::string>& fill, bool in_key_order) {
    if (alterations.empty()) return;
    BatchTable table = reflect_batch_table(db, alterations.front().table());
    for (std::size_t i = 0; i < alterations.size(); ++i) {
        if (alterations[i].table() != table.name) throw std::logic_error("rebuild_sqlite_table_once: one table only");
        const bool last = i + 1 == alterations.size();
        for (const auto& op : alterations[i].operations()) {
            if (!last && creates_ordered_item(op)) {
                throw std::logic_error("rebuild_sqlite_table_once: only the last alteration may create indexes or constraints");
            }
            apply_batch_operation(table, op);
        }
        if (!last) settle(table, fill);
    }
    fill_added_columns(table, fill);  // columns added by the last alteration
    recreate_table(db, table, in_key_order);
}

void rebuild_sqlite_table(Database& db, const TableAlteration& alteration) {
    BatchTable table = reflect_batch_table(db, alteration.table());
    for (const auto& op : alteration.operations()) apply_batch_operation(table, op);
    recreate_table(db, table);
}

}  // namespace butler_migrate::schema

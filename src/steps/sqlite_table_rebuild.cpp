// Re-creating an SQLite table as alembic's batch mode does (ApplyBatchImpl._create): CREATE the temporary
// table, INSERT ... SELECT the kept columns, DROP the old table, RENAME, then CREATE its indexes again.
#include "steps/sqlite_table_rebuild.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate::schema {

namespace {

using Kind = TableAlteration::Operation::Kind;

std::string id(const std::string& name) { return ddl_identifier(Dialect::sqlite, name); }

// INSERT INTO tmp (new names) SELECT table.old, CAST(table.other AS type) FROM table; empty when no column
// keeps data.
std::string copy_statement(const BatchTable& table, const std::string& temp_name) {
    std::vector<std::string> targets;
    std::vector<std::string> sources;
    for (const auto& column : table.columns) {
        if (!column.copied) continue;
        targets.push_back(column.definition.name);
        std::string source = id(table.name) + "." + id(column.key);
        sources.push_back(column.cast_type ? fmt::format("CAST({} AS {})", source, *column.cast_type) : source);
    }
    if (targets.empty()) return "";
    std::string select_list;
    for (const auto& source : sources) select_list += (select_list.empty() ? "" : ", ") + source;
    return fmt::format("INSERT INTO {} ({}) SELECT {} \nFROM {}", id(temp_name), ddl_column_list(Dialect::sqlite, targets),
                       select_list, id(table.name));
}

// The indexes of the new table: the reflected ones still wanted, then those created in the batch; columns
// are named as they are now.
std::vector<DdlIndex> indexes_to_create(const BatchTable& table) {
    std::vector<DdlIndex> indexes = table.indexes;
    indexes.insert(indexes.end(), table.new_indexes.begin(), table.new_indexes.end());
    for (auto& index : indexes) {
        for (auto& column : index.columns) {
            auto it = std::find_if(table.columns.begin(), table.columns.end(),
                                   [&](const BatchColumn& c) { return c.key == column; });
            if (it == table.columns.end()) {
                throw MigrationError(fmt::format("index {} refers to column {}, which is no longer in table {}",
                                                 index.name, column, table.name));
            }
            column = it->definition.name;
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

void rebuild_sqlite_table(Database& db, const TableAlteration& alteration) {
    BatchTable table = reflect_batch_table(db, alteration.table());
    for (const auto& op : alteration.operations()) apply_batch_operation(table, op);
    const std::vector<DdlIndex> indexes = indexes_to_create(table);
    const std::string temp_name = batch_temp_table_name(table.name);
    db.execute(batch_create_table_sql(table, temp_name));
    std::string copy = copy_statement(table, temp_name);
    if (!copy.empty()) db.execute(copy);
    db.execute("DROP TABLE " + id(table.name));
    db.execute(fmt::format("ALTER TABLE {} RENAME TO {}", id(temp_name), id(table.name)));
    for (const auto& index : indexes) db.execute(create_index_statement(Dialect::sqlite, std::nullopt, table.name, index));
}

}  // namespace butler_migrate::schema

// One-shot datasets 2101fbf51ad3: ByDimensionsDatasetRecordStorageManager 1.0.0 (integer dataset ids) ->
// ByDimensionsDatasetRecordStorageManagerUUID 1.0.0: every dataset id column becomes a UUID (CHAR(32) on SQLite),
// with the keys, indexes and foreign keys that use it re-created under their old names.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "dataset_id_map.hpp"
#include "schema_digest.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr std::string_view kManagerModule = "lsst.daf.butler.registry.datasets.byDimensions._manager";

bool is_migrated_table(const std::string& name) {
    return name == "dataset" || name == "dataset_location" || name == "dataset_location_trash" ||
           name == "file_datastore_records" || name.rfind("dataset_calibs_", 0) == 0 ||
           name.rfind("dataset_tags_", 0) == 0;
}

bool is_dynamic_table(const std::string& name) {
    return name.rfind("dataset_calibs_", 0) == 0 || name.rfind("dataset_tags_", 0) == 0;
}

std::string id_column(const std::string& table) { return table == "dataset" ? "id" : "dataset_id"; }

bool has(const std::vector<std::string>& columns, const std::string& column) {
    return std::find(columns.begin(), columns.end(), column) != columns.end();
}

// A table and what of it uses the dataset id column.
struct MigratedTable {
    std::string name;
    std::optional<PrimaryKeyInfo> primary_key;
    std::vector<ForeignKeyInfo> foreign_keys;
    std::vector<UniqueConstraintInfo> uniques;
    std::vector<IndexInfo> indexes;
};

MigratedTable describe(const TableSchema& schema) {
    const std::string id = id_column(schema.name);
    MigratedTable t{schema.name, std::nullopt, {}, {}, {}};
    if (has(schema.primary_key.columns, id)) t.primary_key = schema.primary_key;
    for (const auto& fk : schema.foreign_keys)
        if (has(fk.columns, id)) t.foreign_keys.push_back(fk);
    for (const auto& u : schema.unique_constraints)
        if (has(u.columns, id)) t.uniques.push_back(u);
    for (const auto& i : schema.indexes)
        if (has(i.columns, id)) t.indexes.push_back(i);
    return t;
}

// The migrated tables by dependency level, as SQLAlchemy's sorted_tables gives them: every table that refers
// to no other migrated table first, then those referring only to those, ...; by name within a level. (The
// order decides where re-created tables end up in sqlite_master, so it shows in dumps.)
std::vector<MigratedTable> tables_to_migrate(Database& db) {
    std::map<std::string, TableSchema> tables;
    for (const auto& name : db.table_names())
        if (is_migrated_table(name)) tables.emplace(name, db.reflect_table(name));
    std::map<std::string, int> level;
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& [name, schema] : tables) {
            int depth = 0;
            for (const auto& fk : schema.foreign_keys) {
                if (fk.referred_table == name || !tables.count(fk.referred_table)) continue;
                depth = std::max(depth, level[fk.referred_table] + 1);
            }
            depth = std::min(depth, static_cast<int>(tables.size()));  // a cycle cannot run away
            if (level[name] != depth) {
                level[name] = depth;
                changed = true;
            }
        }
    }
    std::vector<std::pair<int, std::string>> order;
    for (const auto& [name, schema] : tables) order.emplace_back(level[name], name);
    std::sort(order.begin(), order.end());
    std::vector<MigratedTable> ordered;
    for (const auto& [depth, name] : order) ordered.push_back(describe(tables.at(name)));
    return ordered;
}

std::string uuid_column(const std::string& table) { return id_column(table) + "_uuid"; }

// The alterations upstream's script makes to one table, in its order: add the UUID column, drop what uses
// the integer id and the id itself, rename the UUID column to the id's name (NOT NULL), re-create the keys,
// indexes and foreign keys under their old names (foreign keys of tags/calibs tables ON DELETE CASCADE).
std::vector<schema::TableAlteration> alterations_of(Dialect dialect, const MigratedTable& t) {
    const std::string id = id_column(t.name);
    std::vector<schema::TableAlteration> steps;
    steps.emplace_back(t.name);
    steps.back().add_column({uuid_column(t.name), dataset_ids::uuid_type(dialect), true, std::nullopt});

    steps.emplace_back(t.name);
    schema::TableAlteration& drop = steps.back();
    for (const auto& index : t.indexes) drop.drop_index(index.name.value_or(""));
    for (const auto& unique : t.uniques) drop.drop_constraint(unique.name.value_or(""));
    for (const auto& fk : t.foreign_keys) drop.drop_constraint(fk.name.value_or(""));
    if (t.primary_key && t.primary_key->name) {
        drop.drop_constraint(*t.primary_key->name);
    } else if (t.primary_key && dialect == Dialect::sqlite && t.primary_key->columns.size() > 1) {
        // An unnamed SQLite key cannot be dropped; upstream redefines it on the new column instead.
        std::vector<std::string> columns = t.primary_key->columns;
        for (auto& c : columns)
            if (c == id) c = uuid_column(t.name);
        drop.create_primary_key(t.name + "_pkey", columns);
    }
    drop.drop_column(id);

    schema::ColumnChange rename;
    rename.new_name = id;
    rename.nullable = false;
    steps.emplace_back(t.name);
    steps.back().alter_column(uuid_column(t.name), rename);

    steps.emplace_back(t.name);
    schema::TableAlteration& keys = steps.back();
    if (t.primary_key) keys.create_primary_key(t.primary_key->name.value_or(t.name + "_pkey"), t.primary_key->columns);
    for (const auto& unique : t.uniques) keys.create_unique(unique.name.value_or(""), unique.columns);
    for (const auto& index : t.indexes) keys.create_index(index.name.value_or(""), index.columns, index.unique);
    for (const auto& fk : t.foreign_keys) {
        std::optional<std::string> on_delete;
        if (is_dynamic_table(t.name)) on_delete = "CASCADE";
        keys.create_foreign_key({fk.name.value_or(""), fk.columns, fk.referred_table, fk.referred_columns, on_delete});
    }
    return steps;
}

// SQLite: the UUID of a row's integer id, looked up in the id map: an SQL expression over the row of `table`, which
// the statement names `row`. A lookup per row rather than a join: the copy reads the table in its order.
std::string uuid_of_row(const std::string& row, const std::string& table) {
    return fmt::format("(SELECT m.uuid FROM {} m WHERE m.id = {}.{})", dataset_ids::map_table(Dialect::sqlite), row,
                       Database::quote(id_column(table)));
}

// SQLite: each table re-created once with its final definition, its UUIDs filled in that copy.
void migrate_sqlite(StepContext& context, const std::vector<MigratedTable>& tables) {
    for (const auto& t : tables) {
        schema::apply_in_one_copy(context, alterations_of(Dialect::sqlite, t),
                                  {{uuid_column(t.name), uuid_of_row(context.db().table(t.name), t.name)}});
    }
}

// PostgreSQL: the foreign keys on dataset ids dropped first (so that each table can be replaced), then each table
// rewritten once with its UUID column in the integer id's place and its keys re-created as upstream's script does.
void migrate_postgresql(StepContext& context, const std::vector<MigratedTable>& tables) {
    Database& db = context.db();
    for (auto it = tables.rbegin(); it != tables.rend(); ++it) {
        schema::TableAlteration drop(it->name);
        for (const auto& fk : it->foreign_keys) drop.drop_constraint(fk.name.value_or(""));
        if (!drop.operations().empty()) schema::apply(context, drop);
    }
    for (const auto& t : tables) {
        const std::string id = id_column(t.name);
        schema::TableRewrite rewrite;
        rewrite.table = t.name;
        rewrite.dropped = {id};
        std::optional<std::string> comment;
        if (t.name == "dataset") comment = "A unique field used as the primary key for dataset.";
        // The map joined (hashed) rather than looked up per row; rows may change places in the table, which
        // is not data (docs/compatibility.md). A row without a uuid reads NULL, which the new column refuses.
        rewrite.joins.push_back(fmt::format("LEFT JOIN {} m ON m.id = t.{}", dataset_ids::map_table(Dialect::postgresql),
                                            Database::quote(id)));
        rewrite.added.push_back({{id, dataset_ids::uuid_type(Dialect::postgresql), false, std::nullopt}, "m.uuid", comment});
        schema::rewrite_postgres_table(context, rewrite);
        if (t.name == "dataset") db.execute(fmt::format("DROP SEQUENCE {}", db.table("dataset_seq_id")));
        const schema::TableAlteration keys = alterations_of(Dialect::postgresql, t).back();
        if (!keys.operations().empty()) schema::apply(context, keys);
    }
}

void update_attributes(StepContext& context) {
    ButlerAttributes& attributes = context.attributes();
    const std::string old_class = fmt::format("{}.ByDimensionsDatasetRecordStorageManager", kManagerModule);
    const std::string new_class = old_class + "UUID";
    attributes.remove("version:" + old_class);
    attributes.remove("schema_digest:" + old_class);
    attributes.update("config:registry.managers.datasets", new_class);
    attributes.insert("version:" + new_class, "1.0.0");
    Database& db = context.db();
    attributes.insert("schema_digest:" + new_class, schema_digest(db, {"dataset", "dataset_type"}, {"id", "dataset_id"}));
    // The bridge manager's tables changed too; its digest row (if one is still recorded) follows.
    attributes.update("schema_digest:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager",
                      schema_digest(db, {"dataset_location", "dataset_location_trash"}, {"dataset_id"}));
}

}  // namespace

void upgrade_2101fbf51ad3(StepContext& context) {
    Database& db = context.db();
    const std::vector<MigratedTable> tables = tables_to_migrate(db);
    if (tables.empty() || tables.front().name != "dataset") throw MigrationError("registry has no dataset table");
    dataset_ids::build_id_map(context);
    if (context.dialect() == Dialect::sqlite) migrate_sqlite(context, tables);
    else migrate_postgresql(context, tables);
    db.execute(fmt::format("DROP TABLE {}", dataset_ids::map_table(db.dialect())));
    update_attributes(context);
}

}  // namespace butler_migrate::migrations

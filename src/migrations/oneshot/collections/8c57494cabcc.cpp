// collections one-shot 8c57494cabcc: NameKeyCollectionManager 2.0.0 -> SynthIntKeyCollectionManager 2.0.0.
//
// Collections get a synthetic BIGINT key, collection.collection_id, numbered 1, 2, ... in table order
// (PostgreSQL: nextval of collection_seq_collection_id in heap order; SQLite: rowid order). Every table that
// held a collection name (run, dataset, collection_chain, collection_summary_*, dataset_calibs_*,
// dataset_tags_*) gets the id instead; primary keys, foreign keys, unique constraints and fkidx/idx indexes
// that used the name columns are re-created with the id columns, named by daf_butler's conventions.
// Each table is written once with its final columns, its ids looked up in a TEMP name -> id map: PostgreSQL
// rewrites it into a new table (where upstream adds, fills and drops columns in place, writing every row again),
// SQLite (which upstream refuses) re-creates it once with the end state of upstream's alterations.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/steps/table_locks.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kModule = "lsst.daf.butler.registry.collections";
const std::set<std::string> kStaticTables = {"dataset", "collection", "collection_chain", "run"};
const std::vector<std::string> kDynamicPrefixes = {"collection_summary_", "dataset_calibs_", "dataset_tags_"};

bool is_migrated_table(const std::string& table) {
    if (kStaticTables.count(table)) return true;
    return std::any_of(kDynamicPrefixes.begin(), kDynamicPrefixes.end(),
                       [&](const std::string& prefix) { return table.rfind(prefix, 0) == 0; });
}

// Old column name -> new column name, per table (dynamic tables share one map).
const std::map<std::string, std::string>& column_map(const std::string& table) {
    static const std::map<std::string, std::map<std::string, std::string>> maps = {
        {"collection", {{"name", "collection_id"}}},
        {"collection_chain", {{"parent", "parent"}, {"child", "child"}}},
        {"run", {{"name", "collection_id"}}},
        {"dataset", {{"run_name", "run_id"}}},
        {"", {{"collection_name", "collection_id"}}},
    };
    auto it = maps.find(table);
    return it != maps.end() ? it->second : maps.at("");
}

// The columns with migrated names replaced; nullopt when none of them is migrated.
std::optional<std::vector<std::string>> remap(const std::string& table, const std::vector<std::string>& columns) {
    const auto& map = column_map(table);
    bool touched = false;
    std::vector<std::string> result;
    for (const auto& column : columns) {
        auto it = map.find(column);
        touched = touched || it != map.end();
        result.push_back(it != map.end() ? it->second : column);
    }
    if (!touched) return std::nullopt;
    return result;
}

std::string joined(const std::vector<std::string>& columns) { return fmt::format("{}", fmt::join(columns, "_")); }

// The tables to migrate in SQLAlchemy's dependency order: layers of tables whose referred tables are all in
// earlier layers, each layer in name order (tables in a cycle come last, by name).
std::vector<std::string> sorted_tables(Database& db, std::map<std::string, TableSchema>& reflected) {
    std::vector<std::string> todo = db.table_names();
    const std::set<std::string> all(todo.begin(), todo.end());
    std::map<std::string, std::set<std::string>> depends;
    for (const auto& name : todo) {
        reflected[name] = db.reflect_table(name);
        for (const auto& fk : reflected[name].foreign_keys) {
            if (fk.referred_table != name && all.count(fk.referred_table)) depends[name].insert(fk.referred_table);
        }
    }
    std::vector<std::string> order;
    std::set<std::string> pending(todo.begin(), todo.end());
    while (!todo.empty()) {
        std::vector<std::string> layer;
        for (const auto& name : todo) {
            const auto& deps = depends[name];
            if (std::none_of(deps.begin(), deps.end(), [&](const std::string& d) { return pending.count(d) > 0; })) {
                layer.push_back(name);
            }
        }
        if (layer.empty()) layer = todo;
        for (const auto& name : layer) pending.erase(name);
        order.insert(order.end(), layer.begin(), layer.end());
        todo.erase(std::remove_if(todo.begin(), todo.end(), [&](const std::string& n) { return !pending.count(n); }),
                   todo.end());
    }
    std::vector<std::string> result;
    std::copy_if(order.begin(), order.end(), std::back_inserter(result), is_migrated_table);
    return result;
}

// 1234567 -> "1_234_567", as Python's pprint with underscore_numbers writes it.
std::string underscored(const std::string& digits) {
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '_';
        out += digits[i];
    }
    return out;
}

// upstream's log line of the table's sizes (PostgreSQL only).
void report_size(StepContext& context, const std::string& message, const std::string& table) {
    if (context.dialect() != Dialect::postgresql) return;
    const auto& schema = context.db().schema();
    std::string name = schema ? "quote_ident(?) || '.' || quote_ident(?)" : "quote_ident(?)";
    SqlParams params = schema ? SqlParams{*schema, table} : SqlParams{table};
    SqlParams all;
    for (int i = 0; i < 3; ++i) all.insert(all.end(), params.begin(), params.end());
    auto row = context.db().query(fmt::format("SELECT pg_table_size({0}), pg_indexes_size({0}), pg_total_relation_size({0})",
                                              name), all)[0];
    context.log_info(fmt::format("{} table size {}: table={}, indices={}, total={}", table, message,
                                 underscored(row[0].value_or("")), underscored(row[1].value_or("")),
                                 underscored(row[2].value_or(""))));
}

struct Plan {
    std::vector<std::string> tables;
    std::map<std::string, TableSchema> infos;  // every table of the registry, as reflected
    Dialect dialect;
};

// The collection name -> id map: a TEMP table keyed by name, numbered 1, 2, ... as upstream numbers collections
// (PostgreSQL: nextval of the new sequence in heap order; SQLite: rowid order). Every id column is filled from it.
std::string key_table(Dialect dialect) {
    return dialect == Dialect::postgresql ? "pg_temp.migration_collection_key" : "temp.migration_collection_key";
}

void create_collection_keys(StepContext& context) {
    Database& db = context.db();
    const std::string keys = key_table(context.dialect());
    if (context.dialect() == Dialect::postgresql) {
        std::string seq = db.table("collection_seq_collection_id");
        context.log_info("Creating sequence for collection ID: collection_seq_collection_id");
        db.execute(fmt::format("CREATE SEQUENCE {}", seq));
        db.execute("CREATE TEMP TABLE migration_collection_key (name TEXT PRIMARY KEY, id BIGINT NOT NULL)");
        db.execute(fmt::format("INSERT INTO {} (name, id) SELECT name, nextval('{}') FROM {}", keys, seq,
                               db.table("collection")));
        db.execute("ANALYZE " + keys);
    } else {
        db.execute("CREATE TEMP TABLE migration_collection_key (name TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID");
        db.execute(fmt::format("INSERT INTO {} (name, id) SELECT name, row_number() OVER (ORDER BY rowid) FROM {}", keys,
                               db.table("collection")));
    }
}

// The name columns of `table` and the id columns filled from them (by the names upstream adds them under).
std::vector<std::pair<std::string, std::string>> id_columns(const std::string& table) {
    if (table == "collection") return {{"name", "collection_id"}};
    if (table == "collection_chain") return {{"parent", "parent_id"}, {"child", "child_id"}};
    if (table == "run") return {{"name", "collection_id"}};
    if (table == "dataset") return {{"run_name", "run_id"}};
    return {{"collection_name", "collection_id"}};
}

// SQLite: the id of the collection a row names, an SQL expression over the row (`row`, as the statement names it).
std::string collection_id_of(const std::string& row, const std::string& name_column) {
    return fmt::format("(SELECT k.id FROM {} k WHERE k.name = {}.{})", key_table(Dialect::sqlite), row,
                       Database::quote(name_column));
}

// upstream's messages for the id columns of `table`: added, filled, made NOT NULL (PostgreSQL).
void log_id_columns(StepContext& context, const std::string& table) {
    const bool pg = context.dialect() == Dialect::postgresql;
    if (table == "collection") {
        context.log_info("Adding column collection_id to table collection");
        context.log_info("Filling column collection.collection_id with IDs");
        if (pg) context.log_info("Set NOT NULL on column collection.collection_id");
        return;
    }
    for (const auto& [name_column, id_column] : id_columns(table)) {
        const std::string parent = table == "dataset" ? "run" : "collection";
        context.log_info(fmt::format("Add column {} to table {}", id_column, table));
        context.log_info(fmt::format("Fill column {}.{} from {}.collection_id", table, id_column, parent));
        if (pg) context.log_info(fmt::format("Set NOT NULL on column {}.{}", table, id_column));
    }
}

// Adds to `alteration` the new keys, constraints and indexes of `table` (the PK only when `with_pk`).
void add_new_keys(const Plan& plan, const std::string& table, schema::TableAlteration& alteration, bool with_pk) {
    const TableSchema& info = plan.infos.at(table);
    if (with_pk) {
        if (auto columns = remap(table, info.primary_key.columns)) {
            alteration.create_primary_key(table + "_pkey", *columns);
        }
    }
    for (const auto& fk : info.foreign_keys) {
        auto columns = remap(table, fk.columns);
        if (!columns) continue;
        auto referred = remap(fk.referred_table, fk.referred_columns);
        if (!referred) throw MigrationError(fmt::format("foreign key of {} refers to unmigrated columns", table));
        std::string name = fmt::format("fkey_{}_{}_{}_{}", table, fk.referred_table, joined(*referred), joined(*columns));
        alteration.create_foreign_key({name, *columns, fk.referred_table, *referred, fk.on_delete});
    }
    for (const auto& unique : info.unique_constraints) {
        if (auto columns = remap(table, unique.columns)) {
            alteration.create_unique(schema::database_name(plan.dialect, fmt::format("{}_unq_{}", table, joined(*columns))),
                                     *columns);
        }
    }
    for (const auto& index : info.indexes) {
        if (!index.name) continue;
        bool fk_index = index.name->rfind(table + "_fkidx_", 0) == 0;
        if (!fk_index && index.name->rfind(table + "_idx_", 0) != 0) continue;
        auto columns = remap(table, index.columns);
        if (!columns) continue;
        std::string name = fmt::format("{}_{}_{}", table, fk_index ? "fkidx" : "idx", joined(*columns));
        alteration.create_index(schema::database_name(plan.dialect, name), *columns);
    }
}

std::string listed(const std::vector<std::string>& columns) { return fmt::format("['{}']", fmt::join(columns, "', '")); }

void postgres_primary_key(StepContext& context, const Plan& plan, const std::string& table) {
    auto columns = remap(table, plan.infos.at(table).primary_key.columns);
    if (!columns) return;
    report_size(context, "before adding PK", table);
    schema::TableAlteration pk(table);
    if (table == "collection") {
        context.log_info("Dropping PK on table collection");
        pk.drop_constraint("collection_pkey");
    }
    context.log_info(fmt::format("Add PK {}_pkey to table {} ({})", table, table, listed(*columns)));
    pk.create_primary_key(table + "_pkey", *columns);
    schema::apply(context, pk);
    report_size(context, "after adding PK", table);
}

// Foreign keys, unique constraints and indexes of one table, one statement each, logged as upstream does.
void postgres_keys(StepContext& context, const Plan& plan, const std::string& table) {
    using Kind = schema::TableAlteration::Operation::Kind;
    schema::TableAlteration all(table);
    add_new_keys(plan, table, all, false);
    const auto& ops = all.operations();
    report_size(context, "before adding FKs", table);
    for (const auto& op : ops) {
        if (op.kind != Kind::create_foreign_key) continue;
        const auto& fk = op.foreign_key;
        context.log_info(fmt::format("Add FK {} to table {} {} -> {} {}", schema::database_name(plan.dialect, fk.name),
                                     table, listed(fk.columns), fk.referred_table, listed(fk.referred_columns)));
        schema::apply(context, schema::TableAlteration(table).create_foreign_key(fk));
    }
    report_size(context, "after adding FKs", table);
    for (const auto& op : ops) {
        if (op.kind != Kind::create_unique) continue;
        report_size(context, "before adding unique key", table);
        context.log_info(fmt::format("Add unique constraint {} to table {} {}", op.name, table, listed(op.columns)));
        schema::apply(context, schema::TableAlteration(table).create_unique(op.name, op.columns));
        report_size(context, "after adding unique key", table);
    }
    report_size(context, "before adding indices", table);
    for (const auto& op : ops) {
        if (op.kind != Kind::create_index) continue;
        bool fk_index = op.name.rfind(table + "_fkidx_", 0) == 0;
        context.log_info(fmt::format("Add {}index {} to table {} {}", fk_index ? "FK " : "", op.name, table, listed(op.columns)));
        schema::create_index(context, table, op.name, op.columns);
    }
    report_size(context, "after adding indices", table);
}

// The foreign keys, of any table, that refer to a migrated table: all dropped before the tables are rewritten (a
// table still referred to cannot be dropped). Returned: the statements adding again those on no name column
// (dataset_location's, dataset_tags_*'s on dataset ids), which the end state keeps as they were.
std::vector<std::string> drop_foreign_keys_into(StepContext& context, const Plan& plan) {
    Database& db = context.db();
    auto migrated = [&](const std::string& table) {
        return std::find(plan.tables.begin(), plan.tables.end(), table) != plan.tables.end();
    };
    auto on_name_column = [&](const std::string& table, const std::vector<std::string>& columns) {
        if (!migrated(table)) return false;
        for (const auto& names : id_columns(table)) {
            if (std::find(columns.begin(), columns.end(), names.first) != columns.end()) return true;
        }
        return false;
    };
    std::vector<std::string> again;
    for (const auto& entry : plan.infos) {
        const std::string& source = entry.first;
        for (const auto& fk : entry.second.foreign_keys) {
            if (!migrated(fk.referred_table) || !fk.name) continue;
            if (!on_name_column(source, fk.columns) && !on_name_column(fk.referred_table, fk.referred_columns)) {
                const auto definition = db.query(
                    "SELECT pg_get_constraintdef(con.oid) FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND con.conname = ?",
                    {db.schema().value_or("public"), source, *fk.name});
                again.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", db.table(source),
                                            Database::quote(*fk.name), definition.at(0).at(0).value_or("")));
            }
            db.execute(fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", db.table(source), Database::quote(*fk.name)));
        }
    }
    return again;
}

// PostgreSQL: each table rewritten once with its id columns in its name columns' place (collection keeps its
// name and gains collection_id), then the keys upstream creates, in upstream's order and with its messages.
void migrate_postgresql(StepContext& context, const Plan& plan, const std::vector<std::string>& dynamic) {
    const std::vector<std::string> foreign_keys = drop_foreign_keys_into(context, plan);
    std::vector<std::string> order = {"collection", "run", "dataset", "collection_chain"};
    order.insert(order.end(), dynamic.begin(), dynamic.end());
    for (const auto& table : order) {
        log_id_columns(context, table);
        report_size(context, "before rewriting", table);
        schema::TableRewrite rewrite;
        rewrite.table = table;
        // The map joined (hashed: it has a row per collection) rather than looked up per row.
        for (const auto& [name_column, id_column] : id_columns(table)) {
            const std::string alias = "k" + std::to_string(rewrite.joins.size());
            if (table != "collection") rewrite.dropped.push_back(name_column);
            rewrite.joins.push_back(fmt::format("LEFT JOIN {} {} ON {}.name = t.{}", key_table(Dialect::postgresql), alias,
                                                alias, Database::quote(name_column)));
            // collection_chain's parent_id and child_id end up named parent and child.
            const std::string final_name = table == "collection_chain" ? name_column : id_column;
            rewrite.added.push_back({{final_name, "BIGINT", false, std::nullopt}, alias + ".id", std::nullopt});
        }
        schema::rewrite_postgres_table(context, rewrite);
        report_size(context, "after rewriting", table);
    }
    std::vector<std::string> pk_order = {"collection", "run", "collection_chain"};
    pk_order.insert(pk_order.end(), dynamic.begin(), dynamic.end());
    for (const auto& table : pk_order) postgres_primary_key(context, plan, table);
    for (const auto& table : plan.tables) postgres_keys(context, plan, table);
    for (const auto& statement : foreign_keys) context.db().execute(statement);
}

// SQLite: each table re-created once, referred tables first, with the end state of upstream's alterations in
// turn (id columns added and filled, name columns dropped, new keys), its id columns filled in that copy.
void migrate_sqlite(StepContext& context, const Plan& plan) {
    Database& db = context.db();
    for (const auto& table : plan.tables) {
        const TableSchema& info = plan.infos.at(table);
        log_id_columns(context, table);
        std::vector<schema::TableAlteration> alterations;
        std::map<std::string, std::string> fill;
        alterations.emplace_back(table);
        for (const auto& [name_column, id_column] : id_columns(table)) {
            alterations.back().add_column({id_column, "BIGINT", true, std::nullopt});
            fill[id_column] = collection_id_of(db.table(table), name_column);
        }
        alterations.emplace_back(table);
        schema::TableAlteration& alteration = alterations.back();
        for (const auto& index : info.indexes) {
            if (index.name && remap(table, index.columns)) alteration.drop_index(*index.name);
        }
        // The new primary key replaces the old one before its name column goes (which would shrink it);
        // collection_chain's new columns still have their temporary names here.
        if (auto pk = remap(table, info.primary_key.columns)) {
            for (auto& column : *pk) {
                if (table == "collection_chain" && (column == "parent" || column == "child")) column += "_id";
            }
            alteration.create_primary_key(table + "_pkey", *pk);
        }
        if (table == "collection") {
            alteration.alter_column("collection_id", {{}, false, false, {}, {}});
        } else {
            for (const auto& [old_column, new_column] : id_columns(table)) {
                alteration.drop_column(old_column);
                schema::ColumnChange change{{}, false, false, {}, {}};
                if (table == "collection_chain") change.new_name = old_column;
                alteration.alter_column(new_column, change);
            }
        }
        // The new keys last, where renamed columns are known by their new names.
        schema::TableAlteration keys(table);
        add_new_keys(plan, table, keys, false);
        if (!keys.operations().empty()) alterations.push_back(std::move(keys));
        schema::apply_in_one_copy(context, alterations, fill);
    }
}

void update_attributes(StepContext& context) {
    context.log_info("Updating butler_attributes metadata");
    ButlerAttributes& attributes = context.attributes();
    attributes.remove(fmt::format("version:{}.nameKey.NameKeyCollectionManager", kModule));
    attributes.update("config:registry.managers.collections", fmt::format("{}.synthIntKey.SynthIntKeyCollectionManager", kModule));
    attributes.insert(fmt::format("version:{}.synthIntKey.SynthIntKeyCollectionManager", kModule), "2.0.0");
}

}  // namespace

void upgrade_8c57494cabcc(StepContext& context) {
    Database& db = context.db();
    Plan plan;
    plan.dialect = context.dialect();
    plan.tables = sorted_tables(db, plan.infos);
    std::vector<std::string> dynamic;
    std::copy_if(plan.tables.begin(), plan.tables.end(), std::back_inserter(dynamic),
                 [](const std::string& t) { return !kStaticTables.count(t); });
    lock_tables_exclusive(context, plan.tables, TableLockLog::each_table);  // PostgreSQL only
    create_collection_keys(context);
    if (plan.dialect == Dialect::postgresql) {
        migrate_postgresql(context, plan, dynamic);
    } else {
        migrate_sqlite(context, plan);
    }
    db.execute("DROP TABLE " + key_table(plan.dialect));
    update_attributes(context);
}

}  // namespace butler_migrate::migrations

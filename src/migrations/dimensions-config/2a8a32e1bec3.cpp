// dimensions-config 2a8a32e1bec3: daf_butler universe 4 <-> 5 (DM-42896), instrument names of 16 -> 32 characters.
//
// instrument.name and every column referring to it through a foreign key (the first such key of each table)
// change type to VARCHAR(32) (VARCHAR(16) on downgrade), one batch per table, instrument first. SQLite's
// instrument_len_name check is replaced with the new limit; the <table>_len_instrument checks of the other tables
// keep their old text, as upstream leaves them. PostgreSQL locks all those tables first to avoid deadlocks. The
// stored dimensions.json gets the new version and the new length of the instrument "name" key. Offline (--sql)
// mode is refused, as upstream does: the tables to change are found by reading the schema.
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/steps/table_locks.hpp"
#include "butler_migrate/core/preflight.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kInstrumentTable = "instrument";
constexpr const char* kInstrumentCheck = "instrument_len_name";

using TableColumn = std::pair<std::string, std::string>;

// instrument and its primary key column, then each table with a foreign key to exactly that column.
std::vector<TableColumn> columns_to_migrate(Database& db) {
    const std::vector<std::string> tables = db.table_names();
    std::vector<TableColumn> result;
    bool found = false;
    for (const auto& table : tables) {
        if (table != kInstrumentTable) continue;
        const auto pk = db.reflect_table(table).primary_key.columns;
        if (pk.size() != 1) throw MigrationError("Expect single column in PK");
        result.emplace_back(table, pk.front());
        found = true;
        break;
    }
    if (!found) throw MigrationError(fmt::format("Cannot find {} table in the schema", kInstrumentTable));
    const std::string pk_column = result.front().second;
    for (const auto& table : tables) {
        for (const auto& fk : db.reflect_table(table).foreign_keys) {
            if (fk.referred_schema != db.schema() || fk.referred_table != kInstrumentTable) continue;
            if (fk.referred_columns.size() != 1 || fk.referred_columns.front() != pk_column) continue;
            result.emplace_back(table, fk.columns.front());
            break;
        }
    }
    return result;
}

// Locks everything in advance (PostgreSQL; SQLite has no LOCK TABLE), logging each table. Upstream writes the names
// unquoted; here they are quoted, so a schema name can never be read as SQL (tests/unit/test_hostile_namespace.cpp).
void lock_tables(StepContext& context, const std::vector<TableColumn>& table_columns) {
    std::vector<std::string> tables;
    for (const auto& [table, column] : table_columns) tables.push_back(table);
    lock_tables_exclusive(context, tables, TableLockLog::each_table);
}

void update_dimensions_config(StepContext& context, int old_version, int new_version, int size) {
    update_dimensions_json(context.attributes(), [&](OrderedJson& config) {
        OrderedJson& version = pyjson::item(config, "version");
        if (!pyjson::equals_number(version, old_version)) {
            throw MigrationError(fmt::format("dimensions.json version mismatch: {}", pyjson::str(version)));
        }
        context.log_info(fmt::format("Update dimensions.json version to {}", new_version));
        version = new_version;
        OrderedJson& instrument = pyjson::item(pyjson::item(config, "elements"), kInstrumentTable);
        for (auto& key : pyjson::item(instrument, "keys")) {
            if (pyjson::item(key, "name") == "name") {
                context.log_info(fmt::format("Update dimensions.json column size to {}", size));
                key["length"] = size;
                break;
            }
        }
    });
}

void migrate(StepContext& context, int old_version, int new_version, int size) {
    context.require_online("This script does not support offline mode");
    const std::string new_type = fmt::format("VARCHAR({})", size);
    const std::vector<TableColumn> table_columns = columns_to_migrate(context.db());
    lock_tables(context, table_columns);
    for (const auto& [table, column] : table_columns) {
        context.log_info(fmt::format("Alter {}.{} column type to {}", table, column, new_type));
        schema::TableAlteration alteration(table);
        alteration.alter_column(column, schema::ColumnChange{new_type, std::nullopt, false, std::nullopt, std::nullopt});
        if (context.dialect() == Dialect::sqlite && table == kInstrumentTable) {
            alteration.drop_constraint(kInstrumentCheck);
            alteration.create_check(kInstrumentCheck,
                                    fmt::format(R"(length("{0}")<={1} AND length("{0}")>=1)", column, size));
        }
        schema::apply(context, alteration);
    }
    update_dimensions_config(context, old_version, new_version, size);
}

}  // namespace

// Before the plan starts (either direction): the owners of instrument and of every table keyed on it.
void preflight_2a8a32e1bec3(StepContext& context) {
    std::vector<std::string> tables;
    for (const auto& [table, column] : columns_to_migrate(context.db())) tables.push_back(table);
    require_table_owner(context, tables);
}

void upgrade_2a8a32e1bec3(StepContext& context) { migrate(context, 4, 5, 32); }

void downgrade_2a8a32e1bec3(StepContext& context) { migrate(context, 5, 4, 16); }

}  // namespace butler_migrate::migrations

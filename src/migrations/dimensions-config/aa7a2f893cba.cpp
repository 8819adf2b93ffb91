// dimensions-config aa7a2f893cba: daf_butler universe 7 <-> 8 (DM-54838), three solar-system dimensions.
//
// Upgrade creates the dimension tables of universe 8's new elements: ssp_hypothesis_table (key `name`) and the two
// elements that require it, ssp_hypothesis_bundle and ssp_balanced_index (key `id` under their
// ssp_hypothesis_table), each with a foreign key to ssp_hypothesis_table and an index on that column. All three are
// empty. Downgrade drops them again. Each direction first checks that the stored dimensions.json is daf_butler's
// universe it starts from (no bypass, as upstream), and ends by storing the universe it goes to.
//
// As upstream's script does, the string key columns are TEXT (not the VARCHAR(64) daf_butler itself creates for a
// new universe 8 registry, and without its SQLite length checks), and the primary keys are named <table>_pkey on
// both backends; docs/compatibility.md says how a migrated registry differs from a new one. Constraint names are
// daf_butler's, shrunk on PostgreSQL only.
#include <string>

#include <fmt/format.h>

#include "butler_migrate/core/step_context.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "migrations/dimensions-config/universe_steps.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kParentTable = "ssp_hypothesis_table";
constexpr const char* kParentKey = "name";
// The tables of the two elements that require ssp_hypothesis_table, in the order upstream creates them.
constexpr const char* kChildTables[] = {"ssp_hypothesis_bundle", "ssp_balanced_index"};

void create_parent_table(StepContext& context) {
    context.log_info(fmt::format("Creating table {}", kParentTable));
    schema::TableCreation table(kParentTable);
    table.add_column({kParentKey, "TEXT", false, std::nullopt});
    table.primary_key({kParentKey}, std::string(kParentTable) + "_pkey");
    schema::create_table(context, table);
}

// A table keyed by (ssp_hypothesis_table, id) whose first key column refers to ssp_hypothesis_table.name.
void create_child_table(StepContext& context, const std::string& name) {
    context.log_info(fmt::format("Creating table {}", name));
    // daf_butler's names: fkey_<table>_<parent table>_<parent columns>_<columns>, <table>_fkidx_<columns>.
    const std::string fk_name = fmt::format("fkey_{}_{}_{}_{}", name, kParentTable, kParentKey, kParentTable);
    const std::string index_name = fmt::format("{}_fkidx_{}", name, kParentTable);
    schema::TableCreation table(name);
    table.add_column({kParentTable, "TEXT", false, std::nullopt});
    table.add_column({"id", "BIGINT", false, std::nullopt});
    table.primary_key({kParentTable, "id"}, name + "_pkey");
    table.foreign_key({fk_name, {kParentTable}, kParentTable, {kParentKey}, std::nullopt});
    schema::create_table(context, table);
    schema::create_index(context, name, index_name, {kParentTable});
}

}  // namespace

void upgrade_aa7a2f893cba(StepContext& context) {
    universe_steps::require_online(context);
    universe_steps::validate_stored_universe(context, 7);

    create_parent_table(context);
    for (const char* table : kChildTables) create_child_table(context, table);

    universe_steps::store_universe(context, 8);
}

void downgrade_aa7a2f893cba(StepContext& context) {
    universe_steps::require_online(context);
    universe_steps::validate_stored_universe(context, 8);

    // Children first: their foreign keys refer to ssp_hypothesis_table. Upstream drops ssp_balanced_index first.
    for (const char* table : {"ssp_balanced_index", "ssp_hypothesis_bundle", kParentTable}) {
        context.log_info(fmt::format("Dropping table {}", table));
        schema::drop_table(context, table);
    }

    universe_steps::store_universe(context, 7);
}

}  // namespace butler_migrate::migrations

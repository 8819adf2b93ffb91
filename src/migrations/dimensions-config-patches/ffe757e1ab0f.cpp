// dimensions-config-patches ffe757e1ab0f: daf_butler v6-patch1 (DM-55966), the visit -> day_obs foreign key.
//
// The universe 5 -> 6 step (1fae088c80b6) gave exposure, but not visit, its foreign key to day_obs; a registry
// created at universe >= 6 has it. When visit already has the key (by name) the step only records the patch
// version; otherwise visit.day_obs becomes NOT NULL, gets the key (a table re-creation on SQLite, ALTER TABLE on
// PostgreSQL) and the index visit_fkidx_instrument_day_obs. Either way butler_attributes gets
// `migrate-patch-config:dimensions-config-patches` = {"manager": "daf_butler", "version": "v6-patch1"}.
// Before changing anything the step counts visits without day_obs and visits whose day_obs has no row, and
// refuses with one line naming them (upstream relies on the database to fail, which SQLite, with foreign keys
// not enforced, does not do for the second case). Upstream has no downgrade.
#include <string>

#include <fmt/format.h>

#include "butler_migrate/core/registry.hpp"
#include "butler_migrate/core/step_context.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/util/errors.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr std::string_view kTree = "dimensions-config-patches";
constexpr std::string_view kManager = "daf_butler";
constexpr std::string_view kVersion = "v6-patch1";
constexpr std::string_view kForeignKey = "fkey_visit_day_obs_instrument_id_instrument_day_obs";
constexpr std::string_view kIndex = "visit_fkidx_instrument_day_obs";

long long count(Database& db, const std::string& sql) {
    const auto rows = db.query(sql);
    return rows.empty() || !rows.front().at(0) ? 0 : std::stoll(*rows.front().at(0));
}

// The two states in which the foreign key cannot be added; nothing has been changed when this throws.
void require_day_obs_for_every_visit(StepContext& context) {
    Database& db = context.db();
    const long long missing = count(db, fmt::format("SELECT COUNT(*) FROM {} WHERE day_obs IS NULL", db.table("visit")));
    if (missing > 0) {
        throw MigrationError(fmt::format(
            "{} visit row(s) have no day_obs (NULL); v6-patch1 makes visit.day_obs NOT NULL. Set their day_obs "
            "(butler-migrate update-day-obs) and run the upgrade again",
            missing));
    }
    const long long dangling = count(
        db, fmt::format("SELECT COUNT(*) FROM {} v WHERE NOT EXISTS (SELECT 1 FROM {} d WHERE d.instrument = "
                        "v.instrument AND d.id = v.day_obs)",
                        db.table("visit"), db.table("day_obs")));
    if (dangling > 0) {
        throw MigrationError(fmt::format(
            "{} visit row(s) have a day_obs with no row in table day_obs; v6-patch1 adds the foreign key "
            "(instrument, day_obs) -> day_obs(instrument, id). Add the missing day_obs rows (butler-migrate "
            "update-day-obs) and run the upgrade again",
            dangling));
    }
}

bool visit_has_foreign_key(Database& db) {
    const std::string name = schema::database_name(db.dialect(), kForeignKey);
    for (const auto& fk : db.reflect_table("visit").foreign_keys) {
        if (fk.name == name) return true;
    }
    return false;
}

bool visit_has_index(Database& db) {
    const std::string name = schema::database_name(db.dialect(), kIndex);
    for (const auto& index : db.reflect_table("visit").indexes) {
        if (index.name == name) return true;
    }
    return false;
}

}  // namespace

// Before the plan starts: the same refusal, where visit lacks the key (core/preflight.hpp).
void preflight_ffe757e1ab0f(StepContext& context) {
    if (!visit_has_foreign_key(context.db())) require_day_obs_for_every_visit(context);
}

void upgrade_ffe757e1ab0f(StepContext& context) {
    context.require_online("it reads the foreign keys of table visit");
    Database& db = context.db();
    if (visit_has_foreign_key(db)) {
        context.log_info("visit.day_obs foreign key already exists, no work to do.");
    } else {
        require_day_obs_for_every_visit(context);
        context.log_info("Updating visit table to add foreign key for day_obs table");
        schema::ColumnChange not_null;
        not_null.nullable = false;
        schema::apply(context, schema::TableAlteration("visit").alter_column("day_obs", not_null).create_foreign_key(
                                   {std::string(kForeignKey), {"instrument", "day_obs"}, "day_obs", {"instrument", "id"},
                                    std::nullopt}));
        context.log_info("Creating index on visit.day_obs");
        // upstream: op.create_index(..., if_not_exists=True)
        if (!visit_has_index(db)) schema::create_index(context, "visit", kIndex, {"instrument", "day_obs"});
    }
    context.attributes().update_patch_version(kTree, kManager, kVersion);
}

}  // namespace butler_migrate::migrations

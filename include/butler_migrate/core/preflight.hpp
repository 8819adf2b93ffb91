// Checks before the first step of an upgrade or downgrade plan: what can be known to stop a step half-way through
// the plan (table ownership and privileges, disk space, options, data a step would reject), all reported at once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/core/migration_engine.hpp"
#include "butler_migrate/core/migration_options.hpp"
#include "butler_migrate/core/step_context.hpp"
#include "butler_migrate/db/database.hpp"
#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {

struct PreflightProblem {
    std::string step;     // "upgrade <down> -> <id>", or empty for a problem of the whole plan
    std::string message;  // what is wrong and what to do
};

struct PreflightSettings {
    MigrationOptions options;
    // SQLite: whether a backup copy is made before the first step, and where (default: beside the database).
    bool backup = true;
    std::optional<std::filesystem::path> backup_dir;
};

// Everything found wrong, in plan order; empty when the plan can start. Changes nothing. What each step's own
// check needs but an earlier step of the same plan creates (a table, a column) is not checked here; the step
// still checks it when it runs.
//  - PostgreSQL: every existing table matching a planned step's `altered_tables` is owned by the connected role
//    (or a role it is a member of); the role may create tables in the schema when a step creates one; it may
//    read and write alembic_version and butler_attributes.
//  - SQLite: the database file and its folder are writable (the journal is created beside it); free space for
//    the backup copy and for the largest step (twice the size of the tables it alters: the new copy and the
//    journal).
//  - Each planned step's own preflight (Step::preflight): options and universe files it needs, data it rejects.
std::vector<PreflightProblem> preflight_problems(Database& db, const std::vector<PlannedStep>& steps,
                                                 const PreflightSettings& settings);

// For a step's preflight whose tables follow from the registry (not a fixed pattern): throws MigrationError naming
// those of `tables` that another role owns, on PostgreSQL; does nothing on SQLite.
void require_table_owner(StepContext& context, const std::vector<std::string>& tables);

// The PreflightError for `problems` (not empty): one line saying the plan would not run with the problem, or with
// their number and the problems listed below it.
PreflightError preflight_error(const std::vector<PreflightProblem>& problems);

}  // namespace butler_migrate

// The step engine: resolves a revision argument, plans the steps from the recorded revisions to it, and runs
// each step in its own transaction together with its alembic_version update.
#pragma once

#include <functional>
#include <ostream>
#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/core/migration_options.hpp"
#include "butler_migrate/core/revision_graph.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate {

// A revision argument as the tool accepts it: a full id, a unique prefix of at least 4 characters, a branch
// label, or `<label>@head`. Throws RevisionError ("Can't locate revision identified by '<spec>'", with the
// candidates when a prefix or a label is ambiguous) or UsageError for forms the tool refuses (head, heads,
// base, relative +N/-N, ranges).
const Revision& resolve_revision(const RevisionGraph& graph, const std::string& spec);

struct PlannedStep {
    const Revision* revision;
    StepDirection direction;
};

// alembic's words for a step: "upgrade <down> -> <id>" / "downgrade <id> -> <down>".
std::string step_name(const PlannedStep& step);
// The revision's upgrade or downgrade, as the step's direction says.
const Step& step_of(const PlannedStep& step);

// Steps from the revisions in `current` up to `target`, parents first; empty when `target` is already
// applied or is an ancestor of an applied revision.
std::vector<PlannedStep> plan_upgrade(const RevisionGraph& graph, const std::vector<std::string>& current,
                                      const Revision& target);

// Before running or showing an upgrade plan to `target`: throws RevisionError (naming the revisions concerned) when
// `target` lies on another branch of a tree whose recorded revision it neither follows nor precedes, or when the plan
// would start a tree at a root that cannot be upgraded to (a tree the registry is not on: stamp it first).
void check_upgrade_target(const RevisionGraph& graph, const std::vector<std::string>& current, const Revision& target,
                          const std::vector<PlannedStep>& steps);

// `upgrade REPO head`: the steps that bring every tree of the recorded revisions to its head (trees the
// registry is not on are left alone), tree after tree in the order the real tool's recorded runs migrate
// them (attributes, dimensions, dimensions-config, collections, datasets, datastores, ...). Throws
// RevisionError when a recorded revision's tree branches after it (the operator must choose the branch).
std::vector<PlannedStep> plan_upgrade_to_heads(const RevisionGraph& graph, const std::vector<std::string>& current);

// Steps from the revisions in `current` down to `target`, newest first. Throws RevisionError
// "Destination <id> is not a valid downgrade target from current head(s)" when `target` is not an ancestor
// of (or equal to) a recorded revision.
std::vector<PlannedStep> plan_downgrade(const RevisionGraph& graph, const std::vector<std::string>& current,
                                        const Revision& target);

// Throws MigrationError naming the first planned step that cannot run (not implemented upstream, or not
// ported yet), before anything is changed.
void check_steps_available(const std::vector<PlannedStep>& steps);

// The alembic_version change of one step (REFERENCE A.3), run on `db` and applied to `current` (the rows
// before the step, updated to the rows after it).
void record_step(Database& db, const RevisionGraph& graph, const PlannedStep& step, std::vector<std::string>& current);

struct EngineSettings {
    MigrationOptions options;
    std::ostream* notices = nullptr;  // stdout of the command
    // Called after each step has committed, with its position in `steps` and its duration in seconds.
    std::function<void(const PlannedStep&, size_t index, double seconds)> on_step_done;
};

// Runs `steps` in order, each in its own transaction with its alembic_version update. `current` holds the
// recorded revisions. A failing step is rolled back completely and rethrown as MigrationError naming the
// step; earlier steps stay applied.
void run_steps(Database& db, const RevisionGraph& graph, std::vector<std::string> current,
               const std::vector<PlannedStep>& steps, const EngineSettings& settings);

// Offline mode (--sql): writes to `out` the SQL that `steps` would run from the revisions in `current`, as
// alembic does (BEGIN/COMMIT around it on PostgreSQL, a "-- Running ..." comment per step), touching no
// database. A step that has to read the database throws MigrationError
// "Migration <id> does not support offline (--sql) mode".
void write_steps_sql(Dialect dialect, const std::optional<std::string>& schema, const RevisionGraph& graph,
                     std::vector<std::string> current, const std::vector<PlannedStep>& steps,
                     const MigrationOptions& options, std::ostream& out);

}  // namespace butler_migrate

namespace butler_migrate {

// Before planning an upgrade or downgrade: the --namespace precondition, a non-empty alembic_version
// ("run stamp first"), and the consistency of alembic_version with butler_attributes. Returns the recorded
// revisions.
std::vector<std::string> check_migration_preconditions(Database& db, const RevisionGraph& graph,
                                                       const std::optional<std::string>& ns);

}  // namespace butler_migrate

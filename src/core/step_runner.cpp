// Running planned steps: one transaction per step, holding the step's work and its alembic_version update.
#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "butler_migrate/errors.hpp"
#include "butler_migrate/log.hpp"
#include "butler_migrate/migration_engine.hpp"

namespace butler_migrate {

namespace {

constexpr std::string_view kLogger = "butler_migrate.engine";

// Test-only fault injection: BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT=<revision id> fails that step after all of
// its work and its alembic_version update, just before the commit, to prove the rollback is complete.
void maybe_inject_failure(const Revision& revision) {
    const char* target = std::getenv("BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT");
    if (target && revision.id == target) throw MigrationError("injected failure (BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT)");
}

std::string step_name(const PlannedStep& step) {
    const Revision& r = *step.revision;
    return step.direction == StepDirection::upgrade ? fmt::format("upgrade {} -> {}", r.down_revision, r.id)
                                                    : fmt::format("downgrade {} -> {}", r.id,
                                                                  r.down_revision.empty() ? "<base>" : r.down_revision);
}

}  // namespace

void record_step(Database& db, const RevisionGraph& graph, const PlannedStep& step) {
    const Revision& r = *step.revision;
    auto current = alembic_revisions(db);
    auto is_current = [&](const std::string& id) { return std::find(current.begin(), current.end(), id) != current.end(); };
    const std::string table = db.table("alembic_version");
    if (step.direction == StepDirection::upgrade) {
        if (!r.down_revision.empty() && is_current(r.down_revision)) {
            db.execute(fmt::format("UPDATE {} SET version_num = ? WHERE version_num = ?", table), {r.id, r.down_revision});
        } else {
            db.execute(fmt::format("INSERT INTO {} (version_num) VALUES (?)", table), {r.id});
        }
        return;
    }
    bool down_is_ancestor_of_other = false;
    for (const auto& other : current) {
        if (other != r.id && !r.down_revision.empty() && graph.is_ancestor(r.down_revision, other)) down_is_ancestor_of_other = true;
    }
    if (r.down_revision.empty() || down_is_ancestor_of_other) {
        db.execute(fmt::format("DELETE FROM {} WHERE version_num = ?", table), {r.id});
    } else {
        db.execute(fmt::format("UPDATE {} SET version_num = ? WHERE version_num = ?", table), {r.down_revision, r.id});
    }
}

void run_steps(Database& db, const RevisionGraph& graph, const std::vector<PlannedStep>& steps,
               const EngineSettings& settings) {
    check_steps_available(steps);
    for (const auto& step : steps) {
        const Step& s = step.direction == StepDirection::upgrade ? step.revision->upgrade : step.revision->downgrade;
        log::info(kLogger, fmt::format("Running {}, {}", step_name(step), step.revision->message));
        try {
            Transaction transaction(db);
            StepContext context(db, *step.revision, step.direction, settings.options, *settings.notices);
            s.function(context);
            record_step(db, graph, step);
            maybe_inject_failure(*step.revision);
            transaction.commit();
        } catch (const std::exception& e) {
            // Upstream's message stays whole at the end, after the name of the step.
            throw MigrationError(fmt::format("{} failed, nothing of it was applied: {}", step_name(step), e.what()));
        }
    }
}

}  // namespace butler_migrate

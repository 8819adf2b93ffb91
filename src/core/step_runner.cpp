// Running planned steps: one transaction per step, holding the step's work and its alembic_version update.
#include <algorithm>
#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/core/migration_engine.hpp"
#include "butler_migrate/db/offline_database.hpp"

namespace butler_migrate {

namespace {

constexpr std::string_view kLogger = "butler_migrate.engine";

// Test-only fault injection: BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT=<revision id> fails that step after all of
// its work and its alembic_version update, just before the commit, to prove the rollback is complete.
void maybe_inject_failure(const Revision& revision) {
    const char* target = std::getenv("BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT");
    if (target && revision.id == target) throw MigrationError("injected failure (BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT)");
}

// alembic's words for a step: "upgrade <down> -> <id>" / "downgrade <id> -> <down>".
std::string step_name(const PlannedStep& step) {
    const Revision& r = *step.revision;
    return step.direction == StepDirection::upgrade ? fmt::format("upgrade {} -> {}", r.down_revision, r.id)
                                                    : fmt::format("downgrade {} -> {}", r.id, r.down_revision);
}

const Step& step_of(const PlannedStep& step) {
    return step.direction == StepDirection::upgrade ? step.revision->upgrade : step.revision->downgrade;
}

bool contains(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

void record_step(Database& db, const RevisionGraph& graph, const PlannedStep& step, std::vector<std::string>& current) {
    const Revision& r = *step.revision;
    auto replace = [&](const std::string& from, const std::string& to) {
        move_alembic_revision(db, from, to);
        std::replace(current.begin(), current.end(), from, to);
    };
    if (step.direction == StepDirection::upgrade) {
        if (!r.down_revision.empty() && contains(current, r.down_revision)) {
            replace(r.down_revision, r.id);
        } else {
            insert_alembic_revision(db, r.id);
            current.push_back(r.id);
        }
        return;
    }
    bool down_is_ancestor_of_other = false;
    for (const auto& other : current) {
        if (other != r.id && !r.down_revision.empty() && graph.is_ancestor(r.down_revision, other)) {
            down_is_ancestor_of_other = true;
        }
    }
    if (r.down_revision.empty() || down_is_ancestor_of_other) {
        delete_alembic_revision(db, r.id);
        current.erase(std::remove(current.begin(), current.end(), r.id), current.end());
    } else {
        replace(r.id, r.down_revision);
    }
}

void run_steps(Database& db, const RevisionGraph& graph, std::vector<std::string> current,
               const std::vector<PlannedStep>& steps, const EngineSettings& settings) {
    check_steps_available(steps);
    for (size_t index = 0; index < steps.size(); ++index) {
        const PlannedStep& step = steps[index];
        const auto start = std::chrono::steady_clock::now();
        // VERBOSE, as alembic's own "Running upgrade" lines are not shown by default upstream.
        log::write(log::Level::verbose, kLogger, fmt::format("Running {}, {}", step_name(step), step.revision->message));
        auto before = current;
        try {
            Transaction transaction(db);
            StepContext context(db, *step.revision, step.direction, settings.options, *settings.notices);
            step_of(step).function(context);
            record_step(db, graph, step, current);
            maybe_inject_failure(*step.revision);
            transaction.commit();
        } catch (const std::exception& e) {
            current = before;
            // Upstream's message stays whole at the end, after the name of the step.
            const auto* error = dynamic_cast<const Error*>(&e);
            throw MigrationError(fmt::format("{} failed, nothing of it was applied: {}", step_name(step), e.what()),
                                 error ? error->details() : std::string());
        }
        if (settings.on_step_done) {
            settings.on_step_done(step, index,
                                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
    }
}

void write_steps_sql(Dialect dialect, const std::optional<std::string>& schema, const RevisionGraph& graph,
                     std::vector<std::string> current, const std::vector<PlannedStep>& steps,
                     const MigrationOptions& options, std::ostream& out) {
    check_steps_available(steps);
    OfflineDatabase db(dialect, schema, out);
    bool transactional = dialect == Dialect::postgresql;
    if (transactional) out << "BEGIN;\n\n";
    for (const auto& step : steps) {
        out << "-- Running " << step_name(step) << "\n\n";
        try {
            StepContext context(db, *step.revision, step.direction, options, out, StepMode::offline);
            step_of(step).function(context);
        } catch (const OfflineModeUnsupported& e) {
            throw MigrationError(fmt::format("Migration {} does not support offline (--sql) mode: {}",
                                             step.revision->id, e.what()));
        }
        record_step(db, graph, step, current);
    }
    if (transactional) out << "COMMIT;\n\n";
}

}  // namespace butler_migrate

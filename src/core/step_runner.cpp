// Running planned steps: one transaction per step, holding the step's work and its alembic_version update.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/interruption.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/core/migration_engine.hpp"
#include "butler_migrate/db/offline_database.hpp"
#include "core/fault_injection.hpp"

namespace butler_migrate {

namespace {

constexpr std::string_view kLogger = "butler_migrate.engine";

// Test-only fault injection: BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT=<revision id> fails that step after all of
// its work and its alembic_version update, just before the commit, to prove the rollback is complete.
void maybe_inject_failure(const Revision& revision) {
    const char* target = std::getenv("BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT");
    if (target && revision.id == target) throw MigrationError("injected failure (BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT)");
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
        // alembic's HeadMaintainer.update_to_step for an upgrade (alembic/runtime/migration.py, 1.19), with one
        // deliberate difference: alembic moves a step from its down revision *and* its dependencies, so when a
        // dependency is itself a recorded row (ffe757e1ab0f on a registry exactly at universe 6, 1fae088c80b6) it
        // merges that row into the new one, and butler_attributes then disagrees with alembic_version (upstream's
        // consistency check refuses every later upgrade). Here only the down revision's row moves; a dependency's
        // row stays (docs/compatibility.md).
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

namespace {

std::string signal_name(int signal_number) {
    switch (signal_number) {
        case SIGINT: return "SIGINT";
        case SIGTERM: return "SIGTERM";
        case SIGHUP: return "SIGHUP";
        default: return "signal " + std::to_string(signal_number);
    }
}

// While steps run, a stop request cancels the statement running on `db`.
class CancelOnInterruption {
public:
    explicit CancelOnInterruption(Database& db) { set_interruption_canceller([&db] { db.interrupt(); }); }
    ~CancelOnInterruption() { set_interruption_canceller({}); }
    CancelOnInterruption(const CancelOnInterruption&) = delete;
    CancelOnInterruption& operator=(const CancelOnInterruption&) = delete;
};

}  // namespace

void run_steps(Database& db, const RevisionGraph& graph, std::vector<std::string> current,
               const std::vector<PlannedStep>& steps, const EngineSettings& settings) {
    check_steps_available(steps);
    // Test-only (BUTLER_MIGRATE_TEST_FAULT, core/fault_injection.hpp): nullopt unless the variable is set.
    const std::optional<StatementFault> fault = statement_fault_from_environment();
    CancelOnInterruption cancel(db);
    for (size_t index = 0; index < steps.size(); ++index) {
        const PlannedStep& step = steps[index];
        if (interruption_requested()) {
            throw InterruptedError(fmt::format(
                "Interrupted by {} before {}: {} of {} steps were applied, each committed; the registry is consistent "
                "at the revisions they left. Run the same command again to continue",
                signal_name(interruption_signal()), step_name(step), index, steps.size()));
        }
        const auto start = std::chrono::steady_clock::now();
        // VERBOSE, as alembic's own "Running upgrade" lines are not shown by default upstream.
        log::write(log::Level::verbose, kLogger, fmt::format("Running {}, {}", step_name(step), step.revision->message));
        auto before = current;
        try {
            std::optional<FaultInjectingDatabase> faulty;
            if (fault && fault->revision == step.revision->id) faulty.emplace(db, *fault);
            Database& step_db = faulty ? static_cast<Database&>(*faulty) : db;
            Transaction transaction(step_db);
            StepContext context(step_db, *step.revision, step.direction, settings.options, *settings.notices);
            step_of(step).function(context);
            record_step(step_db, graph, step, current);
            maybe_inject_failure(*step.revision);
            transaction.commit();
            if (faulty) {
                log::write(log::Level::warning, kLogger,
                           fmt::format("BUTLER_MIGRATE_TEST_FAULT: statement {} of {} was not reached; the step ran {} "
                                       "statements",
                                       fault->statement, step_name(step), faulty->statements()));
            }
        } catch (const std::exception& e) {
            current = before;
            if (interruption_requested()) {
                throw InterruptedError(fmt::format(
                    "Interrupted by {}: {} was rolled back completely; {} of {} steps were applied before it, each "
                    "committed, and the registry is consistent at the revisions they left. Run the same command again "
                    "to continue",
                    signal_name(interruption_signal()), step_name(step), index, steps.size()));
            }
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

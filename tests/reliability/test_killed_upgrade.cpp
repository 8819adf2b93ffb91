// Crash safety: `upgrade` SIGKILLed at a random moment of a heavy one-shot step leaves the registry exactly
// before or exactly after the step, and a re-run completes it. SQLite and PostgreSQL.
#include <catch2/catch.hpp>

#include <signal.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "child_process.hpp"
#include "crash_trials.hpp"

using namespace reliability;

namespace {

struct KillPlan {
    int index = 0;
    std::chrono::milliseconds delay{0};
};

// Backup files (`*.backup`) in the repository that are not a complete, sound copy of the before-state: a copy
// cut short by the kill that an operator could later restore from.
int broken_backups(const RegistryClone& clone, const StepReferences& references) {
    int broken = 0;
    for (const auto& entry : std::filesystem::directory_iterator(clone.dir().path())) {
        const std::string name = entry.path().filename().string();
        if (name.size() < 7 || name.compare(name.size() - 7, 7, ".backup") != 0) continue;
        auto check = test_support::run_program(
            {"sqlite3", entry.path().string(), "PRAGMA integrity_check; SELECT count(*) FROM sqlite_master;"});
        const std::string expected = "ok\n" + std::to_string(references.before.catalog.size()) + "\n";
        if (check.exit_status != 0 || check.out != expected) {
            UNSCOPED_INFO("backup " << name << ": " << check.out << check.err);
            ++broken;
        }
    }
    return broken;
}

// One trial on a fresh clone: start the step, kill it after `plan.delay`, classify the registry, re-run.
void kill_trial(const test_support::FixtureCopy& source, const std::string& source_tag, const HeavyStep& step,
                const StepReferences& references, const KillPlan& plan, TrialCounts& counts) {
    const auto trial_start = std::chrono::steady_clock::now();
    RegistryClone clone(source, source_tag, source_tag + "_t" + std::to_string(plan.index));
    ChildProcess child(clone.argv(verbose_upgrade_args(step)), test_support::tool_environment(), clone.dir().path());
    child.wait_until([] { return false; }, plan.delay);
    const bool step_started = child.err().find("Running upgrade") != std::string::npos;
    // A signal sent in the instant between the child's own exit and its reaping reaches a zombie: the status says
    // which happened (SIGKILL cannot be caught, so a live child ends with 137).
    const bool killed = child.send_signal(SIGKILL) && child.wait() == 128 + SIGKILL;
    const int status = child.wait();
    INFO("trial " << plan.index << ": kill after " << plan.delay.count() << " ms ("
                  << (killed ? (step_started ? "mid-step" : "before the step") : "finished first")
                  << "), exit status " << status << "\nstderr:\n" << child.err());
    ++counts.trials;
    if (!killed) {
        ++counts.finished_first;
        CHECK(status == 0);
    } else {
        ++(step_started ? counts.killed_mid_step : counts.killed_before_step);
        CHECK(status == 128 + SIGKILL);
    }

    // What an operator sees first: show-current must work on the registry the killed run left.
    const auto first_look = clone.run(show_current_args());
    if (first_look.exit_status != 0) {
        ++counts.show_current_refused;
        UNSCOPED_INFO("show-current right after the kill: " << first_look.err);
    }
    if (clone.is_sqlite()) counts.broken_backups += broken_backups(clone, references);
    const RegistrySnapshot found = capture_snapshot(clone);
    const StateMatch state = match_state(references.before, references.after, found);
    INFO(explain_mismatch(references.before, references.after, found));
    CHECK(state != StateMatch::neither);
    ++(state == StateMatch::before ? counts.state_before
                                   : state == StateMatch::after ? counts.state_after : counts.state_neither);
    if (killed && step_started && state == StateMatch::after) ++counts.killed_after_commit;
    if (!killed) CHECK(state == StateMatch::after);
    // butler.yaml is either file, never a torn one (today upgrade does not write it).
    CHECK((found.butler_yaml == references.before.butler_yaml || found.butler_yaml == references.after.butler_yaml));

    auto rerun = clone.run(step.upgrade_args);
    INFO("re-run stderr:\n" << rerun.err);
    CHECK(rerun.exit_status == 0);
    const auto differences = snapshot_differences(references.after, capture_snapshot(clone));
    INFO(differences.size() << " differences from the after-state; first: " << (differences.empty() ? "" : differences[0]));
    CHECK(differences.empty());
    if (rerun.exit_status == 0 && differences.empty()) ++counts.reruns_reaching_after;
    std::cout << "[crash]   trial " << plan.index << ": kill at " << plan.delay.count() << " ms, "
              << (killed ? (step_started ? "killed mid-step" : "killed before the step") : "finished first")
              << ", found " << state_name(state) << ", re-run " << (differences.empty() ? "reached" : "MISSED")
              << " the after-state (" << std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::steady_clock::now() - trial_start).count()
              << " ms)" << std::endl;
}

void run_kill_trials(Backend backend, const HeavyStep& step) {
    const auto setup_start = std::chrono::steady_clock::now();
    const std::string tag = unique_tag(std::string("crash_") + (backend == Backend::sqlite ? "sq_" : "pg_") + step.name);
    const int bulk_runs = bulk_runs_for(step);
    auto source = make_heavy_registry(backend, step, tag, bulk_runs);
    const StepReferences references = step_references(*source, tag, step);
    const std::uint64_t seed = crash_seed();
    const int trials = crash_trials();
    const std::string label = std::string(backend_name(backend)) + " " + step.name + " " + step.revision;
    std::cout << "[crash] " << label << ": seed " << seed << " (BUTLER_MIGRATE_CRASH_SEED), " << trials
              << " trials, " << bulk_runs << " bulk runs, uninterrupted run " << references.duration.count() << " ms (" << references.cpu_time.count() << " ms CPU in butler-migrate), set-up "
              << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - setup_start).count() << " ms"
              << std::endl;
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<long long> delay(0, references.duration.count());
    TrialCounts counts;
    for (int i = 0; i < trials; ++i) {
        INFO(label << ", seed " << seed);
        kill_trial(*source, tag, step, references, {i, std::chrono::milliseconds(delay(random))}, counts);
    }
    std::cout << "[crash] " << label << ": " << counts.summary() << std::endl;
    CHECK(counts.state_neither == 0);
    // The test proves nothing unless kills land inside the step.
    if (trials >= 3) CHECK(counts.killed_mid_step > 0);
}

}  // namespace

TEST_CASE("killed upgrade 8c57494cabcc on SQLite leaves the registry before or after the step", "[crash]") {
    run_kill_trials(Backend::sqlite, collections_oneshot_step());
}

TEST_CASE("killed upgrade 8c57494cabcc on PostgreSQL leaves the registry before or after the step", "[crash]") {
    run_kill_trials(Backend::postgresql, collections_oneshot_step());
}

TEST_CASE("killed upgrade 2101fbf51ad3 on SQLite leaves the registry before or after the step", "[crash]") {
    run_kill_trials(Backend::sqlite, datasets_oneshot_step());
}

TEST_CASE("killed upgrade 2101fbf51ad3 on PostgreSQL leaves the registry before or after the step", "[crash]") {
    run_kill_trials(Backend::postgresql, datasets_oneshot_step());
}

// Once a defect (README.md): read-only commands opened SQLite read-only, and SQLite cannot roll back the hot
// journal a killed writer left through such a connection, so show-current failed ("attempt to write a readonly
// database") until a writing command had opened the registry. Fixed: SQLite is opened read-write with query_only.
TEST_CASE("show-current reads a SQLite registry right after a killed upgrade", "[crash]") {
    const HeavyStep& step = collections_oneshot_step();
    const std::string tag = unique_tag("crash_sq_look");
    auto source = make_heavy_registry(Backend::sqlite, step, tag, 300);
    RegistryClone clone(*source, tag, tag + "_t");
    ChildProcess child(clone.argv(verbose_upgrade_args(step)), test_support::tool_environment(), clone.dir().path());
    // Killed once SQLite has synced the journal (its header then carries the magic number: the journal is hot,
    // the next connection must roll it back); before that first sync a killed run leaves nothing to undo.
    const std::string journal = clone.sqlite_file() + "-journal";
    auto journal_hot = [&] {
        std::ifstream in(journal, std::ios::binary);
        char header[8] = {};
        return in.read(header, 8) && std::string(header, 8) == std::string("\xd9\xd5\x05\xf9\x20\xa1\x63\xd7", 8);
    };
    REQUIRE(child.wait_until(journal_hot, std::chrono::seconds(60)));
    REQUIRE(child.send_signal(SIGKILL));
    child.wait();
    auto look = clone.run(show_current_args());
    INFO(look.err);
    CHECK(look.exit_status == 0);
    CHECK(look.out.find("93341d68b814") != std::string::npos);
}

// Crash safety when PostgreSQL goes away: the server of a running heavy step is restarted (immediate mode) while
// the step runs; upgrade fails with one error line that holds no password, the registry is exactly as before the
// step, and a re-run completes it. Uses a private server: the shared one is never restarted.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <regex>
#include <sstream>

#include "child_process.hpp"
#include "crash_trials.hpp"
#include "private_pg_server.hpp"

using namespace reliability;

namespace {

// env BUTLER_MIGRATE_RESTART_TRIALS: restarts per step (default 1).
int restart_trials() {
    const char* text = std::getenv("BUTLER_MIGRATE_RESTART_TRIALS");
    return text && *text ? std::max(1, std::atoi(text)) : 1;
}

std::vector<std::string> error_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("butler-migrate: error: ", 0) == 0) out.push_back(line);
    }
    return out;
}

// Restarts the server `delay` after the step began; returns whether the restart landed while it ran.
bool restart_mid_step(const PrivatePgServer& pg, ChildProcess& child, std::chrono::milliseconds delay) {
    const bool started = child.wait_until([&] { return child.err().find("Running upgrade") != std::string::npos; },
                                          std::chrono::seconds(120));
    if (!started) return false;
    child.wait_until([] { return false; }, delay);
    if (child.finished()) return false;
    auto restarted = pg.restart_immediately();
    INFO(restarted.err);
    REQUIRE(restarted.exit_status == 0);
    return true;
}

// One restart; returns whether it landed inside the step's transaction: the tool was still running when the server
// went down and the registry is not yet in the after state (a restart between the step's COMMIT and the end of the
// process finds the after state, which is as good an outcome and is counted as a miss).
bool restart_trial(const PrivatePgServer& pg, const test_support::FixtureCopy& source, const std::string& tag,
                   const HeavyStep& step, const StepReferences& references, int index,
                   std::chrono::milliseconds delay) {
    RegistryClone clone(source, tag, tag + "_r" + std::to_string(index));
    ChildProcess child(clone.argv(verbose_upgrade_args(step)), test_support::tool_environment(), clone.dir().path());
    const bool while_running = restart_mid_step(pg, child, delay);
    const bool ended = child.wait_until([&] { return child.finished(); }, std::chrono::seconds(120));
    INFO("restart " << delay.count() << " ms into the step; " << (while_running ? "tool still running" : "missed")
                    << "\nstderr:\n" << child.err());
    REQUIRE(ended);  // a lost server must not leave upgrade hanging
    const int status = child.wait();
    const std::string err = child.err();
    const RegistrySnapshot found = capture_snapshot(clone);
    const StateMatch state = match_state(references.before, references.after, found);
    INFO(explain_mismatch(references.before, references.after, found));
    CHECK(state != StateMatch::neither);  // never half-migrated
    const bool landed = while_running && state != StateMatch::after;
    if (landed) {
        CHECK(status != 0);
        const auto errors = error_lines(err);
        CHECK(errors.size() == 1);
        // It says the connection is gone (libpq's and libpqxx's words vary with where the loss is noticed).
        if (!errors.empty()) CHECK(errors[0].find("Lost the connection to the PostgreSQL server") != std::string::npos);
        CHECK(err.substr(err.rfind('\n', err.size() - 2) + 1).rfind("butler-migrate: error: ", 0) == 0);
        CHECK(state == StateMatch::before);
    }
    CHECK(err.find(pg.server().password) == std::string::npos);
    std::cout << "[restart]   trial " << index << ": restart " << delay.count() << " ms into the step, "
              << (landed ? "landed mid-step" : "missed the step") << ", exit status " << status << ", found "
              << state_name(state) << "; "
              << (error_lines(err).empty() ? std::string("no error line") : error_lines(err).back()) << std::endl;
    auto rerun = clone.run(step.upgrade_args);
    INFO("re-run:\n" << rerun.err);
    CHECK(rerun.exit_status == 0);
    CHECK(snapshot_differences(references.after, capture_snapshot(clone)).empty());
    return landed;
}

void check_restart(const HeavyStep& step) {
    PrivatePgServer pg;
    const auto environment = pg.use_for_tests();
    const std::string tag = unique_tag("restart_" + step.name);
    auto source = make_heavy_registry(Backend::postgresql, step, tag, bulk_runs_for(step));
    const StepReferences references = step_references(*source, tag, step);
    const std::uint64_t seed = crash_seed();
    std::mt19937_64 random(seed);
    // Somewhere in the first half of the step's run, so the restart lands before the step ends.
    std::uniform_int_distribution<long long> delay(0, references.duration.count() / 2);
    int landed = 0;
    const int trials = restart_trials();
    // A loaded machine can make a restart miss the step: up to four more trials until one lands.
    int made = 0;
    for (; made < trials || (landed == 0 && made < trials + 4); ++made) {
        INFO("seed " << seed << ", trial " << made);
        if (restart_trial(pg, *source, tag, step, references, made, std::chrono::milliseconds(delay(random)))) {
            ++landed;
        }
    }
    std::cout << "[restart] PostgreSQL " << step.name << " " << step.revision << ": seed " << seed << ", " << made
              << " restarts, " << landed << " landed mid-step" << std::endl;
    CHECK(landed > 0);
}

}  // namespace

TEST_CASE("PostgreSQL restarted under upgrade 2101fbf51ad3 leaves the registry before the step", "[restart]") {
    check_restart(datasets_oneshot_step());
}

TEST_CASE("PostgreSQL restarted under upgrade 8c57494cabcc leaves the registry before the step", "[restart]") {
    check_restart(collections_oneshot_step());
}

// Interrupted, not killed: SIGINT / SIGTERM during a heavy one-shot step roll the step back, say so on stderr and
// exit with the documented status 130 (docs/exit-codes.md); the registry is exactly as before the step and a re-run
// completes it. SQLite and PostgreSQL. Before this was handled the process died silently with 130 / 143 (the
// shell's 128 + signal), leaving the operator to guess.
#include <catch2/catch.hpp>

#include <signal.h>

#include <iostream>

#include "child_process.hpp"
#include "crash_trials.hpp"

using namespace reliability;

namespace {

void interrupt_trials(Backend backend, int signal_number) {
    const HeavyStep& step = datasets_oneshot_step();
    const std::string tag = unique_tag(std::string("intr_") + (backend == Backend::sqlite ? "sq" : "pg"));
    auto source = make_heavy_registry(backend, step, tag, bulk_runs_for(step));
    const StepReferences references = step_references(*source, tag, step);
    int mid_step = 0;
    // Signals at a quarter, a half and three quarters of an uninterrupted run, counted from the step's start.
    for (int quarter = 1; quarter <= 3; ++quarter) {
        RegistryClone clone(*source, tag, tag + "_q" + std::to_string(quarter));
        ChildProcess child(clone.argv(verbose_upgrade_args(step)), test_support::tool_environment(), clone.dir().path());
        const bool started = child.wait_until([&] { return child.err().find("Running upgrade") != std::string::npos; },
                                              references.duration);
        child.wait_until([] { return false; }, references.duration * quarter / 4);
        const bool sent = started && child.send_signal(signal_number);
        const int status = child.wait();
        INFO("quarter " << quarter << ", signal " << signal_number << ", exit status " << status << "\nstderr:\n"
                        << child.err());
        const RegistrySnapshot found = capture_snapshot(clone);
        if (status == 0) {  // the step finished before the signal: nothing to check but the after-state
            CHECK(match_state(references.before, references.after, found) == StateMatch::after);
            continue;
        }
        REQUIRE(sent);
        ++mid_step;
        CHECK(status == 130);
        const std::string name = signal_number == SIGINT ? "SIGINT" : "SIGTERM";
        CHECK(child.err().find("butler-migrate: error: Interrupted by " + name + ": upgrade ") != std::string::npos);
        CHECK(child.err().find("was rolled back completely; 0 of 1 steps were applied") != std::string::npos);
        INFO(explain_mismatch(references.before, references.after, found));
        CHECK(match_state(references.before, references.after, found) == StateMatch::before);
        const auto rerun = clone.run(step.upgrade_args);
        CHECK(rerun.exit_status == 0);
        CHECK(snapshot_differences(references.after, capture_snapshot(clone)).empty());
    }
    std::cout << "[interrupt] " << backend_name(backend) << " signal " << signal_number << ": " << mid_step
              << " of 3 runs interrupted mid-step" << std::endl;
    CHECK(mid_step > 0);  // the test proves nothing unless a signal lands inside the step
}

}  // namespace

TEST_CASE("SIGINT during upgrade 2101fbf51ad3 on SQLite rolls the step back and exits 130", "[crash]") {
    interrupt_trials(Backend::sqlite, SIGINT);
}

TEST_CASE("SIGTERM during upgrade 2101fbf51ad3 on PostgreSQL rolls the step back and exits 130", "[crash]") {
    interrupt_trials(Backend::postgresql, SIGTERM);
}

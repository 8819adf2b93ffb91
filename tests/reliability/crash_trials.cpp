// Knobs, references and counters of the crash tests.
#include "crash_trials.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <random>

#include "child_process.hpp"

namespace reliability {

int crash_trials() {
    const char* text = std::getenv("BUTLER_MIGRATE_CRASH_TRIALS");
    return text && *text ? std::max(1, std::atoi(text)) : 5;
}

std::uint64_t crash_seed() {
    const char* text = std::getenv("BUTLER_MIGRATE_CRASH_SEED");
    if (text && *text) return std::strtoull(text, nullptr, 10);
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

std::string unique_tag(const std::string& what) { return what + "_" + std::to_string(::getpid()); }

StepReferences step_references(const test_support::FixtureCopy& source, const std::string& source_tag,
                               const HeavyStep& step) {
    RegistryClone clone(source, source_tag, source_tag + "_ref");
    StepReferences references;
    references.before = capture_snapshot(clone);
    ChildProcess run(clone.argv(verbose_upgrade_args(step)), test_support::tool_environment(), clone.dir().path());
    const int status = run.wait();
    references.duration = run.elapsed();
    references.cpu_time = run.cpu_time();
    INFO(run.err());
    REQUIRE(status == 0);
    references.after = capture_snapshot(clone);
    // The comparison must be able to tell the two states apart, and to tell every dataset from every other.
    REQUIRE_FALSE(snapshot_differences(references.before, references.after).empty());
    REQUIRE(references.before.ambiguous_dataset_ids == 0);
    REQUIRE(references.after.ambiguous_dataset_ids == 0);
    return references;
}

std::string TrialCounts::summary() const {
    return std::to_string(trials) + " trials: " + std::to_string(killed_mid_step) + " killed mid-step (" +
           std::to_string(killed_after_commit) + " of them after the commit), " +
           std::to_string(killed_before_step) + " killed before the step began, " + std::to_string(finished_first) +
           " finished before the kill; registry found before " + std::to_string(state_before) + ", after " +
           std::to_string(state_after) + ", half-migrated " + std::to_string(state_neither) + "; re-runs reaching " +
           "the after-state " + std::to_string(reruns_reaching_after) + "/" + std::to_string(trials) +
           "; show-current refused right after the kill " + std::to_string(show_current_refused) +
           ", incomplete backup files left " + std::to_string(broken_backups);
}

}  // namespace reliability

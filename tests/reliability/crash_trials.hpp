// Shared parts of the crash tests: the knobs (trials, seed), the before/after references of a heavy step, and
// the statistics a run of trials reports.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "heavy_registry.hpp"
#include "registry_snapshot.hpp"

namespace reliability {

// env BUTLER_MIGRATE_CRASH_TRIALS: trials per backend and step (default 5, the CI form; 50 is the long form).
int crash_trials();
// env BUTLER_MIGRATE_CRASH_SEED: the seed of the random kill times (default: a fresh random one). Printed.
std::uint64_t crash_seed();
// A tag unique to this process, for PostgreSQL database names ("<what>_<pid>").
std::string unique_tag(const std::string& what);

struct StepReferences {
    RegistrySnapshot before;
    RegistrySnapshot after;
    std::chrono::milliseconds duration{0};  // a whole uninterrupted run of the step, start to exit
    std::chrono::milliseconds cpu_time{0};  // the CPU time butler-migrate used for it (not the server's)
};

// Snapshots of a clone of `source` before and after an uninterrupted run of `step`, and how long the run took.
// Checks that the two states differ and that every dataset has an identity of its own.
StepReferences step_references(const test_support::FixtureCopy& source, const std::string& source_tag,
                               const HeavyStep& step);

struct TrialCounts {
    int trials = 0;
    int killed_mid_step = 0;      // killed after the step's "Running upgrade" line, before it exited
    int killed_before_step = 0;   // killed while connecting, locking or checking
    int finished_first = 0;       // exited before the kill was due
    int state_before = 0;
    int state_after = 0;
    int state_neither = 0;
    int killed_after_commit = 0;  // killed between the commit and the exit
    int reruns_reaching_after = 0;
    int show_current_refused = 0;  // show-current failed when run first thing after the kill
    int broken_backups = 0;        // SQLite backup files left that are not a complete copy of the registry

    std::string summary() const;
};

}  // namespace reliability

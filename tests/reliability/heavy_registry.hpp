// Heavy migration steps and the registries they run on: a real fixture brought up to just before the step by
// the real tool's recorded commands, then inflated with bulk runs, datasets, tags and datastore rows so that
// the step takes seconds.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fixture_copy.hpp"
#include "test_registry.hpp"

namespace reliability {

using test_support::Backend;
using test_support::backend_name;

struct HeavyStep {
    std::string name;      // short name for messages and database tags: "collections", "datasets"
    std::string revision;  // the step's target revision
    // `upgrade ...` arguments with {REPO} (without global options).
    std::vector<std::string> upgrade_args;
    // Bulk runs that make the step take a second or more in a release build.
    int default_bulk_runs = 0;
};

const HeavyStep& collections_oneshot_step();  // 8c57494cabcc, REFERENCE §5.15
const HeavyStep& datasets_oneshot_step();     // 2101fbf51ad3, REFERENCE §5.16

// butler-migrate arguments running the step with VERBOSE logging (its "Running upgrade" line marks the start).
std::vector<std::string> verbose_upgrade_args(const HeavyStep& step);

// Bulk runs to add for `step` (each holds one bias dataset per HSC detector, 111 of them):
// env BUTLER_MIGRATE_CRASH_BULK_RUNS, else the step's default.
int bulk_runs_for(const HeavyStep& step);

// A copy of fixture f2021_u0_dim600_int_name (or its _pg twin) at the state right before `step`, inflated
// with `bulk_runs` bulk runs. `tag` names its PostgreSQL database (bm_fixture_<tag>).
std::unique_ptr<test_support::FixtureCopy> make_heavy_registry(Backend backend, const HeavyStep& step,
                                                               const std::string& tag, int bulk_runs);

}  // namespace reliability

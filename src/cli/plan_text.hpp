// How planned migration steps are shown to the operator: the plan before it runs, and each step once done.
#pragma once

#include <ostream>
#include <vector>

#include "butler_migrate/core/migration_engine.hpp"

namespace butler_migrate::cli {

// "Upgrade plan (N steps):" and one numbered line per step; "Nothing to do: ..." when there is none.
void print_plan(const std::vector<PlannedStep>& steps, StepDirection direction, std::ostream& out);

// "Applied 2/11: dimensions upgrade 87a30df8c8c5 -> 1601d5973bf8 (0.12 s)".
void print_step_done(const PlannedStep& step, size_t index, size_t count, double seconds, std::ostream& out);

}  // namespace butler_migrate::cli

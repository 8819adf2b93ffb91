// Plan and progress lines of upgrade/downgrade with `head` or --dry-run.
#include "cli/plan_text.hpp"

#include <fmt/format.h>

namespace butler_migrate::cli {

namespace {

std::string step_text(const PlannedStep& step) {
    const Revision& r = *step.revision;
    std::string from = step.direction == StepDirection::upgrade ? r.down_revision : r.id;
    std::string to = step.direction == StepDirection::upgrade ? r.id : r.down_revision;
    return fmt::format("{} {} {} -> {}", r.tree, step.direction == StepDirection::upgrade ? "upgrade" : "downgrade",
                       from.empty() ? "<base>" : from, to.empty() ? "<base>" : to);
}

}  // namespace

void print_plan(const std::vector<PlannedStep>& steps, StepDirection direction, std::ostream& out) {
    if (steps.empty()) {
        out << "Nothing to do: the registry is already there.\n";
        return;
    }
    out << fmt::format("{} plan ({} step{}):\n", direction == StepDirection::upgrade ? "Upgrade" : "Downgrade",
                       steps.size(), steps.size() == 1 ? "" : "s");
    for (size_t i = 0; i < steps.size(); ++i) {
        out << fmt::format("  {}. {}  {}\n", i + 1, step_text(steps[i]), steps[i].revision->message);
    }
    out.flush();
}

void print_step_done(const PlannedStep& step, size_t index, size_t count, double seconds, std::ostream& out) {
    out << fmt::format("Applied {}/{}: {} ({:.2f} s)\n", index + 1, count, step_text(step), seconds);
    out.flush();
}

}  // namespace butler_migrate::cli

// Planning the steps between the recorded revisions and a target, as alembic walks its revision map.
#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "butler_migrate/errors.hpp"
#include "butler_migrate/migration_engine.hpp"

namespace butler_migrate {

std::vector<PlannedStep> plan_upgrade(const RevisionGraph& graph, const std::vector<std::string>& current,
                                      const Revision& target) {
    std::set<std::string> applied;
    for (const auto& id : current) {
        graph.at(id);
        applied.insert(id);
        for (const auto& ancestor : graph.ancestors(id)) applied.insert(ancestor);
    }
    // The target's line down to the first applied revision, then reversed: parents first.
    std::vector<PlannedStep> steps;
    for (const Revision* r = &target; r && !applied.count(r->id); r = r->is_root() ? nullptr : graph.find(r->down_revision)) {
        steps.push_back({r, StepDirection::upgrade});
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
}

std::vector<PlannedStep> plan_upgrade_to_heads(const RevisionGraph& graph, const std::vector<std::string>& current) {
    std::vector<std::vector<PlannedStep>> per_tree;
    for (const auto& id : current) {
        auto heads = graph.heads_above(id);
        if (heads.size() > 1) {
            throw RevisionError(fmt::format(
                "the {} tree branches after the recorded revision {}: choose a branch by upgrading to one of its "
                "heads ({}) first",
                graph.at(id).tree, id, fmt::join(heads, ", ")));
        }
        auto steps = plan_upgrade(graph, current, graph.at(heads.front()));
        if (!steps.empty()) per_tree.push_back(std::move(steps));
    }
    std::vector<PlannedStep> merged;
    std::vector<size_t> next(per_tree.size(), 0);
    while (true) {
        const PlannedStep* earliest = nullptr;
        size_t from = 0;
        for (size_t t = 0; t < per_tree.size(); ++t) {
            if (next[t] == per_tree[t].size()) continue;
            const PlannedStep& candidate = per_tree[t][next[t]];
            if (!earliest || candidate.revision->create_date < earliest->revision->create_date) {
                earliest = &candidate;
                from = t;
            }
        }
        if (!earliest) return merged;
        merged.push_back(*earliest);
        ++next[from];
    }
}

std::vector<PlannedStep> plan_downgrade(const RevisionGraph& graph, const std::vector<std::string>& current,
                                        const Revision& target) {
    std::vector<PlannedStep> steps;
    bool reachable = false;
    for (const auto& id : current) {
        graph.at(id);
        if (id == target.id) {
            reachable = true;
            continue;
        }
        if (!graph.is_ancestor(target.id, id)) continue;
        reachable = true;
        for (const Revision* r = &graph.at(id); r->id != target.id; r = &graph.at(r->down_revision)) {
            steps.push_back({r, StepDirection::downgrade});
        }
    }
    if (!reachable) {
        throw RevisionError(
            fmt::format("Destination {} is not a valid downgrade target from current head(s)", target.id));
    }
    return steps;
}

void check_steps_available(const std::vector<PlannedStep>& steps) {
    for (const auto& step : steps) {
        const Step& s = step.direction == StepDirection::upgrade ? step.revision->upgrade : step.revision->downgrade;
        const char* what = step.direction == StepDirection::upgrade ? "upgrade" : "downgrade";
        switch (s.availability) {
            case StepAvailability::available:
                if (s.function) continue;
                [[fallthrough]];
            case StepAvailability::not_yet_ported:
                throw MigrationError(fmt::format(
                    "The {} step of revision {} ({}) is not available in this version of butler-migrate; nothing "
                    "was changed",
                    what, step.revision->id, step.revision->message));
            case StepAvailability::not_implemented_upstream:
                throw MigrationError(fmt::format(
                    "Revision {} ({}) has no {} step (upstream does not implement it either); nothing was changed",
                    step.revision->id, step.revision->message, what));
        }
    }
}

}  // namespace butler_migrate

// Planning the steps between the recorded revisions and a target, as alembic walks its revision map.
#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/migration_engine.hpp"

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

namespace {

// The order `upgrade head` takes the trees in: the order the real tool's recorded runs migrate them
// (../shared/fixtures: attributes, dimensions, dimensions-config, then datasets and datastores), with the
// trees that have no step in those runs after them; unknown trees last, by name.
int tree_rank(const std::string& manager_type) {
    static const std::vector<std::string> order = {"attributes", "dimensions", "dimensions-config", "collections",
                                                   "datasets",   "datastores", "opaque",            "obscore",
                                                   "obscore-config"};
    auto it = std::find(order.begin(), order.end(), manager_type);
    return static_cast<int>(it - order.begin());
}

}  // namespace

std::vector<PlannedStep> plan_upgrade_to_heads(const RevisionGraph& graph, const std::vector<std::string>& current) {
    std::vector<std::pair<const Revision*, std::vector<PlannedStep>>> per_tree;  // keyed by the recorded revision
    for (const auto& id : current) {
        auto heads = graph.heads_above(id);
        if (heads.size() > 1) {
            throw RevisionError(fmt::format(
                "the {} tree branches after the recorded revision {}: choose a branch by upgrading to one of its "
                "heads ({}) first",
                graph.at(id).tree, id, fmt::join(heads, ", ")));
        }
        per_tree.emplace_back(&graph.at(id), plan_upgrade(graph, current, graph.at(heads.front())));
    }
    std::stable_sort(per_tree.begin(), per_tree.end(), [](const auto& a, const auto& b) {
        const std::string ta = a.first->manager_type(), tb = b.first->manager_type();
        return std::make_pair(tree_rank(ta), ta) < std::make_pair(tree_rank(tb), tb);
    });
    std::vector<PlannedStep> steps;
    for (const auto& tree : per_tree) steps.insert(steps.end(), tree.second.begin(), tree.second.end());
    return steps;
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

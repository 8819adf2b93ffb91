// Planning the steps between the recorded revisions and a target, as alembic walks its revision map.
#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/migration_engine.hpp"

namespace butler_migrate {

std::string step_name(const PlannedStep& step) {
    const Revision& r = *step.revision;
    return step.direction == StepDirection::upgrade ? fmt::format("upgrade {} -> {}", r.down_revision, r.id)
                                                    : fmt::format("downgrade {} -> {}", r.id, r.down_revision);
}

const Step& step_of(const PlannedStep& step) {
    return step.direction == StepDirection::upgrade ? step.revision->upgrade : step.revision->downgrade;
}

namespace {

// Everything the recorded revisions stand for: themselves, their ancestors and what they depend on.
std::set<std::string> applied_revisions(const RevisionGraph& graph, const std::vector<std::string>& current) {
    std::set<std::string> applied;
    for (const auto& id : current) {
        graph.at(id);
        applied.insert(id);
        const auto below = graph.ancestors_with_dependencies(id);
        applied.insert(below.begin(), below.end());
    }
    return applied;
}

// Appends the steps that reach `revision` and are not in `done`, parents first: as alembic's topological sort
// orders them, a revision's dependencies (with what they need) come before its down revision's line
// (alembic/script/revision.py RevisionMap._topological_sort, 1.19).
void add_upgrade_steps(const RevisionGraph& graph, const Revision& revision, std::set<std::string>& done,
                       std::vector<PlannedStep>& steps) {
    if (!done.insert(revision.id).second) return;
    for (const auto& dependency : revision.depends_on) {
        if (const Revision* needed = graph.find(dependency)) add_upgrade_steps(graph, *needed, done, steps);
    }
    if (!revision.is_root()) add_upgrade_steps(graph, graph.at(revision.down_revision), done, steps);
    steps.push_back({&revision, StepDirection::upgrade});
}

}  // namespace

std::vector<PlannedStep> plan_upgrade(const RevisionGraph& graph, const std::vector<std::string>& current,
                                      const Revision& target) {
    std::set<std::string> done = applied_revisions(graph, current);
    std::vector<PlannedStep> steps;
    add_upgrade_steps(graph, target, done, steps);
    return steps;
}

namespace {

// The order `upgrade head` takes the trees in: the order the real tool's recorded runs migrate them
// (../shared/fixtures: attributes, dimensions, dimensions-config, then datasets and datastores), with the
// trees that have no step in those runs after them; unknown trees last, by name.
int tree_rank(const std::string& manager_type) {
    static const std::vector<std::string> order = {"attributes", "dimensions", "dimensions-config", "collections",
                                                   "datasets",   "datastores", "opaque",            "obscore",
                                                   "obscore-config", "dimensions-config-patches"};
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
    // Tree after tree; a step an earlier tree's plan already holds (a dependency) is not planned twice.
    std::set<std::string> done = applied_revisions(graph, current);
    std::vector<PlannedStep> steps;
    for (const auto& tree : per_tree) {
        for (const auto& step : tree.second) add_upgrade_steps(graph, *step.revision, done, steps);
    }
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
    // A recorded revision of another line that depends on a revision being undone goes down first, as alembic
    // takes dependents along (the only such revision today, ffe757e1ab0f, has no downgrade: the plan is refused).
    std::set<std::string> undone;
    for (const auto& step : steps) undone.insert(step.revision->id);
    std::vector<PlannedStep> dependents;
    for (const auto& id : current) {
        if (undone.count(id) > 0) continue;
        const auto below = graph.ancestors_with_dependencies(id);
        if (std::any_of(below.begin(), below.end(), [&](const std::string& b) { return undone.count(b) > 0; })) {
            dependents.push_back({&graph.at(id), StepDirection::downgrade});
        }
    }
    steps.insert(steps.begin(), dependents.begin(), dependents.end());
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

void check_upgrade_target(const RevisionGraph& graph, const std::vector<std::string>& current, const Revision& target,
                          const std::vector<PlannedStep>& steps) {
    for (const auto& id : current) {
        const Revision& recorded = graph.at(id);
        if (recorded.tree != target.tree || id == target.id) continue;
        if (graph.is_ancestor(id, target.id) || graph.is_ancestor(target.id, id)) continue;
        throw RevisionError(fmt::format(
            "Revision {} is on another branch of the {} tree than the recorded revision {}: an upgrade follows the "
            "recorded branch (a move to another manager class is a one-shot migration, see `butler-migrate "
            "show-trees --one-shot`)",
            target.id, target.tree, id));
    }
    for (const auto& step : steps) {
        const Revision& r = *step.revision;
        if (!r.is_root() || r.upgrade.availability != StepAvailability::not_implemented_upstream) continue;
        throw RevisionError(fmt::format(
            "The {} tree is not recorded in this registry, and its root {} cannot be upgraded to: `butler-migrate "
            "stamp REPO {}` records the root, then upgrade from there",
            r.tree, r.id, r.tree));
    }
}

}  // namespace butler_migrate

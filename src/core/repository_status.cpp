// The status of a registry: each recorded revision against the head(s) of its tree, and the overall state.
#include "butler_migrate/core/repository_status.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "butler_migrate/core/catalogue.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/migration_engine.hpp"
#include "butler_migrate/core/registry.hpp"

namespace butler_migrate {

namespace {

// The rule of check_steps_available, per step: runnable only when available and present in this build.
StepAvailability upgrade_availability(const Revision& revision) {
    const Step& step = revision.upgrade;
    if (step.availability == StepAvailability::available && step.function == nullptr) {
        return StepAvailability::not_yet_ported;
    }
    return step.availability;
}

// One-shot trees in which `revision` is not yet the head (it only matters for a revision that is a regular head).
std::vector<OneShotContinuation> one_shot_continuations(const Catalogue& catalogue, const std::string& revision) {
    std::vector<OneShotContinuation> found;
    for (const std::string& tree : catalogue.one_shot_tree_names()) {
        const RevisionGraph one_shot = catalogue.of_trees({tree});
        if (one_shot.find(revision) == nullptr || one_shot.is_head(revision)) continue;
        for (const std::string& head : one_shot.heads_above(revision)) found.push_back({tree, head});
    }
    return found;
}

TreeStatus tree_status(const Catalogue& catalogue, const RevisionGraph& graph, const std::vector<std::string>& recorded, const Revision& current) {
    TreeStatus status;
    status.tree = current.tree;
    status.current = current.id;
    status.heads = graph.heads_above(current.id);
    if (status.heads.size() == 1 && status.heads.front() != current.id) {
        for (const PlannedStep& step : plan_upgrade(graph, recorded, graph.at(status.heads.front()))) {
            status.pending.push_back({step.revision->id, upgrade_availability(*step.revision)});
        }
    }
    if (status.at_head()) status.one_shot = one_shot_continuations(catalogue, current.id);
    return status;
}

// Patch trees that no recorded revision belongs to, and whether their patches apply.
std::vector<PatchTreeStatus> patch_tree_statuses(const RevisionGraph& graph, const std::vector<std::string>& recorded,
                                                 const std::vector<TreeStatus>& trees) {
    std::set<std::string> recorded_trees, applied, pending;
    for (const auto& id : recorded) {
        recorded_trees.insert(graph.at(id).tree);
        applied.insert(id);
        const auto below = graph.ancestors_with_dependencies(id);
        applied.insert(below.begin(), below.end());
    }
    for (const auto& tree : trees) {
        for (const auto& step : tree.pending) pending.insert(step.revision);
    }
    std::map<std::string, PatchTreeStatus> found;
    for (const Revision* revision : graph.revisions()) {
        if (!revision->is_in_patch_tree() || recorded_trees.count(revision->tree) > 0) continue;
        PatchTreeStatus& patch = found[revision->tree];
        patch.tree = revision->tree;
        if (revision->is_root()) continue;
        for (const auto& dependency : revision->depends_on) {
            if (std::find(patch.needs.begin(), patch.needs.end(), dependency) == patch.needs.end()) {
                patch.needs.push_back(dependency);
            }
        }
    }
    std::vector<PatchTreeStatus> result;
    for (auto& [name, patch] : found) {
        for (const auto& id : graph.bases()) {
            if (graph.at(id).tree == name) patch.root = id;
        }
        for (const auto& step : plan_upgrade(graph, {patch.root}, graph.at(graph.heads_above(patch.root).front()))) {
            if (step.revision->tree == name) patch.patches.push_back(step.revision->id);
        }
        std::sort(patch.needs.begin(), patch.needs.end());
        for (const auto& need : patch.needs) {
            if (applied.count(need) > 0) continue;
            const auto applies_later = pending.count(need) > 0 ? PatchTreeStatus::Applicability::after_pending
                                                                : PatchTreeStatus::Applicability::not_reachable;
            patch.applicability = std::max(patch.applicability, applies_later);
        }
        result.push_back(patch);
    }
    return result;
}

}  // namespace

const char* applicability_name(PatchTreeStatus::Applicability applicability) {
    switch (applicability) {
        case PatchTreeStatus::Applicability::now: return "now";
        case PatchTreeStatus::Applicability::after_pending: return "after_pending";
        case PatchTreeStatus::Applicability::not_reachable: return "not_reachable";
    }
    return "unknown";
}

RepositoryStatus repository_status(Database& db, const Catalogue& catalogue, const std::optional<std::string>& ns) {
    const RevisionGraph graph = catalogue.regular();
    RepositoryStatus status;
    require_butler_registry(db);  // an unrelated database is no unstamped registry
    const std::vector<std::string> recorded = alembic_revisions(db);
    if (recorded.empty()) {
        status.state = RepositoryState::not_stamped;
        return status;
    }
    require_dimensions_namespace(db, ns);

    std::vector<const Revision*> revisions;
    for (const auto& id : recorded) revisions.push_back(&graph.at(id));  // unknown id: RevisionError
    std::sort(revisions.begin(), revisions.end(), [](const Revision* a, const Revision* b) {
        return std::tie(a->tree, a->id) < std::tie(b->tree, b->id);
    });
    for (const Revision* revision : revisions) status.trees.push_back(tree_status(catalogue, graph, recorded, *revision));
    status.patch_trees = patch_tree_statuses(graph, recorded, status.trees);

    const bool all_at_head =
        std::all_of(status.trees.begin(), status.trees.end(), [](const TreeStatus& t) { return t.at_head(); });
    status.state = all_at_head ? RepositoryState::at_head : RepositoryState::upgrades_pending;
    try {
        validate_revisions(db, ns, graph.bases());
    } catch (const RevisionError& e) {
        status.state = RepositoryState::inconsistent;
        status.inconsistency = e.what();
    }
    return status;
}

ExitStatus exit_status_of(RepositoryState state) {
    switch (state) {
        case RepositoryState::at_head: return ExitStatus::success;
        case RepositoryState::upgrades_pending: return ExitStatus::upgrades_pending;
        case RepositoryState::inconsistent: return ExitStatus::revision_error;
        case RepositoryState::not_stamped: return ExitStatus::not_stamped;
    }
    return ExitStatus::failure;
}

const char* state_name(RepositoryState state) {
    switch (state) {
        case RepositoryState::at_head: return "at_head";
        case RepositoryState::upgrades_pending: return "upgrades_pending";
        case RepositoryState::inconsistent: return "inconsistent";
        case RepositoryState::not_stamped: return "not_stamped";
    }
    return "unknown";
}

const char* availability_name(StepAvailability availability) {
    switch (availability) {
        case StepAvailability::available: return "available";
        case StepAvailability::not_yet_ported: return "not_yet_ported";
        case StepAvailability::not_implemented_upstream: return "not_implemented_upstream";
    }
    return "unknown";
}

}  // namespace butler_migrate

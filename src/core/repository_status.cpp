// The status of a registry: each recorded revision against the head(s) of its tree, and the overall state.
#include "butler_migrate/core/repository_status.hpp"

#include <algorithm>
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

}  // namespace

RepositoryStatus repository_status(Database& db, const Catalogue& catalogue, const std::optional<std::string>& ns) {
    const RevisionGraph graph = catalogue.regular();
    RepositoryStatus status;
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

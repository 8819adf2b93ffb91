// The stamp policy: which managers' revisions go into alembic_version, which are reported instead, the purge.
#include "butler_migrate/core/stamp_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/revision_id.hpp"

namespace butler_migrate {

namespace {

// The root of tree `tree_name`, for a tree butler_attributes does not record yet (upstream
// script/migrate_stamp.py @c70930da: rev_id(tree_name) must be one of the trees' base revisions).
std::string tree_root(const std::string& tree_name, const RevisionGraph& graph) {
    std::string root = rev_id({tree_name});
    const auto bases = graph.bases();
    if (std::find(bases.begin(), bases.end(), root) == bases.end()) {
        throw UsageError(fmt::format("Unknown tree name {} (not in the database or migrations)", tree_name));
    }
    return root;
}

}  // namespace

std::vector<std::string> StampPlan::revisions_to_write() const {
    std::vector<std::string> revisions;
    for (const auto& entry : entries) {
        if (entry.known) revisions.push_back(entry.revision);
    }
    return revisions;
}

std::vector<std::string> StampPlan::unstamped_warnings() const {
    std::vector<std::string> lines;
    for (const auto& entry : entries) {
        if (entry.known) continue;
        lines.push_back(fmt::format("{}: the registry's version has no migration revision yet ({} is in no tree), so "
                                    "it was not stamped",
                                    entry.manager, entry.revision));
    }
    return lines;
}

StampPlan plan_stamp(const std::vector<ManagerVersion>& recorded, const RevisionGraph& graph,
                     const std::optional<std::string>& tree_name, bool purge) {
    StampPlan plan;
    plan.purge = purge;
    auto add = [&](const std::string& name, const std::string& revision) {
        plan.entries.push_back({name, revision, graph.find(revision) != nullptr});
    };
    for (const auto& m : recorded) {
        if (!tree_name || m.manager == *tree_name) add(m.manager, m.revision);
    }
    if (tree_name && plan.entries.empty()) add(*tree_name, tree_root(*tree_name, graph));
    return plan;
}

void apply_stamp_plan(Database& db, const RevisionGraph& graph, const StampPlan& plan) {
    if (plan.purge) purge_alembic_version(db);
    for (const auto& revision : plan.revisions_to_write()) stamp_revision(db, graph, revision);
}

}  // namespace butler_migrate

// The stamp policy: which managers' revisions go into alembic_version, which are reported instead, the purge.
#include "butler_migrate/core/stamp_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/revision_id.hpp"

namespace butler_migrate {

namespace {

// The root of `manager`'s tree, for a manager butler_attributes does not record yet.
std::string tree_root(const std::string& manager, const RevisionGraph& graph) {
    std::string root = rev_id({manager});
    const auto bases = graph.bases();
    if (std::find(bases.begin(), bases.end(), root) == bases.end()) {
        throw UsageError(fmt::format("Unknown manager name {} (not in the database or migrations)", manager));
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
                     const std::optional<std::string>& manager, bool purge) {
    StampPlan plan;
    plan.purge = purge;
    auto add = [&](const std::string& name, const std::string& revision) {
        plan.entries.push_back({name, revision, graph.find(revision) != nullptr});
    };
    for (const auto& m : recorded) {
        if (!manager || m.manager == *manager) add(m.manager, m.revision);
    }
    if (manager && plan.entries.empty()) add(*manager, tree_root(*manager, graph));
    return plan;
}

void apply_stamp_plan(Database& db, const RevisionGraph& graph, const StampPlan& plan) {
    if (plan.purge) purge_alembic_version(db);
    for (const auto& revision : plan.revisions_to_write()) stamp_revision(db, graph, revision);
}

}  // namespace butler_migrate

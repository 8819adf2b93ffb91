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

void check_stamp_plan(Database& db, const RevisionGraph& graph, const StampPlan& plan) {
    if (plan.purge) return;  // every row goes first
    for (const auto& existing : alembic_revisions(db)) {
        const Revision* row = graph.find(existing);
        if (row == nullptr) continue;  // stamp_revision does not look at it either
        for (const auto& revision : plan.revisions_to_write()) {
            const Revision& wanted = graph.at(revision);
            if (wanted.tree != row->tree || revision == existing) continue;
            if (graph.is_ancestor(existing, revision) || graph.is_ancestor(revision, existing)) continue;
            throw RevisionError(fmt::format(
                "alembic_version records {} for the {} tree, on another branch than {} (the version butler_attributes "
                "records): stamping would keep both rows and leave the registry inconsistent; `butler-migrate stamp "
                "--purge` replaces every row. Nothing was changed",
                existing, row->tree, revision));
        }
    }
}

bool stamp_plan_changes(Database& db, const StampPlan& plan) {
    const auto rows = alembic_revisions(db);
    if (plan.purge) {
        // Purging and writing back the same rows changes nothing.
        auto wanted = plan.revisions_to_write();
        auto present = rows;
        std::sort(wanted.begin(), wanted.end());
        std::sort(present.begin(), present.end());
        return wanted != present || wanted.empty();
    }
    for (const auto& revision : plan.revisions_to_write()) {
        if (std::find(rows.begin(), rows.end(), revision) == rows.end()) return true;
    }
    return false;
}

void apply_stamp_plan(Database& db, const RevisionGraph& graph, const StampPlan& plan) {
    check_stamp_plan(db, graph, plan);
    if (plan.purge) purge_alembic_version(db);
    for (const auto& revision : plan.revisions_to_write()) stamp_revision(db, graph, revision);
}

}  // namespace butler_migrate

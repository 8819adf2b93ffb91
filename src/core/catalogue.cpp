// A catalogue of revisions: the id check against upstream's formula, tree names, and graphs of chosen trees.
#include "butler_migrate/core/catalogue.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "butler_migrate/core/revision_id.hpp"
#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {
namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Revisions for which `keep(revision)` is true, in catalogue order.
template <typename Keep>
RevisionGraph graph_of(const std::vector<Revision>& revisions, Keep keep) {
    std::vector<const Revision*> selected;
    for (const Revision& revision : revisions) {
        if (keep(revision)) selected.push_back(&revision);
    }
    return RevisionGraph(std::move(selected));
}

std::vector<std::string> tree_names(const std::vector<Revision>& revisions, bool one_shot) {
    std::set<std::string> names;
    for (const Revision& revision : revisions) {
        if (revision.is_one_shot() == one_shot) names.insert(revision.tree);
    }
    return {names.begin(), names.end()};
}

}  // namespace

std::string derived_revision_id(const Revision& revision) {
    if (!revision.id_is_derived) return {};
    if (revision.is_root()) return rev_id({revision.manager_type()});
    if (revision.manager_class.empty() || revision.manager_version.empty()) return {};
    return rev_id({revision.manager_type(), revision.manager_class, revision.manager_version});
}

Catalogue::Catalogue(std::vector<Revision> revisions) : revisions_(std::move(revisions)) {
    for (const Revision& revision : revisions_) {
        const std::string derived = derived_revision_id(revision);
        if (!derived.empty() && derived != revision.id) {
            throw std::logic_error("catalogue: revision " + revision.id + " of tree " + revision.tree +
                                   " should have the id " + derived);
        }
    }
}

RevisionGraph Catalogue::regular() const {
    return graph_of(revisions_, [](const Revision& revision) { return !revision.is_one_shot(); });
}

RevisionGraph Catalogue::with_one_shot_tree(const std::string& one_shot_tree) const {
    const auto slash = one_shot_tree.find('/');
    if (slash == std::string::npos || slash + 1 == one_shot_tree.size()) {
        // Upstream's message, including its stray "f" before the braces (a missed f-string prefix).
        throw UsageError("one-shot tree name is missing slash: f{one_shot_tree}");
    }
    if (!contains(one_shot_tree_names(), one_shot_tree)) {
        throw RevisionError("Unknown one-shot tree " + one_shot_tree);
    }
    const std::string manager_type = one_shot_tree.substr(0, slash);
    return graph_of(revisions_, [&](const Revision& revision) {
        return revision.is_one_shot() ? revision.tree == one_shot_tree : revision.tree != manager_type;
    });
}

RevisionGraph Catalogue::of_trees(const std::vector<std::string>& trees) const {
    return graph_of(revisions_, [&](const Revision& revision) { return contains(trees, revision.tree); });
}

std::optional<ManagerConfigChange> config_change_for(const Revision& revision) {
    if (revision.butler_yaml_class.empty()) return std::nullopt;
    return ManagerConfigChange{revision.manager_type(), revision.butler_yaml_class};
}

std::vector<std::string> Catalogue::regular_tree_names() const { return tree_names(revisions_, false); }

std::vector<std::string> Catalogue::one_shot_tree_names() const { return tree_names(revisions_, true); }

}  // namespace butler_migrate

// A catalogue: every revision of the regular and one-shot trees, and the revision graphs built from it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/config/config_update.hpp"
#include "butler_migrate/core/revision.hpp"
#include "butler_migrate/core/revision_graph.hpp"

namespace butler_migrate {

class Catalogue {
public:
    // Throws std::logic_error when a revision whose id upstream derives from (tree, manager, version) carries
    // another id: the table and the formula of revision_id.hpp must agree.
    explicit Catalogue(std::vector<Revision> revisions);

    // Every revision, in catalogue order.
    const std::vector<Revision>& revisions() const { return revisions_; }

    // All regular trees together.
    RevisionGraph regular() const;
    // All regular trees, with the tree of the one-shot tree's manager type replaced by `one_shot_tree`
    // ("<type>/<name>"). Throws UsageError when the name has no slash, RevisionError when it is unknown.
    RevisionGraph with_one_shot_tree(const std::string& one_shot_tree) const;
    // Revisions of the named trees only (regular or one-shot names); unknown names give no revisions.
    RevisionGraph of_trees(const std::vector<std::string>& trees) const;

    // Names of the regular trees ("attributes", ...), sorted.
    std::vector<std::string> regular_tree_names() const;
    // Names of the one-shot trees ("collections/name_2.0.0_to_int_2.0.0", ...), sorted.
    std::vector<std::string> one_shot_tree_names() const;

private:
    std::vector<Revision> revisions_;
};

// The id upstream gives a revision: rev_id(tree) for a root, rev_id(type, class, version) for a manager
// version; empty when upstream names the revision otherwise (one-shot steps, the config trees' versions).
std::string derived_revision_id(const Revision& revision);

// The butler.yaml change a one-shot step calls for (its catalogue row's class); nullopt for other revisions.
std::optional<ManagerConfigChange> config_change_for(const Revision& revision);

}  // namespace butler_migrate

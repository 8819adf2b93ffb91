// A loaded set of revisions and the questions alembic asks of it: heads, bases, labels, ancestry, history.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "butler_migrate/core/revision.hpp"

namespace butler_migrate {

class RevisionGraph {
public:
    // Revisions must have unique ids and every non-empty down_revision must be among them. A depends_on id
    // that is not among them (a tree loaded alone) is left out of the graph's structure.
    explicit RevisionGraph(std::vector<const Revision*> revisions);

    const std::vector<const Revision*>& revisions() const { return revisions_; }
    bool empty() const { return revisions_.empty(); }

    // nullptr when absent.
    const Revision* find(std::string_view id) const;
    // Throws RevisionError "Can't locate revision identified by '<id>'" when absent.
    const Revision& at(std::string_view id) const;

    std::vector<std::string> bases() const;                         // roots, ascending id
    std::vector<std::string> heads() const;                         // no children, ascending id
    std::vector<std::string> children(std::string_view id) const;   // ascending id
    bool is_head(std::string_view id) const;
    bool is_branch_point(std::string_view id) const;

    // Revisions loaded here that declare `id` in their depends_on, ascending id.
    std::vector<std::string> dependents(std::string_view id) const;
    // alembic's "real" branch point: two or more children and dependents together.
    bool is_real_branch_point(std::string_view id) const;
    // alembic Revision._normalized_down_revisions: the down revision, then the loaded dependencies that no
    // (down-revision) ancestor depends on already. What an upgrade step moves from in alembic_version.
    std::vector<std::string> normalized_down_revisions(std::string_view id) const;
    // `id`'s ancestors following down revisions and dependencies (alembic _get_ancestor_nodes with
    // include_dependencies=True), excluding `id`: everything that must be applied before it.
    std::set<std::string> ancestors_with_dependencies(std::string_view id) const;

    // Own labels plus those inherited as alembic does (from every ancestor, and from descendants up to
    // the nearest branch point), sorted.
    std::vector<std::string> branch_labels(std::string_view id) const;

    // Ancestors of `id`, nearest first (excluding `id`).
    std::vector<std::string> ancestors(std::string_view id) const;
    // The heads reachable from `id` by following children (`id` itself when it is a head), ascending id.
    // A tree that branches after `id` gives more than one.
    std::vector<std::string> heads_above(std::string_view id) const;
    // True when `ancestor` is a proper ancestor of `descendant`.
    bool is_ancestor(std::string_view ancestor, std::string_view descendant) const;

    // Alembic's history walk, newest first: trees in alphabetical order of their name; within a tree,
    // heads in ascending id order, each chain walked down until a revision with children not yet emitted.
    std::vector<const Revision*> history() const;

    // Names of the trees the loaded revisions belong to, sorted.
    std::vector<std::string> tree_names() const;
    // The revision that declares `label` among its own branch labels; nullptr when none does.
    const Revision* find_label_owner(std::string_view label) const;
    // upstream show-trees' name for the tree of root `root_id`: its only label, else the shortest label
    // (ties: smallest string), else the root id itself.
    std::string tree_label(std::string_view root_id) const;

private:
    std::vector<const Revision*> tree_history(const std::string& tree) const;

    std::vector<const Revision*> revisions_;
    std::map<std::string, const Revision*, std::less<>> by_id_;
    std::map<std::string, std::vector<std::string>, std::less<>> children_;
    std::map<std::string, std::vector<std::string>, std::less<>> dependents_;
    std::map<std::string, std::vector<std::string>, std::less<>> labels_;  // inherited labels, sorted
};

}  // namespace butler_migrate

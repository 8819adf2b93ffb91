// The revision graph: loading catalogue revisions and answering alembic's questions (heads, labels, history).
#include "butler_migrate/core/revision_graph.hpp"

#include <algorithm>
#include <set>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {
namespace {

using LabelSets = std::map<std::string, std::set<std::string>, std::less<>>;

}  // namespace

RevisionGraph::RevisionGraph(std::vector<const Revision*> revisions) : revisions_(std::move(revisions)) {
    for (const Revision* revision : revisions_) {
        if (!by_id_.emplace(revision->id, revision).second) {
            throw RevisionError("Revision " + revision->id + " is present more than once");
        }
        children_[revision->id];
    }
    for (const Revision* revision : revisions_) {
        if (revision->is_root()) continue;
        auto parent = children_.find(revision->down_revision);
        if (parent == children_.end()) {
            throw RevisionError("Revision " + revision->down_revision + " referenced from " + revision->id +
                                " is not present");
        }
        parent->second.push_back(revision->id);
    }
    for (const Revision* revision : revisions_) {
        for (const std::string& dependency : revision->depends_on) {
            auto target = dependents_.find(dependency);
            if (target == dependents_.end()) target = dependents_.emplace(dependency, std::vector<std::string>{}).first;
            if (by_id_.count(dependency) > 0) target->second.push_back(revision->id);
        }
    }
    for (auto& [id, children] : children_) std::sort(children.begin(), children.end());
    for (auto& [id, dependents] : dependents_) std::sort(dependents.begin(), dependents.end());

    // Alembic's label inheritance: a label declared by R goes to R and every descendant of R (following down
    // revisions only). It also goes up from R to its ancestors, stopping before the first real branch point
    // (children and dependents counted together); alembic starts that upward walk at a leaf below R, so when
    // R's subtree (R included) holds a real branch point the walk ends inside the subtree and no ancestor of R
    // gets the label (alembic/script/revision.py, RevisionMap._add_branches, 1.19). So a revision that another
    // tree depends on (1fae088c80b6, by ffe757e1ab0f) stops labels of its own tree from reaching the root.
    LabelSets labels;
    for (const Revision* revision : revisions_) labels[revision->id];
    for (const Revision* owner : revisions_) {
        if (owner->branch_labels.empty()) continue;
        std::vector<std::string> pending{owner->id};
        bool subtree_branches = false;
        while (!pending.empty()) {
            std::string id = pending.back();
            pending.pop_back();
            labels[id].insert(owner->branch_labels.begin(), owner->branch_labels.end());
            const auto& children = children_.find(id)->second;
            if (is_real_branch_point(id)) subtree_branches = true;
            pending.insert(pending.end(), children.begin(), children.end());
        }
        if (subtree_branches) continue;
        for (const std::string& id : ancestors(owner->id)) {
            if (is_real_branch_point(id)) break;
            labels[id].insert(owner->branch_labels.begin(), owner->branch_labels.end());
        }
    }
    for (auto& [id, set] : labels) labels_[id] = std::vector<std::string>(set.begin(), set.end());
}

const Revision* RevisionGraph::find(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
}

const Revision& RevisionGraph::at(std::string_view id) const {
    const Revision* revision = find(id);
    if (revision == nullptr) throw RevisionError("Can't locate revision identified by '" + std::string(id) + "'");
    return *revision;
}

std::vector<std::string> RevisionGraph::bases() const {
    std::vector<std::string> ids;
    for (const auto& [id, revision] : by_id_) {
        if (revision->is_root()) ids.push_back(id);
    }
    return ids;
}

std::vector<std::string> RevisionGraph::heads() const {
    std::vector<std::string> ids;
    for (const auto& [id, children] : children_) {
        if (children.empty()) ids.push_back(id);
    }
    return ids;
}

std::vector<std::string> RevisionGraph::children(std::string_view id) const {
    at(id);
    return children_.find(id)->second;
}

bool RevisionGraph::is_head(std::string_view id) const { return children(id).empty(); }

std::vector<std::string> RevisionGraph::heads_above(std::string_view id) const {
    at(id);
    std::set<std::string> found;
    std::vector<std::string> pending{std::string(id)};
    while (!pending.empty()) {
        std::string next = pending.back();
        pending.pop_back();
        auto kids = children(next);
        if (kids.empty()) found.insert(next);
        pending.insert(pending.end(), kids.begin(), kids.end());
    }
    return {found.begin(), found.end()};
}

bool RevisionGraph::is_branch_point(std::string_view id) const { return children(id).size() > 1; }

std::vector<std::string> RevisionGraph::dependents(std::string_view id) const {
    at(id);
    auto it = dependents_.find(id);
    return it == dependents_.end() ? std::vector<std::string>{} : it->second;
}

bool RevisionGraph::is_real_branch_point(std::string_view id) const {
    return children(id).size() + dependents(id).size() > 1;
}

std::vector<std::string> RevisionGraph::normalized_down_revisions(std::string_view id) const {
    const Revision& revision = at(id);
    std::vector<std::string> result;
    if (!revision.is_root()) result.push_back(revision.down_revision);
    std::set<std::string> implied;  // dependencies an ancestor already declares
    for (const std::string& ancestor : ancestors(id)) {
        for (const std::string& dependency : at(ancestor).depends_on) implied.insert(dependency);
    }
    for (const std::string& dependency : revision.depends_on) {
        if (find(dependency) == nullptr || implied.count(dependency) > 0) continue;
        if (std::find(result.begin(), result.end(), dependency) == result.end()) result.push_back(dependency);
    }
    return result;
}

std::set<std::string> RevisionGraph::ancestors_with_dependencies(std::string_view id) const {
    std::set<std::string> seen;
    std::vector<std::string> pending{std::string(id)};
    while (!pending.empty()) {
        const Revision& revision = at(pending.back());
        pending.pop_back();
        std::vector<std::string> below = revision.depends_on;
        if (!revision.is_root()) below.push_back(revision.down_revision);
        for (const std::string& next : below) {
            if (find(next) != nullptr && seen.insert(next).second) pending.push_back(next);
        }
    }
    return seen;
}

std::vector<std::string> RevisionGraph::branch_labels(std::string_view id) const {
    at(id);
    return labels_.find(id)->second;
}

std::vector<std::string> RevisionGraph::ancestors(std::string_view id) const {
    std::vector<std::string> result;
    for (const Revision* revision = &at(id); !revision->is_root();) {
        revision = &at(revision->down_revision);
        result.push_back(revision->id);
    }
    return result;
}

bool RevisionGraph::is_ancestor(std::string_view ancestor, std::string_view descendant) const {
    at(ancestor);
    const auto chain = ancestors(descendant);
    return std::find(chain.begin(), chain.end(), ancestor) != chain.end();
}

// Port decision: trees in alphabetical order (upstream's follows the file system and is not stable).
std::vector<const Revision*> RevisionGraph::history() const {
    std::vector<const Revision*> result;
    for (const std::string& tree : tree_names()) {
        const auto part = tree_history(tree);
        result.insert(result.end(), part.begin(), part.end());
    }
    return result;
}

// Alembic's topological walk (RevisionMap._topological_sort) restricted to one tree: follow the current head's
// chain downward; when the next revision is still an ancestor of another pending head, switch to that head;
// a chain that reaches a revision already pending for another head ends there.
std::vector<const Revision*> RevisionGraph::tree_history(const std::string& tree) const {
    std::set<std::string> todo;
    std::vector<std::string> current;  // pending heads, ascending id at the start
    std::vector<std::set<std::string>> lineage;  // per pending head: itself and its ancestors not yet emitted
    for (const auto& [id, revision] : by_id_) {
        if (revision->tree != tree) continue;
        todo.insert(id);
        if (!children_.find(id)->second.empty()) continue;
        current.push_back(id);
        const auto chain = ancestors(id);
        lineage.emplace_back(chain.begin(), chain.end());
        lineage.back().insert(id);
    }

    std::vector<const Revision*> output;
    std::size_t index = 0;
    while (!current.empty()) {
        const std::string candidate = current[index];
        bool switched = false;
        for (std::size_t other = 0; other < lineage.size() && !switched; ++other) {
            if (other != index && lineage[other].count(candidate) > 0) {
                index = other;
                switched = true;
            }
        }
        if (switched) continue;
        if (todo.erase(candidate) > 0) output.push_back(&at(candidate));
        const std::string& parent = at(candidate).down_revision;
        const bool parent_pending = std::find(current.begin(), current.end(), parent) != current.end();
        if (!parent.empty() && todo.count(parent) > 0 && !parent_pending) {
            current[index] = parent;
            lineage[index].erase(candidate);
        } else {
            current.erase(current.begin() + static_cast<std::ptrdiff_t>(index));
            lineage.erase(lineage.begin() + static_cast<std::ptrdiff_t>(index));
            index = index > 0 ? index - 1 : 0;
        }
    }
    return output;
}

std::vector<std::string> RevisionGraph::tree_names() const {
    std::set<std::string> names;
    for (const Revision* revision : revisions_) names.insert(revision->tree);
    return {names.begin(), names.end()};
}

const Revision* RevisionGraph::find_label_owner(std::string_view label) const {
    for (const Revision* revision : revisions_) {
        if (std::find(revision->branch_labels.begin(), revision->branch_labels.end(), label) !=
            revision->branch_labels.end()) {
            return revision;
        }
    }
    return nullptr;
}

std::string RevisionGraph::tree_label(std::string_view root_id) const {
    const auto labels = branch_labels(root_id);
    if (labels.empty()) return std::string(root_id);
    // labels are sorted, so the first of the shortest is the smallest string among them.
    return *std::min_element(labels.begin(), labels.end(),
                             [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
}

}  // namespace butler_migrate

// Questions about the compiled-in catalogue as a whole: which regular and one-shot trees exist.
#include <set>

#include "butler_migrate/catalogue.hpp"

namespace butler_migrate {
namespace {

std::vector<std::string> tree_names(bool one_shot) {
    std::set<std::string> names;
    for (const Revision& revision : all_revisions()) {
        if (revision.is_one_shot() == one_shot) names.insert(revision.tree);
    }
    return {names.begin(), names.end()};
}

}  // namespace

std::vector<std::string> regular_tree_names() { return tree_names(false); }

std::vector<std::string> one_shot_tree_names() { return tree_names(true); }

}  // namespace butler_migrate

// Tests of the catalogue: its ids follow upstream's formula, and a row that breaks the formula is refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "butler_migrate/core/catalogue.hpp"
#include "butler_migrate/core/revision_id.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "butler_migrate/util/errors.hpp"

using namespace butler_migrate;

namespace {

Revision row(const std::string& tree, const std::string& id, const std::string& down, const std::string& klass,
             const std::string& version) {
    Revision revision;
    revision.tree = tree;
    revision.id = id;
    revision.down_revision = down;
    revision.manager_class = klass;
    revision.manager_version = version;
    return revision;
}

}  // namespace

TEST_CASE("the catalogue's ids follow upstream's formula", "[catalogue]") {
    // Upstream names a root rev_id(type) and a manager version rev_id(type, class, version), the type being
    // the tree's name before any "/" (migrate_revision.py); rev_id itself is checked against Python's uuid5
    // in test_revision_id.cpp.
    std::size_t derived = 0;
    for (const Revision& revision : compiled_catalogue().revisions()) {
        if (!revision.id_is_derived) continue;
        const std::string type = revision.tree.substr(0, revision.tree.find('/'));
        const std::string expected = revision.is_root()
                                         ? rev_id({type})
                                         : rev_id({type, revision.manager_class, revision.manager_version});
        INFO(revision.tree << " " << revision.id);
        CHECK(revision.id == expected);
        ++derived;
    }
    CHECK(derived > 0);
}

TEST_CASE("a catalogue refuses a row whose id breaks the formula", "[catalogue]") {
    const std::string root = rev_id({"madeup"});
    const std::string good = rev_id({"madeup", "MadeUpManager", "1.0.0"});
    CHECK_NOTHROW(Catalogue({row("madeup", root, "", "", ""), row("madeup", good, root, "MadeUpManager", "1.0.0")}));
    CHECK_THROWS_AS(Catalogue({row("madeup", root, "", "", ""), row("madeup", good, root, "MadeUpManager", "1.0.1")}),
                    std::logic_error);
    CHECK_THROWS_AS(Catalogue({row("madeup", "0123456789ab", "", "", "")}), std::logic_error);
    Revision written_by_hand = row("madeup", "0123456789ab", "", "", "");
    written_by_hand.id_is_derived = false;
    CHECK_NOTHROW(Catalogue({written_by_hand}));
}

TEST_CASE("a catalogue's graphs hold the trees asked for", "[catalogue]") {
    const std::string root = rev_id({"madeup"});
    const std::string first = rev_id({"madeup", "MadeUpManager", "1.0.0"});
    const std::string other = rev_id({"other"});
    Revision one_shot_root = row("madeup/a_to_b", root, "", "", "");
    Revision one_shot_step = row("madeup/a_to_b", first, root, "MadeUpManager", "1.0.0");
    const Catalogue catalogue({row("madeup", root, "", "", ""), row("other", other, "", "", ""), one_shot_root,
                               one_shot_step});
    CHECK(catalogue.regular_tree_names() == std::vector<std::string>{"madeup", "other"});
    CHECK(catalogue.one_shot_tree_names() == std::vector<std::string>{"madeup/a_to_b"});
    CHECK(catalogue.regular().revisions().size() == 2);
    CHECK(catalogue.of_trees({"other"}).heads() == std::vector<std::string>{other});
    // The one-shot tree replaces its manager type's regular tree.
    const RevisionGraph with_one_shot = catalogue.with_one_shot_tree("madeup/a_to_b");
    std::vector<std::string> heads{first, other};
    std::sort(heads.begin(), heads.end());  // heads() is in ascending id order
    CHECK(with_one_shot.heads() == heads);
    CHECK_THROWS_AS(catalogue.with_one_shot_tree("madeup/unknown"), RevisionError);
}

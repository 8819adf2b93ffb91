// Tests of the revision graph: heads, branch points, labels, ancestry, one-shot trees and the history walk.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "butler_migrate/migrations/catalogue.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/revision_graph.hpp"
#include "catalogue_facts.hpp"

using namespace butler_migrate;
using Ids = std::vector<std::string>;

namespace {

Ids ids_of(const std::vector<const Revision*>& revisions) {
    Ids ids;
    for (const Revision* revision : revisions) ids.push_back(revision->id);
    return ids;
}

Ids branch_points(const RevisionGraph& graph) {
    Ids ids;
    for (const Revision* revision : graph.revisions()) {
        if (graph.is_branch_point(revision->id)) ids.push_back(revision->id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

Ids sorted(Ids ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

// The graph of the catalogue's regular rows that `keep` selects.
template <typename Keep>
RevisionGraph graph_of_rows(Keep keep) {
    std::vector<const Revision*> rows;
    for (const Revision* revision : test_support::regular_rows()) {
        if (keep(*revision)) rows.push_back(revision);
    }
    return RevisionGraph(rows);
}

// The regular trees as the real tool recorded them (REFERENCE §2): without the revisions upstream added on top
// since, whose parents are all recorded ones.
RevisionGraph recorded_graph(const std::set<std::string>& trees = {}) {
    return graph_of_rows([&](const Revision& r) {
        return test_support::recorded_regular_ids().count(r.id) > 0 && (trees.empty() || trees.count(r.tree) > 0);
    });
}

// Ids of `rows` that no other of `rows` revises.
Ids heads_of_rows(const std::vector<const Revision*>& rows) {
    Ids heads;
    for (const Revision* candidate : rows) {
        const bool revised = std::any_of(rows.begin(), rows.end(),
                                         [&](const Revision* r) { return r->down_revision == candidate->id; });
        if (!revised) heads.push_back(candidate->id);
    }
    return sorted(heads);
}

std::size_t rows_of_tree(const std::string& tree) {
    const auto& rows = compiled_catalogue().revisions();
    const auto in_tree = [&](const Revision& r) { return r.tree == tree; };
    return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), in_tree));
}

// A small hand-made graph: `spec` rows are {id, down, label or ""[, depends_on or ""[, tree]]}, in tree "t" unless
// named.
struct HandGraph {
    std::vector<Revision> storage;
    explicit HandGraph(const std::vector<std::vector<std::string>>& spec) {
        for (const auto& row : spec) {
            Revision revision;
            revision.id = row[0];
            revision.down_revision = row[1];
            revision.tree = "t";
            if (!row[2].empty()) revision.branch_labels = {row[2]};
            if (row.size() > 3 && !row[3].empty()) revision.depends_on = {row[3]};
            if (row.size() > 4) revision.tree = row[4];
            storage.push_back(revision);
        }
    }
    RevisionGraph graph() const {
        std::vector<const Revision*> pointers;
        for (const Revision& revision : storage) pointers.push_back(&revision);
        return RevisionGraph(pointers);
    }
};

}  // namespace

TEST_CASE("regular graph: heads, branch points and bases of REFERENCE §2.12", "[revisions]") {
    const RevisionGraph recorded = recorded_graph();
    CHECK(recorded.revisions().size() == 52);  // REFERENCE §2
    CHECK(recorded.heads() == sorted({"c0e4f9ab4a5d", "93341d68b814", "8c57494cabcc", "635083325f20", "4e2d7a28475b",
                                      "a81dddabd837", "035dcf13ef18", "352c30854bb0", "a0d766f99876", "4fe28ef5030f",
                                      "77e5b803ad3f"}));
    CHECK(recorded.is_head("4e2d7a28475b"));
    // The whole catalogue: its heads are the rows nothing revises.
    const RevisionGraph graph = compiled_catalogue().regular();
    CHECK(graph.revisions().size() == test_support::regular_rows().size());
    CHECK(graph.heads() == heads_of_rows(test_support::regular_rows()));
    for (const Revision* revision : test_support::regular_rows()) {
        INFO(revision->id);
        CHECK(graph.is_head(revision->id) == test_support::is_regular_head(revision->id));
    }
    CHECK(branch_points(graph) == Ids{"059cc7b7ef13", "8d2e9de2f21f"});
    CHECK(recorded.bases() == sorted({"f0a3531f97ca", "8d2e9de2f21f", "059cc7b7ef13", "6e7967ca2f9c", "6166dfbb5324",
                                      "3e2891b82110", "8b8e030aba2b", "2daeabfb5019", "c2c46f409743"}));
    // The whole catalogue: the rows without a down revision.
    Ids roots;
    for (const Revision* revision : test_support::regular_rows()) {
        if (revision->down_revision.empty()) roots.push_back(revision->id);
    }
    CHECK(graph.bases() == sorted(roots));
    CHECK(graph.children("8d2e9de2f21f") == Ids{"079a1bc77f25", "a56af31bd899"});
    CHECK(graph.children("059cc7b7ef13") == Ids{"2101fbf51ad3", "eb5a3cc76666"});
    CHECK_FALSE(graph.is_head("2101fbf51ad3"));
}

TEST_CASE("branch labels are inherited as alembic does (REFERENCE §1.4)", "[revisions]") {
    const RevisionGraph graph = compiled_catalogue().regular();
    // Roots that are branch points keep only their own label.
    CHECK(graph.branch_labels("8d2e9de2f21f") == Ids{"collections"});
    CHECK(graph.branch_labels("059cc7b7ef13") == Ids{"datasets"});
    // Roots with one child also carry the class label of that child...
    CHECK(graph.branch_labels("f0a3531f97ca") == Ids{"attributes", "attributes-DefaultButlerAttributeManager"});
    // ...unless a real branch point (children and dependents together) lies below that label: ffe757e1ab0f depends on
    // 1fae088c80b6, so alembic's upward walk from the dimensions-config head stops there and the root keeps only its
    // own label (alembic 1.19 script/revision.py RevisionMap._add_branches). Loaded alone, the tree has no dependent.
    CHECK(graph.branch_labels("3e2891b82110") == Ids{"dimensions-config"});
    CHECK(compiled_catalogue().of_trees({"dimensions-config"}).branch_labels("3e2891b82110") ==
          Ids{"dimensions-config", "dimensions-config-daf_butler"});
    CHECK(graph.branch_labels("f0a3531f97ca") == Ids{"attributes", "attributes-DefaultButlerAttributeManager"});
    CHECK(graph.branch_labels("6166dfbb5324") == Ids{"dimensions", "dimensions-StaticDimensionRecordStorageManager"});
    // Descendants carry the tree label and their class label.
    CHECK(graph.branch_labels("079a1bc77f25") == Ids{"collections", "collections-SynthIntKeyCollectionManager"});
    CHECK(graph.branch_labels("93341d68b814") == Ids{"collections", "collections-NameKeyCollectionManager"});
    CHECK(graph.branch_labels("4e2d7a28475b") ==
          Ids{"datasets", "datasets-ByDimensionsDatasetRecordStorageManagerUUID"});
    // One-shot trees: every revision carries only the manager label.
    const RevisionGraph one_shot = compiled_catalogue().of_trees({"collections/name_2.0.0_to_int_2.0.0"});
    for (const char* id : {"8d2e9de2f21f", "93341d68b814", "8c57494cabcc"}) {
        CHECK(one_shot.branch_labels(id) == Ids{"collections"});
    }
}

TEST_CASE("label inheritance on hand-made graphs", "[revisions]") {
    // r -> a -> b(label x): x goes up through a to r (no branch point on the way).
    CHECK(HandGraph({{"r", "", ""}, {"a", "r", ""}, {"b", "a", "x"}}).graph().branch_labels("r") == Ids{"x"});
    // r -> {a(label x), c}: r is a branch point and does not get x.
    const HandGraph fork_revisions({{"r", "", ""}, {"a", "r", "x"}, {"c", "r", ""}});
    const RevisionGraph fork = fork_revisions.graph();
    CHECK(fork.branch_labels("r").empty());
    CHECK(fork.branch_labels("c").empty());
    // r -> a(label x) -> b -> {c, d}: alembic walks up from a leaf and stops at the branch point b, so r does
    // not get x although the path from a to r has no branch point.
    const HandGraph below_revisions({{"r", "", ""}, {"a", "r", "x"}, {"b", "a", ""}, {"c", "b", ""}, {"d", "b", ""}});
    const RevisionGraph below = below_revisions.graph();
    CHECK(below.branch_labels("r").empty());
    CHECK(below.branch_labels("a") == Ids{"x"});
    CHECK(below.branch_labels("d") == Ids{"x"});
}

TEST_CASE("depends_on as alembic's revision map reads it", "[revisions]") {
    // t: r -> a(label x) -> b; p: pr(label y) -> q, q depends on a.
    const HandGraph revisions({{"r", "", ""}, {"a", "r", "x"}, {"b", "a", ""}, {"pr", "", "y", "", "p"}, {"q", "pr", "", "a", "p"}});
    const RevisionGraph graph = revisions.graph();
    // A dependent is no child: a is neither a head nor a branch point (alembic nextrev counts down revisions only)...
    CHECK(graph.heads() == Ids{"b", "q"});
    CHECK_FALSE(graph.is_branch_point("a"));
    CHECK(graph.dependents("a") == Ids{"q"});
    // ...but a real branch point (_all_nextrev), where label inheritance stops: r does not get x.
    CHECK(graph.is_real_branch_point("a"));
    CHECK(graph.branch_labels("r").empty());
    CHECK(graph.branch_labels("b") == Ids{"x"});
    CHECK(graph.branch_labels("pr") == Ids{"y"});
    // Without the dependent, r gets x as before.
    const HandGraph alone({{"r", "", ""}, {"a", "r", "x"}, {"b", "a", ""}});
    CHECK(alone.graph().branch_labels("r") == Ids{"x"});
    // _normalized_down_revisions: the down revision, then the dependencies no ancestor declares.
    CHECK(graph.normalized_down_revisions("q") == Ids{"pr", "a"});
    CHECK(graph.normalized_down_revisions("b") == Ids{"a"});
    // Everything below q, dependencies included (_get_ancestor_nodes with include_dependencies=True).
    CHECK(graph.ancestors_with_dependencies("q") == std::set<std::string>{"pr", "a", "r"});
    // A dependency outside the loaded revisions (a tree shown alone) is left out of the structure.
    const HandGraph patch_alone({{"pr", "", "y", "", "p"}, {"q", "pr", "", "a", "p"}});
    CHECK(patch_alone.graph().normalized_down_revisions("q") == Ids{"pr"});
    CHECK(patch_alone.graph().ancestors_with_dependencies("q") == std::set<std::string>{"pr"});
}

TEST_CASE("the dimensions-config-patches tree in the compiled graph", "[revisions]") {
    const RevisionGraph graph = compiled_catalogue().regular();
    CHECK(graph.dependents("1fae088c80b6") == Ids{"ffe757e1ab0f"});
    CHECK(graph.is_real_branch_point("1fae088c80b6"));
    CHECK_FALSE(graph.is_branch_point("1fae088c80b6"));
    CHECK(graph.normalized_down_revisions("ffe757e1ab0f") == Ids{"8a1a1665cc96", "1fae088c80b6"});
    // Labels of the patch tree: the root's, and the patch's inherited upward (nothing branches in that tree).
    CHECK(graph.branch_labels("8a1a1665cc96") ==
          Ids{"dimensions-config-patches", "dimensions-config-patches-daf_butler"});
    CHECK(graph.tree_label("8a1a1665cc96") == "dimensions-config-patches");
}

TEST_CASE("ancestors and is_ancestor", "[revisions]") {
    const RevisionGraph graph = compiled_catalogue().regular();
    CHECK(graph.ancestors("035dcf13ef18") == Ids{"1601d5973bf8", "87a30df8c8c5", "a1e0fefed6c7", "e45766f0daea",
                                                 "3859eac451aa", "36d66ca4d7a3", "2dea9d903dde", "4f4f243fea82",
                                                 "c2671338a42f", "6166dfbb5324"});
    CHECK(graph.ancestors("6166dfbb5324").empty());
    CHECK(graph.is_ancestor("8d2e9de2f21f", "8c57494cabcc"));
    CHECK(graph.is_ancestor("079a1bc77f25", "8c57494cabcc"));
    CHECK_FALSE(graph.is_ancestor("a56af31bd899", "8c57494cabcc"));
    CHECK_FALSE(graph.is_ancestor("8c57494cabcc", "8c57494cabcc"));
    CHECK_FALSE(graph.is_ancestor("8c57494cabcc", "8d2e9de2f21f"));
}

TEST_CASE("heads_above follows children to the heads of the tree", "[revisions]") {
    const RevisionGraph graph = recorded_graph();
    // REFERENCE §2: the dimensions tree 6166dfbb5324 ... 1601d5973bf8 -> 035dcf13ef18.
    CHECK(graph.heads_above("6166dfbb5324") == Ids{"035dcf13ef18"});
    CHECK(graph.heads_above("1601d5973bf8") == Ids{"035dcf13ef18"});
    CHECK(graph.heads_above("035dcf13ef18") == Ids{"035dcf13ef18"});
    // Branch points: both branches' heads (REFERENCE §2.12).
    CHECK(graph.heads_above("8d2e9de2f21f") == Ids{"8c57494cabcc", "93341d68b814"});
    CHECK(graph.heads_above("079a1bc77f25") == Ids{"8c57494cabcc"});
    CHECK(graph.heads_above("059cc7b7ef13") == Ids{"4e2d7a28475b", "635083325f20"});
    CHECK_THROWS_AS(graph.heads_above(test_support::absent_revision_id()), RevisionError);
    // The whole catalogue: from each root, the heads of its tree.
    const RevisionGraph all = compiled_catalogue().regular();
    for (const std::string& root : all.bases()) {
        INFO(root);
        CHECK(all.heads_above(root) == test_support::regular_heads(all.at(root).tree));
    }
}

TEST_CASE("unknown revisions", "[revisions]") {
    const RevisionGraph graph = compiled_catalogue().regular();
    const std::string unknown = test_support::absent_revision_id();
    CHECK(graph.find(unknown) == nullptr);
    CHECK(graph.find("c0e4f9ab4a5d") != nullptr);
    CHECK_THROWS_MATCHES(graph.at(unknown), RevisionError,
                         Catch::Message("Can't locate revision identified by '" + unknown + "'"));
    CHECK_THROWS_AS(graph.ancestors(unknown), RevisionError);
}

TEST_CASE("graphs with duplicate ids or missing parents are refused", "[revisions]") {
    CHECK_THROWS_AS(HandGraph({{"r", "", ""}, {"r", "", ""}}).graph(), RevisionError);
    CHECK_THROWS_AS(HandGraph({{"r", "", ""}, {"a", "q", ""}}).graph(), RevisionError);
}

TEST_CASE("with_one_shot_tree replaces the regular tree of its manager type", "[revisions]") {
    const RevisionGraph graph = compiled_catalogue().with_one_shot_tree("datasets/int_1.0.0_to_uuid_1.0.0");
    Ids dataset_heads;
    for (const std::string& id : graph.heads()) {
        if (graph.at(id).manager_type() == "datasets") dataset_heads.push_back(id);
    }
    CHECK(dataset_heads == Ids{"2101fbf51ad3"});
    CHECK(branch_points(graph) == Ids{"8d2e9de2f21f"});  // collections still branches, datasets no more
    CHECK(graph.find("4e2d7a28475b") == nullptr);
    CHECK(graph.at("2101fbf51ad3").down_revision == "635083325f20");
    // The regular rows but those of datasets, and the rows of the one-shot tree instead.
    std::vector<const Revision*> rows;
    for (const Revision& r : compiled_catalogue().revisions()) {
        if (r.tree == "datasets/int_1.0.0_to_uuid_1.0.0" || (!r.is_one_shot() && r.tree != "datasets")) rows.push_back(&r);
    }
    CHECK(graph.revisions().size() == rows.size());
    CHECK(graph.heads() == heads_of_rows(rows));

    const RevisionGraph collections = compiled_catalogue().with_one_shot_tree("collections/name_2.0.0_to_int_2.0.0");
    CHECK(branch_points(collections) == Ids{"059cc7b7ef13"});
    CHECK(collections.at("8c57494cabcc").down_revision == "93341d68b814");
}

TEST_CASE("with_one_shot_tree errors", "[revisions]") {
    const std::string missing_slash = "one-shot tree name is missing slash: f{one_shot_tree}";
    CHECK_THROWS_MATCHES(compiled_catalogue().with_one_shot_tree("datasets"), UsageError, Catch::Message(missing_slash));
    CHECK_THROWS_MATCHES(compiled_catalogue().with_one_shot_tree("datasets/"), UsageError, Catch::Message(missing_slash));
    CHECK_THROWS_MATCHES(compiled_catalogue().with_one_shot_tree("datasets/int_2_to_uuid"), RevisionError,
                         Catch::Message("Unknown one-shot tree datasets/int_2_to_uuid"));
}

TEST_CASE("of_trees selects whole trees by name", "[revisions]") {
    CHECK(compiled_catalogue().of_trees({"attributes"}).revisions().size() == rows_of_tree("attributes"));
    CHECK(compiled_catalogue().of_trees({"attributes", "opaque"}).tree_names() == Ids{"attributes", "opaque"});
    CHECK(compiled_catalogue().of_trees({"no-such-tree"}).empty());
    CHECK(compiled_catalogue().of_trees({"datasets/int_1.0.0_to_uuid_1.0.0"}).bases() == Ids{"059cc7b7ef13"});
}

TEST_CASE("history: trees alphabetically, heads ascending, branch points after their branches", "[revisions]") {
    // REFERENCE §2 trees as recorded (the order of the real tool's show-history goldens 25, 21 and 33).
    CHECK(ids_of(recorded_graph({"datasets"}).history()) ==
          Ids{"4e2d7a28475b", "2101fbf51ad3", "635083325f20", "576045cb7831", "38a9414ea7a2", "eb5a3cc76666",
              "059cc7b7ef13"});
    CHECK(ids_of(recorded_graph({"obscore", "attributes"}).history()) ==
          Ids{"c0e4f9ab4a5d", "f22a777cf382", "f0a3531f97ca", "a0d766f99876", "8b8e030aba2b"});
    const auto recorded = recorded_graph().history();
    CHECK(recorded.size() == 52);
    CHECK(recorded.front()->id == "c0e4f9ab4a5d");
    CHECK(recorded.back()->id == "c2c46f409743");
    // The whole catalogue: every regular row once, from the head of the first tree to the root of the last.
    const auto all = compiled_catalogue().regular().history();
    CHECK(all.size() == test_support::regular_rows().size());
    CHECK(all.front()->id == test_support::regular_heads("attributes").front());
    CHECK(all.back()->id == "c2c46f409743");
    // r -> a -> {b, c}, r -> d: b's chain stops before a (c still pending), then c, then a, then d, then r.
    const HandGraph nested_revisions({{"r", "", ""}, {"a", "r", ""}, {"b", "a", ""}, {"c", "a", ""}, {"d", "r", ""}});
    const RevisionGraph nested = nested_revisions.graph();
    CHECK(ids_of(nested.history()) == Ids{"b", "c", "a", "d", "r"});
}

TEST_CASE("labels owners and show-trees names", "[revisions]") {
    const RevisionGraph graph = compiled_catalogue().regular();
    CHECK(graph.find_label_owner("collections-SynthIntKeyCollectionManager")->id == "079a1bc77f25");
    CHECK(graph.find_label_owner("dimensions-config")->id == "3e2891b82110");
    CHECK(graph.find_label_owner("no-such-label") == nullptr);
    CHECK(graph.tree_label("3e2891b82110") == "dimensions-config");
    CHECK(graph.tree_label("8d2e9de2f21f") == "collections");
    CHECK(graph.tree_label("8b8e030aba2b") == "obscore");
    CHECK(HandGraph({{"r", "", ""}}).graph().tree_label("r") == "r");
    // Equal lengths: the smaller string wins.
    CHECK(HandGraph({{"r", "", "bb"}, {"a", "r", "ab"}}).graph().tree_label("r") == "ab");
}

TEST_CASE("step availability follows the up/down columns of REFERENCE §2", "[revisions]") {
    const std::set<std::string> upgrade_implemented = {
        "c0e4f9ab4a5d", "4e2d7a28475b", "a81dddabd837", "1601d5973bf8", "035dcf13ef18", "380002bcbb26",
        "bf6308af80aa", "c5ae3a2cd7c2", "9888256c6a18", "2a8a32e1bec3", "1fae088c80b6", "352c30854bb0",
        "a0d766f99876", "4fe28ef5030f", "one-shot 8c57494cabcc", "one-shot 2101fbf51ad3"};
    const std::set<std::string> downgrade_implemented = {
        "4e2d7a28475b", "a81dddabd837", "1601d5973bf8", "035dcf13ef18", "380002bcbb26", "c5ae3a2cd7c2",
        "9888256c6a18", "2a8a32e1bec3", "352c30854bb0", "a0d766f99876", "4fe28ef5030f"};
    const std::string no_op_downgrade = "one-shot 8c57494cabcc";

    auto check_step = [](const Step& step, bool implemented) {
        if (!implemented) {
            CHECK(step.availability == StepAvailability::not_implemented_upstream);
            CHECK(step.function == nullptr);
        } else if (step.availability == StepAvailability::available) {
            CHECK(step.function != nullptr);
        } else {
            CHECK(step.availability == StepAvailability::not_yet_ported);
            CHECK(step.function == nullptr);
        }
    };
    for (const Revision& revision : compiled_catalogue().revisions()) {
        const std::string key = (revision.is_one_shot() ? "one-shot " : "") + revision.id;
        INFO(revision.tree << " " << revision.id);
        if (!revision.is_one_shot() && test_support::recorded_regular_ids().count(revision.id) == 0) {
            // Added upstream after REFERENCE §2: a function exactly when it is available.
            for (const Step* step : {&revision.upgrade, &revision.downgrade}) {
                CHECK((step->function != nullptr) == (step->availability == StepAvailability::available));
            }
            continue;
        }
        check_step(revision.upgrade, upgrade_implemented.count(key) > 0);
        if (key == no_op_downgrade) {
            CHECK(revision.downgrade.availability == StepAvailability::available);
            CHECK(revision.downgrade.function != nullptr);
        } else {
            check_step(revision.downgrade, downgrade_implemented.count(key) > 0);
        }
    }
}

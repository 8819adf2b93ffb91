// The step engine: revision arguments, upgrade/downgrade plans, step availability, alembic_version moves.
#include <catch2/catch.hpp>

#include <set>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/migration_engine.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "catalogue_facts.hpp"

using namespace butler_migrate;

namespace {

std::vector<std::string> ids(const std::vector<PlannedStep>& steps) {
    std::vector<std::string> out;
    for (const auto& s : steps) out.push_back(s.revision->id);
    return out;
}

std::string quoted_list(const std::vector<std::string>& ids, const std::string& quote) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + quote + id + quote;
    return out;
}

}  // namespace

TEST_CASE("revision arguments: ids, prefixes, labels, label@head", "[engine]") {
    const auto graph = compiled_catalogue().regular();
    CHECK(resolve_revision(graph, "c0e4f9ab4a5d").id == "c0e4f9ab4a5d");
    CHECK(resolve_revision(graph, "c0e4").id == "c0e4f9ab4a5d");
    CHECK(resolve_revision(graph, "datasets").id == "059cc7b7ef13");  // the revision that declares the label
    CHECK(resolve_revision(graph, "collections-NameKeyCollectionManager").id == "a56af31bd899");
    // REFERENCE §2: the UUID branch of datasets holds 2101fbf51ad3 and 4e2d7a28475b, dimensions-config 3e2891b82110
    // up to 352c30854bb0; their heads are those or what upstream added on top since.
    CHECK(resolve_revision(graph, "datasets-ByDimensionsDatasetRecordStorageManagerUUID@head").id ==
          test_support::regular_head_above("4e2d7a28475b"));
    CHECK(resolve_revision(graph, "dimensions-config@head").id == test_support::regular_head_above("352c30854bb0"));
    CHECK_THROWS_WITH(resolve_revision(graph, "collections@head"),
                      "Can't locate revision identified by 'collections@head': branch collections has several "
                      "heads: " + quoted_list(test_support::regular_heads("collections"), "'"));
    const std::string unknown = test_support::absent_revision_id();
    CHECK_THROWS_WITH(resolve_revision(graph, unknown), "Can't locate revision identified by '" + unknown + "'");
    CHECK_THROWS_WITH(resolve_revision(graph, "c0e"), Catch::Matchers::StartsWith("Can't locate revision identified by 'c0e'"));
    CHECK_THROWS_AS(resolve_revision(graph, "nope@head"), RevisionError);
}

TEST_CASE("an ambiguous prefix lists the candidates", "[engine]") {
    std::vector<Revision> revisions(3);
    revisions[0].id = "abcd00000000";
    revisions[0].tree = "t";
    revisions[1].id = "abcd11111111";
    revisions[1].down_revision = "abcd00000000";
    revisions[1].tree = "t";
    revisions[2].id = "abce22222222";
    revisions[2].down_revision = "abcd11111111";
    revisions[2].tree = "t";
    RevisionGraph graph({&revisions[0], &revisions[1], &revisions[2]});
    CHECK_THROWS_WITH(resolve_revision(graph, "abcd"),
                      "Can't locate revision identified by 'abcd': multiple revisions start with it: "
                      "'abcd00000000', 'abcd11111111'");
    CHECK(resolve_revision(graph, "abce").id == "abce22222222");
}

TEST_CASE("forms that are refused with a reason", "[engine]") {
    const auto graph = compiled_catalogue().regular();
    for (const std::string spec : {"head", "heads", "base", "+1", "-1", "datasets@+1", "f22a777cf382:c0e4f9ab4a5d"}) {
        INFO(spec);
        CHECK_THROWS_AS(resolve_revision(graph, spec), UsageError);
    }
    CHECK_THROWS_WITH(resolve_revision(graph, "a:b"), "Range revision not allowed");
}

TEST_CASE("upgrade plans walk from the recorded revision to the target, parents first", "[engine]") {
    const auto graph = compiled_catalogue().regular();
    const std::vector<std::string> current{"f22a777cf382", "87a30df8c8c5", "a07b3b60e369"};
    CHECK(ids(plan_upgrade(graph, current, graph.at("035dcf13ef18"))) ==
          std::vector<std::string>{"1601d5973bf8", "035dcf13ef18"});
    CHECK(ids(plan_upgrade(graph, current, graph.at("c0e4f9ab4a5d"))) == std::vector<std::string>{"c0e4f9ab4a5d"});
    CHECK(plan_upgrade(graph, current, graph.at("87a30df8c8c5")).empty());   // already there
    CHECK(plan_upgrade(graph, current, graph.at("a1e0fefed6c7")).empty());   // an ancestor
    // A tree the registry is not on starts at its root.
    CHECK(ids(plan_upgrade(graph, current, graph.at("a0d766f99876"))) ==
          std::vector<std::string>{"8b8e030aba2b", "a0d766f99876"});
}

TEST_CASE("upgrade head: every recorded tree to its head, tree after tree", "[engine]") {
    const auto graph = compiled_catalogue().regular();
    // The revisions `stamp` records on the 2021 fixture (its golden 13_show-current).
    const std::vector<std::string> current{"a07b3b60e369", "77e5b803ad3f", "87a30df8c8c5", "635083325f20",
                                           "93341d68b814", "f3bcee34f344", "f22a777cf382"};
    // Trees in the order the fixtures' recorded runs migrate them (attributes, dimensions, dimensions-config, then
    // collections, datasets, datastores, opaque); each: its chain from REFERENCE §2, then what upstream added on top
    // since. Trees at their head in REFERENCE §2 (opaque, the integer datasets and NameKey collections branches)
    // add only that.
    const std::vector<std::pair<std::string, std::vector<std::string>>> chains = {
        {"f22a777cf382", {"c0e4f9ab4a5d"}},
        {"87a30df8c8c5", {"1601d5973bf8", "035dcf13ef18"}},
        {"f3bcee34f344", {"380002bcbb26", "bf6308af80aa", "c5ae3a2cd7c2", "9888256c6a18", "2a8a32e1bec3", "1fae088c80b6",
                          "352c30854bb0"}},
        {"93341d68b814", {}},
        {"635083325f20", {}},
        {"a07b3b60e369", {"a81dddabd837"}},
        {"77e5b803ad3f", {}},
    };
    std::vector<std::string> expected;
    for (const auto& [recorded, chain] : chains) {
        expected.insert(expected.end(), chain.begin(), chain.end());
        const auto above = test_support::regular_revisions_above(chain.empty() ? recorded : chain.back());
        expected.insert(expected.end(), above.begin(), above.end());
    }
    CHECK(ids(plan_upgrade_to_heads(graph, current)) == expected);
    CHECK(plan_upgrade_to_heads(graph, {test_support::regular_head_above("035dcf13ef18"),
                                        test_support::regular_head_above("77e5b803ad3f")})
              .empty());
    // A recorded branch point: the operator has to choose.
    CHECK_THROWS_WITH(plan_upgrade_to_heads(graph, {"8d2e9de2f21f"}),
                      "the collections tree branches after the recorded revision 8d2e9de2f21f: choose a branch by "
                      "upgrading to one of its heads (" + quoted_list(test_support::regular_heads("collections"), "") +
                          ") first");
    // With a one-shot tree loaded, the datasets tree's head is the one-shot head.
    const auto one_shot = compiled_catalogue().with_one_shot_tree("datasets/int_1.0.0_to_uuid_1.0.0");
    CHECK(ids(plan_upgrade_to_heads(one_shot, {"635083325f20"})) == std::vector<std::string>{"2101fbf51ad3"});
}

TEST_CASE("downgrade plans go newest first, to an ancestor only", "[engine]") {
    const auto graph = compiled_catalogue().regular();
    const std::vector<std::string> current{"c0e4f9ab4a5d", "035dcf13ef18"};
    CHECK(ids(plan_downgrade(graph, current, graph.at("87a30df8c8c5"))) ==
          std::vector<std::string>{"035dcf13ef18", "1601d5973bf8"});
    CHECK(plan_downgrade(graph, current, graph.at("035dcf13ef18")).empty());
    CHECK_THROWS_WITH(plan_downgrade(graph, {"87a30df8c8c5"}, graph.at("035dcf13ef18")),
                      "Destination 035dcf13ef18 is not a valid downgrade target from current head(s)");
    CHECK_THROWS_AS(plan_downgrade(graph, current, graph.at("a07b3b60e369")), RevisionError);
}

TEST_CASE("steps that cannot run are refused before anything runs", "[engine]") {
    const auto graph = compiled_catalogue().regular();
    auto steps = plan_upgrade(graph, {"f0a3531f97ca"}, graph.at("c0e4f9ab4a5d"));
    REQUIRE(ids(steps) == std::vector<std::string>{"f22a777cf382", "c0e4f9ab4a5d"});
    CHECK_THROWS_WITH(check_steps_available(steps),
                      "Revision f22a777cf382 (Migration script for DefaultButlerAttributeManager 1.0.0.) has no "
                      "upgrade step (upstream does not implement it either); nothing was changed");
}

TEST_CASE("parsing of --options as upstream's click callback", "[engine]") {
    auto options = MigrationOptions::parse({"a=1,b=2", "c=x", "d=[1,2]"});
    CHECK(options.get("a") == std::optional<std::string>("1"));
    CHECK(options.get("b") == std::optional<std::string>("2"));
    CHECK(options.get("d") == std::optional<std::string>("[1,2]"));
    CHECK_FALSE(options.get("zz"));
    CHECK(MigrationOptions::parse({"k=1", "k=2"}).get("k") == std::optional<std::string>("2"));
    CHECK(MigrationOptions::parse({"day_obs_offset.HSC=0,day_obs_offset.LATISS=43200"}).with_prefix("day_obs_offset.") ==
          std::map<std::string, std::string>{{"HSC", "0"}, {"LATISS", "43200"}});
    CHECK_THROWS_WITH(MigrationOptions::parse({"novalue"}),
                      "Could not parse key-value pair 'novalue' using separator '=', with multiple values allowed: "
                      "not enough values to unpack (expected 2, got 1)");
    CHECK_THROWS_AS(MigrationOptions::parse({"a=1,"}), UsageError);
    CHECK_THROWS_WITH(MigrationOptions::parse({"c=x="}),
                      "Could not parse key-value pair 'c=x=' using separator '=', with multiple values allowed: "
                      "too many values to unpack (expected 2)");
}

TEST_CASE("plans with depends_on: dependencies first, no step twice, dependents go down first", "[engine]") {
    // t: r -> a -> b; p: pr -> q, q depends on a (the shape of dimensions-config and its patch tree).
    std::vector<Revision> storage;
    auto add = [&](const std::string& id, const std::string& down, const std::string& tree, const std::string& dep) {
        Revision revision;
        revision.id = id;
        revision.down_revision = down;
        revision.tree = tree;
        if (!dep.empty()) revision.depends_on = {dep};
        if (tree == "t") revision.downgrade = {StepAvailability::available, [](StepContext&) {}};
        storage.push_back(revision);
    };
    add("r", "", "t", "");
    add("a", "r", "t", "");
    add("b", "a", "t", "");
    add("pr", "", "p", "");
    add("q", "pr", "p", "a");
    std::vector<const Revision*> pointers;
    for (const auto& revision : storage) pointers.push_back(&revision);
    const RevisionGraph graph(pointers);
    // alembic's topological sort puts a revision's dependencies (with their own line) before its down revision's
    // line (script/revision.py RevisionMap._topological_sort): a, then pr, then q.
    CHECK(ids(plan_upgrade(graph, {"r"}, graph.at("q"))) == std::vector<std::string>{"a", "pr", "q"});
    CHECK(ids(plan_upgrade(graph, {"r", "pr"}, graph.at("q"))) == std::vector<std::string>{"a", "q"});
    // Recorded q stands for a too (ancestors with dependencies): nothing left below it.
    CHECK(plan_upgrade(graph, {"q"}, graph.at("a")).empty());
    // upgrade head: every step once, the dependency before its dependent, whatever the tree order.
    const auto heads = ids(plan_upgrade_to_heads(graph, {"r", "pr"}));
    CHECK(std::set<std::string>(heads.begin(), heads.end()) == std::set<std::string>{"a", "b", "q"});
    CHECK(heads.size() == 3);
    CHECK(std::find(heads.begin(), heads.end(), "a") < std::find(heads.begin(), heads.end(), "q"));
    // Going below a takes q down first (and q's missing downgrade then refuses the plan).
    const auto down = ids(plan_downgrade(graph, {"b", "q"}, graph.at("r")));
    REQUIRE_FALSE(down.empty());
    CHECK(down.front() == "q");
    CHECK_THROWS_WITH(check_steps_available(plan_downgrade(graph, {"b", "q"}, graph.at("r"))),
                      Catch::Contains("Revision q"));
    CHECK_NOTHROW(check_steps_available(plan_downgrade(graph, {"b"}, graph.at("r"))));
}


// `status` and `show-current --check` on every real fixture (SQLite and PostgreSQL): the exit status of each
// registry state, with the expected values taken from the real tool's recorded show-current runs and REFERENCE §2.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "butler_migrate/migrations/catalogue.hpp"
#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"

using test_support::CommandResult;
using test_support::FixtureCopy;
using test_support::GoldenRun;

namespace {

// Runs butler-migrate on the copy ({REPO} replaced) with the universe files of ../shared/daf_butler.
CommandResult run_on(const FixtureCopy& copy, const std::vector<std::string>& args) { return copy.run(args); }

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

bool has_arg(const GoldenRun& g, const std::string& arg) {
    return std::find(g.args.begin(), g.args.end(), arg) != g.args.end();
}

bool is_plain_show_current(const GoldenRun& g) {
    return g.is_butler_migrate() && g.args.at(0) == "show-current" && !has_arg(g, "-v") && !has_arg(g, "--butler") &&
           g.exit_status == 0;
}

bool is_real_stamp(const GoldenRun& g) {
    return g.is_butler_migrate() && g.args.at(0) == "stamp" && !has_arg(g, "--dry-run") && !has_arg(g, "-n") &&
           g.exit_status == 0;
}

// The recorded revisions of a non-verbose show-current golden, each with whether it is at its head today.
std::map<std::string, bool> golden_revisions(const GoldenRun& g) { return test_support::recorded_current(g); }

// What status must answer for the state a show-current golden shows: 0 when every revision is a head, else 7.
int expected_exit(const GoldenRun& show_current) {
    const auto revisions = golden_revisions(show_current);
    REQUIRE(!revisions.empty());
    bool all_heads = std::all_of(revisions.begin(), revisions.end(), [](const auto& r) { return r.second; });
    return all_heads ? 0 : 7;
}

// --namespace as the fixture's recorded stamp run gave it (universe-0 registries store no namespace).
std::vector<std::string> namespace_args(const std::vector<GoldenRun>& goldens) {
    for (const auto& g : goldens) {
        if (!is_real_stamp(g)) continue;
        auto it = std::find(g.args.begin(), g.args.end(), "--namespace");
        if (it != g.args.end()) return {"--namespace", *(it + 1)};
    }
    return {};
}

// The managers whose class (by class name) differs between the copy's butler.yaml and the registry's own record
// (butler_attributes `config:registry.managers.<manager>`), read from the file and the table directly.
std::set<std::string> mismatched_managers(const FixtureCopy& copy) {
    std::set<std::string> found;
    const YAML::Node managers = YAML::LoadFile(copy.repo() + "/butler.yaml")["registry"]["managers"];
    auto class_name = [](const std::string& path) { return path.substr(path.rfind('.') + 1); };
    for (const auto& entry : managers) {
        const auto manager = entry.first.as<std::string>();
        const auto rows = copy.query("SELECT value FROM {schema}.butler_attributes WHERE name = ?",
                                     {"config:registry.managers." + manager});
        if (rows.empty() || !rows.front().at(0)) continue;
        if (class_name(*rows.front().at(0)) != class_name(entry.second.as<std::string>())) found.insert(manager);
    }
    return found;
}

// status, status --format json and show-current --check agree on `expected`; the JSON lists `revisions`. A recorded
// one-shot upgrade run without --update-config leaves butler.yaml naming the old class: then all three answer 3
// (docs/exit-codes.md) and the JSON names exactly those managers.
void check_state(const FixtureCopy& copy, const std::vector<std::string>& ns, int expected_by_revisions,
                 const std::map<std::string, bool>& revisions) {
    const auto mismatched = mismatched_managers(copy);
    const int expected = mismatched.empty() ? expected_by_revisions : 3;
    const auto text = run_on(copy, with({"status", "{REPO}"}, ns));
    INFO(text.out << text.err);
    CHECK(text.exit_status == expected);
    const auto json = run_on(copy, with({"status", "--format", "json", "{REPO}"}, ns));
    CHECK(json.exit_status == expected);
    const auto document = nlohmann::json::parse(json.out);
    CHECK(document.at("exit_status") == expected);
    std::map<std::string, bool> reported;
    for (const auto& tree : document.at("trees")) reported[tree.at("current")] = tree.at("at_head");
    CHECK(reported == revisions);
    std::set<std::string> reported_mismatches;
    for (const auto& m : document.at("config_mismatches")) reported_mismatches.insert(m.at("manager"));
    CHECK(reported_mismatches == mismatched);
    const auto check = run_on(copy, with({"show-current", "--check", "{REPO}"}, ns));
    CHECK(check.exit_status == expected);
}

// Sets alembic_version's attributes row back to its parent (REFERENCE §2.1: c0e4f9ab4a5d revises f22a777cf382),
// while butler_attributes still says 1.0.1: both commands exit 5 with validate_revisions' message.
void check_inconsistent(const FixtureCopy& copy, const std::vector<std::string>& ns) {
    copy.query("UPDATE {schema}.alembic_version SET version_num = 'f22a777cf382' WHERE version_num = 'c0e4f9ab4a5d'");
    const std::string message =
        "butler-migrate: error: Butler and alembic revisions are inconsistent -- revisions in alembic only: "
        "f22a777cf382; revisions in butler only: c0e4f9ab4a5d=('attributes', "
        "'lsst.daf.butler.registry.attributes.DefaultButlerAttributeManager', '1.0.1')\n";
    const auto text = run_on(copy, with({"status", "{REPO}"}, ns));
    CHECK(text.exit_status == 5);
    CHECK(text.err == message);
    CHECK(text.out.find("\nattributes         f22a777cf382  head c0e4f9ab4a5d  1 step pending: c0e4f9ab4a5d") !=
          std::string::npos);
    const auto json = run_on(copy, with({"status", "--format", "json", "{REPO}"}, ns));
    CHECK(json.exit_status == 5);
    CHECK(nlohmann::json::parse(json.out).at("state") == "inconsistent");
    const auto check = run_on(copy, with({"show-current", "--check", "{REPO}"}, ns));
    CHECK(check.exit_status == 5);
    CHECK(check.err == message);
}

// Replays the recorded stamp/upgrade/downgrade/set-namespace runs after `from` that succeeded upstream.
void replay_changes(const FixtureCopy& copy, const std::vector<GoldenRun>& goldens, size_t from) {
    static const std::set<std::string> changing = {"stamp", "upgrade", "downgrade", "set-namespace"};
    for (size_t i = from; i < goldens.size(); ++i) {
        const auto& g = goldens[i];
        if (!g.is_butler_migrate() || !changing.count(g.args.at(0)) || g.exit_status != 0) continue;
        if (has_arg(g, "--dry-run") || has_arg(g, "-n") || has_arg(g, "--sql")) continue;
        INFO(g.name);
        const auto result = run_on(copy, g.args);
        INFO(result.err);
        REQUIRE(result.exit_status == 0);
    }
}

// The life of a fixture: not stamped (8), stamped (0 or 7 as the recorded show-current says), after the recorded
// upgrades (as the final recorded show-current says), then made inconsistent (5).
void check_fixture_lifecycle(const std::string& fixture, const std::string& tag) {
    FixtureCopy copy(fixture, tag);
    const auto goldens = copy.all_goldens();
    const auto ns = namespace_args(goldens);

    {
        INFO("initial registry");
        const auto result = run_on(copy, {"status", "{REPO}"});  // no --namespace needed to see it is not stamped
        CHECK(result.exit_status == 8);
        CHECK(result.out.find("\nNot stamped: ") != std::string::npos);
        CHECK(run_on(copy, with({"show-current", "--check", "{REPO}"}, ns)).exit_status == 8);
        CHECK(run_on(copy, with({"status", "--format", "json", "{REPO}"}, ns)).exit_status == 8);
    }

    const auto stamp = std::find_if(goldens.begin(), goldens.end(), is_real_stamp);
    REQUIRE(stamp != goldens.end());
    const auto stamped_view = std::find_if(stamp, goldens.end(), is_plain_show_current);
    REQUIRE(stamped_view != goldens.end());
    {
        INFO("after " << stamp->name << ", as " << stamped_view->name);
        REQUIRE(run_on(copy, stamp->args).exit_status == 0);
        check_state(copy, ns, expected_exit(*stamped_view), golden_revisions(*stamped_view));
    }

    const auto final_view = std::find_if(goldens.rbegin(), goldens.rend(), is_plain_show_current);
    {
        INFO("after the recorded upgrades, as " << final_view->name);
        replay_changes(copy, goldens, static_cast<size_t>(stamp - goldens.begin()) + 1);
        check_state(copy, ns, expected_exit(*final_view), golden_revisions(*final_view));
    }
    check_inconsistent(copy, ns);
}

}  // namespace

TEST_CASE("status on f2021_u0_dim600_int_name (SQLite, universe 0) through its recorded life", "[status]") {
    check_fixture_lifecycle("f2021_u0_dim600_int_name", "status_2021");
}

TEST_CASE("status on f2021_u0_dim600_int_name_pg (PostgreSQL, universe 0) through its recorded life", "[status]") {
    check_fixture_lifecycle("f2021_u0_dim600_int_name_pg", "status_2021_pg");
}

TEST_CASE("status on f2022_u1_dim601_int_name (SQLite) through its recorded life", "[status]") {
    check_fixture_lifecycle("f2022_u1_dim601_int_name", "status_2022_u1");
}

TEST_CASE("status on f2022_u2_dim602_default (SQLite) through its recorded life", "[status]") {
    check_fixture_lifecycle("f2022_u2_dim602_default", "status_2022_u2");
}

TEST_CASE("status on f2023_u4_26.0.0_default (SQLite) through its recorded life", "[status]") {
    check_fixture_lifecycle("f2023_u4_26.0.0_default", "status_2023");
}

TEST_CASE("status on f2023_u4_26.0.0_default_pg (PostgreSQL) through its recorded life", "[status]") {
    check_fixture_lifecycle("f2023_u4_26.0.0_default_pg", "status_2023_pg");
}

TEST_CASE("status on f2024_u5_default (SQLite) through its recorded life", "[status]") {
    check_fixture_lifecycle("f2024_u5_default", "status_2024_u5");
}

TEST_CASE("status on f2024_u7_v28_default (SQLite) through its recorded life", "[status]") {
    check_fixture_lifecycle("f2024_u7_v28_default", "status_2024_u7");
}

TEST_CASE("status on f2025_head_default (SQLite) through its recorded life", "[status]") {
    check_fixture_lifecycle("f2025_head_default", "status_2025");
}

TEST_CASE("status lists each tree with its head and pending steps (f2021 after stamp, REFERENCE §2)", "[status]") {
    FixtureCopy copy("f2021_u0_dim600_int_name", "status_lines");
    copy.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    // Stamped, universe 0, no namespace stored: the --namespace precondition of show-current (REFERENCE §4.0).
    CHECK(run_on(copy, {"status", "{REPO}"}).exit_status == 2);
    const auto result = run_on(copy, {"status", "--namespace", "daf_butler", "{REPO}"});
    CHECK(result.exit_status == 7);
    CHECK(result.err.empty());
    // Laid out by hand: names padded to "dimensions-config" (17), two spaces between columns. Each tree: the stamped
    // revision, the steps REFERENCE §2 has above it (all implemented), and what upstream added on top since.
    struct TreeLine {
        const char* tree;
        const char* current;
        std::vector<std::string> pending;
        const char* at_head;  // the text after an unchanged head
    };
    const std::vector<TreeLine> trees = {
        {"attributes", "f22a777cf382", {"c0e4f9ab4a5d"}, "at head"},
        {"collections", "93341d68b814", {},
         "at head; one-shot tree collections/name_2.0.0_to_int_2.0.0 leads on to 8c57494cabcc"},
        {"datasets", "635083325f20", {},
         "at head; one-shot tree datasets/int_1.0.0_to_uuid_1.0.0 leads on to 2101fbf51ad3"},
        {"datastores", "a07b3b60e369", {"a81dddabd837"}, "at head"},
        {"dimensions", "87a30df8c8c5", {"1601d5973bf8", "035dcf13ef18"}, "at head"},
        {"dimensions-config", "f3bcee34f344",
         {"380002bcbb26", "bf6308af80aa", "c5ae3a2cd7c2", "9888256c6a18", "2a8a32e1bec3", "1fae088c80b6",
          "352c30854bb0"},
         "at head"},
        {"opaque", "77e5b803ad3f", {}, "at head"},
    };
    std::string expected = "Registry: sqlite:///" + copy.repo() + "/gen3.sqlite3\n";
    int behind = 0;
    for (const auto& t : trees) {
        std::vector<std::string> pending = t.pending;
        const auto added = test_support::regular_revisions_above(pending.empty() ? t.current : pending.back());
        pending.insert(pending.end(), added.begin(), added.end());
        const std::string tree = t.tree;
        std::string line = tree + std::string(19 - tree.size(), ' ') + t.current + "  head " +
                           (pending.empty() ? t.current : pending.back()) + "  ";
        if (pending.empty()) {
            line += t.at_head;
        } else {
            ++behind;
            std::string list, missing;
            for (const auto& id : pending) {
                list += (list.empty() ? "" : ", ") + id;
                const auto availability = test_support::catalogue_revision(id).upgrade.availability;
                if (availability != butler_migrate::StepAvailability::available) {
                    missing += (missing.empty() ? "" : ", ") + id;
                }
            }
            line += std::to_string(pending.size()) + (pending.size() == 1 ? " step" : " steps") + " pending: " + list +
                    (missing.empty() ? " (all available)" : " (not available in this build: " + missing + ")");
        }
        expected += line + "\n";
    }
    // Each patch tree of the catalogue (none recorded here): its patches need dimensions-config >= 6
    // (1fae088c80b6), which is among the pending steps above.
    for (const auto& tree : butler_migrate::compiled_catalogue().regular_tree_names()) {
        if (tree.size() < 8 || tree.compare(tree.size() - 8, 8, "-patches") != 0) continue;
        std::string patches, needs;
        for (const auto& revision : butler_migrate::compiled_catalogue().revisions()) {
            if (revision.tree != tree || revision.is_root()) continue;
            patches += (patches.empty() ? "" : ", ") + revision.id;
            for (const auto& dependency : revision.depends_on) needs += (needs.empty() ? "" : ", ") + dependency;
        }
        expected += "Patch tree " + tree + " is not recorded; its patches (" + patches +
                    ") apply once the pending upgrades are done (they need " + needs +
                    "): take them with `butler-migrate stamp " + copy.repo() + " " + tree +
                    "` and `butler-migrate upgrade " + copy.repo() + " head`.\n";
    }
    expected += "Upgrades pending: " + std::to_string(behind) + " of 7 trees are not at their head.\n";
    CHECK(behind >= 4);
    CHECK(result.out == expected);
    // show-current --check keeps show-current's listing (golden 13) and only changes the exit status.
    const auto check = run_on(copy, {"show-current", "--check", "--namespace", "daf_butler", "{REPO}"});
    CHECK(check.exit_status == 7);
    std::multiset<std::string> printed, recorded;
    std::istringstream a(check.out), b(test_support::with_heads_of_today(copy.golden("13_").out));
    for (std::string line; std::getline(a, line);) printed.insert(line);
    for (std::string line; std::getline(b, line);) recorded.insert(line);
    CHECK(printed == recorded);
}

// A stamped root that is a branch point (collections 8d2e9de2f21f, REFERENCE §2.2) has two heads: pending, with a
// branch to choose. The collections manager is removed from butler_attributes so that the root is consistent.
void check_branch_point(const FixtureCopy& copy) {
    copy.query("DELETE FROM {schema}.butler_attributes WHERE name = 'config:registry.managers.collections'");
    copy.query("UPDATE {schema}.alembic_version SET version_num = '8d2e9de2f21f' WHERE version_num = '8c57494cabcc'");
    const auto result = run_on(copy, {"status", "{REPO}"});
    INFO(result.out << result.err);
    CHECK(result.exit_status == 7);
    CHECK(result.out.find("\ncollections        8d2e9de2f21f  heads 8c57494cabcc, 93341d68b814  branch point: "
                          "choose one of the heads to upgrade to\n") != std::string::npos);
    const auto json = nlohmann::json::parse(run_on(copy, {"status", "--format", "json", "{REPO}"}).out);
    bool found = false;
    for (const auto& tree : json.at("trees")) {
        if (tree.at("current") != "8d2e9de2f21f") continue;
        found = true;
        CHECK(tree.at("heads") == nlohmann::json::array({"8c57494cabcc", "93341d68b814"}));
        CHECK(tree.at("needs_branch_choice") == true);
        CHECK(tree.at("at_head") == false);
        CHECK(tree.at("pending").empty());
    }
    CHECK(found);
    CHECK(run_on(copy, {"show-current", "--check", "{REPO}"}).exit_status == 7);
}

TEST_CASE("status: a stamped branch-point root needs a branch choice (SQLite)", "[status]") {
    FixtureCopy copy("f2025_head_default", "status_branch");
    copy.run_ok({"stamp", "{REPO}"});
    check_branch_point(copy);
}

TEST_CASE("status: a stamped branch-point root needs a branch choice (PostgreSQL)", "[status]") {
    FixtureCopy copy("f2023_u4_26.0.0_default_pg", "status_branch_pg");
    copy.run_ok({"stamp", "{REPO}"});
    check_branch_point(copy);
}

TEST_CASE("status: universe 5 -> 7 with the port's built-in HSC offset reaches head (f2024_u5_default)", "[status]") {
    // Upstream could not run 1fae088c80b6 here (tests/conformance/expectations.txt); the port can, and then
    // every tree is at its head.
    FixtureCopy copy("f2024_u5_default", "status_2024_u5_head");
    copy.run_ok({"stamp", "{REPO}"});
    CHECK(run_on(copy, {"status", "{REPO}"}).exit_status == 7);
    // To the heads of the trees not at theirs: REFERENCE §2's, or what upstream added on top since.
    const auto upgrade = run_on(copy, {"upgrade", "{REPO}", test_support::regular_head_above("352c30854bb0")});
    INFO(upgrade.err);
    REQUIRE(upgrade.exit_status == 0);
    CHECK(run_on(copy, {"status", "{REPO}"}).exit_status == 7);  // datasets 2101fbf51ad3, datastores a07b3b60e369
    REQUIRE(run_on(copy, {"upgrade", "{REPO}", test_support::regular_head_above("4e2d7a28475b")}).exit_status == 0);
    REQUIRE(run_on(copy, {"upgrade", "{REPO}", test_support::regular_head_above("a81dddabd837")}).exit_status == 0);
    for (const char* at_head : {"c0e4f9ab4a5d", "035dcf13ef18", "8c57494cabcc", "77e5b803ad3f"}) {
        const std::string head = test_support::regular_head_above(at_head);
        if (head != at_head) REQUIRE(run_on(copy, {"upgrade", "{REPO}", head}).exit_status == 0);
    }
    CHECK(run_on(copy, {"status", "{REPO}"}).exit_status == 0);
    CHECK(run_on(copy, {"show-current", "--check", "{REPO}"}).exit_status == 0);
}

TEST_CASE("status: configuration and database errors exit 3 and 4 (SQLite and PostgreSQL)", "[status]") {
    test_support::TempDir dir;
    auto missing_config = test_support::run_isolated({"status", dir.path()});
    CHECK(missing_config.exit_status == 3);
    CHECK(missing_config.out.empty());

    test_support::write_file(dir.file("butler.yaml"), "registry:\n  db: sqlite:///" + dir.file("missing.sqlite3") + "\n");
    auto missing_file = test_support::run_isolated({"status", dir.path()});
    CHECK(missing_file.exit_status == 4);
    CHECK(test_support::run_isolated({"show-current", "--check", dir.path()})
              .exit_status == 4);

    const auto pg = test_support::PgServer::require();
    test_support::write_file(dir.file("butler.yaml"),
                             "registry:\n  db: " + pg.url("bm_status_no_such_database") + "\n");
    auto no_database = test_support::run_isolated({"status", dir.path()});
    CHECK(no_database.exit_status == 4);
    if (!pg.password.empty()) CHECK(no_database.err.find(pg.password) == std::string::npos);
}

TEST_CASE("status refuses a bad --format value as a usage error", "[status]") {
    test_support::TempDir dir;
    CHECK(test_support::run_isolated({"status", "--format", "yaml", dir.path()}).exit_status == 2);
    CHECK(test_support::run_isolated({"show-trees", "--format", "xml"}).exit_status == 2);
}

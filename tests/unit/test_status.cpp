// `status` and `show-current --check` on every real fixture (SQLite and PostgreSQL): the exit status of each
// registry state, with the expected values taken from the real tool's recorded show-current runs and REFERENCE §2.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fixture_copy.hpp"

using test_support::CommandResult;
using test_support::FixtureCopy;
using test_support::GoldenRecord;

namespace {

// Runs butler-migrate on the copy ({REPO} replaced) with the universe files of ../shared/daf_butler.
CommandResult run_on(const FixtureCopy& copy, const std::vector<std::string>& args) {
    std::vector<std::string> resolved;
    for (const auto& a : args) resolved.push_back(a == "{REPO}" ? copy.repo() : a);
    return test_support::run_butler_migrate(
        resolved, {{"LSST_DB_AUTH", "/nonexistent"}, {"DAF_BUTLER_DIR", test_support::shared_path("daf_butler")},
                   {"DAF_BUTLER_CONFIG_PATH", ""}, {"DAF_BUTLER_REPOSITORY_INDEX", ""}});
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

bool has_arg(const GoldenRecord& g, const std::string& arg) {
    return std::find(g.args.begin(), g.args.end(), arg) != g.args.end();
}

// The fixture's goldens in recorded order.
std::vector<GoldenRecord> all_goldens(const FixtureCopy& copy) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(copy.source_file("golden"))) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    std::vector<GoldenRecord> goldens;
    for (const auto& name : names) goldens.push_back(copy.golden(name.substr(0, name.find('_') + 1)));
    return goldens;
}

bool is_plain_show_current(const GoldenRecord& g) {
    return g.is_butler_migrate() && g.args.at(0) == "show-current" && !has_arg(g, "-v") && !has_arg(g, "--butler") &&
           g.exit_status == 0;
}

bool is_real_stamp(const GoldenRecord& g) {
    return g.is_butler_migrate() && g.args.at(0) == "stamp" && !has_arg(g, "--dry-run") && !has_arg(g, "-n") &&
           g.exit_status == 0;
}

// The recorded revisions of a non-verbose show-current golden, each with whether it printed "(head)".
std::map<std::string, bool> golden_revisions(const GoldenRecord& g) {
    std::map<std::string, bool> revisions;
    std::istringstream lines(g.out);
    for (std::string line; std::getline(lines, line);) {
        revisions[line.substr(0, 12)] = line.find(" (head)") != std::string::npos;
    }
    return revisions;
}

// What status must answer for the state a show-current golden shows: 0 when every revision is a head, else 7.
int expected_exit(const GoldenRecord& show_current) {
    const auto revisions = golden_revisions(show_current);
    REQUIRE(!revisions.empty());
    bool all_heads = std::all_of(revisions.begin(), revisions.end(), [](const auto& r) { return r.second; });
    return all_heads ? 0 : 7;
}

// --namespace as the fixture's recorded stamp run gave it (universe-0 registries store no namespace).
std::vector<std::string> namespace_args(const std::vector<GoldenRecord>& goldens) {
    for (const auto& g : goldens) {
        if (!is_real_stamp(g)) continue;
        auto it = std::find(g.args.begin(), g.args.end(), "--namespace");
        if (it != g.args.end()) return {"--namespace", *(it + 1)};
    }
    return {};
}

// status, status --format json and show-current --check agree on `expected`; the JSON lists `revisions`.
void check_state(const FixtureCopy& copy, const std::vector<std::string>& ns, int expected,
                 const std::map<std::string, bool>& revisions) {
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
void replay_changes(const FixtureCopy& copy, const std::vector<GoldenRecord>& goldens, size_t from) {
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
    const auto goldens = all_goldens(copy);
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
    // Laid out by hand: names padded to "dimensions-config" (17), two spaces between columns.
    CHECK(result.out ==
          "Registry: sqlite:///" + copy.repo() + "/gen3.sqlite3\n"
          "attributes         f22a777cf382  head c0e4f9ab4a5d  1 step pending: c0e4f9ab4a5d (all available)\n"
          "collections        93341d68b814  head 93341d68b814  at head; one-shot tree "
          "collections/name_2.0.0_to_int_2.0.0 leads on to 8c57494cabcc\n"
          "datasets           635083325f20  head 635083325f20  at head; one-shot tree "
          "datasets/int_1.0.0_to_uuid_1.0.0 leads on to 2101fbf51ad3\n"
          "datastores         a07b3b60e369  head a81dddabd837  1 step pending: a81dddabd837 (all available)\n"
          "dimensions         87a30df8c8c5  head 035dcf13ef18  2 steps pending: 1601d5973bf8, 035dcf13ef18 "
          "(all available)\n"
          "dimensions-config  f3bcee34f344  head 352c30854bb0  7 steps pending: 380002bcbb26, bf6308af80aa, "
          "c5ae3a2cd7c2, 9888256c6a18, 2a8a32e1bec3, 1fae088c80b6, 352c30854bb0 (all available)\n"
          "opaque             77e5b803ad3f  head 77e5b803ad3f  at head\n"
          "Upgrades pending: 4 of 7 trees are not at their head.\n");
    // show-current --check keeps show-current's listing (golden 13) and only changes the exit status.
    const auto check = run_on(copy, {"show-current", "--check", "--namespace", "daf_butler", "{REPO}"});
    CHECK(check.exit_status == 7);
    std::multiset<std::string> printed, recorded;
    std::istringstream a(check.out), b(copy.golden("13_").out);
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
    const auto upgrade = run_on(copy, {"upgrade", "{REPO}", "352c30854bb0"});
    INFO(upgrade.err);
    REQUIRE(upgrade.exit_status == 0);
    CHECK(run_on(copy, {"status", "{REPO}"}).exit_status == 7);  // datasets 2101fbf51ad3, datastores a07b3b60e369
    REQUIRE(run_on(copy, {"upgrade", "{REPO}", "4e2d7a28475b"}).exit_status == 0);
    REQUIRE(run_on(copy, {"upgrade", "{REPO}", "a81dddabd837"}).exit_status == 0);
    CHECK(run_on(copy, {"status", "{REPO}"}).exit_status == 0);
    CHECK(run_on(copy, {"show-current", "--check", "{REPO}"}).exit_status == 0);
}

TEST_CASE("status: configuration and database errors exit 3 and 4 (SQLite and PostgreSQL)", "[status]") {
    test_support::TempDir dir;
    auto missing_config = test_support::run_butler_migrate({"status", dir.path()}, {{"LSST_DB_AUTH", "/nonexistent"}});
    CHECK(missing_config.exit_status == 3);
    CHECK(missing_config.out.empty());

    test_support::write_file(dir.file("butler.yaml"), "registry:\n  db: sqlite:///" + dir.file("missing.sqlite3") + "\n");
    auto missing_file = test_support::run_butler_migrate({"status", dir.path()}, {{"LSST_DB_AUTH", "/nonexistent"}});
    CHECK(missing_file.exit_status == 4);
    CHECK(test_support::run_butler_migrate({"show-current", "--check", dir.path()}, {{"LSST_DB_AUTH", "/nonexistent"}})
              .exit_status == 4);

    const auto pg = test_support::PgServer::require();
    test_support::write_file(dir.file("butler.yaml"),
                             "registry:\n  db: " + pg.url("bm_status_no_such_database") + "\n");
    auto no_database = test_support::run_butler_migrate({"status", dir.path()}, {{"LSST_DB_AUTH", "/nonexistent"}});
    CHECK(no_database.exit_status == 4);
    if (!pg.password.empty()) CHECK(no_database.err.find(pg.password) == std::string::npos);
}

TEST_CASE("status refuses a bad --format value as a usage error", "[status]") {
    test_support::TempDir dir;
    CHECK(test_support::run_butler_migrate({"status", "--format", "yaml", dir.path()}).exit_status == 2);
    CHECK(test_support::run_butler_migrate({"show-trees", "--format", "xml"}).exit_status == 2);
}

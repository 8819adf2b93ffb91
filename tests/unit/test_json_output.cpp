// --format json of status, show-current, show-history and show-trees: every document is valid against its schema in
// docs/schemas (checked by python3-jsonschema, an independent validator) and says what the real tool's goldens say.
#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"
#include "json_schema_check.hpp"
#include "output_rules.hpp"
#include "butler_migrate/migrations/catalogue.hpp"

using test_support::CommandResult;
using test_support::FixtureCopy;
using Json = nlohmann::json;

namespace {

// Runs a command with --format json (appended), checks exit status and schema, and returns the parsed document.
Json json_of(const std::vector<std::string>& args, int expected_exit = 0, const std::string& repo = "") {
    std::vector<std::string> full;
    for (const auto& a : args) full.push_back(a == "{REPO}" ? repo : a);
    full.insert(full.end(), {"--format", "json"});
    const CommandResult result = test_support::run_isolated(full);
    INFO(result.err);
    CHECK(result.exit_status == expected_exit);
    test_support::check_against_schema(args.at(0), result.out);
    const Json document = Json::parse(result.out);
    CHECK(document.at("command") == args.at(0));
    CHECK(document.at("format_version") == 1);
    return document;
}

// stdout lines of a recorded run in ../shared/fixtures/_global.
test_support::GoldenRun global_golden(const std::string& name) { return test_support::read_global_golden(name); }

// A recorded run's stdout as the real tool prints it today: the 2026 rule of output_rules.hpp (revisions upstream
// added after the recordings), for the revisions compiled in.
std::string recorded_today(const test_support::GoldenRun& golden) {
    static const std::set<std::string> compiled = [] {
        std::set<std::string> ids;
        for (const auto& revision : butler_migrate::compiled_catalogue().revisions()) ids.insert(revision.id);
        return ids;
    }();
    return conformance::with_later_revisions(golden, golden.out, compiled);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> global_golden_lines(const std::string& name) { return lines_of(recorded_today(global_golden(name))); }

struct HistoryLine {
    std::string down;  // "" for "<base>"
    std::set<std::string> labels;
    bool head = false;
    bool branch_point = false;
    std::string message;
    std::vector<std::string> depends_on;
};

// "<down>[ (<depends_on>)] -> <id>[ (labels)][ (head)][ (branchpoint)], <message>", by id.
std::map<std::string, HistoryLine> parse_history(const std::vector<std::string>& lines) {
    static const std::regex line_form(R"(^(\S+)(?: \(([0-9a-f, ]+)\))? -> ([0-9a-f]{12})((?: \([^)]*\))*), (.*)$)");
    static const std::regex group(R"(\(([^)]*)\))");
    std::map<std::string, HistoryLine> parsed;
    for (const auto& line : lines) {
        std::smatch m;
        REQUIRE(std::regex_match(line, m, line_form));
        HistoryLine entry;
        entry.down = m[1] == "<base>" ? "" : m[1].str();
        entry.message = m[5];
        if (m[2].matched) entry.depends_on = {m[2].str()};  // one dependency in every recorded or derived line
        const std::string markers = m[4];
        for (auto it = std::sregex_iterator(markers.begin(), markers.end(), group); it != std::sregex_iterator(); ++it) {
            const std::string inner = (*it)[1];
            if (inner == "head") {
                entry.head = true;
            } else if (inner == "branchpoint") {
                entry.branch_point = true;
            } else {
                std::istringstream labels(inner);
                for (std::string label; std::getline(labels, label, ',');) {
                    entry.labels.insert(label.substr(label.find_first_not_of(' ')));
                }
            }
        }
        parsed[m[3]] = entry;
    }
    return parsed;
}

// The document describes the revisions of the golden as the golden does. Of regular trees it may list more: the
// revisions upstream added on top since the recording (catalogue rows the recording does not know), which take
// "head" from the recorded revisions below them.
void check_history_matches(const Json& document, const std::string& golden, bool regular = true) {
    const auto expected = parse_history(global_golden_lines(golden));
    std::map<std::string, HistoryLine> reported;
    for (const auto& r : document.at("revisions")) {
        HistoryLine entry;
        entry.down = r.at("down_revision").is_null() ? "" : r.at("down_revision").get<std::string>();
        for (const auto& label : r.at("branch_labels")) entry.labels.insert(label.get<std::string>());
        entry.head = r.at("head");
        entry.branch_point = r.at("branch_point");
        entry.message = r.at("message");
        for (const auto& dependency : r.at("depends_on")) entry.depends_on.push_back(dependency.get<std::string>());
        reported[r.at("id")] = entry;
    }
    CHECK(document.at("revisions").size() == reported.size());
    for (const auto& [id, line] : reported) {
        if (expected.count(id)) continue;
        INFO(golden << ": " << id << " is not in the recording");
        REQUIRE(regular);
        CHECK(test_support::recorded_regular_ids().count(id) == 0);
        const auto& row = test_support::catalogue_revision(id);
        CHECK(line.down == row.down_revision);
        CHECK(line.message == row.message);
    }
    for (const auto& [id, line] : expected) {
        INFO(golden << ": " << id);
        REQUIRE(reported.count(id) == 1);
        const auto& got = reported.at(id);
        CHECK(got.down == line.down);
        CHECK(got.labels == line.labels);
        CHECK(got.head == (line.head && (!regular || test_support::is_regular_head(id))));
        CHECK(got.branch_point == line.branch_point);
        CHECK(got.message == line.message);
        CHECK(got.depends_on == line.depends_on);
    }
}

// The non-verbose show-current golden of a fixture: revision -> whether it is a head today.
std::map<std::string, bool> golden_current(const test_support::GoldenRun& g) {
    return test_support::recorded_current(g);
}

// show-current --butler golden lines: "<type>: <class> <version> -> <rev>[ (head)]" ("(head)" as it is today).
std::vector<Json> golden_managers(const test_support::GoldenRun& g) {
    static const std::regex line_form(R"(^(\S+): (\S+) (\S+) -> ([0-9a-f]{12})( \(head\))?$)");
    std::vector<Json> managers;
    std::istringstream lines(g.out);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        REQUIRE(std::regex_match(line, m, line_form));
        managers.push_back({{"manager", m[1].str()}, {"class", m[2].str()}, {"version", m[3].str()},
                            {"revision", m[4].str()}, {"head", m[5].matched && test_support::is_regular_head(m[4])}});
    }
    return managers;
}

// show-current and status JSON after the recorded stamp of a universe-0 fixture (goldens 12, 13, 15).
void check_current_after_stamp(const std::string& fixture, const std::string& tag) {
    FixtureCopy copy(fixture, tag);
    const std::vector<std::string> ns = {"--namespace", "daf_butler"};
    auto with_ns = [&](std::vector<std::string> args) {
        args.insert(args.end() - 1, ns.begin(), ns.end());
        return args;
    };

    Json empty = json_of(with_ns({"show-current", "{REPO}"}), 0, copy.repo());
    CHECK(empty.at("revisions").empty());
    Json not_stamped = json_of(with_ns({"status", "{REPO}"}), 8, copy.repo());
    CHECK(not_stamped.at("state") == "not_stamped");
    CHECK(not_stamped.at("trees").empty());

    copy.run_ok(copy.golden("12_").args);
    Json current = json_of(with_ns({"show-current", "{REPO}"}), 0, copy.repo());
    std::map<std::string, bool> reported;
    for (const auto& r : current.at("revisions")) reported[r.at("id")] = r.at("head");
    CHECK(reported == golden_current(copy.golden("13_")));
    CHECK(current.count("state") == 0);

    Json butler = json_of(with_ns({"show-current", "--butler", "{REPO}"}), 0, copy.repo());
    CHECK(butler.at("managers") == Json(golden_managers(copy.golden("15_"))));

    Json checked = json_of(with_ns({"show-current", "--check", "{REPO}"}), 7, copy.repo());
    CHECK(checked.at("state") == "upgrades_pending");
    CHECK(checked.at("exit_status") == 7);

    Json status = json_of(with_ns({"status", "{REPO}"}), 7, copy.repo());
    std::map<std::string, bool> trees;
    for (const auto& t : status.at("trees")) trees[t.at("current")] = t.at("at_head");
    CHECK(trees == golden_current(copy.golden("13_")));
    if (!copy.is_sqlite()) {
        const std::string url = status.at("url");
        CHECK(url.rfind("postgresql://", 0) == 0);
        CHECK(url.find(":***@") != std::string::npos);
    }

    // Inconsistent (REFERENCE §4.10): the document is complete on stdout, the error follows on stderr.
    copy.query("UPDATE {schema}.alembic_version SET version_num = '1601d5973bf8' WHERE version_num = '87a30df8c8c5'");
    Json inconsistent = json_of(with_ns({"status", "{REPO}"}), 5, copy.repo());
    CHECK(inconsistent.at("state") == "inconsistent");
    CHECK(inconsistent.at("inconsistency") ==
          "Butler and alembic revisions are inconsistent -- revisions in alembic only: 1601d5973bf8; revisions in "
          "butler only: 87a30df8c8c5=('dimensions', "
          "'lsst.daf.butler.registry.dimensions.static.StaticDimensionRecordStorageManager', '6.0.0')");
    json_of(with_ns({"show-current", "{REPO}"}), 5, copy.repo());
}

}  // namespace

TEST_CASE("show-trees --format json lists the trees and roots of the goldens", "[json]") {
    Json regular = json_of({"show-trees"});
    CHECK(regular.at("one_shot") == false);
    std::vector<std::string> names, roots, expected_roots;
    for (const auto& t : regular.at("trees")) {
        names.push_back(t.at("name"));
        roots.push_back(t.at("root").at("id"));
        CHECK(t.at("root").at("down_revision").is_null());
    }
    // The recorded trees and roots, with the trees upstream added since (the 2026 rule of output_rules.hpp).
    CHECK(names == global_golden_lines("14_show-trees.txt"));
    for (const auto& line : global_golden_lines("15_show-trees_-v.txt")) {
        if (line.rfind("Rev: ", 0) == 0) expected_roots.push_back(line.substr(5, 12));
    }
    CHECK(roots == expected_roots);

    Json one_shot = json_of({"show-trees", "--one-shot"});
    CHECK(one_shot.at("one_shot") == true);
    names.clear();
    for (const auto& t : one_shot.at("trees")) names.push_back(t.at("name"));
    CHECK(names == global_golden_lines("16_show-trees_--one-shot.txt"));
}

TEST_CASE("show-history --format json describes the revisions of the goldens", "[json]") {
    check_history_matches(json_of({"show-history"}), "17_show-history.txt");
    check_history_matches(json_of({"show-history", "--one-shot"}), "19_show-history_--one-shot.txt", false);
    const std::vector<std::pair<std::string, std::string>> trees = {
        {"attributes", "21"}, {"collections", "23"}, {"datasets", "25"}, {"datastores", "27"},
        {"dimensions", "29"}, {"dimensions-config", "31"}, {"obscore", "33"}, {"obscore-config", "35"},
        {"opaque", "37"}};
    for (const auto& [tree, number] : trees) {
        INFO(tree);
        check_history_matches(json_of({"show-history", tree}), number + "_show-history_" + tree + ".txt");
    }
    check_history_matches(json_of({"show-history", "--one-shot", "datasets/int_1.0.0_to_uuid_1.0.0"}),
                          "39_show-history_--one-shot_datasets_int_1.0.0_to_uuid_1.0.0.txt", false);
}

TEST_CASE("the default text format leaves the output as it was (--format text)", "[json]") {
    auto trees = test_support::run_isolated({"show-trees", "--format", "text"});
    CHECK(trees.exit_status == 0);
    CHECK(trees.out == recorded_today(global_golden("14_show-trees.txt")));
    CHECK(test_support::run_isolated({"show-history", "--format", "text", "datasets"}).out ==
          test_support::run_isolated({"show-history", "datasets"}).out);
}

TEST_CASE("show-current and status --format json on f2021_u0_dim600_int_name (SQLite)", "[json]") {
    check_current_after_stamp("f2021_u0_dim600_int_name", "json_2021");
}

TEST_CASE("show-current and status --format json on f2021_u0_dim600_int_name_pg (PostgreSQL)", "[json]") {
    check_current_after_stamp("f2021_u0_dim600_int_name_pg", "json_2021_pg");
}

TEST_CASE("status --format json at head (f2025_head_default SQLite, f2023_u4_26.0.0_default_pg after its upgrades)",
          "[json]") {
    FixtureCopy head("f2025_head_default", "json_2025");
    head.run_ok({"stamp", "{REPO}"});
    // At head as recorded (golden 08), unless upstream added a revision on top of one of its trees since.
    const auto recorded = golden_current(head.golden("08_"));
    const bool all_heads =
        std::all_of(recorded.begin(), recorded.end(), [](const auto& revision) { return revision.second; });
    Json at_head = json_of({"status", "{REPO}"}, all_heads ? 0 : 7, head.repo());
    CHECK(at_head.at("state") == (all_heads ? "at_head" : "upgrades_pending"));
    CHECK(at_head.at("inconsistency").is_null());
    CHECK(at_head.at("trees").size() == recorded.size());

    FixtureCopy pg("f2023_u4_26.0.0_default_pg", "json_2023_pg");
    pg.run_ok({"stamp", "{REPO}"});
    Json pending = json_of({"status", "{REPO}"}, 7, pg.repo());
    // REFERENCE §2.6: 9888256c6a18 (universe 4) is three steps below 352c30854bb0, all implemented; the tree's head
    // is that one or what upstream added on top since.
    const auto above = test_support::regular_revisions_above("9888256c6a18");
    REQUIRE(above.size() >= 3);
    bool found = false;
    for (const auto& t : pending.at("trees")) {
        if (t.at("current") != "9888256c6a18") continue;
        found = true;
        CHECK(t.at("heads") == Json::array({above.back()}));
        REQUIRE(t.at("pending").size() == above.size());
        for (std::size_t i = 0; i < above.size(); ++i) CHECK(t.at("pending")[i].at("revision") == above[i]);
        CHECK(Json::array({t.at("pending")[0], t.at("pending")[1], t.at("pending")[2]}) ==
              Json::parse(R"([{"revision": "2a8a32e1bec3", "availability": "available"},
                              {"revision": "1fae088c80b6", "availability": "available"},
                              {"revision": "352c30854bb0", "availability": "available"}])"));
    }
    CHECK(found);
}

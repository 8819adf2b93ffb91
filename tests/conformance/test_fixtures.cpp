// Conformance: every fixture of ../shared/fixtures replayed against butler-migrate.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <set>
#include <string>

#include "catalogue_facts.hpp"
#include "fixture_replay.hpp"
#include "golden_run.hpp"
#include "output_rules.hpp"
#include "test_support.hpp"

namespace {

const std::set<std::string> kSqliteFixtures = {
    "f2021_u0_dim600_int_name", "f2022_u1_dim601_int_name", "f2022_u2_dim602_default", "f2023_u4_26.0.0_default",
    "f2024_u5_default",         "f2024_u7_v28_default",     "f2025_head_default",
};
const std::set<std::string> kPostgresFixtures = {"f2021_u0_dim600_int_name_pg", "f2023_u4_26.0.0_default_pg"};

void check_replay(const std::string& fixture) {
    auto report = conformance::replay_fixture(fixture);
    // One summary line per fixture; tests/conformance-summary.sh collects them.
    std::cout << "conformance " << fixture << ": " << report.reproduced << " reproduced, " << report.skipped
              << " skipped, " << report.pending << " pending"
              << (report.stopped_at.empty() ? "" : " (from " + report.stopped_at + ")") << "\n";
    for (const auto& failure : report.failures) {
        UNSCOPED_INFO(failure);
    }
    CHECK(report.failures.empty());
    CHECK(report.reproduced > 0);
}

}  // namespace

TEST_CASE("every fixture folder is replayed by a test case", "[conformance]") {
    std::set<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(test_support::shared_path("fixtures"))) {
        if (entry.is_directory() && entry.path().filename() != "_global") found.insert(entry.path().filename().string());
    }
    std::set<std::string> listed = kSqliteFixtures;
    listed.insert(kPostgresFixtures.begin(), kPostgresFixtures.end());
    CHECK(found == listed);
}

TEST_CASE("_global: show-trees, show-history and --help", "[conformance]") { check_replay("_global"); }

TEST_CASE("f2021_u0_dim600_int_name (SQLite)", "[conformance][sqlite]") { check_replay("f2021_u0_dim600_int_name"); }
TEST_CASE("f2022_u1_dim601_int_name (SQLite)", "[conformance][sqlite]") { check_replay("f2022_u1_dim601_int_name"); }
TEST_CASE("f2022_u2_dim602_default (SQLite)", "[conformance][sqlite]") { check_replay("f2022_u2_dim602_default"); }
TEST_CASE("f2023_u4_26.0.0_default (SQLite)", "[conformance][sqlite]") { check_replay("f2023_u4_26.0.0_default"); }
TEST_CASE("f2024_u5_default (SQLite)", "[conformance][sqlite]") { check_replay("f2024_u5_default"); }
TEST_CASE("f2024_u7_v28_default (SQLite)", "[conformance][sqlite]") { check_replay("f2024_u7_v28_default"); }
TEST_CASE("f2025_head_default (SQLite)", "[conformance][sqlite]") { check_replay("f2025_head_default"); }
TEST_CASE("f2021_u0_dim600_int_name_pg (PostgreSQL)", "[conformance][postgresql]") {
    check_replay("f2021_u0_dim600_int_name_pg");
}
TEST_CASE("f2023_u4_26.0.0_default_pg (PostgreSQL)", "[conformance][postgresql]") {
    check_replay("f2023_u4_26.0.0_default_pg");
}

TEST_CASE("the 2026 rule derives today's history from the recorded one", "[conformance][rule2026]") {
    using conformance::later_revisions;
    using conformance::with_later_revisions;
    const auto history = test_support::read_global_golden("31_show-history_dimensions-config.txt");
    // Without later revisions compiled in, the recording stands as it is.
    CHECK(with_later_revisions(history, history.out, {}) == history.out);

    const std::set<std::string> compiled = {"aa7a2f893cba"};
    const std::string today = with_later_revisions(history, history.out, compiled);
    const auto first_break = history.out.find('\n');
    // The new head first, then the recording with " (head)" taken off its first line only.
    const std::string recorded_first = history.out.substr(0, first_break);
    std::string unmarked = recorded_first;
    unmarked.erase(unmarked.find(" (head)"), 7);
    CHECK(today == later_revisions().front().history_line + "\n" + unmarked + history.out.substr(first_break));

    // Verbose: the new entry first, "Rev: 352c30854bb0" without the marker, nothing else changed.
    const auto verbose = test_support::read_global_golden("32_show-history_dimensions-config_-v.txt");
    std::string expected = verbose.out;
    expected.replace(0, std::string("Rev: 352c30854bb0 (head)").size(), "Rev: 352c30854bb0");
    CHECK(with_later_revisions(verbose, verbose.out, compiled) == later_revisions().front().history_entry + expected);

    // Other trees' histories, --one-shot, dumps: untouched.
    for (const char* other : {"29_show-history_dimensions.txt", "19_show-history_--one-shot.txt", "14_show-trees.txt"}) {
        const auto run = test_support::read_global_golden(other);
        CHECK(with_later_revisions(run, run.out, compiled) == run.out);
    }

    // How many recorded runs the rule changes for this build's catalogue (reported, not asserted).
    std::set<std::string> ids;
    for (const auto& revision : later_revisions()) {
        if (test_support::in_catalogue(revision.id)) ids.insert(revision.id);
    }
    int changed = 0, runs = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(test_support::shared_path("fixtures"))) {
        if (entry.path().extension() != ".txt" || entry.path().parent_path().filename() == "put_run") continue;
        if (entry.path().parent_path().filename() != "golden" && entry.path().parent_path().filename() != "_global") continue;
        const auto run = test_support::read_golden(entry.path().string());
        ++runs;
        if (with_later_revisions(run, run.out, ids) != run.out) ++changed;
    }
    std::cout << "2026 rule: " << ids.size() << " later revision(s) compiled in; " << changed << " of " << runs
              << " recorded runs derived by it\n";
}

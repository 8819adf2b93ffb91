// Conformance: every fixture of ../shared/fixtures replayed against butler-migrate.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <set>

#include "fixture_replay.hpp"
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

// A step that fails after doing all of its work leaves schema, data and alembic_version exactly as before,
// for every ported step that changes the schema or the data, on SQLite and PostgreSQL.
#include <catch2/catch.hpp>

#include "fixture_copy.hpp"

using test_support::FixtureCopy;

namespace {


struct Case {
    const char* fixture;
    std::vector<std::vector<std::string>> prepare;  // commands run first, successfully
    std::vector<std::string> command;               // the step to fail
    const char* revision;
};

void check_rollback(const Case& c) {
    INFO(c.fixture << " " << c.revision);
    FixtureCopy copy(c.fixture, std::string("rollback_") + c.revision);
    for (const auto& args : c.prepare) copy.run_ok(args);
    const std::string before = copy.snapshot();

    auto failed = copy.run(c.command, {{"BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT", c.revision}});
    CHECK(failed.exit_status == 1);
    CHECK(failed.err.find("failed, nothing of it was applied: injected failure") != std::string::npos);
    CHECK(copy.snapshot() == before);

    // Without the fault the same command succeeds and changes something: the snapshot can tell.
    auto done = copy.run(c.command);
    CHECK(done.exit_status == 0);
    CHECK(copy.snapshot() != before);
}

}  // namespace

TEST_CASE("failing steps roll back completely (SQLite)", "[rollback][migrations]") {
    auto c = GENERATE(
        Case{"f2024_u7_v28_default", {{"stamp", "{REPO}"}}, {"upgrade", "{REPO}", "a81dddabd837"}, "a81dddabd837"},
        Case{"f2024_u5_default", {{"stamp", "{REPO}"}}, {"upgrade", "{REPO}", "4e2d7a28475b"}, "4e2d7a28475b"},
        Case{"f2024_u5_default",
             {{"stamp", "{REPO}"}, {"upgrade", "{REPO}", "4e2d7a28475b"}},
             {"downgrade", "{REPO}", "2101fbf51ad3"},
             "4e2d7a28475b"},
        Case{"f2022_u2_dim602_default", {{"stamp", "{REPO}"}}, {"upgrade", "{REPO}", "c0e4f9ab4a5d"}, "c0e4f9ab4a5d"},
        Case{"f2021_u0_dim600_int_name",
             {{"stamp", "--namespace", "daf_butler", "{REPO}"}},
             {"upgrade", "--namespace", "daf_butler", "{REPO}", "1601d5973bf8"},
             "1601d5973bf8"},
        Case{"f2021_u0_dim600_int_name",
             {{"stamp", "--namespace", "daf_butler", "{REPO}"},
              {"upgrade", "--namespace", "daf_butler", "{REPO}", "1601d5973bf8"}},
             {"upgrade", "--namespace", "daf_butler", "{REPO}", "035dcf13ef18"},
             "035dcf13ef18"});
    check_rollback(c);
}

TEST_CASE("failing steps roll back completely (PostgreSQL)", "[rollback][migrations][postgresql]") {
    auto c = GENERATE(
        Case{"f2023_u4_26.0.0_default_pg", {{"stamp", "{REPO}"}}, {"upgrade", "{REPO}", "a81dddabd837"}, "a81dddabd837"},
        Case{"f2023_u4_26.0.0_default_pg", {{"stamp", "{REPO}"}}, {"upgrade", "{REPO}", "4e2d7a28475b"}, "4e2d7a28475b"},
        Case{"f2021_u0_dim600_int_name_pg",
             {{"stamp", "--namespace", "daf_butler", "{REPO}"}},
             {"upgrade", "--namespace", "daf_butler", "{REPO}", "c0e4f9ab4a5d"},
             "c0e4f9ab4a5d"},
        Case{"f2021_u0_dim600_int_name_pg",
             {{"stamp", "--namespace", "daf_butler", "{REPO}"},
              {"upgrade", "--namespace", "daf_butler", "{REPO}", "1601d5973bf8"}},
             {"upgrade", "--namespace", "daf_butler", "{REPO}", "035dcf13ef18"},
             "035dcf13ef18"});
    check_rollback(c);
}

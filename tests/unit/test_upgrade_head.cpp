// `upgrade REPO head` and --dry-run through the executable on a real 2021 registry, SQLite and PostgreSQL:
// the plan, stopping at a step that needs an option with a message saying how to go on, and the same end
// state as the steps run one by one.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fixture_copy.hpp"

using test_support::FixtureCopy;

namespace {

const char* fixture_for(bool postgres) { return postgres ? "f2021_u0_dim600_int_name_pg" : "f2021_u0_dim600_int_name"; }


size_t backups_in(const FixtureCopy& copy) {
    size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(copy.repo())) {
        if (entry.path().extension() == ".backup") ++n;
    }
    return n;
}

// Runs butler-migrate on `copy` with the historical universes of ../shared/daf_butler (steps 5->6 and 6->7 read them).
test_support::CommandResult run(const FixtureCopy& copy, std::vector<std::string> args) {
    for (auto& arg : args) arg = arg == "{REPO}" ? copy.repo() : arg;
    return test_support::run_butler_migrate(args, {{"LSST_DB_AUTH", "/nonexistent/db-auth.yaml"},
                                                   {"DAF_BUTLER_DIR", test_support::shared_path("daf_butler")}});
}

const std::vector<std::string> kHead = {"upgrade", "--namespace", "daf_butler", "{REPO}", "head"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& extra) {
    args.insert(args.begin() + 1, extra.begin(), extra.end());
    return args;
}

void check_upgrade_head(bool postgres) {
    FixtureCopy copy(fixture_for(postgres), "upgrade_head");
    copy.run_ok({"stamp", "--no-backup", "--namespace", "daf_butler", "{REPO}"});
    const std::string stamped = copy.snapshot();

    // The plan of 11 steps, tree after tree (see test_migration_engine), and nothing changed.
    auto dry = run(copy, with(kHead, {"--dry-run"}));
    CHECK(dry.exit_status == 0);
    CHECK(dry.out.rfind("Upgrade plan (11 steps):\n"
                        "  1. attributes upgrade f22a777cf382 -> c0e4f9ab4a5d  ",
                        0) == 0);
    CHECK(dry.out.find("\n  11. datastores upgrade a07b3b60e369 -> a81dddabd837  ") != std::string::npos);
    CHECK(dry.out.substr(dry.out.size() - 30) == "Dry run: nothing was changed.\n");
    CHECK(copy.snapshot() == stamped);

    // Stops at bf6308af80aa, which needs has_simulated (golden 28), after the four steps before it.
    auto first = run(copy, kHead);
    CHECK(first.exit_status == 1);
    CHECK(first.out.find("Applied 4/11: dimensions-config upgrade f3bcee34f344 -> 380002bcbb26") != std::string::npos);
    CHECK(first.out.find("Applied 5/11") == std::string::npos);
    CHECK(first.err.find("butler-migrate: error: upgrade 380002bcbb26 -> bf6308af80aa failed, nothing of it was applied: "
                         "This migration script requires a default value") != std::string::npos);
    CHECK(first.err.find("(4 of 11 steps were applied; to continue") != std::string::npos);
    CHECK(first.err.find("upgrade " + copy.repo() + " head` again)") != std::string::npos);
    if (!postgres) CHECK(backups_in(copy) == 1);

    // Going on with the options the goldens used (29 and 42): the 7 remaining steps.
    auto rest = run(copy, with(kHead, {"--options", "has_simulated=0", "--options", "allow_dimension_universe_mismatch=1"}));
    INFO(rest.err);
    CHECK(rest.exit_status == 0);
    CHECK(rest.out.rfind("Upgrade plan (7 steps):\n", 0) == 0);
    CHECK(rest.out.find("Applied 7/7: datastores upgrade a07b3b60e369 -> a81dddabd837") != std::string::npos);
    auto status = run(copy, {"status", "--namespace", "daf_butler", "{REPO}"});
    CHECK(status.exit_status == 0);
    auto again = run(copy, kHead);
    CHECK(again.exit_status == 0);
    CHECK(again.out == "Nothing to do: the registry is already there.\n");

    // The same end state as each tree upgraded by name, one tree after the other.
    FixtureCopy by_name(fixture_for(postgres), "upgrade_by_name");
    by_name.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    for (const char* target : {"c0e4f9ab4a5d", "035dcf13ef18", "352c30854bb0", "a81dddabd837"}) {
        auto step = run(by_name, {"upgrade", "--namespace", "daf_butler", "--options", "has_simulated=0", "--options",
                                 "allow_dimension_universe_mismatch=1", "{REPO}", target});
        INFO(target << step.err);
        REQUIRE(step.exit_status == 0);
    }
    CHECK(copy.snapshot() == by_name.snapshot());
}

}  // namespace

TEST_CASE("upgrade head plans, stops with a way on, and ends where step-by-step upgrades end (SQLite)",
          "[head][cli]") {
    check_upgrade_head(false);
}

TEST_CASE("upgrade head plans, stops with a way on, and ends where step-by-step upgrades end (PostgreSQL)",
          "[head][cli][postgresql]") {
    check_upgrade_head(true);
}

TEST_CASE("downgrade --dry-run shows the steps and changes nothing", "[head][cli]") {
    FixtureCopy copy(fixture_for(false), "downgrade_dry");
    copy.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    copy.run_ok({"upgrade", "--namespace", "daf_butler", "{REPO}", "035dcf13ef18"});
    const std::string before = copy.snapshot();
    auto dry = run(copy, {"downgrade", "--dry-run", "--namespace", "daf_butler", "{REPO}", "87a30df8c8c5"});
    CHECK(dry.exit_status == 0);
    CHECK(dry.out == "Downgrade plan (2 steps):\n"
                     "  1. dimensions downgrade 035dcf13ef18 -> 1601d5973bf8  "
                     "Migration script for StaticDimensionRecordStorageManager 6.0.2.\n"
                     "  2. dimensions downgrade 1601d5973bf8 -> 87a30df8c8c5  "
                     "Migration script for StaticDimensionRecordStorageManager 6.0.1.\n"
                     "Dry run: nothing was changed.\n");
    CHECK(copy.snapshot() == before);
    auto with_sql = run(copy, {"downgrade", "--dry-run", "--sql", "--namespace", "daf_butler", "{REPO}", "87a30df8c8c5"});
    CHECK(with_sql.exit_status == 2);
}

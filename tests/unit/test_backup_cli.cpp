// Backups taken by the writing commands (a SQLite copy that restores the registry; the pg_dump command on
// PostgreSQL) and the butler.yaml change after a one-shot step, through the executable.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "fixture_copy.hpp"

using test_support::FixtureCopy;
namespace fs = std::filesystem;

namespace {

test_support::CommandResult run(const FixtureCopy& copy, const std::vector<std::string>& args) { return copy.run(args); }

std::vector<fs::path> backups_in(const std::string& dir) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".backup") found.push_back(entry.path());
    }
    return found;
}

std::string sqlite_dump(const std::string& file) {
    auto result = test_support::run_program({"sqlite3", file, ".dump"});
    REQUIRE(result.exit_status == 0);
    return result.out;
}

}  // namespace

TEST_CASE("upgrade copies a SQLite registry first, and the copy restores it", "[backup][cli]") {
    FixtureCopy copy("f2024_u7_v28_default", "backup_cli");
    copy.run_ok({"stamp", "--no-backup", "{REPO}"});
    const std::string db = copy.repo() + "/gen3.sqlite3";
    const std::string before = sqlite_dump(db);
    const std::string current_before = run(copy, {"show-current", "{REPO}"}).out;

    auto upgraded = run(copy, {"upgrade", "{REPO}", "a81dddabd837"});
    REQUIRE(upgraded.exit_status == 0);
    auto backups = backups_in(copy.repo());
    REQUIRE(backups.size() == 1);
    CHECK(std::regex_match(backups[0].filename().string(), std::regex(R"(gen3\.sqlite3\.\d{8}T\d{6}Z\.backup)")));
    CHECK(upgraded.err.find("Registry copied to " + backups[0].string()) != std::string::npos);
    CHECK(sqlite_dump(db) != before);
    CHECK(sqlite_dump(backups[0].string()) == before);

    // Restoring is copying it back.
    fs::copy_file(backups[0], db, fs::copy_options::overwrite_existing);
    CHECK(sqlite_dump(db) == before);
    CHECK(run(copy, {"show-current", "{REPO}"}).out == current_before);

    // --backup-dir puts it elsewhere; --no-backup takes none; nothing to do takes none.
    test_support::TempDir elsewhere;
    REQUIRE(run(copy, {"upgrade", "--backup-dir", elsewhere.path(), "{REPO}", "a81dddabd837"}).exit_status == 0);
    CHECK(backups_in(elsewhere.path()).size() == 1);
    CHECK(backups_in(copy.repo()).size() == 1);
    REQUIRE(run(copy, {"downgrade", "--no-backup", "{REPO}", "a07b3b60e369"}).exit_status == 0);
    CHECK(backups_in(copy.repo()).size() == 1);
    auto missing_dir = run(copy, {"upgrade", "--backup-dir", elsewhere.file("no/such"), "{REPO}", "a81dddabd837"});
    CHECK(missing_dir.exit_status != 0);
    CHECK(missing_dir.err.find("butler-migrate: error: ") != std::string::npos);
    CHECK(run(copy, {"show-current", "{REPO}"}).out == current_before);  // the refused upgrade changed nothing
    CHECK(run(copy, {"upgrade", "--no-backup", "--backup-dir", elsewhere.path(), "{REPO}", "a81dddabd837"}).exit_status ==
          2);
}

TEST_CASE("on PostgreSQL the writing commands print the pg_dump command, without the password", "[backup][cli][postgresql]") {
    FixtureCopy copy("f2023_u4_26.0.0_default_pg", "backup_cli_pg");
    auto stamped = run(copy, {"stamp", "{REPO}"});
    REQUIRE(stamped.exit_status == 0);
    const auto pg = test_support::PgServer::require();
    CHECK(stamped.err.find("to keep a backup, run first: pg_dump --host=" + pg.host) != std::string::npos);
    CHECK(stamped.err.find("--schema=fixture -Fc --file=") != std::string::npos);
    CHECK(stamped.err.find(pg.password) == std::string::npos);
    auto quiet = run(copy, {"upgrade", "--no-backup", "{REPO}", "a81dddabd837"});
    REQUIRE(quiet.exit_status == 0);
    CHECK(quiet.err.find("pg_dump") == std::string::npos);
}

TEST_CASE("after the collections one-shot step, butler.yaml is updated on request or the line is shown",
          "[backup][cli][oneshot]") {
    const bool update = GENERATE(true, false);
    INFO("--update-config " << update);
    FixtureCopy copy("f2021_u0_dim600_int_name", update ? "oneshot_update_config" : "oneshot_show_config");
    copy.run_ok({"stamp", "--no-backup", "--namespace", "daf_butler", "{REPO}"});
    REQUIRE(run(copy, {"upgrade", "--no-backup", "--namespace", "daf_butler", "--options", "has_simulated=0", "--options",
                       "allow_dimension_universe_mismatch=1", "{REPO}", "head"})
                .exit_status == 0);
    const std::string yaml_before = test_support::read_file(copy.repo() + "/butler.yaml");
    std::vector<std::string> args = {"upgrade", "--no-backup", "--one-shot-tree", "collections/name_2.0.0_to_int_2.0.0",
                                     "--namespace", "daf_butler", "{REPO}", "8c57494cabcc"};
    if (update) args.insert(args.begin() + 1, "--update-config");
    auto result = run(copy, args);
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    // daf_butler's own name for the manager (as the 2022 fixture's butler.yaml has it).
    const std::string klass = "lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager";
    const std::string yaml_after = test_support::read_file(copy.repo() + "/butler.yaml");
    if (update) {
        CHECK(result.out.find("butler.yaml updated: registry.managers.collections is now " + klass) != std::string::npos);
        CHECK(yaml_after.find("collections: " + klass) != std::string::npos);
        size_t baks = 0;
        for (const auto& entry : fs::directory_iterator(copy.repo())) {
            if (entry.path().extension() == ".bak") {
                ++baks;
                CHECK(test_support::read_file(entry.path().string()) == yaml_before);
            }
        }
        CHECK(baks == 1);
    } else {
        CHECK(result.out.empty());
        CHECK(result.err.find("WARNING: butler.yaml must now name the new collections manager: under registry: managers: "
                              "write `collections: " + klass + "`") != std::string::npos);
        CHECK(yaml_after == yaml_before);
    }
}

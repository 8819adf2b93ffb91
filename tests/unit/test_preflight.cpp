// The checks before the first step of a plan (src/core/preflight.cpp), on SQLite and PostgreSQL: data a later step
// would reject (NULLs for a new NOT NULL), tables another PostgreSQL role owns, too little disk space for the backup
// and the steps, a registry file the user cannot write. Each refusal names every problem, exits 9
// (docs/exit-codes.md), and leaves the registry exactly as it was; --dry-run says the same.
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <iterator>
#include <sstream>
#include <regex>

#include <catch2/catch.hpp>

#include "fixture_copy.hpp"
#include "test_support.hpp"
#include "tool_environment.hpp"

using butler_migrate::SqlRow;
using test_support::CommandResult;
using test_support::FixtureCopy;

namespace {

namespace fs = std::filesystem;

constexpr int kPreflightFailed = 9;  // docs/exit-codes.md
const std::string kLead = "butler-migrate: error: The plan would not run, nothing was changed: ";

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool has_line_with(const std::string& text, const std::string& part) {
    for (const auto& line : lines_of(text)) {
        if (line.find(part) != std::string::npos) return true;
    }
    return false;
}

std::string alembic_rows(const FixtureCopy& repo) {
    std::string rows;
    for (const auto& row : repo.query("SELECT version_num FROM {schema}.alembic_version ORDER BY version_num")) {
        rows += row.at(0).value_or("NULL") + " ";
    }
    return rows;
}

std::string read_bytes(const std::string& path) { return test_support::read_file(path); }

// A tmpfs of `bytes` at a fresh folder, unmounted on destruction (the tests run as root in CI).
class SmallFileSystem {
public:
    explicit SmallFileSystem(unsigned long long bytes) {
        REQUIRE(::geteuid() == 0);  // mount(2) needs root; tests/run-tests.sh runs as root in CI
        const std::string options = "size=" + std::to_string(bytes);
        REQUIRE(::mount("tmpfs", dir_.path().c_str(), "tmpfs", 0, options.c_str()) == 0);
    }
    ~SmallFileSystem() { ::umount(dir_.path().c_str()); }
    SmallFileSystem(const SmallFileSystem&) = delete;
    SmallFileSystem& operator=(const SmallFileSystem&) = delete;
    const std::string& path() const { return dir_.path(); }

private:
    test_support::TempDir dir_;
};

// The registry of universe 0 (dimensions 6.0.0), stamped: `upgrade ... 035dcf13ef18` plans 1601d5973bf8 (skypix
// overlap indexes) and then 035dcf13ef18 (implied dimension columns NOT NULL, tests/unit/test_migrations_schema.cpp).
std::unique_ptr<FixtureCopy> stamped_universe0(const std::string& fixture, const std::string& tag) {
    auto repo = std::make_unique<FixtureCopy>(fixture, tag);
    repo->run_ok({"set-namespace", "{REPO}", "daf_butler"});
    repo->run_ok({"stamp", "{REPO}"});
    return repo;
}

}  // namespace

TEST_CASE("preflight: NULLs a later step's NOT NULL rejects are all reported before the first step", "[preflight]") {
    const std::string fixture =
        GENERATE(std::string("f2021_u0_dim600_int_name"), std::string("f2021_u0_dim600_int_name_pg"));
    INFO(fixture);
    auto repo_ptr = stamped_universe0(fixture, "preflight_nulls");
    const FixtureCopy& repo = *repo_ptr;
    // One visit loses its physical filter, another its visit system: both implied columns of visit in universe 0
    // (daf_butler_universe0.yaml: visit implies [physical_filter, visit_system]) that the step makes NOT NULL.
    const auto visit =
        repo.query("SELECT instrument, id, physical_filter, visit_system FROM {schema}.visit ORDER BY instrument, id");
    REQUIRE(visit.size() >= 2);
    repo.query("UPDATE {schema}.visit SET physical_filter = NULL WHERE instrument = ? AND id = ?", {visit[0][0], visit[0][1]});
    repo.query("UPDATE {schema}.visit SET visit_system = NULL WHERE instrument = ? AND id = ?", {visit[1][0], visit[1][1]});
    const std::string before = repo.snapshot();
    const std::string rows_before = alembic_rows(repo);

    const std::string step = "upgrade 1601d5973bf8 -> 035dcf13ef18: ";
    auto check_both_reported = [&](const CommandResult& result) {
        INFO(result.out << result.err);
        CHECK(result.exit_status == kPreflightFailed);
        CHECK(has_line_with(result.err, kLead + "2 problems found before the first step:"));
        // upstream's own text for the visit filters (migrations/dimensions/035dcf13ef18.py), and the exposure row.
        CHECK(has_line_with(result.err, "  - " + step + "NULL values were found for visit.physical_filter."));
        CHECK(has_line_with(result.err, "  - " + step + "this step makes the implied dimension columns NOT NULL, "
                                                      "and the registry has 1 row(s) of visit with NULL "
                                                      "visit_system."));
        CHECK(repo.snapshot() == before);
    };

    SECTION("upgrade refuses before 1601d5973bf8, which would have committed") {
        const CommandResult result = repo.run({"upgrade", "{REPO}", "035dcf13ef18"});
        check_both_reported(result);
        CHECK(result.out.empty());
        CHECK(alembic_rows(repo) == rows_before);
    }
    SECTION("--dry-run shows the plan and exits 9") {
        const CommandResult result = repo.run({"upgrade", "--dry-run", "{REPO}", "035dcf13ef18"});
        check_both_reported(result);
        CHECK(has_line_with(result.out, "upgrade 6166dfbb5324") == false);
        CHECK(has_line_with(result.out, "1601d5973bf8 -> 035dcf13ef18"));
        CHECK(!has_line_with(result.out, "Dry run: nothing was changed."));
    }
    SECTION("with the option given, one problem on one line; with the row fixed too, the plan runs") {
        const std::vector<std::string> args = {"upgrade", "--options", "null_filter_value=" + visit[0][2].value(),
                                               "{REPO}", "035dcf13ef18"};
        const CommandResult one = repo.run(args);
        INFO(one.err);
        CHECK(one.exit_status == kPreflightFailed);
        CHECK(lines_of(one.err).size() == 1);
        CHECK(has_line_with(one.err, kLead + step + "this step makes the implied dimension columns NOT NULL"));
        CHECK(repo.snapshot() == before);
        repo.query("UPDATE {schema}.visit SET visit_system = ? WHERE instrument = ? AND id = ?",
                   {visit[1][3], visit[1][0], visit[1][1]});
        repo.run_ok(args);
        CHECK(alembic_rows(repo).find("035dcf13ef18") != std::string::npos);
    }
}

TEST_CASE("preflight: tables another PostgreSQL role owns are all reported before the first step", "[preflight]") {
    FixtureCopy repo("f2023_u4_26.0.0_default_pg", "preflight_owner");
    repo.run_ok({"stamp", "{REPO}"});
    // A migrating role that owns the registry, and another role that owns two tables steps of `upgrade head` alter:
    // exposure (dimensions-config 6 -> 7) and dataset_location_trash (datastores a81dddabd837).
    const std::string suffix = std::to_string(::getpid());
    const std::string migrator = "bm_migrator_" + suffix;
    const std::string other = "bm_other_" + suffix;
    const std::string password = "pw-" + suffix;
    repo.query("CREATE ROLE " + migrator + " LOGIN PASSWORD '" + password + "'");
    repo.query("CREATE ROLE " + other + " NOLOGIN");
    repo.query("GRANT USAGE, CREATE ON SCHEMA fixture TO " + migrator);
    for (const auto& row : repo.query("SELECT tablename FROM pg_tables WHERE schemaname = 'fixture'")) {
        repo.query("ALTER TABLE {schema}.\"" + row.at(0).value() + "\" OWNER TO " + migrator);
    }
    repo.query("GRANT ALL ON ALL SEQUENCES IN SCHEMA fixture TO " + migrator);
    repo.query("ALTER TABLE {schema}.exposure OWNER TO " + other);
    repo.query("ALTER TABLE {schema}.dataset_location_trash OWNER TO " + other);
    // butler-migrate connects as the migrating role.
    const std::string yaml_path = repo.repo() + "/butler.yaml";
    const std::string yaml = test_support::read_file(yaml_path);
    test_support::write_file(yaml_path, std::regex_replace(yaml, std::regex("postgresql://[^:/@]+:[^@]+@"),
                                                           "postgresql://" + migrator + ":" + password + "@"));
    const std::string before = repo.snapshot();

    const CommandResult result = repo.run({"upgrade", "{REPO}", "head"});
    INFO(result.out << result.err);
    CHECK(result.exit_status == kPreflightFailed);
    // Three: exposure under the first step whose tables (catalogue row) include it, 1fae088c80b6 (5 -> 6);
    // exposure again under 2a8a32e1bec3 (4 -> 5), whose own preflight names the tables keyed on instrument; and
    // dataset_location_trash under a81dddabd837.
    CHECK(has_line_with(result.err, kLead + "3 problems found before the first step:"));
    CHECK(has_line_with(result.err, "  - upgrade 2a8a32e1bec3 -> 1fae088c80b6: table fixture.exposure is owned by role " +
                                        other + ", and only its owner can change its definition (connected as " +
                                        migrator + ")"));
    CHECK(has_line_with(result.err, "  - upgrade 9888256c6a18 -> 2a8a32e1bec3: the step changes the definition of "
                                    "tables that other roles own"));
    CHECK(has_line_with(result.err, "exposure (owner " + other + ")"));
    CHECK(has_line_with(result.err, "  - upgrade a07b3b60e369 -> a81dddabd837: table fixture.dataset_location_trash is "
                                    "owned by role " + other));
    CHECK(result.err.find(password) == std::string::npos);
    CHECK(repo.snapshot() == before);

    // Owned by the migrating role again, the same plan passes the preflight (a dry run: nothing changes).
    repo.query("ALTER TABLE {schema}.exposure OWNER TO " + migrator);
    repo.query("ALTER TABLE {schema}.dataset_location_trash OWNER TO " + migrator);
    const CommandResult dry = repo.run({"upgrade", "--dry-run", "{REPO}", "head"});
    INFO(dry.err);
    CHECK(dry.exit_status == 0);
    CHECK(repo.snapshot() == before);
}

TEST_CASE("preflight: too little space for the backup copy is refused before anything is written", "[preflight]") {
    FixtureCopy repo("f2024_u5_default", "preflight_backup_space");
    repo.run_ok({"stamp", "{REPO}"});
    const std::string database = repo.repo() + "/gen3.sqlite3";
    const auto size = fs::file_size(database);
    SmallFileSystem small(size / 2);  // the backup copy is as large as the database file
    const std::string bytes = read_bytes(database);

    const CommandResult result = repo.run({"upgrade", "--backup-dir", small.path(), "{REPO}", "head"});
    INFO(result.err);
    CHECK(result.exit_status == kPreflightFailed);
    CHECK(has_line_with(result.err, kLead + "the backup copy needs "));
    CHECK(has_line_with(result.err, " in " + small.path() + ", where "));
    CHECK(read_bytes(database) == bytes);
    CHECK(fs::is_empty(small.path()));
}

TEST_CASE("preflight: a database on a file system without room for the steps is refused unchanged", "[preflight]") {
    FixtureCopy repo("f2024_u5_default", "preflight_step_space");
    repo.run_ok({"stamp", "{REPO}"});
    const std::string source = repo.repo() + "/gen3.sqlite3";
    const auto size = fs::file_size(source);
    // Room for the file and one more page: not for a backup copy beside it, nor for the tables a step rebuilds.
    SmallFileSystem small(size + 4096);
    const std::string database = small.path() + "/gen3.sqlite3";
    fs::copy_file(source, database);
    const std::string yaml_path = repo.repo() + "/butler.yaml";
    test_support::write_file(yaml_path, std::regex_replace(test_support::read_file(yaml_path),
                                                           std::regex("sqlite:///[^\n]*"), "sqlite:///" + database));
    const std::string bytes = read_bytes(database);

    for (const std::vector<std::string>& args : {std::vector<std::string>{"upgrade", "{REPO}", "head"},
                                                 std::vector<std::string>{"upgrade", "--no-backup", "{REPO}", "head"}}) {
        const CommandResult result = repo.run(args);
        INFO(args.at(1) << "\n" << result.err);
        CHECK(result.exit_status == kPreflightFailed);
        CHECK(has_line_with(result.err, kLead + "the plan needs about "));
        CHECK(has_line_with(result.err, " free beside " + database));
        CHECK(read_bytes(database) == bytes);
        // Nothing else was written there (no backup copy, no journal left).
        CHECK(std::distance(fs::directory_iterator(small.path()), fs::directory_iterator()) == 1);
    }
}

TEST_CASE("preflight: a registry file the user may not write is named, not its backup", "[preflight]") {
    FixtureCopy repo("f2024_u5_default", "preflight_read_only");
    repo.run_ok({"stamp", "{REPO}"});
    const std::string database = repo.repo() + "/gen3.sqlite3";
    const std::string bytes = read_bytes(database);
    // Readable by everyone, writable by its owner (root) only; the tool runs as nobody.
    fs::permissions(repo.repo(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(database, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                  fs::perms::others_read);
    REQUIRE(::geteuid() == 0);
    std::vector<std::string> argv = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                     BUTLER_MIGRATE_EXE, "upgrade", repo.repo(), "head"};
    const CommandResult result = test_support::run_program(argv, test_support::tool_environment());
    INFO(result.err);
    CHECK(result.exit_status == kPreflightFailed);
    CHECK(has_line_with(result.err, kLead + "2 problems found before the first step:"));
    CHECK(has_line_with(result.err, "  - the registry database file " + database + " is not writable by this user"));
    CHECK(has_line_with(result.err, "  - the folder of the registry database (SQLite writes its journal there) " +
                                        repo.repo() + " is not writable by this user"));
    CHECK(result.err.find("backup") == std::string::npos);
    CHECK(read_bytes(database) == bytes);
}

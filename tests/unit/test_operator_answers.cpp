// What an operator hears back when things are not as expected (issue "no surprises for an operator"): a database
// that is no registry, passwords in messages, a revision on another branch, an unstamped registry, a stamp that
// would leave the bookkeeping inconsistent, malformed option values, scripts cut short, interrupted backups. Each
// case failed before its fix (the answer given then is said next to it). SQLite and PostgreSQL where a database
// is involved.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "butler_migrate/util/secrets.hpp"
#include "backend_generator.hpp"
#include "fixture_copy.hpp"
#include "hostile_test_support.hpp"
#include "test_support.hpp"

using namespace hostile_tests;
using test_support::FixtureCopy;

namespace {

namespace fs = std::filesystem;

// A stamped registry of either backend: daf_butler's universe 7 SQLite fixture, or its 2023 PostgreSQL one.
std::unique_ptr<FixtureCopy> stamped_registry(Backend backend, const std::string& tag) {
    auto repo = std::make_unique<FixtureCopy>(
        backend == Backend::sqlite ? "f2024_u7_v28_default" : "f2023_u4_26.0.0_default_pg", tag);
    repo->run_ok({"stamp", "{REPO}"});
    return repo;
}

std::string tag_for(Backend backend, const std::string& what) {
    return what + (backend == Backend::sqlite ? "_sqlite" : "_pg");
}

int files_ending_with(const std::string& folder, const std::string& suffix) {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            ++count;
        }
    }
    return count;
}

}  // namespace

TEST_CASE("operator: a database that is no Butler registry is said to be one, not 'not stamped'", "[operator]") {
    // Before: status said "Not stamped" (8); dump-schema of a missing PostgreSQL schema printed nothing and exited 0.
    const Backend backend = any_backend();
    TestRegistry registry(backend, "real_ns");
    registry.create_attributes(TestRegistry::typical_attributes());
    const std::string& repo = registry.repo();
    if (backend == Backend::sqlite) {
        // An unrelated SQLite database: one table of someone else's.
        registry.execute("DROP TABLE butler_attributes");
        registry.execute("CREATE TABLE notes (x TEXT)");
    } else {
        // A typo in butler.yaml's namespace: a schema that does not exist.
        test_support::write_file(repo + "/butler.yaml", "registry:\n  db: " + registry.url() + "\n  namespace: real_nx\n");
    }
    for (const auto& args : std::vector<std::vector<std::string>>{{"status", repo}, {"status", "--format", "json", repo},
                                                                 {"show-current", "--check", repo}}) {
        INFO(args.front());
        check_error(run(args), 4, "Not a Butler registry");
    }
    if (backend == Backend::postgresql) {
        check_error(run({"dump-schema", repo}), 4, "Not a Butler registry: schema \"real_nx\" has no tables");
    } else {
        // An empty SQLite file has no tables at all.
        fs::remove(repo + "/gen3.sqlite3");
        test_support::write_file(repo + "/gen3.sqlite3", "");
        check_error(run({"dump-schema", repo}), 4, "Not a Butler registry: the database has no tables");
        check_error(run({"status", repo}), 4, "Not a Butler registry");
    }
}

TEST_CASE("operator: a password is masked where it stands, not wherever its text occurs", "[operator]") {
    // Before: every occurrence of the text was replaced ("1" turned 127.0.0.1 into ***27.0.0.***).
    using butler_migrate::redact_secrets;
    butler_migrate::register_secret("1");
    CHECK(redact_secrets("connection to server at \"127.0.0.1\", port 5432 failed") ==
          "connection to server at \"127.0.0.1\", port 5432 failed");
    CHECK(redact_secrets("postgresql://butler:1@127.0.0.1:5432/db") == "postgresql://butler:***@127.0.0.1:5432/db");
    // A user named like the password keeps the name; the password goes.
    butler_migrate::register_secret("butler");
    CHECK(redact_secrets("password authentication failed for user \"butler\"") ==
          "password authentication failed for user \"butler\"");
    CHECK(redact_secrets("postgresql://butler:butler@h/db") == "postgresql://butler:***@h/db");
    CHECK(redact_secrets("host=h user=butler password=butler dbname=x") == "host=h user=butler password=*** dbname=x");
    CHECK(redact_secrets("password: 'butler'") == "password: '***'");
    // Percent-encoded in a URL, as a password with '@' is written there.
    butler_migrate::register_secret("p@ss word");
    CHECK(redact_secrets("postgresql://u:p%40ss%20word@h/db") == "postgresql://u:***@h/db");
}

TEST_CASE("operator: a revision on another branch, or the root of a tree not recorded, is a revision error",
          "[operator]") {
    // Before: upgrade blamed a56af31bd899 (a revision nobody named) with status 1; --dry-run printed a plan first.
    const Backend backend = any_backend();
    const auto repo = stamped_registry(backend, tag_for(backend, "op_branch"));
    const std::string before = repo->snapshot();
    // The registry's collections tree is at 8c57494cabcc (SynthIntKey); 93341d68b814 ends the NameKey branch.
    for (const auto& args : std::vector<std::vector<std::string>>{{"upgrade", "{REPO}", "93341d68b814"},
                                                                 {"upgrade", "--dry-run", "{REPO}", "93341d68b814"}}) {
        const CommandResult result = repo->run(args);
        INFO(result.err);
        CHECK(result.exit_status == 5);
        CHECK(result.out.empty());
        CHECK(result.err.find("Revision 93341d68b814 is on another branch of the collections tree than the recorded "
                              "revision 8c57494cabcc") != std::string::npos);
        CHECK(result.err.find("a56af31bd899") == std::string::npos);
    }
    // obscore is not recorded: its root cannot be upgraded to (upstream raises NotImplementedError), stamp it first.
    const CommandResult root = repo->run({"upgrade", "--dry-run", "{REPO}", "a0d766f99876"});
    CHECK(root.exit_status == 5);
    CHECK(root.out.empty());
    CHECK(root.err.find("The obscore tree is not recorded in this registry") != std::string::npos);
    CHECK(root.err.find("stamp REPO obscore") != std::string::npos);
    CHECK(repo->snapshot() == before);
}

TEST_CASE("operator: upgrade and downgrade of an unstamped registry exit with the 'not stamped' status",
          "[operator]") {
    // Before: status 1, as upstream's ValueError.
    const Backend backend = any_backend();
    FixtureCopy repo(backend == Backend::sqlite ? "f2024_u7_v28_default" : "f2023_u4_26.0.0_default_pg",
                     tag_for(backend, "op_unstamped"));
    for (const auto& args : std::vector<std::vector<std::string>>{{"upgrade", "{REPO}", "head"},
                                                                 {"upgrade", "--dry-run", "{REPO}", "a81dddabd837"},
                                                                 {"downgrade", "{REPO}", "f22a777cf382"}}) {
        const CommandResult result = repo.run(args);
        INFO(result.err);
        CHECK(result.exit_status == 8);
        CHECK(result.err.find("you may need to run `butler-migrate stamp` first") != std::string::npos);
    }
}

TEST_CASE("operator: stamp refuses to add a row on another branch, and a stamp that changes nothing copies nothing",
          "[operator]") {
    // Before: the NameKey row stayed beside the new SynthIntKey row, exit 0, and status then said inconsistent.
    const Backend backend = any_backend();
    const auto repo = stamped_registry(backend, tag_for(backend, "op_stamp"));
    if (repo->is_sqlite()) {
        // A stamp that records what is there already makes no backup copy (before: a full copy each time).
        const int copies = files_ending_with(repo->repo(), ".backup");
        repo->run_ok({"stamp", "{REPO}"});
        CHECK(files_ending_with(repo->repo(), ".backup") == copies);
    }
    // As after a one-shot migration recorded by hand: alembic_version still says NameKey 2.0.0.
    repo->query("UPDATE {schema}.alembic_version SET version_num = '93341d68b814' WHERE version_num = '8c57494cabcc'");
    const std::string before = repo->snapshot();
    const CommandResult stamped = repo->run({"stamp", "{REPO}"});
    INFO(stamped.err);
    CHECK(stamped.exit_status == 5);
    CHECK(stamped.err.find("alembic_version records 93341d68b814 for the collections tree, on another branch than "
                           "8c57494cabcc") != std::string::npos);
    CHECK(stamped.err.find("stamp --purge") != std::string::npos);
    CHECK(repo->snapshot() == before);
    // --purge replaces every row, and the registry is consistent again.
    repo->run_ok({"stamp", "--purge", "{REPO}"});
    CHECK(repo->run({"show-current", "{REPO}"}).exit_status == 0);
}

TEST_CASE("operator: malformed --lock-timeout and a missing --backup-dir are command-line errors in plain words",
          "[operator]") {
    // Before: "Value abc not in range 0.000000 to 604800.000000"; a missing --backup-dir exited 4 after the lock.
    FixtureCopy repo("f2024_u7_v28_default", "op_options");
    repo.run_ok({"stamp", "{REPO}"});
    // Command-line errors keep the parser's second line, "Run with --help for more information." (as click adds
    // its "Try ... --help" line).
    auto check_usage = [](const CommandResult& r, const std::string& first_line) {
        INFO(r.err);
        CHECK(r.exit_status == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "butler-migrate: error: " + first_line + "\nRun with --help for more information.\n");
    };
    check_usage(repo.run({"upgrade", "--lock-timeout", "abc", "{REPO}", "a81dddabd837"}),
                "--lock-timeout: 'abc' is not a number of seconds");
    check_usage(repo.run({"upgrade", "--lock-timeout", "-1", "{REPO}", "a81dddabd837"}),
                "--lock-timeout: -1 is not between 0 and 604800 seconds");
    check_usage(repo.run({"upgrade", "--backup-dir", repo.repo() + "/no-such-folder", "{REPO}", "a81dddabd837"}),
                "--backup-dir: Directory does not exist: " + repo.repo() + "/no-such-folder");
    CHECK(repo.run({"show-current", "{REPO}"}).out.find("a07b3b60e369") != std::string::npos);  // nothing ran
}

TEST_CASE("operator: --sql across a step that cannot run offline writes no partial script", "[operator]") {
    // Before: the statements of the steps before it went to stdout, looking like a complete script.
    const Backend backend = any_backend();
    const auto repo = stamped_registry(backend, tag_for(backend, "op_sql"));
    // 1601d5973bf8 (6.0.1) runs offline, 035dcf13ef18 (6.0.2) reads the registry.
    const CommandResult result = repo->run({"upgrade", "--sql", "{REPO}", "87a30df8c8c5:035dcf13ef18"});
    INFO(result.err);
    CHECK(result.exit_status == 1);
    CHECK(result.out.empty());
    CHECK(result.err.find("Migration 035dcf13ef18 does not support offline (--sql) mode") != std::string::npos);
    // The offline step alone still gives its script.
    const CommandResult alone = repo->run({"upgrade", "--sql", "{REPO}", "87a30df8c8c5:1601d5973bf8"});
    CHECK(alone.exit_status == 0);
    CHECK(alone.out.find("-- Running upgrade 87a30df8c8c5 -> 1601d5973bf8") != std::string::npos);
}

TEST_CASE("operator: an interrupted backup copy is removed by the next writing run", "[operator]") {
    // Before: "*.backup.partial" files (and their journals) stayed for ever.
    FixtureCopy repo("f2024_u7_v28_default", "op_partial");
    repo.run_ok({"stamp", "--no-backup", "{REPO}"});
    // A copy by a process that is gone (pid 2^22 - 1 is above Linux's pid_max default range of live processes
    // here), and one by a process that still runs (this test), which must be left alone.
    const std::string dead = repo.repo() + "/gen3.sqlite3.20260101T000000Z.4194303.backup.partial";
    const std::string live = repo.repo() + "/gen3.sqlite3.20260101T000001Z." + std::to_string(::getpid()) + ".backup.partial";
    test_support::write_file(dead, "half a copy");
    test_support::write_file(dead + "-journal", "its journal");
    test_support::write_file(live, "being written");
    const CommandResult result = repo.run({"upgrade", "{REPO}", "a81dddabd837"});
    INFO(result.err);
    CHECK(result.exit_status == 0);
    CHECK_FALSE(fs::exists(dead));
    CHECK_FALSE(fs::exists(dead + "-journal"));
    CHECK(fs::exists(live));
    CHECK(result.err.find("Removed 1 unfinished backup copy of gen3.sqlite3") != std::string::npos);
    CHECK(files_ending_with(repo.repo(), ".backup") == 1);  // this run's own copy, complete
}

TEST_CASE("operator: butler.yaml that cannot or did not follow a one-shot step is refused first, reported, and fixed",
          "[operator]") {
    // Before: a symbolic link was refused after the step had committed (status 3, read as "nothing happened"); a
    // run stopped between the commit and the write left butler.yaml naming the old class, status said nothing, and
    // a re-run with --update-config printed nothing and did not fix it.
    const Backend backend = any_backend();
    FixtureCopy repo(backend == Backend::sqlite ? "f2021_u0_dim600_int_name" : "f2021_u0_dim600_int_name_pg",
                     tag_for(backend, "op_config"));
    const std::string ns = "--namespace";
    repo.run_ok({"stamp", ns, "daf_butler", "{REPO}"});
    const std::string one_shot = "collections/name_2.0.0_to_int_2.0.0";
    const std::string name_key = "lsst.daf.butler.registry.collections.nameKey.NameKeyCollectionManager";
    const std::string synth_int = "lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager";
    const std::string yaml = repo.repo() + "/butler.yaml";
    REQUIRE(test_support::read_file(yaml).find(name_key) != std::string::npos);

    // A symbolic link cannot be edited safely: refused before the step, nothing committed.
    fs::rename(yaml, repo.repo() + "/real.yaml");
    fs::create_symlink("real.yaml", yaml);
    const std::string before = repo.snapshot();
    const CommandResult linked = repo.run(
        {"upgrade", ns, "daf_butler", "--update-config", "--one-shot-tree", one_shot, "{REPO}", "8c57494cabcc"});
    INFO(linked.err);
    CHECK(linked.exit_status == 3);
    CHECK(linked.err.find("it is a symbolic link") != std::string::npos);
    CHECK(repo.snapshot() == before);
    fs::remove(yaml);
    fs::rename(repo.repo() + "/real.yaml", yaml);

    // The step without the write, as a run stopped after its commit leaves it.
    const CommandResult step = repo.run({"upgrade", ns, "daf_butler", "--one-shot-tree", one_shot, "{REPO}", "8c57494cabcc"});
    REQUIRE(step.exit_status == 0);
    const std::string mismatch = "butler.yaml names " + name_key + " as the collections manager, but the registry "
                                 "records " + synth_int;
    const CommandResult status = repo.run({"status", ns, "daf_butler", "{REPO}"});
    CHECK(status.exit_status == 3);
    CHECK(status.out.find(mismatch) != std::string::npos);
    // Only collections: the datasets class is named by its package path in butler.yaml and by its module path in
    // the registry, the same class.
    CHECK(status.out.find("as the datasets manager") == std::string::npos);
    const auto json = nlohmann::json::parse(repo.run({"status", ns, "daf_butler", "--format", "json", "{REPO}"}).out);
    CHECK(json.at("exit_status") == 3);
    CHECK(json.at("config_mismatches") ==
          nlohmann::json::parse(R"([{"manager": "collections", "butler_yaml": ")" + name_key +
                                R"(", "registry": ")" + synth_int + R"("}])"));
    const CommandResult check = repo.run({"show-current", ns, "daf_butler", "--check", "{REPO}"});
    CHECK(check.exit_status == 3);
    CHECK(check.err.find(mismatch) != std::string::npos);

    // A re-run with --update-config has no step to run, and writes butler.yaml; a temporary file an interrupted
    // edit left goes too.
    const std::string stray = repo.repo() + "/.butler.yaml.update-AbC123.yaml";
    test_support::write_file(stray, "registry: {}\n");
    const CommandResult rerun = repo.run({"upgrade", ns, "daf_butler", "--update-config", "--one-shot-tree", one_shot,
                                          "{REPO}", "8c57494cabcc"});
    INFO(rerun.err);
    CHECK(rerun.exit_status == 0);
    CHECK(rerun.out.find("butler.yaml updated: registry.managers.collections is now " + synth_int) != std::string::npos);
    CHECK(test_support::read_file(yaml).find(synth_int) != std::string::npos);
    CHECK_FALSE(fs::exists(stray));
    const CommandResult after = repo.run({"status", ns, "daf_butler", "{REPO}"});
    CHECK(after.exit_status == 7);  // other trees still have steps; butler.yaml agrees
    CHECK(after.out.find("butler.yaml names") == std::string::npos);
}

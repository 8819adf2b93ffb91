// dimensions-config aa7a2f893cba (daf_butler universe 7 <-> 8, DM-54838) on the universe 7 registries: the fixtures
// daf_butler made at universe 7 (f2024_u7_v28_default, f2025_head_default; SQLite) and, on PostgreSQL, the 2023
// fixture taken to universe 7 by the tool (its schema there is the real tool's, test_migrations_universe.cpp). Up to
// 8 and back, `upgrade head`, and each refusal upstream has leaving the registry as it was.
//
// Expected values are written from upstream's script, lsst-dm/daf_butler_migrate
// migrations/dimensions-config/aa7a2f893cba.py at commit 6aa2a7a196256fafeaadd13671f9e9c3dd4a25aa (the only version
// the code index holds; "script" below), and from the names of its helpers, python/lsst/daf/butler_migrate/naming.py
// at 5bbff6851b849fd407b994dba715f53f87432358 ("naming.py"), never from running butler-migrate. The line format of
// dump-schema is the real tool's, as the recorded dump-schema runs in ../shared/fixtures show it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/steps/dimension_universe.hpp"
#include "backend_generator.hpp"
#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"
#include "test_support.hpp"
#include "universe_test_support.hpp"

using butler_migrate::SqlRow;
using test_support::Backend;
using test_support::CommandResult;
using test_support::FixtureCopy;
using namespace universe_tests;

namespace {

// sha256 of json.dumps(yaml.safe_load(daf_butler_universe8.yaml)) (../shared/daf_butler), computed with Python's
// json and yaml as upstream's load_historical_dimension_universe_json does: the value replace_dimensions_json(8)
// stores (script line 81).
const std::string kUniverse8Sha = "0902d42ba3f497cda95c924a0f3d739ad9a05b64a18c2aea319eb4de443f8159";

const std::string kRevision = "aa7a2f893cba";
const std::string kUniverse7Revision = "352c30854bb0";  // script line 18: down_revision

// The three tables, in the order the script creates them (lines 39, 48, 66).
const std::vector<std::string> kNewTables = {"ssp_hypothesis_table", "ssp_hypothesis_bundle", "ssp_balanced_index"};

// The dump-schema sections of the three tables after the upgrade, per backend.
//  - ssp_hypothesis_table: name TEXT NOT NULL, primary key named primary_key_name(table) = "<table>_pkey"
//    (script lines 43-44; naming.py primary_key_name).
//  - ssp_hypothesis_bundle / ssp_balanced_index: ssp_hypothesis_table TEXT NOT NULL, id BIGINT NOT NULL, primary key
//    "<table>_pkey" on (ssp_hypothesis_table, id), foreign key (ssp_hypothesis_table) -> ssp_hypothesis_table(name)
//    named foreign_key_name = "fkey_<table>_<parent>_<parent columns>_<columns>", and the index
//    foreign_key_index_name = "<table>_fkidx_<columns>" (script lines 54-62 and 68-76; naming.py foreign_key_name,
//    foreign_key_index_name).
//  - On PostgreSQL only, names over 63 characters are shrunk (daf_butler_migrate shrink.py shrinkDatabaseEntityName,
//    lines 51-56 at 636f362: daf_butler's NameShrinker, name[:54] + "_" + blake2b(digest_size=4) hex); the two
//    foreign key names (73 and 70 characters) are, the others are short. Digests computed with Python's hashlib.
//  dump-schema lists columns by name and says unique=0 (SQLite) / unique=False (PostgreSQL), as the recordings do.
std::map<std::string, std::string> expected_sections(bool sqlite) {
    const std::string unique = sqlite ? "unique=0" : "unique=False";
    const std::map<std::string, std::string> fk_names = {
        {"ssp_hypothesis_bundle", sqlite ? "fkey_ssp_hypothesis_bundle_ssp_hypothesis_table_name_ssp_hypothesis_table"
                                         : "fkey_ssp_hypothesis_bundle_ssp_hypothesis_table_name_s_0921458b"},
        {"ssp_balanced_index", sqlite ? "fkey_ssp_balanced_index_ssp_hypothesis_table_name_ssp_hypothesis_table"
                                      : "fkey_ssp_balanced_index_ssp_hypothesis_table_name_ssp__1a183183"},
    };
    std::map<std::string, std::string> sections;
    sections["ssp_hypothesis_table"] =
        "table=ssp_hypothesis_table\n"
        "  column=name type=TEXT nullable=False default=None [table=ssp_hypothesis_table]\n"
        "  PK name=ssp_hypothesis_table_pkey columns=(name) [table=ssp_hypothesis_table]\n";
    for (const auto& [table, fk] : fk_names) {
        const std::string tag = " [table=" + table + "]\n";
        sections[table] = "table=" + table + "\n" +
                          "  column=id type=BIGINT nullable=False default=None" + tag +
                          "  column=ssp_hypothesis_table type=TEXT nullable=False default=None" + tag +
                          "  PK name=" + table + "_pkey columns=(ssp_hypothesis_table,id)" + tag +
                          "  FK name=" + fk + " (ssp_hypothesis_table) -> ssp_hypothesis_table(name)" + tag +
                          "  INDEX name=" + table + "_fkidx_ssp_hypothesis_table columns=(ssp_hypothesis_table) " + unique + tag;
    }
    return sections;
}

// A dump-schema output cut into its "table=<name>" sections.
std::map<std::string, std::string> sections_of(const std::string& dump) {
    std::map<std::string, std::string> out;
    std::string current;
    for (const auto& line : split_lines(dump)) {
        if (starts_with(line, "table=")) current = line.substr(6);
        REQUIRE(!current.empty());
        out[current] += line + "\n";
    }
    return out;
}

std::string joined(const std::map<std::string, std::string>& sections) {
    std::string out;
    for (const auto& [table, text] : sections) out += text;
    return out;
}

// `before` (a dump-schema output) with the three tables added where dump-schema lists them (by name).
std::string with_new_tables(const std::string& before, bool sqlite) {
    auto sections = sections_of(before);
    REQUIRE(joined(sections) == before);  // dump-schema lists tables by name, as std::map orders them
    for (const auto& [table, text] : expected_sections(sqlite)) {
        REQUIRE(sections.count(table) == 0);
        sections[table] = text;
    }
    return joined(sections);
}

// The CREATE TABLE and CREATE INDEX text SQLAlchemy 2.0 compiles for the script's op.create_table calls on SQLite
// (no schema there: ctx.schema is None, so the foreign key refers to "ssp_hypothesis_table.name", lines 50-52), as
// sqlite3 .dump prints what sqlite_master keeps. Long names are kept on SQLite (shrink.py line 56).
std::vector<std::string> expected_sqlite_ddl() {
    std::vector<std::string> ddl = {
        "CREATE TABLE ssp_hypothesis_table (\n"
        "\tname TEXT NOT NULL, \n"
        "\tCONSTRAINT ssp_hypothesis_table_pkey PRIMARY KEY (name)\n"
        ");"};
    for (const std::string table : {"ssp_hypothesis_bundle", "ssp_balanced_index"}) {
        ddl.push_back("CREATE TABLE " + table + " (\n"
                      "\tssp_hypothesis_table TEXT NOT NULL, \n"
                      "\tid BIGINT NOT NULL, \n"
                      "\tCONSTRAINT " + table + "_pkey PRIMARY KEY (ssp_hypothesis_table, id), \n"
                      "\tCONSTRAINT fkey_" + table + "_ssp_hypothesis_table_name_ssp_hypothesis_table "
                      "FOREIGN KEY(ssp_hypothesis_table) REFERENCES ssp_hypothesis_table (name)\n"
                      ");");
        ddl.push_back("CREATE INDEX " + table + "_fkidx_ssp_hypothesis_table ON " + table + " (ssp_hypothesis_table);");
    }
    return ddl;
}

// A universe 7 registry, stamped: a copy of a SQLite fixture daf_butler made at universe 7, or on PostgreSQL the
// universe 4 fixture taken to universe 7 by the tool (the real tool's schema at that point is checked in
// test_migrations_universe.cpp; no PostgreSQL fixture was made at universe 7).
std::unique_ptr<FixtureCopy> universe7_registry(const std::string& fixture, const std::string& tag) {
    const bool pg = fixture == "postgresql";
    auto repo = std::make_unique<FixtureCopy>(pg ? "f2023_u4_26.0.0_default_pg" : fixture, tag);
    repo->run_ok({"stamp", "{REPO}"});
    if (pg) repo->run_ok({"upgrade", "{REPO}", kUniverse7Revision});
    REQUIRE(sha256_hex(repo->attribute(kDimensionsKey)) == kUniverse7Sha);  // daf_butler's universe 7 exactly
    REQUIRE(repo->query("SELECT version_num FROM {schema}.alembic_version WHERE version_num = ?", {kUniverse7Revision}).size() == 1);
    return repo;
}

bool has_table(const FixtureCopy& repo, const std::string& table) {
    return sections_of(repo.dump_schema()).count(table) > 0;
}

// Runs `args`, which must fail with one error line that has `message`, and leave the registry as it was.
// Nothing on stdout, except with --sql (the statements written before the refused step, as upstream's offline
// mode writes them before the script fails).
void check_refused(const FixtureCopy& repo, const std::vector<std::string>& args, const std::string& message,
                   const test_support::Environment& env = {}) {
    const std::string before = repo.snapshot();
    CommandResult result = repo.run(args, env);
    INFO(result.err);
    CHECK(result.exit_status != 0);
    if (std::find(args.begin(), args.end(), "--sql") == args.end()) CHECK(result.out.empty());
    const auto lines = error_lines(result);
    REQUIRE(lines.size() == 1);
    CHECK(lines.front().find(message) != std::string::npos);
    CHECK(repo.snapshot() == before);
}

// Replaces `from` by `to` in the stored dimensions.json (a customised universe).
void customise_universe(const FixtureCopy& repo, const std::string& from, const std::string& to) {
    std::string value = repo.attribute(kDimensionsKey);
    const auto pos = value.find(from);
    REQUIRE(pos != std::string::npos);
    repo.query("UPDATE {schema}.butler_attributes SET value = ? WHERE name = ?", {value.replace(pos, from.size(), to), kDimensionsKey});
}

}  // namespace

TEST_CASE("aa7a2f893cba's catalogue row is upstream's script", "[migrations][universe8]") {
    const auto& row = test_support::catalogue_revision(kRevision);
    CHECK(row.tree == "dimensions-config");
    CHECK(row.down_revision == kUniverse7Revision);               // script line 18
    CHECK(row.branch_labels.empty());                             // line 19: branch_labels = None
    CHECK(row.manager_class == "daf_butler");                     // line 1: namespace=daf_butler version=8
    CHECK(row.manager_version == "8");
    CHECK(row.message == "Migration script for dimensions.yaml namespace=daf_butler version=8.");  // line 1
    CHECK(row.create_date == "2026-05-05 15:24:24.546869");       // line 5
}

TEST_CASE("aa7a2f893cba takes a universe 7 registry to universe 8 and back", "[migrations][universe8]") {
    const std::string fixture = GENERATE(as<std::string>{}, "f2024_u7_v28_default", "f2025_head_default", "postgresql");
    INFO(fixture);
    const auto repo_ptr = universe7_registry(fixture, "universe8_" + fixture);
    const FixtureCopy& repo = *repo_ptr;
    const bool sqlite = repo.is_sqlite();
    const std::string schema_before = repo.dump_schema();
    const std::string snapshot_before = repo.snapshot();
    const std::string dump_before = sqlite ? repo.sqlite_dump() : "";

    CommandResult upgraded = repo.run({"upgrade", "{REPO}", kRevision});
    INFO(upgraded.err);
    REQUIRE(upgraded.exit_status == 0);
    CHECK(upgraded.out.empty());
    // The script's log lines (lines 36, 40, 53, 67, 80), in its order.
    size_t at = 0;
    for (const std::string line : {"Checking that this is an unmodified daf_butler universe 7 repo",
                                   "Creating table ssp_hypothesis_table", "Creating table ssp_hypothesis_bundle",
                                   "Creating table ssp_balanced_index", "Updating dimensions.json in ButlerAttributes"}) {
        at = upgraded.err.find(line, at);
        CHECK(at != std::string::npos);
    }

    CHECK(repo.dump_schema() == with_new_tables(schema_before, sqlite));
    CHECK(sha256_hex(repo.attribute(kDimensionsKey)) == kUniverse8Sha);
    for (const auto& table : kNewTables) CHECK(repo.query("SELECT count(*) FROM {schema}." + table) == std::vector<SqlRow>{{"0"}});
    std::vector<std::string> versions = alembic_versions(repo);
    CHECK(std::count(versions.begin(), versions.end(), kRevision) == 1);
    CHECK(std::count(versions.begin(), versions.end(), kUniverse7Revision) == 0);
    if (sqlite) {
        const std::string dump = repo.sqlite_dump();
        for (const auto& statement : expected_sqlite_ddl()) CHECK(dump.find(statement + "\n") != std::string::npos);
    } else {
        // In the registry's schema, with the foreign keys pointing at the parent table there.
        CHECK(repo.query("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'fixture' AND table_name "
                         "IN ('ssp_hypothesis_table', 'ssp_hypothesis_bundle', 'ssp_balanced_index')") == std::vector<SqlRow>{{"3"}});
        CHECK(repo.query("SELECT conname, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND "
                         "conrelid::regclass::text LIKE 'fixture.ssp_%' ORDER BY conname") ==
              std::vector<SqlRow>{{"fkey_ssp_balanced_index_ssp_hypothesis_table_name_ssp__1a183183", "fixture.ssp_hypothesis_table"},
                                  {"fkey_ssp_hypothesis_bundle_ssp_hypothesis_table_name_s_0921458b", "fixture.ssp_hypothesis_table"}});
    }
    // The new keys work as keys: (ssp_hypothesis_table, id) is unique, and on PostgreSQL (which enforces foreign
    // keys on every connection) a bundle needs its hypothesis table.
    repo.query("INSERT INTO {schema}.ssp_hypothesis_table (name) VALUES ('h1')");
    repo.query("INSERT INTO {schema}.ssp_hypothesis_bundle (ssp_hypothesis_table, id) VALUES ('h1', 1)");
    CHECK_THROWS(repo.query("INSERT INTO {schema}.ssp_hypothesis_bundle (ssp_hypothesis_table, id) VALUES ('h1', 1)"));
    if (!sqlite) CHECK_THROWS(repo.query("INSERT INTO {schema}.ssp_balanced_index VALUES ('nope', 1)"));
    repo.query("DELETE FROM {schema}.ssp_hypothesis_bundle");
    repo.query("DELETE FROM {schema}.ssp_hypothesis_table");

    const std::string marker = test_support::head_marker(kRevision);
    CommandResult butler = repo.run({"show-current", "--butler", "{REPO}"});
    CHECK(butler.out.find("\ndimensions-config: daf_butler 8 -> " + kRevision + marker + "\n") != std::string::npos);

    // Down again: the universe 7 registry as it was, byte for byte on SQLite.
    CommandResult downgraded = repo.run({"downgrade", "{REPO}", kUniverse7Revision});
    INFO(downgraded.err);
    REQUIRE(downgraded.exit_status == 0);
    at = 0;
    for (const std::string line : {"Checking that this is an unmodified daf_butler universe 8 repo",  // lines 88-101
                                   "Dropping table ssp_balanced_index", "Dropping table ssp_hypothesis_bundle",
                                   "Dropping table ssp_hypothesis_table", "Updating dimensions.json in ButlerAttributes"}) {
        at = downgraded.err.find(line, at);
        CHECK(at != std::string::npos);
    }
    CHECK(repo.dump_schema() == schema_before);
    CHECK(sha256_hex(repo.attribute(kDimensionsKey)) == kUniverse7Sha);
    CHECK(repo.snapshot() == snapshot_before);
    if (sqlite) CHECK(repo.sqlite_dump() == dump_before);

    // And up once more: the same universe 8 registry.
    repo.run_ok({"upgrade", "{REPO}", kRevision});
    CHECK(repo.dump_schema() == with_new_tables(schema_before, sqlite));
}

TEST_CASE("upgrade head takes a universe 7 registry to universe 8", "[migrations][universe8]") {
    const std::string fixture = test_support::any_backend() == Backend::sqlite ? "f2025_head_default" : "postgresql";
    INFO(fixture);
    const auto repo = universe7_registry(fixture, "universe8_head_" + fixture);
    const auto above = test_support::regular_revisions_above(kUniverse7Revision);
    REQUIRE(std::find(above.begin(), above.end(), kRevision) != above.end());

    const CommandResult upgraded = repo->run({"upgrade", "{REPO}", "head"});
    INFO(upgraded.err);
    REQUIRE(upgraded.exit_status == 0);
    const auto versions = alembic_versions(*repo);
    CHECK(std::count(versions.begin(), versions.end(), test_support::regular_head_above(kUniverse7Revision)) == 1);
    for (const auto& table : kNewTables) CHECK(has_table(*repo, table));
    if (test_support::regular_head_above(kUniverse7Revision) == kRevision) {
        CHECK(sha256_hex(repo->attribute(kDimensionsKey)) == kUniverse8Sha);
    }
}

TEST_CASE("aa7a2f893cba refusals leave the registry unchanged", "[migrations][universe8]") {
    const std::string fixture = test_support::any_backend() == Backend::sqlite ? "f2024_u7_v28_default" : "postgresql";
    INFO(fixture);
    const auto repo_ptr = universe7_registry(fixture, "universe8_refusals_" + fixture);
    const FixtureCopy& repo = *repo_ptr;
    // Upstream's ValueError of validate_dimensions_json (script lines 37, 89); its diff follows on later lines.
    const std::string mismatch = "dimensions.json stored in database does not match expected daf_butler universe version ";
    const std::string obs_id = R"({"name": "obs_id", "type": "string", "length": 64})";
    const std::string wider = R"({"name": "obs_id", "type": "string", "length": 128})";

    SECTION("a customised universe 7") {
        customise_universe(repo, obs_id, wider);
        check_refused(repo, {"upgrade", "{REPO}", kRevision}, mismatch + "7.");
    }
    SECTION("another universe stored than the revision says") {
        // Universe 6 stored under revision 352c30854bb0 (universe 7): the bookkeeping check refuses before any step
        // (upstream's migrate_upgrade validates the revisions first), naming both sides.
        repo.query("UPDATE {schema}.butler_attributes SET value = ? WHERE name = ?",
                   {butler_migrate::load_historical_universe_json(6, test_support::shared_path("daf_butler") +
                                                                     "/python/lsst/daf/butler/configs/old_dimensions"),
                    kDimensionsKey});
        check_refused(repo, {"upgrade", "{REPO}", kRevision},
                      "Butler and alembic revisions are inconsistent -- revisions in alembic only: " + kUniverse7Revision +
                          "; revisions in butler only: 1fae088c80b6=('dimensions-config', 'daf_butler', '6')");
    }
    SECTION("a customised universe 8 on the way down") {
        repo.run_ok({"upgrade", "{REPO}", kRevision});
        customise_universe(repo, obs_id, wider);
        check_refused(repo, {"downgrade", "{REPO}", kUniverse7Revision}, mismatch + "8.");
        CHECK(has_table(repo, "ssp_hypothesis_table"));
    }
    SECTION("universe 8 missing from the user's daf_butler: the new tables are rolled back") {
        test_support::TempDir daf_butler;
        const std::string folder = daf_butler.path() + "/python/lsst/daf/butler/configs/old_dimensions/";
        std::filesystem::create_directories(folder);
        test_support::copy_file(test_support::shared_path("daf_butler/python/lsst/daf/butler/configs/old_dimensions/daf_butler_universe7.yaml"),
                                folder + "daf_butler_universe7.yaml");
        const test_support::Environment env{{"DAF_BUTLER_DIR", daf_butler.path()}};
        const auto before = repo.snapshot();
        CommandResult result = repo.run({"upgrade", "{REPO}", kRevision}, env);
        INFO(result.err);
        CHECK(result.exit_status != 0);
        const auto lines = error_lines(result);
        REQUIRE(lines.size() == 1);
        CHECK(lines.front().find("Cannot find dimension universe 8: " + folder + "daf_butler_universe8.yaml does not exist") !=
              std::string::npos);
        CHECK(repo.snapshot() == before);
        CHECK_FALSE(has_table(repo, "ssp_hypothesis_table"));
    }
    SECTION("offline (--sql) is refused, as upstream's MigrationContext asserts a connection") {
        // migration_context.py (0b9fa9ec) asserts `bind is not None` with this text before the script does anything.
        check_refused(repo, {"upgrade", "--sql", "{REPO}", kUniverse7Revision + ":" + kRevision},
                      "Migration " + kRevision + " does not support offline (--sql) mode: Can't run offline -- need "
                      "access to database to migrate data.");
    }
}

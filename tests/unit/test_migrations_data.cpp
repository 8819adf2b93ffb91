// Migrations that change data: attributes c0e4f9ab4a5d, obscore a0d766f99876, datasets 4e2d7a28475b (with the
// real fixtures and their goldens), on SQLite and PostgreSQL, through the executable.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <sstream>

#include "backend_generator.hpp"
#include "butler_migrate/config/db_url.hpp"
#include "butler_migrate/db/database.hpp"
#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"
#include "step_harness.hpp"
#include "test_registry.hpp"

using test_support::Backend;
using test_support::FixtureCopy;
using test_support::TestRegistry;

namespace {

using test_support::any_backend;

test_support::CommandResult run(const std::vector<std::string>& args) { return test_support::run_isolated(args); }

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// The messages of the INFO lines a step logged, without the logger names.
std::vector<std::string> step_log(const std::string& err, const std::string& revision) {
    std::vector<std::string> out;
    std::istringstream lines(err);
    const std::string marker = revision + " INFO: ";
    for (std::string line; std::getline(lines, line);) {
        auto pos = line.find(marker);
        if (pos != std::string::npos) out.push_back(line.substr(pos + marker.size()));
    }
    return out;
}

// The stderr messages of a golden run of the real tool ("<logger> INFO: <message>" lines).
std::vector<std::string> golden_log(const test_support::GoldenRun& golden, const std::string& revision) {
    return step_log(golden.err, revision + "_py");
}

// The FixtureCopy tag of a fixture: its name with every character a database name cannot hold replaced.
std::string fixture_repo_tag(const std::string& fixture) {
    return "migdata_" + std::regex_replace(fixture, std::regex("[^A-Za-z0-9_]"), "_");
}

std::map<std::string, std::string> as_map(const std::vector<butler_migrate::SqlRow>& rows) {
    std::map<std::string, std::string> out;
    for (const auto& row : rows) out[row.at(0).value_or("NULL")] = row.at(1).value_or("NULL");
    return out;
}

// id -> ingest_date of the dataset rows of a `sqlite3 .dump` golden (id first, ingest_date third).
std::map<std::string, std::string> sqlite_dump_dataset_rows(const std::string& path) {
    std::map<std::string, std::string> out;
    std::istringstream lines(test_support::read_file(path));
    const std::regex row(R"(^INSERT INTO dataset VALUES\('([0-9a-f]{32})',\d+,(\d+),\d+\);$)");
    std::smatch m;
    for (std::string line; std::getline(lines, line);) {
        if (std::regex_match(line, m, row)) out[m[1]] = m[2];
    }
    return out;
}

// id -> ingest_date of the COPY block of table `dataset` in a pg_dump.
std::map<std::string, std::string> pg_dump_dataset_rows(const std::string& path) {
    std::map<std::string, std::string> out;
    std::istringstream lines(test_support::read_file(path));
    bool in_block = false;
    for (std::string line; std::getline(lines, line);) {
        if (!in_block) {
            in_block = line == "COPY fixture.dataset (id, dataset_type_id, ingest_date, run_id) FROM stdin;";
            continue;
        }
        if (line == "\\.") break;
        std::istringstream fields(line);
        std::string id, type, ingest;
        std::getline(fields, id, '\t');
        std::getline(fields, type, '\t');
        std::getline(fields, ingest, '\t');
        out[id] = ingest;
    }
    return out;
}

}  // namespace

TEST_CASE("attributes c0e4f9ab4a5d drops the digests of the configured managers only", "[migrations]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    const std::string reg = "lsst.daf.butler.registry.";
    auto rows = TestRegistry::typical_attributes();
    for (auto& row : rows) {
        if (row.first == "version:" + reg + "attributes.DefaultButlerAttributeManager") row.second = "1.0.0";
    }
    rows.push_back({"schema_digest:" + reg + "attributes.DefaultButlerAttributeManager", "abc"});
    rows.push_back({"schema_digest:" + reg + "collections.nameKey.NameKeyCollectionManager", "def"});
    rows.push_back({"schema_digest:" + reg + "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID", "ghi"});
    TestRegistry registry(backend);
    registry.create_attributes(rows);
    REQUIRE(run({"stamp", registry.repo()}).exit_status == 0);

    auto r = run({"upgrade", registry.repo(), "c0e4f9ab4a5d"});
    INFO(r.err);
    REQUIRE(r.exit_status == 0);
    CHECK(r.out.empty());
    // In the order of the config rows: attributes, dimensions, collections, datasets, opaque, datastores.
    CHECK(step_log(r.err, "c0e4f9ab4a5d") ==
          std::vector<std::string>{
              "number of schema digests in table before migration: 3",
              "deleted schema digest for " + reg + "attributes.DefaultButlerAttributeManager",
              "schema digest does not exist for " + reg + "dimensions.static.StaticDimensionRecordStorageManager",
              "schema digest does not exist for " + reg + "collections.synthIntKey.SynthIntKeyCollectionManager",
              "deleted schema digest for " + reg + "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID",
              "schema digest does not exist for " + reg + "opaque.ByNameOpaqueTableStorageManager",
              "schema digest does not exist for " + reg + "bridge.monolithic.MonolithicDatastoreRegistryBridgeManager",
              "number of schema digests in table after migration: 1",
          });
    CHECK(as_map(registry.query("SELECT name, value FROM {schema}.butler_attributes WHERE name LIKE 'schema_digest:%'")) ==
          std::map<std::string, std::string>{{"schema_digest:" + reg + "collections.nameKey.NameKeyCollectionManager", "def"}});
    CHECK(registry.query("SELECT value FROM {schema}.butler_attributes WHERE name = 'version:" + reg +
                         "attributes.DefaultButlerAttributeManager'")[0][0] == std::optional<std::string>("1.0.1"));
    CHECK(run({"show-current", registry.repo()}).out.find("c0e4f9ab4a5d" + test_support::head_marker("c0e4f9ab4a5d") +
                                                          "\n") == 0);
}

TEST_CASE("attributes c0e4f9ab4a5d on the 2021 fixtures logs what the real tool logged", "[migrations]") {
    const std::string fixture = GENERATE(as<std::string>(), "f2021_u0_dim600_int_name", "f2021_u0_dim600_int_name_pg");
    INFO(fixture);
    FixtureCopy fixture_repo(fixture, fixture_repo_tag(fixture));
    REQUIRE(run({"stamp", "--namespace", "daf_butler", fixture_repo.repo()}).exit_status == 0);
    auto r = run({"upgrade", "--namespace", "daf_butler", fixture_repo.repo(), "c0e4f9ab4a5d"});
    INFO(r.err);
    REQUIRE(r.exit_status == 0);
    CHECK(r.out.empty());
    auto expected = golden_log(fixture_repo.golden("16_upgrade_attributes_c0e4f9ab4a5d"), "c0e4f9ab4a5d");
    CHECK(expected.size() == 8);
    CHECK(step_log(r.err, "c0e4f9ab4a5d") == expected);
    CHECK(fixture_repo.query("SELECT count(*) FROM {schema}.butler_attributes WHERE name LIKE 'schema_digest:%'")[0][0] ==
          std::optional<std::string>("0"));
}

TEST_CASE("obscore a0d766f99876 registers and unregisters the obscore manager", "[migrations]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    const std::string config_key = "config:registry.managers.obscore";
    const std::string manager = "lsst.daf.butler.registry.obscore._manager.ObsCoreLiveTableManager";
    const std::string version_key = "version:" + manager;
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    REQUIRE(run({"stamp", registry.repo()}).exit_status == 0);
    REQUIRE(run({"stamp", registry.repo(), "obscore"}).exit_status == 0);
    auto obscore_rows = [&] {
        return as_map(registry.query("SELECT name, value FROM {schema}.butler_attributes WHERE name LIKE '%obscore%'"));
    };
    auto obscore_revision = [&] {
        return registry.query("SELECT version_num FROM {schema}.alembic_version WHERE version_num IN "
                              "('8b8e030aba2b', 'a0d766f99876')")[0][0].value_or("");
    };

    auto up = run({"upgrade", registry.repo(), "a0d766f99876"});
    INFO(up.err);
    REQUIRE(up.exit_status == 0);
    CHECK(up.out ==
          "*** Do not forget to add this line to butler.yaml file (registry.managers):\n"
          "***     obscore: lsst.daf.butler.registry.obscore._manager.ObsCoreLiveTableManager\n");
    CHECK(obscore_rows() == std::map<std::string, std::string>{{config_key, manager}, {version_key, "0.0.1"}});
    CHECK(obscore_revision() == "a0d766f99876");

    auto down = run({"downgrade", registry.repo(), "8b8e030aba2b"});
    INFO(down.err);
    REQUIRE(down.exit_status == 0);
    CHECK(down.out.empty());
    CHECK(obscore_rows().empty());
    CHECK(obscore_revision() == "8b8e030aba2b");

    SECTION("upgrade refuses a key that is already there, and changes nothing") {
        registry.execute("INSERT INTO {schema}.butler_attributes (name, value) VALUES ('" + config_key + "', 'x')");
        auto r = run({"upgrade", registry.repo(), "a0d766f99876"});
        CHECK(r.exit_status != 0);
        CHECK(r.out.empty());
        CHECK(ends_with(r.err, ": Key 'config:registry.managers.obscore' is already defined in butler_attributes.\n"));
        CHECK(obscore_rows() == std::map<std::string, std::string>{{config_key, "x"}});
        CHECK(obscore_revision() == "8b8e030aba2b");
    }
    SECTION("downgrade refuses when a key is missing") {
        // Unreachable through the command (the revision check fails first): the step itself is called.
        REQUIRE(run({"upgrade", registry.repo(), "a0d766f99876"}).exit_status == 0);
        registry.execute("DELETE FROM {schema}.butler_attributes WHERE name = '" + version_key + "'");
        auto db = registry.open();
        CHECK_THROWS_WITH(test_support::run_step(*db, test_support::catalogue_revision("a0d766f99876"),
                                                 butler_migrate::StepDirection::downgrade),
                          "Key '" + version_key + "' is not defined in butler_attributes.");
        CHECK(obscore_rows() == std::map<std::string, std::string>{{config_key, manager}});
    }
}

namespace {

const std::string kDatasetsVersionCondition =
    "name = 'version:lsst.daf.butler.registry.datasets.byDimensions._manager."
    "ByDimensionsDatasetRecordStorageManagerUUID'";

// The dataset table of ByDimensionsDatasetRecordStorageManagerUUID 1.0.0 (without its foreign keys).
void create_dataset_table(const TestRegistry& registry) {
    if (registry.backend() == Backend::sqlite) {
        registry.execute("CREATE TABLE dataset (\n\tid CHAR(32) NOT NULL, \n\tdataset_type_id BIGINT NOT NULL, \n\t"
                         "ingest_date TIMESTAMP DEFAULT (CURRENT_TIMESTAMP) NOT NULL, \n\trun_id BIGINT NOT NULL, \n\t"
                         "PRIMARY KEY (id)\n)");
    } else {
        registry.execute("CREATE TABLE {schema}.dataset (id uuid PRIMARY KEY, dataset_type_id bigint NOT NULL, "
                         "ingest_date timestamp without time zone DEFAULT now() NOT NULL, run_id bigint NOT NULL)");
    }
}

std::string dataset_id(Backend backend, int n) {
    std::string hex = std::to_string(n);
    hex = std::string(32 - hex.size(), '0') + hex;
    if (backend == Backend::sqlite) return hex;
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20);
}

std::map<std::string, std::string> ingest_dates(const TestRegistry& registry) {
    return as_map(registry.query(registry.backend() == Backend::sqlite
                                     ? "SELECT id, ingest_date FROM dataset"
                                     : "SELECT id::text, ingest_date::text FROM {schema}.dataset"));
}

}  // namespace

TEST_CASE("datasets 4e2d7a28475b on the 2023 SQLite fixture gives the real tool's values and goes back exactly",
          "[migrations]") {
    FixtureCopy fixture("f2023_u4_26.0.0_default", "migdata_datasets_sqlite");
    const auto before = as_map(fixture.query("SELECT id, ingest_date FROM dataset"));
    REQUIRE(before.size() == 16);
    REQUIRE(run({"stamp", fixture.repo()}).exit_status == 0);

    auto up = run({"upgrade", fixture.repo(), "4e2d7a28475b"});
    INFO(up.err);
    REQUIRE(up.exit_status == 0);
    CHECK(up.out.empty());
    const auto golden = sqlite_dump_dataset_rows(fixture.source_file("golden/30_sqlite3_dump_final.txt"));
    REQUIRE(golden.size() == 16);
    CHECK(as_map(fixture.query("SELECT id, ingest_date FROM dataset")) == golden);
    CHECK(fixture.query("SELECT count(*) FROM dataset WHERE typeof(ingest_date) <> 'integer'")[0][0] ==
          std::optional<std::string>("0"));
    // The real tool's lines, but for the copies into its temporary table, which this port does not make.
    auto expected_log = golden_log(fixture.golden("20_upgrade_datasets_4e2d7a28475b"), "4e2d7a28475b");
    expected_log.erase(std::remove_if(expected_log.begin(), expected_log.end(),
                                      [](const std::string& line) { return line.find("Inserted") == 0; }),
                       expected_log.end());
    CHECK(step_log(up.err, "4e2d7a28475b") == expected_log);
    const std::string golden_dump = test_support::read_file(fixture.source_file("golden/30_sqlite3_dump_final.txt"));
    const std::string table_sql = fixture.query("SELECT sql FROM sqlite_master WHERE name = 'dataset'")[0][0].value_or("");
    CHECK(golden_dump.find(std::regex_replace(table_sql, std::regex("^CREATE TABLE \"dataset\""),
                                              "CREATE TABLE IF NOT EXISTS \"dataset\"")) != std::string::npos);
    CHECK(fixture.query("SELECT value FROM butler_attributes WHERE " + kDatasetsVersionCondition)[0][0] ==
          std::optional<std::string>("2.0.0"));

    auto down = run({"downgrade", fixture.repo(), "2101fbf51ad3"});
    INFO(down.err);
    REQUIRE(down.exit_status == 0);
    CHECK(down.out.empty());
    // Every original value has six fraction digits, so the text comes back unchanged.
    CHECK(as_map(fixture.query("SELECT id, ingest_date FROM dataset")) == before);
    const std::string restored_sql = fixture.query("SELECT sql FROM sqlite_master WHERE name = 'dataset'")[0][0].value_or("");
    // SQLAlchemy 2 writes func.now() on SQLite as a bare CURRENT_TIMESTAMP (the original DDL, from an older
    // SQLAlchemy, has it in parentheses).
    CHECK(restored_sql.find("\tingest_date TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, \n") != std::string::npos);
}

TEST_CASE("datasets 4e2d7a28475b on the 2023 PostgreSQL fixture gives the real tool's values and goes back",
          "[migrations][postgresql]") {
    FixtureCopy fixture("f2023_u4_26.0.0_default_pg", "migdata_datasets_pg");
    const auto before = pg_dump_dataset_rows(fixture.source_file("pg_dump.sql"));
    REQUIRE(before.size() == 16);
    CHECK(as_map(fixture.query("SELECT id::text, ingest_date::text FROM fixture.dataset")) == before);
    REQUIRE(run({"stamp", fixture.repo()}).exit_status == 0);

    auto up = run({"upgrade", fixture.repo(), "4e2d7a28475b"});
    INFO(up.err);
    REQUIRE(up.exit_status == 0);
    CHECK(up.out == fixture.golden("20_upgrade_datasets_4e2d7a28475b").out);
    CHECK(step_log(up.err, "4e2d7a28475b") ==
          golden_log(fixture.golden("20_upgrade_datasets_4e2d7a28475b"), "4e2d7a28475b"));
    const auto golden = pg_dump_dataset_rows(fixture.source_file("golden/30_pg_dump_final.txt"));
    REQUIRE(golden.size() == 16);
    CHECK(as_map(fixture.query("SELECT id::text, ingest_date::text FROM fixture.dataset")) == golden);
    CHECK(fixture.query("SELECT value FROM fixture.butler_attributes WHERE " + kDatasetsVersionCondition)[0][0] ==
          std::optional<std::string>("2.0.0"));
    CHECK(fixture.query("SELECT data_type, coalesce(column_default, 'none') FROM information_schema.columns WHERE "
                        "table_schema = 'fixture' AND table_name = 'dataset' AND column_name = 'ingest_date'")[0] ==
          butler_migrate::SqlRow{std::string("bigint"), std::string("none")});

    auto down = run({"downgrade", fixture.repo(), "2101fbf51ad3"});
    INFO(down.err);
    REQUIRE(down.exit_status == 0);
    CHECK(down.out ==
          "*** Note that this migration script converts ingest_date from nanoseconds in\n"
          "*** TAI scale to UTC TIMESTAMP. It uses constant offset of 37 seconds between\n"
          "*** UTC and TAI. This should produce exact values for reasonably recent\n"
          "*** ingest_date values, but may not be exact for other cases.\n\n");
    CHECK(as_map(fixture.query("SELECT id::text, ingest_date::text FROM fixture.dataset")) == before);
    CHECK(fixture.query("SELECT data_type, column_default FROM information_schema.columns WHERE "
                        "table_schema = 'fixture' AND table_name = 'dataset' AND column_name = 'ingest_date'")[0] ==
          butler_migrate::SqlRow{std::string("timestamp without time zone"), std::string("now()")});
}

TEST_CASE("datasets 4e2d7a28475b: leap seconds and clamping on SQLite, the constant 37 s on PostgreSQL",
          "[migrations]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    const bool sqlite = backend == Backend::sqlite;
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    create_dataset_table(registry);
    struct Case {
        std::string utc;
        std::string sqlite_tai;  // exact: TAI - UTC of the date, clamped to 1970 .. 2100 TAI
        std::string pg_tai;      // POSIX seconds + 37 s, no clamping
        std::string sqlite_back;
        std::string pg_back;
    };
    // POSIX seconds by `date -u -d ... +%s`; TAI - UTC 36 s in 2016, 32 s in 1999, 37 s from 2017.
    const std::vector<Case> cases{
        {"2016-12-31 23:59:59.999999", "1483228835999999000", "1483228836999999000", "2016-12-31 23:59:59.999999", "2016-12-31 23:59:59.999999"},
        {"2017-01-01 00:00:00", "1483228837000000000", "1483228837000000000", "2017-01-01 00:00:00.000000", "2017-01-01 00:00:00"},
        {"2026-11-24 20:42:07.05", "1795552964050000000", "1795552964050000000", "2026-11-24 20:42:07.050000", "2026-11-24 20:42:07.05"},
        {"1999-06-15 08:30:00.000001", "929435432000001000", "929435437000001000", "1999-06-15 08:30:00.000001", "1999-06-15 08:30:00.000001"},
        {"1960-01-01 00:00:00", "0", "-315619163000000000", "1969-12-31 23:59:51.999918", "1960-01-01 00:00:00"},
        {"2150-01-01 00:00:00", "4102444800000000000", "5680281637000000000", "2099-12-31 23:59:23.000000", "2150-01-01 00:00:00"},
    };
    for (size_t i = 0; i < cases.size(); ++i) {
        registry.execute("INSERT INTO {schema}.dataset (id, dataset_type_id, ingest_date, run_id) VALUES ('" +
                         dataset_id(backend, static_cast<int>(i)) + "', " + std::to_string(i % 2 + 1) + ", '" +
                         cases[i].utc + "', 1)");
    }
    REQUIRE(run({"stamp", registry.repo()}).exit_status == 0);

    auto up = run({"upgrade", registry.repo(), "4e2d7a28475b"});
    INFO(up.err);
    REQUIRE(up.exit_status == 0);
    std::map<std::string, std::string> expected;
    for (size_t i = 0; i < cases.size(); ++i) {
        expected[dataset_id(backend, static_cast<int>(i))] = sqlite ? cases[i].sqlite_tai : cases[i].pg_tai;
    }
    CHECK(ingest_dates(registry) == expected);
    if (sqlite) {
        CHECK(step_log(up.err, "4e2d7a28475b") ==
              std::vector<std::string>{"Found 2 dataset types in dataset table", "Found 3 rows for in dataset type 1",
                                       "Found 3 rows for in dataset type 2", "Updated 6 rows in dataset table"});
    }
    CHECK(registry.query("SELECT value FROM {schema}.butler_attributes WHERE " + kDatasetsVersionCondition)[0][0] ==
          std::optional<std::string>("2.0.0"));

    auto down = run({"downgrade", registry.repo(), "2101fbf51ad3"});
    INFO(down.err);
    REQUIRE(down.exit_status == 0);
    for (size_t i = 0; i < cases.size(); ++i) {
        expected[dataset_id(backend, static_cast<int>(i))] = sqlite ? cases[i].sqlite_back : cases[i].pg_back;
    }
    CHECK(ingest_dates(registry) == expected);
    CHECK(registry.query("SELECT value FROM {schema}.butler_attributes WHERE " + kDatasetsVersionCondition)[0][0] ==
          std::optional<std::string>("1.0.0"));
}

TEST_CASE("datasets 4e2d7a28475b on SQLite refuses values it cannot convert and changes nothing", "[migrations]") {
    TestRegistry registry(Backend::sqlite);
    registry.create_attributes(TestRegistry::typical_attributes());
    create_dataset_table(registry);
    registry.execute("INSERT INTO dataset VALUES ('" + dataset_id(Backend::sqlite, 1) + "', 1, '2020-01-01 00:00:00', 1)");
    registry.execute("INSERT INTO dataset VALUES ('" + dataset_id(Backend::sqlite, 2) + "', 1, 'not a date', 1)");
    REQUIRE(run({"stamp", registry.repo()}).exit_status == 0);
    const auto before = ingest_dates(registry);

    auto bad_text = run({"upgrade", registry.repo(), "4e2d7a28475b"});
    CHECK(bad_text.exit_status != 0);
    CHECK(ends_with(bad_text.err, ": ingest_date not a date of dataset " + dataset_id(Backend::sqlite, 2) +
                                      " is not a UTC timestamp 'YYYY-MM-DD HH:MM:SS[.ffffff]'\n"));
    CHECK(ingest_dates(registry) == before);
    CHECK(registry.query("SELECT value FROM butler_attributes WHERE " + kDatasetsVersionCondition)[0][0] ==
          std::optional<std::string>("1.0.0"));

    registry.execute("DELETE FROM dataset WHERE ingest_date = 'not a date'");
    REQUIRE(run({"upgrade", registry.repo(), "4e2d7a28475b"}).exit_status == 0);
    // 2016-12-31 23:59:60.5 UTC: TAI 1483228800 + 36.5 s.
    registry.execute("INSERT INTO dataset VALUES ('" + dataset_id(Backend::sqlite, 3) + "', 1, 1483228836500000000, 1)");
    const auto upgraded = ingest_dates(registry);
    auto leap = run({"downgrade", registry.repo(), "2101fbf51ad3"});
    CHECK(leap.exit_status != 0);
    CHECK(ends_with(leap.err, ": ingest_date 1483228836500000000 of dataset " + dataset_id(Backend::sqlite, 3) +
                                  " falls within a leap second, which a UTC timestamp cannot hold\n"));
    CHECK(ingest_dates(registry) == upgraded);
}

// obscore-config 4fe28ef5030f through the executable, on SQLite and PostgreSQL: the obscore table daf_butler's
// ObsCoreLiveTableManager would create (expectations written from daf_butler's schema rules), config:obscore.json
// as Python's json.dumps(yaml.safe_load(...)) writes it, the notices, the downgrade, and every refusal.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <unistd.h>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/config/db_url.hpp"
#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"
#include "obscore_test_support.hpp"
#include "test_registry.hpp"

using namespace obscore_test;
using test_support::Backend;
using test_support::FixtureCopy;

namespace {


// json.dumps(yaml.safe_load(open("tests/data/obscore-embargo.yaml"))), computed with Python and PyYAML.
const std::string kEmbargoJson =
    R"j({"namespace": "embargo", "version": 1, "collection_type": "RUN", "collections": ["LATISS/runs/.*", )j"
    R"j("LSSTComCam/runs/nightly/.*"], "facility_name": "Rubin-Observatory", "facility_map": {"LATISS": "Rubin-AuxTel"}, )j"
    R"j("obs_collection": "Embargo-Rapid-Analysis", "obs_publisher_did_fmt": "ivo://org.rubinobs/embargo?repo=embargo&id={id}", )j"
    R"j("spectral_ranges": {"g": [4e-07, 5.5e-07], "r": [5.5e-07, 6.9e-07]}, "dataset_types": {"raw": {"dataproduct_type": )j"
    R"j("image", "dataproduct_subtype": "lsst.raw", "calib_level": 1, "o_ucd": "phot.count", "access_format": "image/fits", )j"
    R"j("obs_id_fmt": "{records[exposure].obs_id}", "extra_columns": {"exposure_id": {"template": "{exposure}", "type": "int", )j"
    R"j("doc": "Exposure the raw image belongs to"}, "seeing_guess": 0.9}}, "preliminary_visit_image": {"dataproduct_type": )j"
    R"j("image", "dataproduct_subtype": "lsst.preliminary_visit_image", "calib_level": 2, "o_ucd": "phot.flux", )j"
    R"j("access_format": "image/fits", "s_xel": [4072, 4000], "extra_columns": {"visit_id": {"template": "{visit}", )j"
    R"j("type": "int"}, "exposure_id": {"template": "{exposure}", "type": "string"}, "is_first_look": true}}}, )j"
    R"j("extra_columns": {"lsst_band": {"template": "{band}", "type": "string", "length": 32, "doc": "Abstract filter (band)"}, )j"
    R"j("lsst_physical_filter": {"template": "{physical_filter}", "length": 48}, "lsst_day_obs": {"template": "{day_obs}", )j"
    R"j("type": "int"}, "lsst_run": {"template": "{run}"}, "lsst_airmass": {"template": "{records[exposure].airmass}", )j"
    R"j("type": "float"}, "embargo_release": "2025-09-01", "lsst_priority": 3}, "indices": {"day_obs_idx": "lsst_day_obs", )j"
    R"j("band_filter": ["lsst_band", "lsst_physical_filter"], "day_obs_again": ["lsst_day_obs"], "product": )j"
    R"j(["dataproduct_type", "calib_level"]}, "spatial_plugins": {"default": {"cls": )j"
    R"j("lsst.daf.butler.registry.obscore.default_spatial.DefaultSpatialObsCorePlugin"}}})j";

// One expected column: daf_butler's String(255/65535) is Text, Float is FLOAT (double precision on PostgreSQL),
// GUID is CHAR(32) on SQLite and UUID on PostgreSQL.
struct ExpectedColumn {
    std::string name;
    std::string sqlite_type;
    std::string pg_type;  // as reflected (dump-schema)
    std::string doc;      // from the configuration's extra_columns; "" when undocumented
};

// The obscore table of tests/data/obscore-embargo.yaml, in table order: ObsCore's static columns, the extra columns
// (configuration first, then each dataset type; exposure_id of the second type is a repeat and is skipped), the
// default spatial plugin's columns, and the dataset key.
const std::vector<ExpectedColumn> kEmbargoColumns = {
    {"dataproduct_type", "TEXT", "TEXT", ""},
    {"dataproduct_subtype", "TEXT", "TEXT", ""},
    {"facility_name", "TEXT", "TEXT", ""},
    {"calib_level", "SMALLINT", "SMALLINT", ""},
    {"target_name", "TEXT", "TEXT", ""},
    {"obs_id", "TEXT", "TEXT", ""},
    {"obs_collection", "TEXT", "TEXT", ""},
    {"obs_publisher_did", "TEXT", "TEXT", ""},
    {"access_url", "TEXT", "TEXT", ""},
    {"access_format", "TEXT", "TEXT", ""},
    {"s_resolution", "FLOAT", "DOUBLE PRECISION", ""},
    {"s_xel1", "INTEGER", "INTEGER", ""},
    {"s_xel2", "INTEGER", "INTEGER", ""},
    {"t_xel", "INTEGER", "INTEGER", ""},
    {"t_min", "FLOAT", "DOUBLE PRECISION", ""},
    {"t_max", "FLOAT", "DOUBLE PRECISION", ""},
    {"t_exptime", "FLOAT", "DOUBLE PRECISION", ""},
    {"t_resolution", "FLOAT", "DOUBLE PRECISION", ""},
    {"em_xel", "INTEGER", "INTEGER", ""},
    {"em_min", "FLOAT", "DOUBLE PRECISION", ""},
    {"em_max", "FLOAT", "DOUBLE PRECISION", ""},
    {"em_res_power", "FLOAT", "DOUBLE PRECISION", ""},
    {"em_filter_name", "TEXT", "TEXT", ""},
    {"o_ucd", "TEXT", "TEXT", ""},
    {"pol_xel", "INTEGER", "INTEGER", ""},
    {"instrument_name", "TEXT", "TEXT", ""},
    {"lsst_band", "VARCHAR(32)", "VARCHAR(32)", "Abstract filter (band)"},
    {"lsst_physical_filter", "TEXT", "TEXT", ""},
    {"lsst_day_obs", "BIGINT", "BIGINT", ""},
    {"lsst_run", "VARCHAR", "VARCHAR", ""},
    {"lsst_airmass", "FLOAT", "DOUBLE PRECISION", ""},
    {"embargo_release", "TEXT", "TEXT", ""},
    {"lsst_priority", "BIGINT", "BIGINT", ""},
    {"exposure_id", "BIGINT", "BIGINT", "Exposure the raw image belongs to"},
    {"seeing_guess", "FLOAT", "DOUBLE PRECISION", ""},
    {"visit_id", "BIGINT", "BIGINT", ""},
    {"is_first_look", "BOOLEAN", "BOOLEAN", ""},
    {"s_ra", "FLOAT", "DOUBLE PRECISION", ""},
    {"s_dec", "FLOAT", "DOUBLE PRECISION", ""},
    {"s_fov", "FLOAT", "DOUBLE PRECISION", ""},
    {"s_region", "TEXT", "TEXT", ""},
    {"registry_dataset_id", "CHAR(32)", "UUID", "Registry dataset ID"},
};

// What SQLite keeps for the table: SQLAlchemy's layout, no NOT NULL on the key (daf_butler declares it nullable),
// the length check of the one short string, the foreign key last.
std::string expected_sqlite_ddl() {
    std::string text = "CREATE TABLE obscore (";
    for (const auto& c : kEmbargoColumns) text += "\n\t" + c.name + " " + c.sqlite_type + ", ";
    return text +
           "\n\tPRIMARY KEY (registry_dataset_id), "
           "\n\tCONSTRAINT obscore_len_lsst_band CHECK (length(\"lsst_band\")<=32 AND length(\"lsst_band\")>=1), "
           "\n\tCONSTRAINT fkey_obscore_dataset_id_registry_dataset_id FOREIGN KEY(registry_dataset_id) REFERENCES dataset "
           "(id) ON DELETE CASCADE\n)";
}

// `dump-schema REPO obscore`: columns by name, then keys, checks and indexes (the repeated and the key-only
// indexes of the configuration are not created).
std::string expected_dump(Backend backend) {
    const bool pg = backend == Backend::postgresql;
    auto columns = kEmbargoColumns;
    std::sort(columns.begin(), columns.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::string out = "table=obscore\n";
    for (const auto& c : columns) {
        const bool not_null = pg && c.name == "registry_dataset_id";
        out += "  column=" + c.name + " type=" + (pg ? c.pg_type : c.sqlite_type) + " nullable=" +
               (not_null ? "False" : "True") + " default=None [table=obscore]\n";
    }
    out += std::string("  PK name=") + (pg ? "obscore_pkey" : "None") + " columns=(registry_dataset_id) [table=obscore]\n";
    out += "  FK name=fkey_obscore_dataset_id_registry_dataset_id (registry_dataset_id) -> dataset(id) [table=obscore]\n";
    if (!pg) {
        out += "  CHECK name=obscore_len_lsst_band sqltext=length(\"lsst_band\")<=32 AND length(\"lsst_band\")>=1 "
               "[table=obscore]\n";
    }
    const std::string unique = pg ? "False" : "0";
    out += "  INDEX name=obscore_idx_dataproduct_type_calib_level columns=(dataproduct_type,calib_level) unique=" + unique +
           " [table=obscore]\n";
    out += "  INDEX name=obscore_idx_lsst_band_lsst_physical_filter columns=(lsst_band,lsst_physical_filter) unique=" +
           unique + " [table=obscore]\n";
    out += "  INDEX name=obscore_idx_lsst_day_obs columns=(lsst_day_obs) unique=" + unique + " [table=obscore]\n";
    return out;
}


std::string fixture_for(Backend backend) {
    return backend == Backend::sqlite ? "f2025_head_default" : "f2023_u4_26.0.0_default_pg";
}


// Everything a refused step could have changed: attribute rows, alembic_version rows and the tables.
struct Snapshot {
    std::map<std::string, std::string> attributes;
    std::vector<std::string> revisions;
    std::vector<std::string> tables;
    bool operator==(const Snapshot& other) const {
        return attributes == other.attributes && revisions == other.revisions && tables == other.tables;
    }
};

template <class Repo>
Snapshot snapshot(const Repo& repo) {
    Snapshot s;
    for (const auto& row : repo.query("SELECT name, value FROM {schema}.butler_attributes")) {
        s.attributes[row.at(0).value_or("NULL")] = row.at(1).value_or("NULL");
    }
    for (const auto& row : repo.query("SELECT version_num FROM {schema}.alembic_version")) s.revisions.push_back(row.at(0).value_or(""));
    std::sort(s.revisions.begin(), s.revisions.end());
    s.tables = repo.open(butler_migrate::AccessMode::read_only)->table_names();
    return s;
}

template <class Repo>
std::optional<std::string> obscore_json(const Repo& repo) {
    auto rows = repo.query("SELECT value FROM {schema}.butler_attributes WHERE name = 'config:obscore.json'");
    if (rows.empty()) return std::nullopt;
    return rows.at(0).at(0);
}

template <class Repo>
bool has_table(const Repo& repo, const std::string& name) {
    return repo.open(butler_migrate::AccessMode::read_only)->has_table(name);
}


// The embargo configuration with `from` replaced by `to` (each must occur once).
std::string embargo_variant(const std::string& from, const std::string& to) {
    std::string text = test_support::read_file(embargo_yaml());
    auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("obscore-config 4fe28ef5030f creates daf_butler's obscore table and downgrade keeps it", "[migrations]") {
    const Backend backend = GENERATE(Backend::sqlite, Backend::postgresql);
    INFO(test_support::backend_name(backend));
    FixtureCopy fixture(fixture_for(backend), "obscore_" + std::to_string(getpid()));
    prepare(fixture.repo());

    auto up = upgrade_obscore_config(fixture.repo(), embargo_yaml());
    INFO(up.err);
    REQUIRE(up.exit_status == 0);
    CHECK(up.out == kUpgradeNotice);
    CHECK(obscore_json(fixture) == std::optional<std::string>(kEmbargoJson));

    auto dump = run({"dump-schema", fixture.repo(), "obscore"});
    REQUIRE(dump.exit_status == 0);
    CHECK(dump.out == expected_dump(backend));
    if (backend == Backend::sqlite) {
        CHECK(fixture.query("SELECT sql FROM sqlite_master WHERE name = 'obscore'").at(0).at(0) ==
              std::optional<std::string>(expected_sqlite_ddl()));
        std::vector<std::string> index_sql;
        for (const auto& row : fixture.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'obscore' "
                                             "AND sql IS NOT NULL ORDER BY name")) {
            index_sql.push_back(row.at(0).value_or(""));
        }
        CHECK(index_sql == std::vector<std::string>{
                               "CREATE INDEX obscore_idx_dataproduct_type_calib_level ON obscore (dataproduct_type, calib_level)",
                               "CREATE INDEX obscore_idx_lsst_band_lsst_physical_filter ON obscore (lsst_band, lsst_physical_filter)",
                               "CREATE INDEX obscore_idx_lsst_day_obs ON obscore (lsst_day_obs)"});
    } else {
        std::vector<std::pair<std::string, std::string>> expected;
        for (const auto& c : kEmbargoColumns) expected.emplace_back(c.name, c.doc);
        CHECK(pg_column_comments(fixture, "obscore") == expected);
        CHECK(fixture.query("SELECT delete_rule FROM information_schema.referential_constraints WHERE constraint_schema = "
                            "'fixture' AND constraint_name = 'fkey_obscore_dataset_id_registry_dataset_id'")
                  .at(0)
                  .at(0) == std::optional<std::string>("CASCADE"));
    }

    auto current = run({"show-current", fixture.repo()});
    const std::string head = test_support::head_marker("4fe28ef5030f");
    CHECK(contains(current.out, "4fe28ef5030f" + head + "\n"));
    auto butler = run({"show-current", "--butler", fixture.repo()});
    CHECK(contains(butler.out, "obscore-config: embargo 1 -> 4fe28ef5030f" + head + "\n"));

    auto down = run({"downgrade", fixture.repo(), "2daeabfb5019"});
    INFO(down.err);
    REQUIRE(down.exit_status == 0);
    CHECK(down.out == kDowngradeNotice);
    CHECK_FALSE(obscore_json(fixture).has_value());
    CHECK(has_table(fixture, "obscore"));
    auto after = run({"show-current", fixture.repo()});
    CHECK(contains(after.out, "2daeabfb5019\n"));
    CHECK_FALSE(contains(after.out, "4fe28ef5030f"));
    CHECK_FALSE(contains(run({"show-current", "--butler", fixture.repo()}).out, "obscore-config"));

    // The kept table stops a second upgrade, which then changes nothing.
    const Snapshot before = snapshot(fixture);
    auto again = upgrade_obscore_config(fixture.repo(), embargo_yaml());
    CHECK(again.exit_status != 0);
    CHECK(again.out.empty());
    CHECK(ends_with(again.err, ": Cannot create the obscore table: table obscore already exists (drop it first)\n"));
    CHECK(snapshot(fixture) == before);
}

TEST_CASE("obscore-config 4fe28ef5030f refusals leave the registry unchanged", "[migrations]") {
    const Backend backend = GENERATE(Backend::sqlite, Backend::postgresql);
    INFO(test_support::backend_name(backend));
    FixtureCopy fixture(fixture_for(backend), "obscore_" + std::to_string(getpid()));
    prepare(fixture.repo());
    std::vector<std::string> args;
    std::string message;

    SECTION("no obscore_config option") {
        args = {"upgrade", fixture.repo(), "4fe28ef5030f"};
        message = "This migration script requires an obscore configuration file in YAML format. Please use "
                  "`--options obscore_config=/path/to/butler.yaml` command line option.";
    }
    SECTION("a file that does not exist") {
        args = options_for(fixture.dir().file("missing.yaml"));
        message = "Cannot read obscore configuration file " + fixture.dir().file("missing.yaml") + ": No such file or directory";
    }
    SECTION("no namespace") {
        args = options_for(write_yaml(fixture.dir(), "c.yaml", embargo_variant("namespace: embargo\n", "")));
        message = "Namespace is not defined in configuration file";
    }
    SECTION("another namespace") {
        args = options_for(write_yaml(fixture.dir(), "c.yaml", embargo_variant("namespace: embargo", "namespace: daf_butler_obscore")));
        message = "Namespace defined in configuration file (daf_butler_obscore) does not match expected namespace embargo";
    }
    SECTION("no version") {
        args = options_for(write_yaml(fixture.dir(), "c.yaml", embargo_variant("version: 1\n", "")));
        message = "Version is not defined in configuration file";
    }
    SECTION("another version") {
        args = options_for(write_yaml(fixture.dir(), "c.yaml", embargo_variant("version: 1", "version: 2")));
        message = "Version defined in configuration file (2) does not match expected version 1";
    }
    SECTION("a configuration daf_butler would reject") {
        args = options_for(write_yaml(fixture.dir(), "c.yaml", embargo_variant("facility_name: Rubin-Observatory\n", "")));
        message = "Invalid obscore configuration: facility_name: field required";
    }
    SECTION("the pgsphere spatial plugin") {
        args = options_for(write_yaml(fixture.dir(), "c.yaml",
                                      embargo_variant("obscore.default_spatial.DefaultSpatialObsCorePlugin",
                                                      "obscore.pgsphere.PgSphereObsCorePlugin")));
        message = "Spatial plugin 'default' (lsst.daf.butler.registry.obscore.pgsphere.PgSphereObsCorePlugin) is not "
                  "supported by butler-migrate: only lsst.daf.butler.registry.obscore.default_spatial."
                  "DefaultSpatialObsCorePlugin is; create this obscore table with the Python daf_butler_migrate instead";
    }
    if (args.front() != "upgrade") {
        args.insert(args.begin(), "upgrade");
        args.push_back(fixture.repo());
        args.push_back("4fe28ef5030f");
    }
    const Snapshot before = snapshot(fixture);
    auto r = run(args);
    INFO(r.err);
    CHECK(r.exit_status != 0);
    CHECK(r.out.empty());
    CHECK(ends_with(r.err, ": " + message + "\n"));
    CHECK(snapshot(fixture) == before);
    CHECK_FALSE(has_table(fixture, "obscore"));
}

TEST_CASE("obscore-config 4fe28ef5030f needs the obscore manager in butler_attributes", "[migrations]") {
    const Backend backend = GENERATE(Backend::sqlite, Backend::postgresql);
    INFO(test_support::backend_name(backend));
    FixtureCopy fixture(fixture_for(backend), "obscore_" + std::to_string(getpid()));
    prepare(fixture.repo(), false);
    const Snapshot before = snapshot(fixture);
    auto r = upgrade_obscore_config(fixture.repo(), embargo_yaml());
    CHECK(r.exit_status != 0);
    CHECK(r.out.empty());
    CHECK(ends_with(r.err, ": Registry obscore manager has to be configured in butler_attributes\n"));
    CHECK(snapshot(fixture) == before);
}

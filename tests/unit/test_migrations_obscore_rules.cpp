// obscore-config 4fe28ef5030f on small registries, SQLite and PostgreSQL: the obscore table follows daf_butler's
// rules for column types, column places, quoting, checks, index and constraint names (expectations written from
// those rules, the SQLite text as SQLAlchemy writes it); the key checks no command can reach, on the step itself.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/util/errors.hpp"
#include "backend_generator.hpp"
#include "catalogue_facts.hpp"
#include "obscore_test_support.hpp"
#include "step_harness.hpp"
#include "test_registry.hpp"

using namespace obscore_test;
using test_support::Backend;
using test_support::TestRegistry;

namespace {

// Naming rules of daf_butler's tables: repeats of static columns skipped, columns later redefined (by the spatial
// plugin, by the dataset key) keep their place, String(0) is Text, short strings get SQLite checks, a reserved word
// is quoted, an index on the key alone is not made, a foreign key name over 63 characters is shrunk on PostgreSQL.
const std::string kEdgeYaml = R"(namespace: embargo
version: 1
table_name: embargo_obscore_live_table_v1
collection_type: TAGGED
collections: [embargo/tagged]
facility_name: Rubin
dataset_types:
  raw:
    dataproduct_type: image
    calib_level: 1
    extra_columns:
      obs_id: {template: "{exposure}"}
      lsst_tag: {template: "{tag}", type: string, length: 0}
extra_columns:
  s_ra: {template: "{ra}", type: string, length: 8}
  registry_dataset_id: 5
  instrument_code: {template: "{instrument}", type: string, length: 8, doc: "Instrument's short code"}
  lsst_flag: {template: "{flag}", type: bool}
  group: {template: "{group}", type: string, length: 4}
indices:
  by_key: registry_dataset_id
  by_group: [group]
  by_code_and_flag: [instrument_code, lsst_flag]
)";

const char* const kEdgeStaticColumns =
    "\n\tdataproduct_type TEXT, \n\tdataproduct_subtype TEXT, \n\tfacility_name TEXT, \n\tcalib_level SMALLINT, "
    "\n\ttarget_name TEXT, \n\tobs_id TEXT, \n\tobs_collection TEXT, \n\tobs_publisher_did TEXT, \n\taccess_url TEXT, "
    "\n\taccess_format TEXT, \n\ts_resolution FLOAT, \n\ts_xel1 INTEGER, \n\ts_xel2 INTEGER, \n\tt_xel INTEGER, "
    "\n\tt_min FLOAT, \n\tt_max FLOAT, \n\tt_exptime FLOAT, \n\tt_resolution FLOAT, \n\tem_xel INTEGER, "
    "\n\tem_min FLOAT, \n\tem_max FLOAT, \n\tem_res_power FLOAT, \n\tem_filter_name TEXT, \n\to_ucd TEXT, "
    "\n\tpol_xel INTEGER, \n\tinstrument_name TEXT, ";

// The dataset table of the UUID datasets manager (without its own foreign keys).
void create_dataset_table(const TestRegistry& registry) {
    if (registry.backend() == Backend::sqlite) {
        registry.execute("CREATE TABLE dataset (\n\tid CHAR(32) NOT NULL, \n\tdataset_type_id BIGINT NOT NULL, \n\t"
                         "run_id BIGINT NOT NULL, \n\tPRIMARY KEY (id)\n)");
    } else {
        registry.execute("CREATE TABLE {schema}.dataset (id uuid PRIMARY KEY, dataset_type_id bigint NOT NULL, "
                         "run_id bigint NOT NULL)");
    }
}

}  // namespace

TEST_CASE("obscore-config 4fe28ef5030f follows daf_butler's rules for names, types and column places", "[migrations]") {
    const Backend backend = test_support::any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    create_dataset_table(registry);
    prepare(registry.repo());
    auto up = upgrade_obscore_config(registry.repo(), write_yaml(registry.dir(), "edge.yaml", kEdgeYaml));
    INFO(up.err);
    REQUIRE(up.exit_status == 0);
    CHECK(up.out == kUpgradeNotice);
    const std::string table = "embargo_obscore_live_table_v1";

    if (backend == Backend::sqlite) {
        CHECK(registry.query("SELECT sql FROM sqlite_master WHERE name = '" + table + "'").at(0).at(0) ==
              std::optional<std::string>(
                  "CREATE TABLE embargo_obscore_live_table_v1 (" + std::string(kEdgeStaticColumns) +
                  "\n\ts_ra FLOAT, \n\tregistry_dataset_id CHAR(32), \n\tinstrument_code VARCHAR(8), \n\tlsst_flag BOOLEAN, "
                  "\n\t\"group\" VARCHAR(4), \n\tlsst_tag TEXT, \n\ts_dec FLOAT, \n\ts_fov FLOAT, \n\ts_region TEXT, "
                  "\n\tPRIMARY KEY (registry_dataset_id), "
                  "\n\tCONSTRAINT embargo_obscore_live_table_v1_len_instrument_code CHECK (length(\"instrument_code\")<=8 "
                  "AND length(\"instrument_code\")>=1), "
                  "\n\tCONSTRAINT embargo_obscore_live_table_v1_len_group CHECK (length(\"group\")<=4 AND "
                  "length(\"group\")>=1), "
                  "\n\tCONSTRAINT fkey_embargo_obscore_live_table_v1_dataset_id_registry_dataset_id FOREIGN "
                  "KEY(registry_dataset_id) REFERENCES dataset (id) ON DELETE CASCADE\n)"));
        std::vector<std::string> index_sql;
        for (const auto& row : registry.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                              "AND tbl_name = '" + table + "' ORDER BY name")) {
            index_sql.push_back(row.at(0).value_or(""));
        }
        CHECK(index_sql ==
              std::vector<std::string>{
                  "CREATE INDEX embargo_obscore_live_table_v1_idx_group ON embargo_obscore_live_table_v1 (\"group\")",
                  "CREATE INDEX embargo_obscore_live_table_v1_idx_instrument_code_lsst_flag ON "
                  "embargo_obscore_live_table_v1 (instrument_code, lsst_flag)"});
    } else {
        std::vector<std::string> tail;
        std::map<std::string, std::string> comments;
        for (const auto& [name, comment] : pg_column_comments(registry, table)) {
            comments[name] = comment;
            tail.push_back(name);
        }
        tail.erase(tail.begin(), tail.begin() + 26);
        CHECK(tail == std::vector<std::string>{"s_ra", "registry_dataset_id", "instrument_code", "lsst_flag", "group",
                                               "lsst_tag", "s_dec", "s_fov", "s_region"});
        CHECK(comments["instrument_code"] == "Instrument's short code");
        CHECK(comments["s_ra"].empty());  // built-in columns carry no comment (daf_butler's texts are not copied)
        CHECK(comments["lsst_tag"].empty());
        auto types = registry.query("SELECT column_name, data_type, character_maximum_length, is_nullable FROM "
                                    "information_schema.columns WHERE table_schema = 'test_ns' AND table_name = '" + table +
                                    "' AND column_name IN ('s_ra', 'registry_dataset_id', 'group', 'lsst_tag') ORDER BY column_name");
        using Row = butler_migrate::SqlRow;
        CHECK(types == std::vector<Row>{Row{"group", "character varying", "4", "YES"},
                                        Row{"lsst_tag", "text", std::nullopt, "YES"},
                                        Row{"registry_dataset_id", "uuid", std::nullopt, "NO"},
                                        Row{"s_ra", "double precision", std::nullopt, "YES"}});
        auto fk = registry.query("SELECT constraint_name, delete_rule FROM information_schema.referential_constraints "
                                 "WHERE constraint_schema = 'test_ns'");
        CHECK(fk == std::vector<Row>{Row{"fkey_embargo_obscore_live_table_v1_dataset_id_registry_2576218f", "CASCADE"}});
        auto indexes = registry.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'test_ns' AND tablename = '" +
                                      table + "' ORDER BY indexname");
        CHECK(indexes == std::vector<Row>{Row{"embargo_obscore_live_table_v1_idx_group"},
                                          Row{"embargo_obscore_live_table_v1_idx_instrument_code_lsst_flag"},
                                          Row{"embargo_obscore_live_table_v1_pkey"}});
    }
}

namespace {

std::map<std::string, std::string> attribute_rows(const TestRegistry& registry) {
    std::map<std::string, std::string> out;
    for (const auto& row : registry.query("SELECT name, value FROM {schema}.butler_attributes")) {
        out[row.at(0).value_or("NULL")] = row.at(1).value_or("NULL");
    }
    return out;
}

}  // namespace

// A stored configuration belongs to a revision of the obscore-config tree, so the commands' revision checks stop
// before the step could see one on upgrade or miss it on downgrade: the step is called directly.
TEST_CASE("obscore-config 4fe28ef5030f checks config:obscore.json before changing anything", "[migrations]") {
    const Backend backend = test_support::any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    auto attributes = TestRegistry::typical_attributes();
    attributes.emplace_back("config:registry.managers.obscore",
                            "lsst.daf.butler.registry.obscore._manager.ObsCoreLiveTableManager");
    registry.create_attributes(attributes);
    create_dataset_table(registry);
    auto db = registry.open();
    std::ostringstream notices;
    butler_migrate::MigrationOptions options = butler_migrate::MigrationOptions::parse({"obscore_config=" + embargo_yaml()});

    SECTION("upgrade refuses a configuration already stored") {
        registry.execute("INSERT INTO {schema}.butler_attributes (name, value) VALUES ('config:obscore.json', 'stored')");
        const auto before = attribute_rows(registry);
        CHECK_THROWS_WITH(test_support::run_step(*db, test_support::catalogue_revision("4fe28ef5030f"),
                                                 butler_migrate::StepDirection::upgrade, options, notices),
                          "Key 'config:obscore.json' is already defined in butler_attributes.");
        CHECK(attribute_rows(registry) == before);
        CHECK_FALSE(db->has_table("obscore"));
    }
    SECTION("downgrade refuses when no configuration is stored") {
        const auto before = attribute_rows(registry);
        CHECK_THROWS_WITH(test_support::run_step(*db, test_support::catalogue_revision("4fe28ef5030f"),
                                                 butler_migrate::StepDirection::downgrade, options, notices),
                          "Key 'config:obscore.json' is not defined in butler_attributes.");
        CHECK(attribute_rows(registry) == before);
    }
    CHECK(notices.str().empty());
}

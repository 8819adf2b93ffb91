// The demo repository (examples/): the script builds it, it holds the registry its README describes, it dumps stably.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "catalogue_facts.hpp"
#include "test_support.hpp"
#include "tool_environment.hpp"

using test_support::CommandResult;
using test_support::TempDir;

namespace {

const std::string kReg = "lsst.daf.butler.registry.";
const std::string kDatasetsClass = kReg + "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID";

CommandResult make_demo(const std::string& dest, bool force = false) {
    std::vector<std::string> argv = {"bash", test_support::source_path("examples/make-demo-repo.sh")};
    if (force) argv.push_back("--force");
    argv.push_back(dest);
    return test_support::run_program(argv);
}

// A freshly built demo repository in its own temporary folder.
struct DemoRepo {
    TempDir dir;
    std::string database = dir.file("gen3.sqlite3");
    DemoRepo() {
        auto result = make_demo(dir.path());
        INFO(result.err);
        REQUIRE(result.exit_status == 0);
    }
};

std::vector<std::string> strings(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement query(db, sql);
    std::vector<std::string> out;
    while (query.executeStep()) out.push_back(query.getColumn(0).getString());
    return out;
}

long long scalar(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement query(db, sql);
    REQUIRE(query.executeStep());
    return query.getColumn(0).getInt64();
}

std::string attribute(SQLite::Database& db, const std::string& name) {
    SQLite::Statement query(db, "SELECT value FROM butler_attributes WHERE name = ?");
    query.bind(1, name);
    REQUIRE(query.executeStep());
    return query.getColumn(0).getString();
}

// PRAGMA table_info of one table: column name → (declared type, notnull, default, pk position).
struct ColumnInfo {
    std::string type;
    bool not_null = false;
    std::string default_value;
    int pk_position = 0;
};
std::map<std::string, ColumnInfo> columns(SQLite::Database& db, const std::string& table) {
    SQLite::Statement query(db, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)");
    query.bind(1, table);
    std::map<std::string, ColumnInfo> out;
    while (query.executeStep()) {
        out[query.getColumn(0).getString()] = {query.getColumn(1).getString(), query.getColumn(2).getInt() != 0,
                                               query.getColumn(3).getString(), query.getColumn(4).getInt()};
    }
    return out;
}

std::vector<std::string> index_columns(SQLite::Database& db, const std::string& index) {
    return strings(db, "SELECT name FROM pragma_index_info('" + index + "') ORDER BY seqno");
}

std::string dump(const std::string& database) {
    auto result = test_support::run_program({"sqlite3", database, ".dump"});
    REQUIRE(result.exit_status == 0);
    return result.out;
}

}  // namespace

TEST_CASE("the demo registry has the tables of its six managers and no alembic_version", "[demo]") {
    DemoRepo demo;
    CHECK(std::filesystem::is_regular_file(demo.dir.file("butler.yaml")));
    SQLite::Database db(demo.database, SQLite::OPEN_READONLY);
    auto tables = strings(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    std::vector<std::string> expected = {
        "butler_attributes", "collection", "collection_chain", "collection_summary_dataset_type",
        "collection_summary_instrument", "collection_summary_skymap", "dataset", "dataset_location",
        "dataset_location_trash", "dataset_tags_00000001", "dataset_tags_00000002", "dataset_type", "day_obs",
        "detector", "dimension_graph_definition", "dimension_graph_key", "exposure", "file_datastore_records",
        "group", "instrument", "opaque_meta", "patch", "patch_skypix_overlap", "physical_filter", "run", "skymap",
        "tract", "tract_skypix_overlap", "visit", "visit_definition", "visit_detector_region_skypix_overlap",
        "visit_skypix_overlap", "visit_system", "visit_system_membership"};
    CHECK(tables == expected);
    CHECK(scalar(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("the demo registry records old manager versions with their schema digests", "[demo]") {
    DemoRepo demo;
    SQLite::Database db(demo.database, SQLite::OPEN_READONLY);
    const std::map<std::string, std::pair<std::string, std::string>> managers = {
        {"attributes", {kReg + "attributes.DefaultButlerAttributeManager", "1.0.0"}},
        {"dimensions", {kReg + "dimensions.static.StaticDimensionRecordStorageManager", "6.0.1"}},
        {"collections", {kReg + "collections.synthIntKey.SynthIntKeyCollectionManager", "2.0.0"}},
        {"datasets", {kDatasetsClass, "1.0.0"}},
        {"datastores", {kReg + "bridge.monolithic.MonolithicDatastoreRegistryBridgeManager", "0.2.0"}},
        {"opaque", {kReg + "opaque.ByNameOpaqueTableStorageManager", "0.2.0"}},
    };
    const std::regex md5_hex("[0-9a-f]{32}");
    for (const auto& [type, klass_version] : managers) {
        INFO(type);
        CHECK(attribute(db, "config:registry.managers." + type) == klass_version.first);
        CHECK(attribute(db, "version:" + klass_version.first) == klass_version.second);
        CHECK(std::regex_match(attribute(db, "schema_digest:" + klass_version.first), md5_hex));
    }
    CHECK(scalar(db, "SELECT count(*) FROM butler_attributes") == 6 * 3 + 1);
    // The first rows name the managers in the order stamp --dry-run lists them.
    auto first_rows = strings(db, "SELECT name FROM butler_attributes ORDER BY rowid LIMIT 6");
    CHECK(first_rows.front() == "config:registry.managers.attributes");
    CHECK(first_rows.back() == "config:registry.managers.datastores");
}

TEST_CASE("the demo dimensions.json is a one-line universe 8 in json.dumps style", "[demo]") {
    DemoRepo demo;
    SQLite::Database db(demo.database, SQLite::OPEN_READONLY);
    std::string text = attribute(db, "config:dimensions.json");
    CHECK(text.rfind(R"({"version": 8, "namespace": "daf_butler", "skypix": {)", 0) == 0);
    CHECK(text.find('\n') == std::string::npos);
    // No string in this document contains ',' or ':', so every one is a separator: ", " and ": ".
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == ',' || text[i] == ':') CHECK(text[i + 1] == ' ');
    }
    auto json = nlohmann::ordered_json::parse(text);
    std::vector<std::string> top_keys, element_names;
    for (const auto& item : json.items()) top_keys.push_back(item.key());
    CHECK(top_keys == std::vector<std::string>{"version", "namespace", "skypix", "elements", "topology", "packers"});
    for (const auto& item : json["elements"].items()) element_names.push_back(item.key());
    CHECK(element_names == std::vector<std::string>{"instrument", "physical_filter", "day_obs", "group", "exposure",
                                                    "visit", "visit_system", "visit_definition",
                                                    "visit_system_membership", "skymap", "tract", "patch",
                                                    "detector"});
    for (const auto& item : json["elements"].items()) {
        INFO(item.key());
        for (const char* key : {"keys", "requires", "implies", "metadata"}) CHECK(item.value()[key].is_array());
    }
    using Names = std::vector<std::string>;
    CHECK(json["elements"]["exposure"]["implies"].get<Names>() == Names{"physical_filter", "group", "day_obs"});
    CHECK(json["elements"]["visit"]["implies"].get<Names>() == Names{"physical_filter", "day_obs"});
    CHECK(json["skypix"].contains("htm"));
    CHECK(json["skypix"].contains("healpix"));
}

TEST_CASE("the demo registry holds DemoCam observations, collections and datasets", "[demo]") {
    DemoRepo demo;
    SQLite::Database db(demo.database, SQLite::OPEN_READONLY);
    const std::map<std::string, long long> row_counts = {
        {"instrument", 1}, {"detector", 3}, {"physical_filter", 2}, {"day_obs", 2}, {"\"group\"", 2},
        {"exposure", 4}, {"visit", 2}, {"visit_definition", 4}, {"visit_system_membership", 2}, {"skymap", 1},
        {"tract", 1}, {"patch", 4}, {"collection", 4}, {"run", 2}, {"collection_chain", 2}, {"dataset_type", 2},
        {"dataset", 12}, {"dataset_location", 11}, {"dataset_location_trash", 1}, {"file_datastore_records", 12}};
    for (const auto& [table, count] : row_counts) {
        INFO(table);
        CHECK(scalar(db, "SELECT count(*) FROM " + table) == count);
    }
    CHECK(strings(db, "SELECT name FROM instrument") == std::vector<std::string>{"DemoCam"});
    // collection.type: 1 RUN, 2 TAGGED, 3 CHAINED.
    CHECK(strings(db, "SELECT type FROM collection ORDER BY type") == std::vector<std::string>{"1", "1", "2", "3"});
    CHECK(strings(db, "SELECT child.name FROM collection_chain "
                      "JOIN collection AS parent ON parent.collection_id = collection_chain.parent "
                      "JOIN collection AS child ON child.collection_id = collection_chain.child "
                      "WHERE parent.type = 3 ORDER BY position") ==
          std::vector<std::string>{"DemoCam/runs/calexp-20240306", "DemoCam/raw/all"});
    CHECK(strings(db, "SELECT name || ':' || tag_association_table FROM dataset_type ORDER BY id") ==
          std::vector<std::string>{"raw:dataset_tags_00000001", "calexp:dataset_tags_00000002"});
    CHECK(strings(db, "SELECT table_name FROM opaque_meta") == std::vector<std::string>{"file_datastore_records"});
    CHECK(scalar(db, "SELECT count(*) FROM dataset_tags_00000002 JOIN collection USING (collection_id) "
                     "WHERE collection.type = 2") == 2);
}

TEST_CASE("demo dataset ids, ingest dates and datastore locations are in the 1.0.0 / 0.2.0 formats", "[demo]") {
    DemoRepo demo;
    SQLite::Database db(demo.database, SQLite::OPEN_READONLY);
    const std::regex uuid_hex("[0-9a-f]{32}");
    const std::regex timestamp(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6})");
    for (const auto& id : strings(db, "SELECT id FROM dataset")) CHECK(std::regex_match(id, uuid_hex));
    for (const auto& date : strings(db, "SELECT ingest_date FROM dataset")) CHECK(std::regex_match(date, timestamp));
    auto dataset = columns(db, "dataset");
    CHECK(dataset["id"].type == "CHAR(32)");
    CHECK(dataset["ingest_date"].type == "TIMESTAMP");
    CHECK(dataset["ingest_date"].not_null);
    CHECK(dataset["ingest_date"].default_value == "CURRENT_TIMESTAMP");
    // Every dataset is either stored or waiting in the trash, never both.
    CHECK(scalar(db, "SELECT count(*) FROM dataset WHERE (id IN (SELECT dataset_id FROM dataset_location)) = "
                     "(id IN (SELECT dataset_id FROM dataset_location_trash))") == 0);
    auto trash = columns(db, "dataset_location_trash");
    CHECK(trash["datastore_name"].pk_position == 1);
    CHECK(trash["dataset_id"].pk_position == 2);
}

TEST_CASE("the demo dimension tables are at dimensions 6.0.1", "[demo]") {
    DemoRepo demo;
    SQLite::Database db(demo.database, SQLite::OPEN_READONLY);
    // The four skypix-overlap indexes that 6.0.1 added (REFERENCE §5.4).
    const std::string prefix = "_idx_skypix_system_skypix_level_skypix_index_";
    using Names = std::vector<std::string>;
    const Names skypix = {"skypix_system", "skypix_level", "skypix_index"};
    auto with = [&](const Names& extra) {
        Names all = skypix;
        all.insert(all.end(), extra.begin(), extra.end());
        return all;
    };
    CHECK(index_columns(db, "patch_skypix_overlap" + prefix + "skymap_tract_patch") ==
          with({"skymap", "tract", "patch"}));
    CHECK(index_columns(db, "tract_skypix_overlap" + prefix + "skymap_tract") == with({"skymap", "tract"}));
    CHECK(index_columns(db, "visit_skypix_overlap" + prefix + "instrument_visit") == with({"instrument", "visit"}));
    CHECK(index_columns(db, "visit_detector_region_skypix_overlap" + prefix + "instrument_detector_visit") ==
          with({"instrument", "detector", "visit"}));
    // Implied-dimension columns are still nullable (6.0.2 makes them NOT NULL), yet hold no NULLs.
    auto exposure = columns(db, "exposure");
    auto visit = columns(db, "visit");
    for (const char* column : {"physical_filter", "group", "day_obs"}) CHECK_FALSE(exposure[column].not_null);
    for (const char* column : {"physical_filter", "day_obs"}) CHECK_FALSE(visit[column].not_null);
    CHECK(scalar(db, "SELECT count(*) FROM exposure WHERE physical_filter IS NULL OR \"group\" IS NULL OR "
                     "day_obs IS NULL") == 0);
    CHECK(scalar(db, "SELECT count(*) FROM visit WHERE physical_filter IS NULL OR day_obs IS NULL") == 0);
}

TEST_CASE("demo tables follow daf_butler's naming conventions", "[demo]") {
    DemoRepo demo;
    SQLite::Database db(demo.database, SQLite::OPEN_READONLY);
    const std::regex varchar(R"(VARCHAR\((\d+)\))");
    for (const auto& table : strings(db, "SELECT name FROM sqlite_master WHERE type = 'table'")) {
        auto sql = strings(db, "SELECT sql FROM sqlite_master WHERE name = '" + table + "'").at(0);
        for (const auto& [column, info] : columns(db, table)) {
            std::smatch match;
            if (!std::regex_match(info.type, match, varchar) || std::stoi(match[1]) > 32) continue;
            INFO(table << "." << column);
            CHECK(sql.find("CONSTRAINT " + table + "_len_" + column + " CHECK (length(\"" + column + "\")<=" +
                           match[1].str() + " AND length(\"" + column + "\")>=1)") != std::string::npos);
        }
    }
    // Explicit indexes are <table>_fkidx_<cols> (one per foreign key) or <table>_idx_<cols>.
    for (const auto& row : strings(db, "SELECT tbl_name || ' ' || name FROM sqlite_master WHERE type = 'index' "
                                       "AND name NOT LIKE 'sqlite_autoindex_%'")) {
        auto space = row.find(' ');
        std::string table = row.substr(0, space);
        std::string name = row.substr(space + 1);
        INFO(row);
        CHECK((name.rfind(table + "_fkidx_", 0) == 0 || name.rfind(table + "_idx_", 0) == 0));
    }
}

TEST_CASE("make-demo-repo.sh refuses to replace a registry unless --force is given", "[demo]") {
    DemoRepo demo;
    {
        SQLite::Database db(demo.database, SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO butler_attributes VALUES ('demo:marker', 'kept')");
    }
    auto refused = make_demo(demo.dir.path());
    CHECK(refused.exit_status != 0);
    CHECK(refused.err.find("--force") != std::string::npos);
    {
        SQLite::Database db(demo.database, SQLite::OPEN_READONLY);
        CHECK(scalar(db, "SELECT count(*) FROM butler_attributes WHERE name = 'demo:marker'") == 1);
    }
    auto forced = make_demo(demo.dir.path(), true);
    INFO(forced.err);
    REQUIRE(forced.exit_status == 0);
    SQLite::Database db(demo.database, SQLite::OPEN_READONLY);
    CHECK(scalar(db, "SELECT count(*) FROM butler_attributes WHERE name = 'demo:marker'") == 0);
    CHECK(scalar(db, "SELECT count(*) FROM dataset") == 12);
    CHECK(make_demo("").exit_status == 2);
}

TEST_CASE("sqlite3 .dump of the demo registry is the same for every build and survives a reload", "[demo]") {
    DemoRepo first;
    DemoRepo second;
    std::string text = dump(first.database);
    CHECK(text.find("CREATE TABLE butler_attributes") != std::string::npos);
    CHECK(text.find("INSERT INTO dataset_location_trash VALUES") != std::string::npos);
    CHECK(dump(second.database) == text);
    CHECK(dump(first.database) == text);
    // Loading the dump into an empty database gives back the same dump.
    TempDir reload;
    test_support::write_file(reload.file("dump.sql"), text);
    std::string copy = reload.file("copy.sqlite3");
    auto loaded = test_support::run_program({"sqlite3", "-bail", copy, ".read " + reload.file("dump.sql")});
    INFO(loaded.err);
    REQUIRE(loaded.exit_status == 0);
    CHECK(dump(copy) == text);
}

TEST_CASE("butler-migrate reads the demo registry's manager versions", "[demo]") {
    DemoRepo demo;
    // Revision ids computed from REFERENCE §1.2 / §2 (class, version) for each manager.
    auto current = test_support::run_isolated({"show-current", "--butler", demo.dir.path()});
    INFO(current.err);
    CHECK(current.exit_status == 0);
    CHECK(current.out ==
          "attributes: " + kReg + "attributes.DefaultButlerAttributeManager 1.0.0 -> f22a777cf382\n"
          "collections: " + kReg + "collections.synthIntKey.SynthIntKeyCollectionManager 2.0.0 -> 8c57494cabcc" +
              test_support::head_marker("8c57494cabcc") + "\n"
          "datasets: " + kDatasetsClass + " 1.0.0 -> 2101fbf51ad3\n"
          "datastores: " + kReg + "bridge.monolithic.MonolithicDatastoreRegistryBridgeManager 0.2.0 -> a07b3b60e369\n"
          "dimensions: " + kReg + "dimensions.static.StaticDimensionRecordStorageManager 6.0.1 -> 1601d5973bf8\n"
          "dimensions-config: daf_butler 8 -> aa7a2f893cba" + test_support::head_marker("aa7a2f893cba") + "\n"
          "opaque: " + kReg + "opaque.ByNameOpaqueTableStorageManager 0.2.0 -> 77e5b803ad3f" +
              test_support::head_marker("77e5b803ad3f") + "\n");
    auto stamp = test_support::run_isolated({"stamp", "--dry-run", demo.dir.path()});
    CHECK(stamp.exit_status == 0);
    CHECK(stamp.out ==
          "Will store these revisions in alembic version table:\n"
          "  attributes: f22a777cf382\n  dimensions: 1601d5973bf8\n  collections: 8c57494cabcc\n"
          "  datasets: 2101fbf51ad3\n  opaque: 77e5b803ad3f\n  datastores: a07b3b60e369\n"
          "  dimensions-config: aa7a2f893cba\n");
}

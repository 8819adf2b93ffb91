// dump-schema --json (upstream 2026, lsst-dm/daf_butler_migrate c70930da): exact documents for hand-checked tables
// of real fixtures, every fixture's document against its recorded text dump, the JSON Schema, and the error paths,
// on SQLite and PostgreSQL.
//
// Upstream's rules, all from python/lsst/daf/butler_migrate/database.py @c70930dae815 (Database.dump_schema):
// - the document is one object keyed by table name, tables in sorted order (`sorted(get_table_names())`), only the
//   named ones when TABLE arguments are given (`if tables and table not in tables: continue`);
// - per table, keys in this order: "columns" (always, sorted by name; {name, type: str(col["type"]), nullable,
//   default}), "primary_key" ({name, columns}; the Inspector always returns one, so always present), then
//   "unique_constraints" ({name, columns}), "foreign_keys" ({name, columns, referred_table, referred_columns}),
//   "check_constraints" ({name, sqltext}) and "indices" ({name, columns, unique}), each added by setdefault() on
//   its first entry, so absent when empty, each sorted by name;
// - written by `json.dump(json_tables, file or sys.stdout, indent=2)`: ensure_ascii escapes, "," and ": "
//   separators, no newline at the end;
// - make_pk_name (default False, not on the CLI) turns an unnamed primary key into "<table>_pkey".
// The option is declared in cli/cmd/commands.py @c70930da: click.option("--json", help="Produce JSON output.").
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "butler_migrate/db/schema_dump.hpp"
#include "backend_generator.hpp"
#include "fixture_copy.hpp"
#include "json_schema_check.hpp"
#include "test_registry.hpp"

using test_support::Backend;
using test_support::CommandResult;
using test_support::FixtureCopy;
using test_support::TestRegistry;
using Json = nlohmann::ordered_json;  // key order matters: upstream's dicts keep insertion order

namespace {

// What Python's own json.dump(value, sys.stdout, indent=2) writes for the JSON text `compact` (json.loads keeps
// the key order): the independent reference for the exact bytes.
std::string python_json_dump_indent2(const std::string& compact) {
    test_support::TempDir dir;
    test_support::write_file(dir.file("value.json"), compact);
    const auto result = test_support::run_program(
        {"/usr/bin/python3", "-c", "import json, sys; json.dump(json.load(open(sys.argv[1])), sys.stdout, indent=2)",
         dir.file("value.json")});
    REQUIRE(result.exit_status == 0);
    return result.out;
}

// Runs dump-schema with --json and checks a clean success.
std::string json_dump(const FixtureCopy& copy, std::vector<std::string> args) {
    args.insert(args.begin(), {"dump-schema", "--json", "{REPO}"});
    const CommandResult result = copy.run(args);
    INFO(result.err);
    CHECK(result.exit_status == 0);
    CHECK(result.err.empty());
    return result.out;
}

// Hand-written from the fixture's CREATE TABLE statements (sqlite3 .schema of gen3.sqlite3) and its recorded text
// dump golden/05_dump-schema_initial.txt: SQLite names no primary key (null), reports index uniqueness as the
// integer of PRAGMA index_list (0), keeps the CHECK text, and the DEFAULT (CURRENT_TIMESTAMP) without parentheses.
const char* const kSqliteTables = R"json({
"butler_attributes": {
  "columns": [{"name": "name", "type": "TEXT", "nullable": false, "default": null},
              {"name": "value", "type": "TEXT", "nullable": false, "default": null}],
  "primary_key": {"name": null, "columns": ["name"]}},
"collection_summary_instrument": {
  "columns": [{"name": "collection_id", "type": "BIGINT", "nullable": false, "default": null},
              {"name": "instrument", "type": "VARCHAR(16)", "nullable": false, "default": null}],
  "primary_key": {"name": null, "columns": ["collection_id", "instrument"]},
  "foreign_keys": [
    {"name": "fkey_collection_summary_instrument_collection_collection_id_collection_id",
     "columns": ["collection_id"], "referred_table": "collection", "referred_columns": ["collection_id"]},
    {"name": "fkey_collection_summary_instrument_instrument_name_instrument",
     "columns": ["instrument"], "referred_table": "instrument", "referred_columns": ["name"]}],
  "check_constraints": [{"name": "collection_summary_instrument_len_instrument",
                         "sqltext": "length(\"instrument\")<=16 AND length(\"instrument\")>=1"}],
  "indices": [{"name": "collection_summary_instrument_fkidx_collection_id", "columns": ["collection_id"], "unique": 0},
              {"name": "collection_summary_instrument_fkidx_instrument", "columns": ["instrument"], "unique": 0}]},
"dataset": {
  "columns": [{"name": "dataset_type_id", "type": "BIGINT", "nullable": false, "default": null},
              {"name": "id", "type": "CHAR(32)", "nullable": false, "default": null},
              {"name": "ingest_date", "type": "TIMESTAMP", "nullable": false, "default": "CURRENT_TIMESTAMP"},
              {"name": "run_id", "type": "BIGINT", "nullable": false, "default": null}],
  "primary_key": {"name": null, "columns": ["id"]},
  "foreign_keys": [
    {"name": "fkey_dataset_dataset_type_id_dataset_type_id", "columns": ["dataset_type_id"],
     "referred_table": "dataset_type", "referred_columns": ["id"]},
    {"name": "fkey_dataset_run_collection_id_run_id", "columns": ["run_id"],
     "referred_table": "run", "referred_columns": ["collection_id"]}],
  "indices": [{"name": "dataset_fkidx_dataset_type_id", "columns": ["dataset_type_id"], "unique": 0},
              {"name": "dataset_fkidx_run_id", "columns": ["run_id"], "unique": 0}]},
"dataset_type": {
  "columns": [{"name": "calibration_association_table", "type": "TEXT", "nullable": true, "default": null},
              {"name": "dimensions_key", "type": "BIGINT", "nullable": false, "default": null},
              {"name": "id", "type": "INTEGER", "nullable": false, "default": null},
              {"name": "name", "type": "TEXT", "nullable": false, "default": null},
              {"name": "storage_class", "type": "TEXT", "nullable": false, "default": null},
              {"name": "tag_association_table", "type": "TEXT", "nullable": false, "default": null}],
  "primary_key": {"name": null, "columns": ["id"]},
  "unique_constraints": [{"name": "dataset_type_unq_name", "columns": ["name"]}]}
})json";

// The same tables of the PostgreSQL fixture, from its pg_dump.sql and golden/05_dump-schema_initial.txt: named
// primary keys, boolean uniqueness, VARCHAR length without a CHECK, UUID ids, `DEFAULT now()`, a 63-character
// shrunk FK name, and the unique index PostgreSQL keeps behind dataset_type_unq_name.
const char* const kPostgresTables = R"json({
"butler_attributes": {
  "columns": [{"name": "name", "type": "TEXT", "nullable": false, "default": null},
              {"name": "value", "type": "TEXT", "nullable": false, "default": null}],
  "primary_key": {"name": "butler_attributes_pkey", "columns": ["name"]}},
"collection_summary_instrument": {
  "columns": [{"name": "collection_id", "type": "BIGINT", "nullable": false, "default": null},
              {"name": "instrument", "type": "VARCHAR(16)", "nullable": false, "default": null}],
  "primary_key": {"name": "collection_summary_instrument_pkey", "columns": ["collection_id", "instrument"]},
  "foreign_keys": [
    {"name": "fkey_collection_summary_instrument_collection_collecti_f2cc1228",
     "columns": ["collection_id"], "referred_table": "collection", "referred_columns": ["collection_id"]},
    {"name": "fkey_collection_summary_instrument_instrument_name_instrument",
     "columns": ["instrument"], "referred_table": "instrument", "referred_columns": ["name"]}],
  "indices": [{"name": "collection_summary_instrument_fkidx_collection_id", "columns": ["collection_id"], "unique": false},
              {"name": "collection_summary_instrument_fkidx_instrument", "columns": ["instrument"], "unique": false}]},
"dataset": {
  "columns": [{"name": "dataset_type_id", "type": "BIGINT", "nullable": false, "default": null},
              {"name": "id", "type": "UUID", "nullable": false, "default": null},
              {"name": "ingest_date", "type": "TIMESTAMP", "nullable": false, "default": "now()"},
              {"name": "run_id", "type": "BIGINT", "nullable": false, "default": null}],
  "primary_key": {"name": "dataset_pkey", "columns": ["id"]},
  "foreign_keys": [
    {"name": "fkey_dataset_dataset_type_id_dataset_type_id", "columns": ["dataset_type_id"],
     "referred_table": "dataset_type", "referred_columns": ["id"]},
    {"name": "fkey_dataset_run_collection_id_run_id", "columns": ["run_id"],
     "referred_table": "run", "referred_columns": ["collection_id"]}],
  "indices": [{"name": "dataset_fkidx_dataset_type_id", "columns": ["dataset_type_id"], "unique": false},
              {"name": "dataset_fkidx_run_id", "columns": ["run_id"], "unique": false}]},
"dataset_type": {
  "columns": [{"name": "calibration_association_table", "type": "TEXT", "nullable": true, "default": null},
              {"name": "dimensions_key", "type": "BIGINT", "nullable": false, "default": null},
              {"name": "id", "type": "BIGINT", "nullable": false, "default": null},
              {"name": "name", "type": "TEXT", "nullable": false, "default": null},
              {"name": "storage_class", "type": "TEXT", "nullable": false, "default": null},
              {"name": "tag_association_table", "type": "TEXT", "nullable": false, "default": null}],
  "primary_key": {"name": "dataset_type_pkey", "columns": ["id"]},
  "unique_constraints": [{"name": "dataset_type_unq_name", "columns": ["name"]}],
  "indices": [{"name": "dataset_type_unq_name", "columns": ["name"], "unique": true}]}
})json";

// --- the recorded text dump as the JSON document upstream builds from the same Inspector results -------------

Json name_or_null(const std::string& text) { return text == "None" ? Json(nullptr) : Json(text); }

Json name_list(const std::string& joined) {
    Json list = Json::array();
    std::stringstream in(joined);
    for (std::string name; std::getline(in, name, ',');) list.push_back(name);
    return list;
}

// Python's str() of the Inspector's "unique": True/False (a bool, PostgreSQL) or 0/1 (an int, SQLite).
Json unique_value(const std::string& text) {
    if (text == "True" || text == "False") return Json(text == "True");
    return Json(std::stoi(text));
}

Json entry(std::initializer_list<std::pair<const char*, Json>> items) {
    Json object = Json::object();
    for (const auto& [key, value] : items) object[key] = value;
    return object;
}

// One line of the text form (database.py prints the same fields in the same order as the JSON form stores them).
void add_text_line(Json& tables, const std::string& line) {
    static const std::regex table_line(R"(^table=(.+)$)");
    static const std::regex column(R"(^  column=(\S+) type=(.*) nullable=(True|False) default=(.*) \[table=(.+)\]$)");
    static const std::regex pk(R"(^  PK name=(\S+) columns=\((.*)\) \[table=(.+)\]$)");
    static const std::regex unique(R"(^  UNIQUE name=(\S+) columns=\((.*)\) \[table=(.+)\]$)");
    static const std::regex fk(R"(^  FK name=(\S+) \((.*)\) -> ([^(]+)\((.*)\) \[table=(.+)\]$)");
    static const std::regex check(R"(^  CHECK name=(\S+) sqltext=(.*) \[table=(.+)\]$)");
    static const std::regex index(R"(^  INDEX name=(\S+) columns=\((.*)\) unique=(\S+) \[table=(.+)\]$)");
    std::smatch m;
    if (std::regex_match(line, m, table_line)) {
        tables[m[1].str()] = entry({{"columns", Json::array()}});
    } else if (std::regex_match(line, m, column)) {
        tables[m[5].str()]["columns"].push_back(entry({{"name", m[1].str()}, {"type", m[2].str()},
                                                       {"nullable", m[3].str() == "True"},
                                                       {"default", name_or_null(m[4].str())}}));
    } else if (std::regex_match(line, m, pk)) {
        tables[m[3].str()]["primary_key"] = entry({{"name", name_or_null(m[1].str())}, {"columns", name_list(m[2].str())}});
    } else if (std::regex_match(line, m, unique)) {
        tables[m[3].str()]["unique_constraints"].push_back(
            entry({{"name", name_or_null(m[1].str())}, {"columns", name_list(m[2].str())}}));
    } else if (std::regex_match(line, m, fk)) {
        tables[m[5].str()]["foreign_keys"].push_back(
            entry({{"name", name_or_null(m[1].str())}, {"columns", name_list(m[2].str())},
                   {"referred_table", m[3].str()}, {"referred_columns", name_list(m[4].str())}}));
    } else if (std::regex_match(line, m, check)) {
        tables[m[3].str()]["check_constraints"].push_back(
            entry({{"name", name_or_null(m[1].str())}, {"sqltext", m[2].str()}}));
    } else if (std::regex_match(line, m, index)) {
        tables[m[4].str()]["indices"].push_back(entry({{"name", name_or_null(m[1].str())},
                                                       {"columns", name_list(m[2].str())},
                                                       {"unique", unique_value(m[3].str())}}));
    } else {
        FAIL("unexpected dump-schema line: " << line);
    }
}

Json json_from_text_dump(const std::string& text) {
    Json tables = Json::object();
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) add_text_line(tables, line);
    return tables;
}

std::vector<std::string> fixture_names() {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(test_support::shared_path("fixtures"))) {
        const std::string name = e.path().filename().string();
        if (e.is_directory() && name[0] == 'f') names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("dump-schema --json on SQLite: hand-checked tables, exact bytes", "[dump-schema-json]") {
    FixtureCopy copy("f2023_u4_26.0.0_default", "dumpjson_sqlite");
    // Named out of order: the document still follows the sorted table names.
    const std::string out = json_dump(copy, {"dataset_type", "butler_attributes", "dataset", "collection_summary_instrument"});
    CHECK(out == python_json_dump_indent2(kSqliteTables));
    test_support::check_against_schema("dump-schema", out);

    // One table spelled out, to show the layout json.dump(indent=2) gives without relying on Python here.
    CHECK(json_dump(copy, {"butler_attributes"}) ==
          "{\n"
          "  \"butler_attributes\": {\n"
          "    \"columns\": [\n"
          "      {\n"
          "        \"name\": \"name\",\n"
          "        \"type\": \"TEXT\",\n"
          "        \"nullable\": false,\n"
          "        \"default\": null\n"
          "      },\n"
          "      {\n"
          "        \"name\": \"value\",\n"
          "        \"type\": \"TEXT\",\n"
          "        \"nullable\": false,\n"
          "        \"default\": null\n"
          "      }\n"
          "    ],\n"
          "    \"primary_key\": {\n"
          "      \"name\": null,\n"
          "      \"columns\": [\n"
          "        \"name\"\n"
          "      ]\n"
          "    }\n"
          "  }\n"
          "}");
}

TEST_CASE("dump-schema --json on PostgreSQL: hand-checked tables, exact bytes", "[dump-schema-json][postgresql]") {
    FixtureCopy copy("f2023_u4_26.0.0_default_pg", "dumpjson_pg");
    const std::string out = json_dump(copy, {"dataset_type", "butler_attributes", "dataset", "collection_summary_instrument"});
    CHECK(out == python_json_dump_indent2(kPostgresTables));
    test_support::check_against_schema("dump-schema", out);
}

TEST_CASE("dump-schema --json of every fixture says what its recorded text dump says", "[dump-schema-json][postgresql]") {
    for (const auto& fixture : fixture_names()) {
        DYNAMIC_SECTION(fixture) {
            FixtureCopy copy(fixture, "dumpjson_all");
            std::string text_golden;
            for (const auto& file : test_support::golden_files(copy.source_file("golden"))) {
                if (file.find("dump-schema_initial") != std::string::npos) text_golden = test_support::read_golden(file).out;
            }
            REQUIRE(!text_golden.empty());
            const std::string out = json_dump(copy, {});
            test_support::check_against_schema("dump-schema", out);
            const Json expected = json_from_text_dump(text_golden);
            const Json actual = Json::parse(out);
            CHECK(actual.size() == expected.size());
            for (const auto& [table, value] : expected.items()) {
                INFO(fixture << " table " << table);
                CHECK(actual.value(table, Json()) == value);
            }
            // And byte for byte as Python would write that document.
            CHECK(out == python_json_dump_indent2(expected.dump()));
        }
    }
}

TEST_CASE("dump-schema --json: no primary key, a unique index, non-ASCII names escaped", "[dump-schema-json][postgresql]") {
    const Backend backend = test_support::any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    // Written by hand: SQLAlchemy reflects VARCHAR(8) as "VARCHAR(8)" on both; the default as the database stores
    // it ('x' on SQLite, 'x'::character varying on PostgreSQL); a unique index is an index, not a constraint.
    registry.execute("CREATE TABLE {schema}.\"na\xc3\xafve\" (\"cl\xc3\xa9\" VARCHAR(8) DEFAULT 'x', n INTEGER NOT NULL)");
    registry.execute("CREATE UNIQUE INDEX \"na\xc3\xafve_n\" ON {schema}.\"na\xc3\xafve\" (n)");
    const bool sqlite = backend == Backend::sqlite;
    const std::string expected =
        std::string("{\n"
                    "  \"na\\u00efve\": {\n"
                    "    \"columns\": [\n"
                    "      {\n"
                    "        \"name\": \"cl\\u00e9\",\n"
                    "        \"type\": \"VARCHAR(8)\",\n"
                    "        \"nullable\": true,\n") +
        (sqlite ? "        \"default\": \"'x'\"\n" : "        \"default\": \"'x'::character varying\"\n") +
        "      },\n"
        "      {\n"
        "        \"name\": \"n\",\n"
        "        \"type\": \"INTEGER\",\n"
        "        \"nullable\": false,\n"
        "        \"default\": null\n"
        "      }\n"
        "    ],\n"
        "    \"primary_key\": {\n"
        "      \"name\": null,\n"
        "      \"columns\": []\n"
        "    },\n"
        "    \"indices\": [\n"
        "      {\n"
        "        \"name\": \"na\\u00efve_n\",\n"
        "        \"columns\": [\n"
        "          \"n\"\n"
        "        ],\n" +
        (sqlite ? "        \"unique\": 1\n" : "        \"unique\": true\n") +
        "      }\n"
        "    ]\n"
        "  }\n"
        "}";
    const CommandResult result = test_support::run_isolated({"dump-schema", "--json", registry.repo()});
    INFO(result.err);
    CHECK(result.exit_status == 0);
    CHECK(result.out == expected);
    test_support::check_against_schema("dump-schema", result.out);
}

TEST_CASE("dump-schema --json: make_pk_name fills in only a missing primary key name", "[dump-schema-json][postgresql]") {
    const Backend backend = test_support::any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.execute("CREATE TABLE {schema}.unnamed (a INTEGER PRIMARY KEY)");
    registry.execute("CREATE TABLE {schema}.named (a INTEGER, CONSTRAINT named_pk PRIMARY KEY (a))");
    auto db = registry.open(butler_migrate::AccessMode::read_only);
    const Json plain = Json::parse(butler_migrate::render_schema_dump_json(*db, {}));
    const Json made = Json::parse(butler_migrate::render_schema_dump_json(*db, {}, true));
    // SQLite gives an inline PRIMARY KEY no name; PostgreSQL names it <table>_pkey itself.
    CHECK(plain["unnamed"]["primary_key"]["name"] ==
          (backend == Backend::sqlite ? Json(nullptr) : Json("unnamed_pkey")));
    CHECK(made["unnamed"]["primary_key"]["name"] == "unnamed_pkey");
    CHECK(plain["named"]["primary_key"]["name"] == "named_pk");
    CHECK(made["named"]["primary_key"]["name"] == "named_pk");
}

TEST_CASE("dump-schema --json: unknown tables and a missing schema give {}, as the text form gives nothing",
          "[dump-schema-json][postgresql]") {
    const Backend backend = test_support::any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    for (const std::vector<std::string>& tables : {std::vector<std::string>{"no_such_table"},
                                                   std::vector<std::string>{"no_such_table", "other"}}) {
        std::vector<std::string> args{"dump-schema", "--json", registry.repo()};
        args.insert(args.end(), tables.begin(), tables.end());
        const CommandResult json = test_support::run_isolated(args);
        args.erase(args.begin() + 1);
        const CommandResult text = test_support::run_isolated(args);
        CHECK(text.exit_status == 0);
        CHECK(text.out.empty());
        CHECK(json.exit_status == 0);
        CHECK(json.err == text.err);
        CHECK(json.out == "{}");  // json.dump({}, indent=2)
    }
    if (backend == Backend::postgresql) {
        // A schema that does not exist (a mistyped namespace) has no tables: not a registry, in both forms
        // (upstream's Inspector lists nothing and it printed nothing, exit 0).
        test_support::write_file(registry.repo() + "/butler.yaml",
                                 "registry:\n  db: " + registry.url() + "\n  namespace: no_such_schema\n");
        const CommandResult text = test_support::run_isolated({"dump-schema", registry.repo()});
        const CommandResult json = test_support::run_isolated({"dump-schema", "--json", registry.repo()});
        CHECK(text.exit_status == 4);
        CHECK(text.out.empty());
        CHECK(text.err == "butler-migrate: error: Not a Butler registry: schema \"no_such_schema\" has no tables (does it "
                          "exist?)\n");
        CHECK(json.exit_status == 4);
        CHECK(json.out.empty());
        CHECK(json.err == text.err);
    }
}

TEST_CASE("dump-schema --json fails as the text form does when the registry cannot be opened",
          "[dump-schema-json][postgresql]") {
    const Backend backend = test_support::any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    std::string yaml = backend == Backend::sqlite
                           ? "registry:\n  db: sqlite:///" + registry.dir().file("missing/gen3.sqlite3") + "\n"
                           : "registry:\n  db: " + std::regex_replace(registry.url(), std::regex("/[^/]*$"), "/no_such_db") + "\n";
    test_support::write_file(registry.repo() + "/butler.yaml", yaml);
    for (const std::string& repo : {registry.repo(), registry.dir().file("no_such_repo")}) {
        INFO(repo);
        const CommandResult text = test_support::run_isolated({"dump-schema", repo});
        const CommandResult json = test_support::run_isolated({"dump-schema", "--json", repo});
        CHECK(text.exit_status != 0);
        CHECK(json.exit_status == text.exit_status);
        CHECK(json.err == text.err);
        CHECK(json.out.empty());
        CHECK(text.out.empty());
    }
}

TEST_CASE("dump-schema --help lists --json with upstream's text", "[dump-schema-json]") {
    const CommandResult result = test_support::run_isolated({"dump-schema", "--help"});
    CHECK(result.exit_status == 0);
    // click's definition list: the terms padded to the longest ("-h, --help") plus two spaces.
    CHECK(result.out.find("\n  --json      Produce JSON output.\n") != std::string::npos);
}

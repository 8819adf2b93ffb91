// Schema reflection against SQLAlchemy 2.0's Inspector: every fixture's dump-schema golden (initial state, and
// the final state reloaded from the recorded dumps) on SQLite and PostgreSQL, plus hand-checked corner cases.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/db/schema_dump.hpp"
#include "db/postgres_schema.hpp"
#include "db/sqlite_schema.hpp"
#include "golden_run.hpp"
#include "test_support.hpp"
#include "tool_environment.hpp"

using namespace butler_migrate;
using test_support::PgServer;
using test_support::TempDir;

namespace {

// The stdout part of a golden.
std::string golden_stdout(const std::string& path) { return test_support::read_golden(path).out; }

std::string golden_file(const std::string& fixture, const std::string& suffix) {
    for (const auto& entry : std::filesystem::directory_iterator(test_support::shared_path("fixtures/" + fixture + "/golden"))) {
        std::string name = entry.path().filename().string();
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            return entry.path().string();
        }
    }
    FAIL("no golden *" << suffix << " in " << fixture);
    return {};
}

std::vector<std::string> fixtures(bool postgres) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(test_support::shared_path("fixtures"))) {
        std::string name = entry.path().filename().string();
        bool is_pg = name.size() > 3 && name.compare(name.size() - 3, 3, "_pg") == 0;
        if (entry.is_directory() && name[0] == 'f' && is_pg == postgres) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

RegistryLocation sqlite_location(const std::string& path) {
    RegistryLocation location;
    location.url.dialect = "sqlite";
    location.url.database = path;
    return location;
}

RegistryLocation pg_location(const PgServer& pg, const std::string& database, std::optional<std::string> schema) {
    RegistryLocation location;
    location.url.dialect = "postgresql";
    location.url.driver = "psycopg2";
    location.url.username = pg.user;
    location.url.password = pg.password;
    location.url.host = pg.host;
    location.url.port = pg.port;
    location.url.database = database;
    location.schema = std::move(schema);
    return location;
}

// Runs SQL text (a recorded `sqlite3 .dump`) on a new database file with the SQLite C API.
void load_sqlite_dump(const std::string& path, const std::string& sql) {
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &handle) == SQLITE_OK);
    char* error = nullptr;
    int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(handle);
    REQUIRE(message == "");
    REQUIRE(rc == SQLITE_OK);
}

std::string sqlite_dump(const std::string& path) {
    auto db = open_database(sqlite_location(path), AccessMode::read_only);
    return render_schema_dump(*db, {});
}

}  // namespace

TEST_CASE("SQLite reflection reproduces every dump-schema golden", "[db]") {
    for (const auto& fixture : fixtures(false)) {
        DYNAMIC_SECTION(fixture << " initial") {
            TempDir dir;
            test_support::copy_file(test_support::shared_path("fixtures/" + fixture + "/gen3.sqlite3"),
                                    dir.file("gen3.sqlite3"));
            CHECK(sqlite_dump(dir.file("gen3.sqlite3")) == golden_stdout(golden_file(fixture, "dump-schema_initial.txt")));
        }
        DYNAMIC_SECTION(fixture << " final, reloaded from the recorded .dump") {
            TempDir dir;
            load_sqlite_dump(dir.file("gen3.sqlite3"), golden_stdout(golden_file(fixture, "sqlite3_dump_final.txt")));
            CHECK(sqlite_dump(dir.file("gen3.sqlite3")) == golden_stdout(golden_file(fixture, "dump-schema_final.txt")));
        }
    }
}

TEST_CASE("PostgreSQL reflection reproduces every dump-schema golden", "[db]") {
    auto pg = PgServer::require();
    for (const auto& fixture : fixtures(true)) {
        for (std::string stage : {"initial", "final"}) {
            DYNAMIC_SECTION(fixture << " " << stage) {
                TempDir dir;
                std::string dump = test_support::shared_path("fixtures/" + fixture + "/pg_dump.sql");
                if (stage == "final") {
                    dump = dir.file("final.sql");
                    test_support::write_file(dump, golden_stdout(golden_file(fixture, "pg_dump_final.txt")));
                }
                std::string database = pg.create_database("bm_db_refl_" + fixture + "_" + stage);
                pg.psql_file(database, dump);
                {
                    auto db = open_database(pg_location(pg, database, "fixture"), AccessMode::read_only);
                    CHECK(render_schema_dump(*db, {}) ==
                          golden_stdout(golden_file(fixture, "dump-schema_" + stage + ".txt")));
                }
                pg.drop_database(database);
            }
        }
    }
}

TEST_CASE("dump-schema prints only the named tables and ignores unknown ones", "[db]") {
    const std::string fixture = "f2023_u4_26.0.0_default";
    TempDir dir;
    test_support::copy_file(test_support::shared_path("fixtures/" + fixture + "/gen3.sqlite3"), dir.file("gen3.sqlite3"));
    test_support::copy_file(test_support::shared_path("fixtures/" + fixture + "/butler.yaml"), dir.file("butler.yaml"));
    // The golden's blocks of the two tables, in name order.
    std::string golden = golden_stdout(golden_file(fixture, "dump-schema_initial.txt"));
    std::string expected;
    bool keep = false;
    for (size_t pos = 0; pos < golden.size();) {
        size_t end = golden.find('\n', pos) + 1;
        std::string line = golden.substr(pos, end - pos);
        if (line.rfind("table=", 0) == 0) keep = line == "table=collection\n" || line == "table=run\n";
        if (keep) expected += line;
        pos = end;
    }
    REQUIRE_FALSE(expected.empty());
    auto result = test_support::run_isolated({"dump-schema", dir.path(), "run", "no_such_table", "collection"});
    CHECK(result.err == "");
    CHECK(result.exit_status == 0);
    CHECK(result.out == expected);
}

TEST_CASE("SQLite declared types map to SQLAlchemy's reflected type names", "[db]") {
    using sqlite_schema::reflected_type;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"VARCHAR(16)", "VARCHAR(16)"},  {"varchar", "VARCHAR"},        {"CHAR(32)", "CHAR(32)"},
        {"BIGINT", "BIGINT"},            {"INT", "INTEGER"},            {"UNSIGNED BIG INT", "INTEGER"},
        {"", "NULL"},                    {"BLOB", "BLOB"},              {"NVARCHAR(5)", "NVARCHAR(5)"},
        {"NUMERIC(10,2)", "NUMERIC(10, 2)"}, {"DECIMAL(8)", "DECIMAL(8)"}, {"FLOAT", "FLOAT"},
        {"DOUBLE PRECISION", "REAL"},    {"DOUBLE", "DOUBLE"},          {"CLOB", "TEXT"},
        {"MEDIUMTEXT(20)", "TEXT(20)"},  {"DATETIME", "DATETIME"},      {"BOOLEAN", "BOOLEAN"},
        {"TIMESTAMP", "TIMESTAMP"},      {"INTEGER(11)", "INTEGER"},    {"VARCHAR(10, 20, 30)", "VARCHAR"},
        {"STRANGE", "NUMERIC"},          {"JSON", "JSON"},              {"SMALLINT", "SMALLINT"},
    };
    for (const auto& [declared, expected] : cases) {
        INFO("declared: " << declared);
        CHECK(reflected_type(declared) == expected);
    }
}

TEST_CASE("PostgreSQL format_type text maps to SQLAlchemy's reflected type names", "[db]") {
    CHECK(postgres_reflected_type("character varying(16)", std::nullopt, 'b') == "VARCHAR(16)");
    CHECK(postgres_reflected_type("character varying", std::nullopt, 'b') == "VARCHAR");
    CHECK(postgres_reflected_type("character(32)", std::nullopt, 'b') == "CHAR(32)");
    CHECK(postgres_reflected_type("double precision", std::nullopt, 'b') == "DOUBLE PRECISION");
    CHECK(postgres_reflected_type("timestamp(3) with time zone", std::nullopt, 'b') == "TIMESTAMP");
    CHECK(postgres_reflected_type("numeric(10,2)", std::nullopt, 'b') == "NUMERIC(10, 2)");
    CHECK(postgres_reflected_type("numeric", std::nullopt, 'b') == "NUMERIC");
    CHECK(postgres_reflected_type("integer[]", std::nullopt, 'b') == "ARRAY");
    CHECK(postgres_reflected_type("int8range", std::nullopt, 'r') == "INT8RANGE");
    CHECK(postgres_reflected_type("uuid", std::nullopt, 'b') == "UUID");
    CHECK(postgres_reflected_type("text", std::string("C"), 'b') == "TEXT COLLATE \"C\"");
    CHECK(postgres_reflected_type("mood", std::nullopt, 'e') == "ENUM");
    CHECK(postgres_reflected_type("interval year to month", std::nullopt, 'b') == "INTERVAL");
    CHECK(postgres_reflected_type("bit varying(5)", std::nullopt, 'b') == "BIT");
    CHECK(postgres_reflected_type("geometry", std::nullopt, 'b') == "NULL");
    CHECK(postgres_check_sqltext("CHECK ((a > 0))") == "a > 0");
    CHECK(postgres_check_sqltext("CHECK (((a > 1) AND (a < 5))) NOT VALID") == "(a > 1) AND (a < 5)");
    CHECK(postgres_check_sqltext("CHECK ((a) OR (b))") == "(a) OR (b)");
}

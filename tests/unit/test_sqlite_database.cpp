// SqliteDatabase: opening rules, quoting, parameters, streaming, transactions and read-only mode.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/util/errors.hpp"
#include "test_support.hpp"
#include "transaction_checks.hpp"

using namespace butler_migrate;
using test_support::TempDir;

namespace {

RegistryLocation sqlite_location(const std::string& path) {
    RegistryLocation location;
    location.url.dialect = "sqlite";
    location.url.database = path;
    return location;
}

// An empty SQLite database file made with the C API, independently of the code under test.
std::string make_sqlite_file(const TempDir& dir, const std::string& name = "test.sqlite3") {
    std::string path = dir.file(name);
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &handle) == SQLITE_OK);
    REQUIRE(sqlite3_exec(handle, "CREATE TABLE seed (x INTEGER)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(handle);
    return path;
}

std::unique_ptr<Database> open_rw(const std::string& path) {
    return open_database(sqlite_location(path), AccessMode::read_write);
}

}  // namespace

TEST_CASE("quote doubles embedded quotes and table() adds no schema on SQLite", "[db]") {
    CHECK(Database::quote("plain") == "\"plain\"");
    CHECK(Database::quote("with \"quotes\" and space") == "\"with \"\"quotes\"\" and space\"");
    TempDir dir;
    auto db = open_rw(make_sqlite_file(dir));
    CHECK(db->dialect() == Dialect::sqlite);
    CHECK_FALSE(db->schema().has_value());
    CHECK(db->table("my \"t\"") == "\"my \"\"t\"\"\"");
}

TEST_CASE("a SQLite location with a schema still has none", "[db]") {
    TempDir dir;
    auto location = sqlite_location(make_sqlite_file(dir));
    location.schema = "ignored";
    auto db = open_database(location, AccessMode::read_only);
    CHECK_FALSE(db->schema().has_value());
    CHECK(db->table("t") == "\"t\"");
}

TEST_CASE("a missing SQLite file is an error and is not created", "[db]") {
    TempDir dir;
    std::string path = dir.file("absent.sqlite3");
    for (auto mode : {AccessMode::read_only, AccessMode::read_write}) {
        try {
            open_database(sqlite_location(path), mode);
            FAIL("opening a missing file succeeded");
        } catch (const DatabaseError& e) {
            CHECK_THAT(e.what(), Catch::Contains(path));
        }
        CHECK_FALSE(std::filesystem::exists(path));
    }
}

TEST_CASE("a file that is not an SQLite database is rejected with a one-line message", "[db]") {
    TempDir dir;
    std::string path = dir.file("butler.yaml");
    test_support::write_file(path, std::string(2000, 'x') + "\nregistry:\n  db: nothing\n");
    try {
        open_database(sqlite_location(path), AccessMode::read_only);
        FAIL("opening a text file succeeded");
    } catch (const DatabaseError& e) {
        std::string message = e.what();
        CHECK(message == path + " is not an SQLite database");
    }
}

TEST_CASE("unsupported URL schemes are configuration errors naming the URL without its password", "[db]") {
    RegistryLocation location;
    location.url = DbUrl::parse("mysql://scott:tiger@localhost/test");
    CHECK_THROWS_MATCHES(open_database(location, AccessMode::read_only), ConfigError,
                         Catch::Message("Unsupported database URL scheme 'mysql' in mysql://scott:***@localhost/test"));
}

TEST_CASE("SQLite statements take '?' parameters as text or NULL", "[db]") {
    TempDir dir;
    auto db = open_rw(make_sqlite_file(dir));
    db->execute("CREATE TABLE " + db->table("odd \"name\"") + " (" + Database::quote("a col") + " TEXT, b TEXT)");
    CHECK(db->execute("INSERT INTO " + db->table("odd \"name\"") + " VALUES (?, ?), (?, ?)",
                      {std::string("x"), std::nullopt, std::string("it's"), std::string("?")}) == 2);
    auto rows = db->query("SELECT " + Database::quote("a col") + ", b FROM " + db->table("odd \"name\"") +
                          " WHERE b IS NULL OR b = ? ORDER BY 1",
                          {std::string("?")});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == SqlRow{std::string("it's"), std::string("?")});
    CHECK(rows[1] == SqlRow{std::string("x"), std::nullopt});
    CHECK(db->execute("UPDATE " + db->table("odd \"name\"") + " SET b = 'y'") == 2);
    CHECK(db->has_table("odd \"name\""));
    CHECK_FALSE(db->has_table("odd name"));
    CHECK(db->table_names() == std::vector<std::string>{"odd \"name\"", "seed"});
    CHECK_THROWS_AS(db->query("SELECT ?", {}), DatabaseError);
    CHECK_THROWS_AS(db->query("SELECT * FROM no_such_table"), DatabaseError);
}

TEST_CASE("SQLite query_each streams every row in order", "[db]") {
    TempDir dir;
    auto db = open_rw(make_sqlite_file(dir));
    db->execute("CREATE TABLE n (i INTEGER)");
    db->execute("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 5000) "
                "INSERT INTO n SELECT i FROM c");
    long long count = 0, sum = 0;
    bool ordered = true;
    db->query_each("SELECT i FROM n WHERE i > ? ORDER BY i", {std::string("0")}, [&](const SqlRow& row) {
        long long value = std::stoll(*row.at(0));
        ordered = ordered && value == count + 1;
        ++count;
        sum += value;
    });
    CHECK(count == 5000);
    CHECK(sum == 5000LL * 5001 / 2);
    CHECK(ordered);
}

TEST_CASE("SQLite transactions commit, roll back and refuse nesting", "[db]") {
    TempDir dir;
    auto path = make_sqlite_file(dir);
    auto db = open_rw(path);
    db->execute("CREATE TABLE t (v TEXT)");
    test_support::check_begin_rollback_and_scoped_transactions(*db);
    CHECK_FALSE(db->in_transaction());
    CHECK_THROWS_AS(db->commit(), DatabaseError);
    CHECK_THROWS_AS(db->rollback(), DatabaseError);

    // A second connection sees exactly the committed row.
    auto other = open_database(sqlite_location(path), AccessMode::read_only);
    CHECK(other->query("SELECT v FROM t") == std::vector<SqlRow>{{std::string("committed")}});
}

TEST_CASE("SQLite keeps foreign key enforcement off, as upstream", "[db]") {
    TempDir dir;
    auto db = open_rw(make_sqlite_file(dir));
    CHECK(db->query("PRAGMA foreign_keys") == std::vector<SqlRow>{{std::string("0")}});
}

TEST_CASE("read-only SQLite connections cannot write", "[db]") {
    TempDir dir;
    auto db = open_database(sqlite_location(make_sqlite_file(dir)), AccessMode::read_only);
    CHECK(db->query("SELECT count(*) FROM seed") == std::vector<SqlRow>{{std::string("0")}});
    CHECK_THROWS_AS(db->execute("INSERT INTO seed VALUES (1)"), DatabaseError);
}

TEST_CASE("SQLite reflection reads names and clauses from the CREATE TABLE text", "[db]") {
    TempDir dir;
    auto db = open_rw(make_sqlite_file(dir));
    db->execute(
        "CREATE TABLE parent (\n\tid BIGINT NOT NULL, \n\tname VARCHAR(16), \n\tPRIMARY KEY (id), \n"
        "\tCONSTRAINT parent_unq_name UNIQUE (name)\n)");
    db->execute(
        "CREATE TABLE child (\n\tid INTEGER, \n\tparent_id BIGINT NOT NULL, \n\tlabel varchar(32) DEFAULT 'x' NOT NULL, "
        "\n\tcode TEXT UNIQUE, \n\tweird, \n\tprice NUMERIC(10, 2), \n\tts TIMESTAMP DEFAULT (CURRENT_TIMESTAMP), \n"
        "\tCONSTRAINT child_pk PRIMARY KEY (id), \n"
        "\tCONSTRAINT fk_child_parent FOREIGN KEY(parent_id) REFERENCES parent (id) ON DELETE CASCADE, \n"
        "\tFOREIGN KEY(label) REFERENCES parent (name), \n"
        "\tCONSTRAINT \"child len label\" CHECK (length(label) <= 32 AND (label <> ')')), \n"
        "\tCHECK (price > 0)\n)");
    db->execute("CREATE UNIQUE INDEX child_idx_pl ON child (parent_id, label)");
    db->execute("CREATE INDEX child_expr ON child (lower(label))");

    auto child = db->reflect_table("child");
    CHECK(child.name == "child");
    REQUIRE(child.columns.size() == 7);
    const std::vector<std::tuple<std::string, std::string, bool, SqlValue>> columns = {
        {"id", "INTEGER", true, std::nullopt},
        {"parent_id", "BIGINT", false, std::nullopt},
        {"label", "VARCHAR(32)", false, std::string("'x'")},
        {"code", "TEXT", true, std::nullopt},
        {"weird", "NULL", true, std::nullopt},
        {"price", "NUMERIC(10, 2)", true, std::nullopt},
        {"ts", "TIMESTAMP", true, std::string("CURRENT_TIMESTAMP")},
    };
    for (size_t i = 0; i < columns.size(); ++i) {
        INFO("column " << i);
        CHECK(child.columns[i].name == std::get<0>(columns[i]));
        CHECK(child.columns[i].type == std::get<1>(columns[i]));
        CHECK(child.columns[i].nullable == std::get<2>(columns[i]));
        CHECK(child.columns[i].default_value == std::get<3>(columns[i]));
    }
    CHECK(child.primary_key.name == std::optional<std::string>("child_pk"));
    CHECK(child.primary_key.columns == std::vector<std::string>{"id"});
    REQUIRE(child.unique_constraints.size() == 1);
    CHECK_FALSE(child.unique_constraints[0].name.has_value());
    CHECK(child.unique_constraints[0].columns == std::vector<std::string>{"code"});
    REQUIRE(child.foreign_keys.size() == 2);
    CHECK(child.foreign_keys[0].name == std::optional<std::string>("fk_child_parent"));
    CHECK(child.foreign_keys[0].columns == std::vector<std::string>{"parent_id"});
    CHECK(child.foreign_keys[0].referred_table == "parent");
    CHECK(child.foreign_keys[0].referred_columns == std::vector<std::string>{"id"});
    CHECK(child.foreign_keys[0].on_delete == std::optional<std::string>("CASCADE"));
    CHECK_FALSE(child.foreign_keys[1].name.has_value());
    CHECK(child.foreign_keys[1].referred_columns == std::vector<std::string>{"name"});
    REQUIRE(child.check_constraints.size() == 2);
    CHECK(child.check_constraints[0].name == std::optional<std::string>("child len label"));
    CHECK(child.check_constraints[0].sqltext == "length(label) <= 32 AND (label <> ')')");
    CHECK_FALSE(child.check_constraints[1].name.has_value());
    CHECK(child.check_constraints[1].sqltext == "price > 0");
    // Automatic indexes and expression indexes are not reported.
    REQUIRE(child.indexes.size() == 1);
    CHECK(child.indexes[0].name == std::optional<std::string>("child_idx_pl"));
    CHECK(child.indexes[0].columns == std::vector<std::string>{"parent_id", "label"});
    CHECK(child.indexes[0].unique);

    auto parent = db->reflect_table("parent");
    CHECK_FALSE(parent.primary_key.name.has_value());
    REQUIRE(parent.unique_constraints.size() == 1);
    CHECK(parent.unique_constraints[0].name == std::optional<std::string>("parent_unq_name"));
    CHECK(parent.indexes.empty());
    CHECK_THROWS_AS(db->reflect_table("missing"), DatabaseError);
}

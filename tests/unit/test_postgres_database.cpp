// PostgresDatabase: connection strings and failures, '?' numbering, schemas with odd names, streaming,
// transactions and read-only sessions, against the test server.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/util/errors.hpp"
#include "db/placeholders.hpp"
#include "db/postgres_database.hpp"
#include "test_support.hpp"
#include "transaction_checks.hpp"

using namespace butler_migrate;
using test_support::PgServer;

namespace {

RegistryLocation pg_location(const PgServer& pg, const std::string& database,
                             std::optional<std::string> schema = std::nullopt) {
    RegistryLocation location;
    location.url.dialect = "postgresql";
    location.url.username = pg.user;
    location.url.password = pg.password;
    location.url.host = pg.host;
    location.url.port = pg.port;
    location.url.database = database;
    location.schema = std::move(schema);
    return location;
}

// A loopback port nobody listens on: bound then released by this process.
std::string unused_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    close(fd);
    return std::to_string(ntohs(address.sin_port));
}

}  // namespace

TEST_CASE("'?' placeholders become $n outside quotes, comments and dollar strings", "[db]") {
    auto numbered = number_placeholders(
        "SELECT ?, '?', 'it''s ?', \"col?\", E'\\'?', $$?$$, $x$ ? $x$, ? -- ?\n, ? /* ? */, $1");
    CHECK(numbered.sql ==
          "SELECT $1, '?', 'it''s ?', \"col?\", E'\\'?', $$?$$, $x$ ? $x$, $2 -- ?\n, $3 /* ? */, $1");
    CHECK(numbered.parameter_count == 3);
    CHECK(number_placeholders("UPDATE t SET a = ? WHERE b = ?").sql == "UPDATE t SET a = $1 WHERE b = $2");
    CHECK(number_placeholders("no parameters").parameter_count == 0);
}

TEST_CASE("the libpq connection string carries every URL part and the query parameters", "[db]") {
    DbUrl url;
    url.dialect = "postgresql";
    url.username = "me";
    url.password = "p'w\\d x";
    url.host = "db.example";
    url.port = "5433";
    url.database = "reg";
    url.query = {{"sslmode", "require"}};
    CHECK(postgres_conninfo(url) ==
          "host='db.example' port='5433' dbname='reg' user='me' password='p\\'w\\\\d x' sslmode='require' "
          "connect_timeout='10' client_encoding='UTF8'");
    url.query = {{"connect_timeout", "3"}};
    url.password.reset();
    CHECK(postgres_conninfo(url) ==
          "host='db.example' port='5433' dbname='reg' user='me' connect_timeout='3' client_encoding='UTF8'");
}

TEST_CASE("an unreachable PostgreSQL port fails fast without showing the password", "[db]") {
    auto pg = PgServer::require();
    auto location = pg_location(pg, "postgres");
    location.url.host = "127.0.0.1";
    location.url.port = unused_port();
    location.url.password = "s3cret-Pw";
    auto start = std::chrono::steady_clock::now();
    try {
        open_database(location, AccessMode::read_only);
        FAIL("connected to a closed port");
    } catch (const DatabaseError& e) {
        std::string message = e.what();
        CHECK_THAT(message, Catch::Contains("Cannot connect to PostgreSQL database"));
        CHECK_THAT(message, Catch::Contains(location.url.port.value()));
        CHECK(message.find("s3cret-Pw") == std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("a wrong PostgreSQL password is reported without the password", "[db]") {
    auto pg = PgServer::require();
    auto location = pg_location(pg, "postgres");
    location.url.password = "definitely-Wrong-pw";
    try {
        open_database(location, AccessMode::read_only);
        FAIL("connected with a wrong password");
    } catch (const DatabaseError& e) {
        std::string message = e.what();
        CHECK_THAT(message, Catch::Contains("password authentication failed"));
        CHECK(message.find("definitely-Wrong-pw") == std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
    }
}

TEST_CASE("a PostgreSQL schema with quotes and spaces is quoted everywhere", "[db]") {
    auto pg = PgServer::require();
    std::string database = pg.create_database("bm_db_odd_schema");
    const std::string schema = "my \"odd\" schema";
    pg.psql_command(database, "CREATE SCHEMA \"my \"\"odd\"\" schema\"; CREATE TABLE public.elsewhere (x int)");
    auto db = open_database(pg_location(pg, database, schema), AccessMode::read_write);
    CHECK(db->dialect() == Dialect::postgresql);
    REQUIRE(db->schema() == schema);
    CHECK(db->table("t \"1\"") == "\"my \"\"odd\"\" schema\".\"t \"\"1\"\"\"");

    db->execute("CREATE TABLE " + db->table("t \"1\"") + " (id bigint PRIMARY KEY, v varchar(8))");
    CHECK(db->execute("INSERT INTO " + db->table("t \"1\"") + " VALUES (?, ?), (?, ?)",
                      {std::string("1"), std::string("it's ?"), std::string("2"), std::nullopt}) == 2);
    CHECK(db->query("SELECT v FROM " + db->table("t \"1\"") + " WHERE id = ?", {std::string("1")}) ==
          std::vector<SqlRow>{{std::string("it's ?")}});
    CHECK(db->table_names() == std::vector<std::string>{"t \"1\""});
    CHECK(db->has_table("t \"1\""));
    CHECK_FALSE(db->has_table("elsewhere"));
    auto table = db->reflect_table("t \"1\"");
    REQUIRE(table.columns.size() == 2);
    CHECK(table.columns[1].type == "VARCHAR(8)");
    CHECK(table.primary_key.columns == std::vector<std::string>{"id"});
    CHECK_THROWS_AS(db->reflect_table("elsewhere"), DatabaseError);
    CHECK_THROWS_AS(db->query("SELECT ?"), DatabaseError);
    CHECK_THROWS_AS(db->query("SELECT * FROM " + db->table("missing")), DatabaseError);
    db.reset();
    pg.drop_database(database);
}

TEST_CASE("without a schema PostgreSQL uses public and unqualified names", "[db]") {
    auto pg = PgServer::require();
    std::string database = pg.create_database("bm_db_public");
    pg.psql_command(database, "CREATE SCHEMA other; CREATE TABLE other.hidden (x int); CREATE TABLE b (x int); "
                              "CREATE TABLE a (x int); CREATE VIEW v AS SELECT 1 AS one");
    auto db = open_database(pg_location(pg, database), AccessMode::read_only);
    CHECK_FALSE(db->schema().has_value());
    CHECK(db->table("a") == "\"a\"");
    CHECK(db->table_names() == std::vector<std::string>{"a", "b"});
    CHECK(db->has_table("a"));
    CHECK_FALSE(db->has_table("hidden"));
    db.reset();
    pg.drop_database(database);
}

TEST_CASE("PostgreSQL query_each streams through a cursor, inside or outside a transaction", "[db]") {
    auto pg = PgServer::require();
    std::string database = pg.create_database("bm_db_stream");
    auto db = open_database(pg_location(pg, database, "reg"), AccessMode::read_write);
    db->execute("CREATE SCHEMA reg");
    db->execute("CREATE TABLE " + db->table("n") + " (i bigint)");
    db->execute("INSERT INTO " + db->table("n") + " SELECT generate_series(1, 2500)");
    for (bool in_transaction : {false, true}) {
        INFO("in transaction: " << in_transaction);
        if (in_transaction) db->begin();
        long long count = 0, sum = 0;
        bool ordered = true;
        db->query_each("SELECT i FROM " + db->table("n") + " WHERE i >= ? ORDER BY i", {std::string("1")},
                       [&](const SqlRow& row) {
                           long long value = std::stoll(*row.at(0));
                           ordered = ordered && value == count + 1;
                           ++count;
                           sum += value;
                           if (value == 1) {  // other statements may run while rows are read
                               CHECK(db->query("SELECT count(*) FROM " + db->table("n")) ==
                                     std::vector<SqlRow>{{std::string("2500")}});
                           }
                       });
        CHECK(count == 2500);
        CHECK(sum == 2500LL * 2501 / 2);
        CHECK(ordered);
        CHECK(db->in_transaction() == in_transaction);
        if (in_transaction) db->commit();
    }
    CHECK_THROWS_AS(db->query_each("SELECT * FROM " + db->table("missing"), {}, [](const SqlRow&) {}), DatabaseError);
    // The failed cursor left no transaction behind.
    CHECK_FALSE(db->in_transaction());
    CHECK(db->query("SELECT 1") == std::vector<SqlRow>{{std::string("1")}});
    db.reset();
    pg.drop_database(database);
}

TEST_CASE("PostgreSQL transactions commit, roll back and refuse nesting", "[db]") {
    auto pg = PgServer::require();
    std::string database = pg.create_database("bm_db_transactions");
    auto db = open_database(pg_location(pg, database), AccessMode::read_write);
    db->execute("CREATE TABLE t (v text)");
    test_support::check_begin_rollback_and_scoped_transactions(*db);
    {
        Transaction transaction(*db);
        CHECK_THROWS_AS(db->execute("INSERT INTO missing VALUES (1)"), DatabaseError);
    }
    CHECK_FALSE(db->in_transaction());
    CHECK_THROWS_AS(db->commit(), DatabaseError);
    CHECK_THROWS_AS(db->rollback(), DatabaseError);
    // Outside a transaction each statement commits at once.
    db->execute("INSERT INTO t VALUES ('autocommit')");
    CHECK(pg.psql_command(database, "SELECT string_agg(v, ',' ORDER BY v) FROM t") == "autocommit,committed\n");
    db.reset();
    pg.drop_database(database);
}

TEST_CASE("read-only PostgreSQL sessions cannot write", "[db]") {
    auto pg = PgServer::require();
    std::string database = pg.create_database("bm_db_read_only");
    pg.psql_command(database, "CREATE TABLE t (v text)");
    auto db = open_database(pg_location(pg, database), AccessMode::read_only);
    CHECK(db->query("SHOW default_transaction_read_only") == std::vector<SqlRow>{{std::string("on")}});
    CHECK_THROWS_WITH(db->execute("INSERT INTO t VALUES ('x')"), Catch::Contains("read-only transaction"));
    db.reset();
    pg.drop_database(database);
}

TEST_CASE("PostgreSQL reflection reports what SQLAlchemy's Inspector does", "[db]") {
    auto pg = PgServer::require();
    std::string database = pg.create_database("bm_db_reflect");
    pg.psql_command(database,
                    "CREATE EXTENSION IF NOT EXISTS btree_gist; CREATE SCHEMA refl; "
                    "CREATE TABLE refl.parent (id bigint PRIMARY KEY, name varchar(16) CONSTRAINT parent_unq_name UNIQUE); "
                    "CREATE TABLE refl.child (id bigint GENERATED BY DEFAULT AS IDENTITY, parent_id bigint NOT NULL, "
                    "label text COLLATE \"C\" DEFAULT 'x', ts timestamp with time zone DEFAULT now(), span int8range, "
                    "tags integer[], price numeric(10,2), seq bigserial, "
                    "CONSTRAINT child_pkey PRIMARY KEY (id), "
                    "CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES refl.parent (id) ON DELETE CASCADE, "
                    "CONSTRAINT child_price CHECK (price > 0), "
                    "CONSTRAINT child_excl EXCLUDE USING gist (parent_id WITH =, span WITH &&)); "
                    "CREATE INDEX child_lower ON refl.child (lower(label)); "
                    "CREATE UNIQUE INDEX child_pl ON refl.child (parent_id, label)");
    auto db = open_database(pg_location(pg, database, "refl"), AccessMode::read_only);
    CHECK(db->table_names() == std::vector<std::string>{"child", "parent"});

    auto child = db->reflect_table("child");
    const std::vector<std::tuple<std::string, std::string, bool, SqlValue>> columns = {
        {"id", "BIGINT", false, std::nullopt},
        {"parent_id", "BIGINT", false, std::nullopt},
        {"label", "TEXT COLLATE \"C\"", true, std::string("'x'::text")},
        {"ts", "TIMESTAMP", true, std::string("now()")},
        {"span", "INT8RANGE", true, std::nullopt},
        {"tags", "ARRAY", true, std::nullopt},
        {"price", "NUMERIC(10, 2)", true, std::nullopt},
        {"seq", "BIGINT", false, std::string("nextval('refl.child_seq_seq'::regclass)")},
    };
    REQUIRE(child.columns.size() == columns.size());
    for (size_t i = 0; i < columns.size(); ++i) {
        INFO("column " << i);
        CHECK(child.columns[i].name == std::get<0>(columns[i]));
        CHECK(child.columns[i].type == std::get<1>(columns[i]));
        CHECK(child.columns[i].nullable == std::get<2>(columns[i]));
        CHECK(child.columns[i].default_value == std::get<3>(columns[i]));
    }
    CHECK(child.primary_key.name == std::optional<std::string>("child_pkey"));
    CHECK(child.unique_constraints.empty());
    REQUIRE(child.foreign_keys.size() == 1);
    CHECK(child.foreign_keys[0].name == std::optional<std::string>("fk_child_parent"));
    CHECK(child.foreign_keys[0].referred_schema == std::optional<std::string>("refl"));
    CHECK(child.foreign_keys[0].referred_table == "parent");
    CHECK(child.foreign_keys[0].on_delete == std::optional<std::string>("CASCADE"));
    REQUIRE(child.check_constraints.size() == 1);  // the exclusion constraint is not a check
    CHECK(child.check_constraints[0].sqltext == "price > 0::numeric");
    // Every index but the primary key's, including the one behind the exclusion constraint.
    REQUIRE(child.indexes.size() == 3);
    CHECK(child.indexes[0].name == std::optional<std::string>("child_excl"));
    CHECK(child.indexes[0].columns == std::vector<std::string>{"parent_id", "span"});
    CHECK_FALSE(child.indexes[0].unique);
    CHECK(child.indexes[1].columns == std::vector<std::string>{"lower(label)"});
    CHECK(child.indexes[2].name == std::optional<std::string>("child_pl"));
    CHECK(child.indexes[2].unique);

    auto parent = db->reflect_table("parent");
    REQUIRE(parent.unique_constraints.size() == 1);
    CHECK(parent.unique_constraints[0].name == std::optional<std::string>("parent_unq_name"));
    REQUIRE(parent.indexes.size() == 1);  // the unique constraint's index is reported too
    CHECK(parent.indexes[0].name == std::optional<std::string>("parent_unq_name"));
    CHECK(parent.indexes[0].unique);
    db.reset();
    pg.drop_database(database);
}

// Tests of database URL parsing, rendering (SQLAlchemy 2.0 rules) and password redaction.
#include <catch2/catch.hpp>

#include <string>

#include "butler_migrate/config/db_url.hpp"
#include "butler_migrate/util/errors.hpp"

using butler_migrate::ConfigError;
using butler_migrate::DbUrl;
using butler_migrate::redact_url_text;

namespace {

// The message of the ConfigError that parsing `text` throws ("" if none is thrown).
std::string parse_error(const std::string& text) {
    try {
        DbUrl::parse(text);
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("db url: PostgreSQL URL with every component", "[config]") {
    DbUrl url = DbUrl::parse("postgresql://tester:secret@localhost:5432/testdb");
    CHECK(url.dialect == "postgresql");
    CHECK(url.driver.empty());
    CHECK(url.username == std::optional<std::string>("tester"));
    CHECK(url.password == std::optional<std::string>("secret"));
    CHECK(url.host == std::optional<std::string>("localhost"));
    CHECK(url.port == std::optional<std::string>("5432"));
    CHECK(url.database == std::optional<std::string>("testdb"));
    CHECK(url.query.empty());
    CHECK(url.render() == "postgresql://tester:***@localhost:5432/testdb");
    CHECK(url.render(false) == "postgresql://tester:secret@localhost:5432/testdb");
}

TEST_CASE("db url: driver after '+' and a user without password", "[config]") {
    DbUrl url = DbUrl::parse("postgresql+psycopg2://butler@db.example.org/registry");
    CHECK(url.dialect == "postgresql");
    CHECK(url.driver == "psycopg2");
    CHECK(url.username == std::optional<std::string>("butler"));
    CHECK_FALSE(url.password.has_value());
    CHECK_FALSE(url.port.has_value());
    CHECK(url.render() == "postgresql+psycopg2://butler@db.example.org/registry");
}

TEST_CASE("db url: SQLite relative, absolute and in-memory forms", "[config]") {
    DbUrl relative = DbUrl::parse("sqlite:///relative/gen3.sqlite3");
    CHECK(relative.dialect == "sqlite");
    CHECK_FALSE(relative.host.has_value());
    CHECK(relative.database == std::optional<std::string>("relative/gen3.sqlite3"));
    CHECK(relative.render() == "sqlite:///relative/gen3.sqlite3");

    DbUrl absolute = DbUrl::parse("sqlite:////data/repo1/gen3.sqlite3");
    CHECK(absolute.database == std::optional<std::string>("/data/repo1/gen3.sqlite3"));
    CHECK(absolute.render() == "sqlite:////data/repo1/gen3.sqlite3");

    DbUrl memory = DbUrl::parse("sqlite://");
    CHECK(memory.dialect == "sqlite");
    CHECK_FALSE(memory.host.has_value());
    CHECK_FALSE(memory.database.has_value());
    CHECK(memory.render() == "sqlite://");

    DbUrl empty_database = DbUrl::parse("sqlite:///");
    CHECK(empty_database.database == std::optional<std::string>(""));
    CHECK(empty_database.render() == "sqlite:///");
}

TEST_CASE("db url: IPv6 host in brackets", "[config]") {
    DbUrl url = DbUrl::parse("postgresql://me@[2001:db8::7]:5433/reg");
    CHECK(url.host == std::optional<std::string>("2001:db8::7"));
    CHECK(url.port == std::optional<std::string>("5433"));
    CHECK(url.database == std::optional<std::string>("reg"));
    CHECK(url.render() == "postgresql://me@[2001:db8::7]:5433/reg");
}

TEST_CASE("db url: user and password are percent-decoded, then quoted again on render", "[config]") {
    DbUrl url = DbUrl::parse("postgresql://us%40er:p%40ss%2Fw%3Ard@host/db");
    CHECK(url.username == std::optional<std::string>("us@er"));
    CHECK(url.password == std::optional<std::string>("p@ss/w:rd"));
    CHECK(url.render() == "postgresql://us%40er:***@host/db");
    CHECK(url.render(false) == "postgresql://us%40er:p%40ss%2Fw%3Ard@host/db");

    // SQLAlchemy keeps ' ' and '+' as they are, and quotes the rest of the reserved characters.
    DbUrl built;
    built.dialect = "postgresql";
    built.username = "a b+c";
    built.password = "x/y?z&%";
    built.host = "h";
    CHECK(built.render(false) == "postgresql://a b+c:x%2Fy%3Fz%26%25@h");
}

TEST_CASE("db url: query string parsed like parse_qsl and rendered sorted by key", "[config]") {
    DbUrl url = DbUrl::parse("postgresql://h/db?sslmode=require&application_name=my+app&a=1&a=2&empty=&flag");
    using Pair = std::pair<std::string, std::string>;
    std::vector<Pair> expected{{"sslmode", "require"}, {"application_name", "my app"}, {"a", "1"}, {"a", "2"}};
    CHECK(url.query == expected);
    CHECK(url.database == std::optional<std::string>("db"));
    CHECK(url.render() == "postgresql://h/db?a=1&a=2&application_name=my+app&sslmode=require");
}

TEST_CASE("db url: port is rendered as a number", "[config]") {
    CHECK(DbUrl::parse("postgresql://h:05432/db").render() == "postgresql://h:5432/db");
    CHECK(DbUrl::parse("postgresql://h:5432").render() == "postgresql://h:5432");
}

TEST_CASE("db url: unknown dialects are still parsed", "[config]") {
    DbUrl url = DbUrl::parse("mysql+mysqldb://scott@localhost/test");
    CHECK(url.dialect == "mysql");
    CHECK(url.driver == "mysqldb");
    CHECK(url.render() == "mysql+mysqldb://scott@localhost/test");
}

TEST_CASE("db url: malformed URLs throw without showing the password", "[config]") {
    std::string not_a_url = parse_error("not a url");
    CHECK(not_a_url == "Could not parse SQLAlchemy URL from given URL string: not a url");

    std::string bad_scheme = parse_error("bad scheme!://user:hunter2@host/db");
    CHECK(bad_scheme.find("hunter2") == std::string::npos);
    CHECK(bad_scheme.find("bad scheme!://user:***@host/db") != std::string::npos);

    std::string bad_port = parse_error("postgresql://user:hunter2@host:abc/db");
    CHECK(bad_port.find("hunter2") == std::string::npos);
    CHECK(bad_port.find("postgresql://user:***@host:abc/db") != std::string::npos);

    CHECK_FALSE(parse_error("postgresql://host:/db").empty());
}

TEST_CASE("db url: redact_url_text hides passwords in any URL-like text", "[config]") {
    CHECK(redact_url_text("postgresql://u:pw@h:5432/db") == "postgresql://u:***@h:5432/db");
    CHECK(redact_url_text("postgresql://u@h:5432/db") == "postgresql://u@h:5432/db");
    CHECK(redact_url_text("postgresql://h:5432/db") == "postgresql://h:5432/db");
    CHECK(redact_url_text("sqlite:////data/a:b/gen3.sqlite3") == "sqlite:////data/a:b/gen3.sqlite3");
    // A password containing '@' or '/' is hidden whole, whichever parser reads the text.
    CHECK(redact_url_text("postgresql://u:p@ss@h/db") == "postgresql://u:***@h/db");
    CHECK(redact_url_text("postgresql://u:pa/ss@h/db") == "postgresql://u:***@h/db");
    CHECK(redact_url_text("u:pw@h") == "u:***@h");
}

// Bad input: each gives one clear error line on stderr, a non-zero exit status, and an untouched database.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "backend_generator.hpp"
#include "test_registry.hpp"
#include "tool_environment.hpp"

using test_support::Backend;
using test_support::CommandResult;
using test_support::TestRegistry;

namespace {

using test_support::any_backend;

CommandResult run(const std::vector<std::string>& args, const test_support::Environment& env = {}) {
    return test_support::run_isolated(args, env);
}

// One line on stderr, starting with the tool's error prefix and containing `fragment`.
void check_one_line_error(const CommandResult& r, const std::string& fragment, int status) {
    INFO("stderr: " << r.err);
    CHECK(r.exit_status == status);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("butler-migrate: error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(fragment) != std::string::npos);
}

// Everything a command could have changed: all tables and all rows of the bookkeeping tables.
std::string snapshot(const TestRegistry& registry) {
    if (registry.backend() == Backend::sqlite) return test_support::read_file(registry.repo() + "/gen3.sqlite3");
    std::string out;
    for (const auto& row : registry.query(
             "SELECT table_name FROM information_schema.tables WHERE table_schema = 'test_ns' ORDER BY table_name")) {
        out += row[0].value_or("") + ";";
    }
    if (out.find("butler_attributes;") == std::string::npos) return out;
    for (const auto& row : registry.query("SELECT name || '=' || value FROM {schema}.butler_attributes ORDER BY name")) {
        out += row[0].value_or("") + ";";
    }
    return out;
}

}  // namespace

TEST_CASE("a repository that does not exist", "[cli][bad-input]") {
    check_one_line_error(run({"show-current", "/nonexistent/repo"}), "/nonexistent/repo", 3);
}

TEST_CASE("a folder without butler.yaml", "[cli][bad-input]") {
    test_support::TempDir dir;
    check_one_line_error(run({"show-current", dir.path()}), "butler.yaml", 3);
}

TEST_CASE("malformed butler.yaml", "[cli][bad-input]") {
    test_support::TempDir dir;
    test_support::write_file(dir.file("butler.yaml"), "registry:\n  db: [unclosed\n");
    check_one_line_error(run({"stamp", dir.path()}), "butler.yaml", 3);
}

TEST_CASE("an unknown database URL scheme", "[cli][bad-input]") {
    test_support::TempDir dir;
    test_support::write_file(dir.file("butler.yaml"), "registry:\n  db: mysql://user:topsecret@localhost/registry\n");
    auto r = run({"show-current", dir.path()});
    check_one_line_error(r, "mysql", 3);
    CHECK(r.err.find("topsecret") == std::string::npos);
}

TEST_CASE("an unreachable PostgreSQL server", "[cli][bad-input][postgresql]") {
    test_support::TempDir dir;
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    test_support::write_file(dir.file("butler.yaml"),
                             "registry:\n  db: postgresql://butler:topsecret@127.0.0.1:1/registry\n  namespace: ns\n");
    auto r = run({"show-current", dir.path()});
    check_one_line_error(r, "127.0.0.1", 4);
    CHECK(r.err.find("topsecret") == std::string::npos);
}

TEST_CASE("a wrong PostgreSQL password", "[cli][bad-input][postgresql]") {
    auto pg = test_support::PgServer::require();
    test_support::TempDir dir;
    test_support::write_file(dir.file("butler.yaml"), "registry:\n  db: postgresql://" + pg.user +
                                                          ":wrong-pass-123@" + pg.host + ":" + pg.port +
                                                          "/postgres\n  namespace: ns\n");
    auto r = run({"stamp", dir.path()});
    check_one_line_error(r, "password authentication failed", 4);
    CHECK(r.err.find("wrong-pass-123") == std::string::npos);
}

TEST_CASE("db-auth.yaml readable by others is refused as Butler refuses it", "[cli][bad-input][postgresql]") {
    auto pg = test_support::PgServer::require();
    test_support::TempDir dir;
    std::string auth = dir.file("db-auth.yaml");
    test_support::write_file(auth, "- url: postgresql://" + pg.host + "/\n  username: " + pg.user + "\n  password: " +
                                       pg.password + "\n");
    REQUIRE(chmod(auth.c_str(), 0644) == 0);
    test_support::write_file(dir.file("butler.yaml"), "registry:\n  db: postgresql://" + pg.host + ":" + pg.port +
                                                          "/postgres\n  namespace: ns\n");
    auto r = run({"show-current", dir.path()}, {{"LSST_DB_AUTH", auth}});
    check_one_line_error(r, "DbAuth configuration file " + auth + " has incorrect permissions: 100644", 3);
    CHECK(r.err.find(pg.password) == std::string::npos);

    // With 0600 the same file is used, and the password it holds gets us in.
    REQUIRE(chmod(auth.c_str(), 0600) == 0);
    auto ok = run({"show-current", dir.path()}, {{"LSST_DB_AUTH", auth}});
    CHECK(ok.err.find("incorrect permissions") == std::string::npos);
    CHECK(ok.err.find("password authentication failed") == std::string::npos);
}

TEST_CASE("a database that is not a Butler registry", "[cli][bad-input]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.execute("CREATE TABLE {schema}.something_else (x INTEGER)");
    auto before = snapshot(registry);
    for (const auto& command : {"show-current", "stamp"}) {
        check_one_line_error(run({command, registry.repo()}), "Not a Butler registry", 4);
    }
    CHECK(snapshot(registry) == before);
}

TEST_CASE("a corrupt config:dimensions.json", "[cli][bad-input]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    auto rows = TestRegistry::typical_attributes();
    rows.back().second = R"({"version": 4, "namespace": "daf_butler", "skypix": )";
    registry.create_attributes(rows);
    auto before = snapshot(registry);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"stamp", registry.repo()}, {"show-current", registry.repo()}, {"set-namespace", registry.repo()}}) {
        check_one_line_error(run(args), "config:dimensions.json is not valid JSON", 1);
    }
    CHECK(snapshot(registry) == before);
}

TEST_CASE("stamp of an unknown manager", "[cli][bad-input]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    auto before = snapshot(registry);
    check_one_line_error(run({"stamp", registry.repo(), "frobnicator"}),
                         "Unknown tree name frobnicator (not in the database or migrations)", 2);
    CHECK(snapshot(registry) == before);
}

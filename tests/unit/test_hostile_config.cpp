// Hostile configuration: butler.yaml that is a folder, unreadable, a symlink loop, empty or garbage; registry
// URLs to hosts that do not exist; SQLite files that are not databases; db-auth.yaml with open permissions or bad
// content. Each gives one clean error line with a documented exit status and never shows a password.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "hostile_test_support.hpp"

using namespace hostile_tests;
using test_support::TempDir;
using test_support::write_file;

namespace {

const std::string kSqliteYaml = "registry:\n  db: sqlite:///<butlerRoot>/gen3.sqlite3\n";

std::string test_password() {
    const char* password = std::getenv("BUTLER_MIGRATE_TEST_PG_PASSWORD");
    return password && *password ? password : "no-test-password-9f3c";
}

// A SQLite registry with the typical attributes and a 1 MB value, so that the file spans many pages.
std::string large_sqlite_registry(const TestRegistry& registry) {
    auto rows = TestRegistry::typical_attributes();
    rows.emplace_back("config:padding", std::string(1 << 20, 'p'));
    registry.create_attributes(rows);
    return registry.repo() + "/gen3.sqlite3";
}

}  // namespace

TEST_CASE("hostile: butler.yaml that is a directory", "[hostile]") {
    TempDir dir;
    std::filesystem::create_directory(dir.file("butler.yaml"));
    check_error(run({"show-current", dir.path()}), 3,
                "Unable to read configuration file " + dir.file("butler.yaml") + ": Is a directory");
}

TEST_CASE("hostile: butler.yaml that cannot be read", "[hostile]") {
    if (geteuid() == 0) {
        WARN("skipped: running as root, where file permissions do not block reading");
        return;
    }
    TempDir dir;
    write_file(dir.file("butler.yaml"), kSqliteYaml);
    REQUIRE(chmod(dir.file("butler.yaml").c_str(), 0) == 0);
    check_error(run({"show-current", dir.path()}), 3, "butler.yaml");
    chmod(dir.file("butler.yaml").c_str(), 0600);
}

TEST_CASE("hostile: butler.yaml that is a symlink loop", "[hostile]") {
    TempDir dir;
    std::filesystem::create_symlink(dir.file("butler.yaml"), dir.file("butler.yaml"));
    check_error(run({"show-current", dir.path()}), 3, dir.file("butler.yaml"));
    std::filesystem::create_symlink(dir.file("b.yaml"), dir.file("a.yaml"));
    std::filesystem::create_symlink(dir.file("a.yaml"), dir.file("b.yaml"));
    check_error(run({"show-current", dir.file("a.yaml")}), 3, "a.yaml");
}

TEST_CASE("hostile: an empty butler.yaml means Butler's default SQLite registry", "[hostile]") {
    TempDir dir;
    write_file(dir.file("butler.yaml"), "");
    check_error(run({"show-current", dir.path()}), 4,
                "SQLite database file " + dir.file("gen3.sqlite3") + " does not exist");
    TestRegistry registry(Backend::sqlite);
    registry.create_attributes(TestRegistry::typical_attributes());
    write_file(registry.repo() + "/butler.yaml", "");
    auto listing = run({"show-current", "--butler", registry.repo()});
    check_success(listing);
    CHECK(listing.out.rfind("attributes: ", 0) == 0);
}

TEST_CASE("hostile: butler.yaml full of binary garbage", "[hostile]") {
    TempDir dir;
    std::string garbage;
    for (int round = 0; round < 4; ++round) {
        for (int byte = 0; byte < 256; ++byte) garbage += static_cast<char>(byte);
    }
    write_file(dir.file("butler.yaml"), garbage);
    check_error(run({"show-current", dir.path()}), 3, dir.file("butler.yaml"));
    write_file(dir.file("butler.yaml"), "registry:\n  db: \"\x01\x02\xfe\xff\"\n");
    check_error(run({"show-current", dir.path()}), 3, "Could not parse SQLAlchemy URL");
}

TEST_CASE("hostile: non-UTF-8 bytes in butler.yaml", "[hostile]") {
    TempDir dir;
    write_file(dir.file("butler.yaml"), "registry:\n  db: sqlite:///<butlerRoot>/g\xff.sqlite3\n");
    check_error(run({"stamp", dir.path()}), 4, "does not exist");

    TestRegistry registry(Backend::postgresql);
    registry.create_attributes(TestRegistry::typical_attributes());
    const auto before = snapshot(registry);
    write_file(registry.repo() + "/butler.yaml", "registry:\n  db: " + registry.url() + "\n  namespace: \"n\xffs\"\n");
    for (const char* command : {"show-current", "stamp", "dump-schema"}) {
        check_error(run({command, registry.repo()}), 4, "invalid byte sequence for encoding \"UTF8\": 0xff");
    }
    CHECK(snapshot(registry) == before);
}

TEST_CASE("hostile: a registry on a host or port that does not exist fails fast", "[hostile][postgresql]") {
    const std::string password = test_password();
    for (const std::string& location : {std::string("nonexistent-host.invalid/registry"),
                                        std::string("127.0.0.1:1/registry"), std::string("[::1]:1/registry")}) {
        TempDir dir;
        write_file(dir.file("butler.yaml"),
                   "registry:\n  db: postgresql://butler:" + password + "@" + location + "\n  namespace: ns\n");
        const auto start = std::chrono::steady_clock::now();
        auto r = run({"stamp", dir.path()});
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        INFO(location);
        check_error(r, 4, "Cannot connect to PostgreSQL database postgresql://butler:***@");
        CHECK(r.err.find(password) == std::string::npos);
        CHECK(seconds < 5.0);
    }
}

TEST_CASE("hostile: a line break in the registry host name", "[hostile][postgresql]") {
    TempDir dir;
    write_file(dir.file("butler.yaml"), "registry:\n  db: \"postgresql://butler:" + test_password() +
                                            "@bad\\nhost.invalid/registry\"\n  namespace: ns\n");
    check_error(run({"show-current", dir.path()}), 4, "postgresql://butler:***@bad\\x0ahost.invalid/registry");
}

// The messages of the config and SQLite layers quote the URL as it is; a line break in it splits the error line.
// (src/cli/app.cpp escapes control characters in every message.)
TEST_CASE("hostile: a line break in other registry URLs", "[hostile]") {
    TempDir dir;
    for (const std::string& url : {std::string("sqlite:///a\\nb.sqlite3"), std::string("mysql://u@h/a\\nb"),
                                   std::string("bogus\\nurl")}) {
        INFO(url);
        write_file(dir.file("butler.yaml"), "registry:\n  db: \"" + url + "\"\n");
        auto r = run({"show-current", dir.path()});
        CHECK(r.exit_status != 0);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
}

TEST_CASE("hostile: a SQLite file that is not a database, empty, or truncated", "[hostile]") {
    TestRegistry registry(Backend::sqlite);
    const std::string file = registry.repo() + "/gen3.sqlite3";
    const std::vector<std::vector<std::string>> commands = {{"show-current", registry.repo()},
                                                             {"stamp", registry.repo()},
                                                             {"dump-schema", registry.repo()},
                                                             {"set-namespace", "--update", registry.repo(), "x"},
                                                             {"upgrade", registry.repo(), "c0e4f9ab4a5d"}};
    write_file(file, "registry:\n  this is a text file, not an SQLite database, with enough text to fill a header\n");
    for (const auto& args : commands) check_error(run(args), 4, file + " is not an SQLite database");
    CHECK(test_support::read_file(file).rfind("registry:\n  this is a text file", 0) == 0);

    write_file(file, "");
    for (const auto& args : commands) {
        if (args[0] == "dump-schema") check_error(run(args), 4, "Not a Butler registry: the database has no tables");
        else check_error(run(args), 4, "Not a Butler registry: table butler_attributes does not exist");
        write_file(file, "");  // see the next test
    }

    TestRegistry large(Backend::sqlite);
    const std::string large_file = large_sqlite_registry(large);
    const std::string content = test_support::read_file(large_file);
    for (size_t size : {size_t(2048), content.size() / 2}) {
        INFO("truncated to " << size << " of " << content.size() << " bytes");
        write_file(large_file, content.substr(0, size));
        for (const char* command : {"show-current", "stamp", "dump-schema"}) {
            check_error(run({command, large.repo()}), 4, "database disk image is malformed");
        }
        CHECK(std::filesystem::file_size(large_file) == size);
    }
}

// The SQLite migration lock (BEGIN EXCLUSIVE; COMMIT) writes a database header into an empty file before the
// registry is checked. (src/core/migration_lock.cpp leaves an empty file as it is.)
TEST_CASE("hostile: commands that fail on an empty SQLite file leave it empty", "[hostile]") {
    TestRegistry registry(Backend::sqlite);
    const std::string file = registry.repo() + "/gen3.sqlite3";
    for (const auto& args : std::vector<std::vector<std::string>>{{"stamp", registry.repo()},
                                                                   {"upgrade", registry.repo(), "c0e4f9ab4a5d"},
                                                                   {"downgrade", registry.repo(), "f22a777cf382"}}) {
        INFO(args[0]);
        write_file(file, "");
        check_error(run(args), 4, "Not a Butler registry: table butler_attributes does not exist");
        CHECK(std::filesystem::file_size(file) == 0);
    }
}

TEST_CASE("hostile: a 100 kB REPO path component", "[hostile]") {
    TempDir dir;
    const std::string repo = dir.path() + "/" + std::string(102400, 'r');
    check_error(run({"show-current", repo}), 3, dir.path() + "/rrrr");
    check_error(run({"stamp", repo + "/butler.yaml"}), 3, dir.path() + "/rrrr");
}

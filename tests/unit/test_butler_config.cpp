// Tests of repository configuration resolution: butler.yaml lookup, includes, defaults, root, aliases.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

#include "butler_migrate/config/butler_config.hpp"
#include "butler_migrate/util/errors.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"

using butler_migrate::ButlerConfig;
using butler_migrate::ConfigError;
using butler_migrate::DbAuth;
using butler_migrate::DbAuthEntry;
using butler_migrate::RegistryLocation;
using test_support::TempDir;
using test_support::write_file;

namespace fs = std::filesystem;

using test_support::ScopedEnv;

namespace {

// Runs in `dir` for the lifetime of the object.
class ScopedCwd {
public:
    explicit ScopedCwd(const std::string& dir) : old_(fs::current_path()) { fs::current_path(dir); }
    ~ScopedCwd() { fs::current_path(old_); }
    ScopedCwd(const ScopedCwd&) = delete;
    ScopedCwd& operator=(const ScopedCwd&) = delete;

private:
    fs::path old_;
};

// No configuration search path, repository index or credentials from the test environment.
struct CleanEnvironment {
    ScopedEnv config_path{"DAF_BUTLER_CONFIG_PATH", std::nullopt};
    ScopedEnv index{"DAF_BUTLER_REPOSITORY_INDEX", std::nullopt};
    ScopedEnv repositories{"DAF_BUTLER_REPOSITORIES", std::nullopt};
    ScopedEnv credentials{"LSST_DB_AUTH_CREDENTIALS", std::nullopt};
    ScopedEnv auth_path{"LSST_DB_AUTH", "/nonexistent/db-auth.yaml"};
};

// Location without any credentials file.
RegistryLocation locate(const std::string& repo) {
    return butler_migrate::registry_location(butler_migrate::load_butler_config(repo), DbAuth());
}

std::string config_error(const std::string& repo) {
    try {
        locate(repo);
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string sqlite_butler_yaml = "registry:\n  db: sqlite:///<butlerRoot>/gen3.sqlite3\n";

}  // namespace

TEST_CASE("butler config: a folder or the butler.yaml file itself", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    write_file(dir.file("butler.yaml"), sqlite_butler_yaml);
    const std::string expected = "sqlite:///" + dir.path() + "/gen3.sqlite3";  // four slashes: absolute path

    ButlerConfig from_folder = butler_migrate::load_butler_config(dir.path());
    CHECK(from_folder.config_file == dir.path() + "/butler.yaml");
    CHECK(from_folder.config_dir == dir.path());
    CHECK(locate(dir.path()).url.render() == expected);
    CHECK(locate(dir.path() + "/").url.render() == expected);
    CHECK(locate(dir.file("butler.yaml")).url.render() == expected);
    CHECK(locate("file://" + dir.path()).url.render() == expected);
    CHECK_FALSE(locate(dir.path()).schema.has_value());

    // A differently named YAML file: its own directory is the root.
    fs::create_directories(dir.file("elsewhere"));
    write_file(dir.file("elsewhere/other.yaml"), sqlite_butler_yaml);
    CHECK(locate(dir.file("elsewhere/other.yaml")).url.render() ==
          "sqlite:///" + dir.path() + "/elsewhere/gen3.sqlite3");

    // A relative REPO is relative to the current directory.
    ScopedCwd cwd(dir.path());
    CHECK(locate(".").url.render() == expected);
}

TEST_CASE("butler config: missing files and unsupported extensions", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    std::string missing_yaml = config_error(dir.path());
    CHECK(contains(missing_yaml, dir.path() + "/butler.yaml"));

    std::string missing_path = config_error(dir.file("nothere"));
    CHECK(contains(missing_path, "Config location " + dir.path() + "/nothere does not exist."));
    CHECK(contains(missing_path, "DAF_BUTLER_REPOSITORY_INDEX"));

    write_file(dir.file("butler.yml"), sqlite_butler_yaml);
    CHECK(config_error(dir.file("butler.yml")) ==
          "The Config URI does not have a supported extension: " + dir.path() + "/butler.yml");
}

TEST_CASE("butler config: JSON configuration file", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    write_file(dir.file("butler.json"),
               R"({"registry": {"db": "postgresql://u@dbhost:5432/reg", "namespace": "ns", "port": 1}})");
    RegistryLocation location = locate(dir.file("butler.json"));
    CHECK(location.url.render() == "postgresql://u@dbhost:5432/reg");
    CHECK(location.schema == std::optional<std::string>("ns"));
}

TEST_CASE("butler config: malformed YAML names the file and the parser message on one line", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    write_file(dir.file("butler.yaml"), "registry:\n  db: [unclosed\n  namespace: x\n");
    std::string message = config_error(dir.path());
    CHECK(contains(message, dir.path() + "/butler.yaml"));
    CHECK(contains(message, "yaml-cpp: error at line"));
    CHECK_FALSE(contains(message, "\n"));
}

TEST_CASE("butler config: without registry.db the default SQLite file under the config folder", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    write_file(dir.file("butler.yaml"), "datastore:\n  root: <butlerRoot>\n");
    CHECK(locate(dir.path()).url.render() == "sqlite:///" + dir.path() + "/gen3.sqlite3");
    write_file(dir.file("butler.yaml"), "");
    CHECK(locate(dir.path()).url.render() == "sqlite:///" + dir.path() + "/gen3.sqlite3");
    write_file(dir.file("butler.yaml"), "registry:\n  namespace: only_ns\n");
    RegistryLocation location = locate(dir.path());
    CHECK(location.url.render() == "sqlite:///" + dir.path() + "/gen3.sqlite3");
    CHECK(location.schema == std::optional<std::string>("only_ns"));
}

TEST_CASE("butler config: root key as path, file URI, relative path, other URI", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    write_file(dir.file("butler.yaml"), "root: /data/main/\n" + sqlite_butler_yaml);
    CHECK(locate(dir.path()).url.render() == "sqlite:////data/main/gen3.sqlite3");

    write_file(dir.file("butler.yaml"), "root: file:///data/my%20repo/\n" + sqlite_butler_yaml);
    CHECK(locate(dir.path()).url.render() == "sqlite:////data/my repo/gen3.sqlite3");

    fs::create_directories(dir.file("work"));
    write_file(dir.file("butler.yaml"), "root: ../store\n" + sqlite_butler_yaml);
    {
        ScopedCwd cwd(dir.file("work"));  // daf_butler makes a relative root absolute from the current folder
        CHECK(locate(dir.path()).url.render() == "sqlite:///" + dir.path() + "/store/gen3.sqlite3");
    }

    write_file(dir.file("butler.yaml"), "root: s3://bucket/repo\nregistry:\n  db: sqlite:///<butlerRoot>/x.db\n");
    CHECK(locate(dir.path()).url.render() == "sqlite:///s3://bucket/repo/x.db");
}

TEST_CASE("butler config: <butlerRoot> without a root", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    write_file(dir.file("butler.yaml"), "root: null\n" + sqlite_butler_yaml);
    CHECK(config_error(dir.path()) ==
          "Required to replace <butlerRoot> in 'sqlite:///<butlerRoot>/gen3.sqlite3' but a replacement has not "
          "been defined");
    write_file(dir.file("butler.yaml"), "root: ''\nregistry:\n  db: postgresql://u:s3cret@h/<butlerRoot>\n");
    CHECK(config_error(dir.path()) ==
          "Required to replace <butlerRoot> in 'postgresql://u:***@h/<butlerRoot>' but a replacement has not "
          "been defined");
    // No tag, no root needed.
    write_file(dir.file("butler.yaml"), "root: null\nregistry:\n  db: sqlite:////fixed/place.db\n");
    CHECK(locate(dir.path()).url.render() == "sqlite:////fixed/place.db");
}

TEST_CASE("butler config: !include tags, relative to the including file", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    fs::create_directories(dir.file("sub"));
    write_file(dir.file("butler.yaml"), "registry: !include sub/registry.yaml\n");
    write_file(dir.file("sub/registry.yaml"), "db: !include db.yaml\nnamespace: included_ns\n");
    write_file(dir.file("sub/db.yaml"), "postgresql://inc@inchost/incdb\n");
    RegistryLocation location = locate(dir.path());
    CHECK(location.url.render() == "postgresql://inc@inchost/incdb");
    CHECK(location.schema == std::optional<std::string>("included_ns"));

    // An included file that repeats the component name: registry.registry is used.
    write_file(dir.file("sub/registry.yaml"), "registry:\n  db: postgresql://h2/doubled\n");
    CHECK(locate(dir.path()).url.render() == "postgresql://h2/doubled");

    write_file(dir.file("butler.yaml"), "registry: !include sub/absent.yaml\n");
    CHECK(contains(config_error(dir.path()), dir.path() + "/sub/absent.yaml"));
}

TEST_CASE("butler config: includeConfigs merged in order, explicit keys win", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    write_file(dir.file("base.yaml"), "db: postgresql://basehost/basedb\nnamespace: base_ns\nusername: baseuser\n");
    write_file(dir.file("over.yaml"), "username: overuser\n");
    write_file(dir.file("butler.yaml"),
               "registry:\n  includeConfigs: [base.yaml, over.yaml]\n  namespace: explicit_ns\n");
    RegistryLocation location = locate(dir.path());
    CHECK(location.url.render() == "postgresql://overuser@basehost/basedb");
    CHECK(location.schema == std::optional<std::string>("explicit_ns"));

    // Top-level includeConfigs with a $VARIABLE in the name.
    ScopedEnv variable("BUTLER_MIGRATE_TEST_INCLUDE", dir.file("top.yaml"));
    write_file(dir.file("top.yaml"), "registry:\n  db: postgresql://tophost/topdb\n");
    write_file(dir.file("butler.yaml"), "includeConfigs: $BUTLER_MIGRATE_TEST_INCLUDE\n");
    CHECK(locate(dir.path()).url.render() == "postgresql://tophost/topdb");

    write_file(dir.file("butler.yaml"), "registry:\n  includeConfigs: nothere.yaml\n");
    CHECK(config_error(dir.path()) == "Unable to find referenced include file: nothere.yaml");
}

TEST_CASE("butler config: registry keys fill missing URL parts, namespace is the schema", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    write_file(dir.file("butler.yaml"),
               "registry:\n  db: postgresql://dbhost/reg\n  username: u\n  password: p@ss\n  port: 5433\n"
               "  host: ignored\n  namespace: my_schema\n");
    RegistryLocation location = locate(dir.path());
    CHECK(location.url.render(false) == "postgresql://u:p%40ss@dbhost:5433/reg");
    CHECK(location.url.render() == "postgresql://u:***@dbhost:5433/reg");
    CHECK(location.schema == std::optional<std::string>("my_schema"));

    write_file(dir.file("butler.yaml"), "registry:\n  db: postgresql://\n  host: h\n  database: d\n");
    CHECK(locate(dir.path()).url.render() == "postgresql://h/d");
}

TEST_CASE("butler config: credentials replace the URL password, looked up only when needed", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    write_file(dir.file("butler.yaml"), "registry:\n  db: postgresql://tester:old@localhost:5432/testdb\n");
    ButlerConfig config = butler_migrate::load_butler_config(dir.path());
    DbAuth auth({DbAuthEntry{std::string("postgresql://localhost"), std::nullopt, std::string("new")}});
    RegistryLocation location = butler_migrate::registry_location(config, auth);
    CHECK(location.url.render(false) == "postgresql://tester:new@localhost:5432/testdb");
    CHECK(location.url.render() == "postgresql://tester:***@localhost:5432/testdb");

    int loads = 0;
    auto counting = [&loads]() {
        ++loads;
        return DbAuth();
    };
    butler_migrate::registry_location(config, counting);
    CHECK(loads == 1);
    CHECK(butler_migrate::registry_location(config, counting).url.render(false) ==
          "postgresql://tester:old@localhost:5432/testdb");

    write_file(dir.file("butler.yaml"), sqlite_butler_yaml);
    auto failing = []() -> DbAuth { throw std::logic_error("credentials must not be read for SQLite"); };
    CHECK_NOTHROW(butler_migrate::registry_location(butler_migrate::load_butler_config(dir.path()), failing));
}

TEST_CASE("butler config: locate_registry reads db-auth only for server databases", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    write_file(dir.file("db-auth.yaml"), "- url: postgresql://authhost\n  username: au\n  password: apw\n");
    ::chmod(dir.file("db-auth.yaml").c_str(), 0644);  // refused when read
    ScopedEnv auth_path("LSST_DB_AUTH", dir.file("db-auth.yaml"));
    write_file(dir.file("butler.yaml"), sqlite_butler_yaml);
    CHECK(butler_migrate::locate_registry(dir.path()).url.render() == "sqlite:///" + dir.path() + "/gen3.sqlite3");

    write_file(dir.file("butler.yaml"), "registry:\n  db: postgresql://authhost/reg\n");
    CHECK_THROWS_AS(butler_migrate::locate_registry(dir.path()), ConfigError);
    ::chmod(dir.file("db-auth.yaml").c_str(), 0600);
    CHECK(butler_migrate::locate_registry(dir.path()).url.render(false) == "postgresql://au:apw@authhost/reg");
}

TEST_CASE("butler config: DAF_BUTLER_CONFIG_PATH registry.yaml defaults, earlier folders win", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    fs::create_directories(dir.file("first"));
    fs::create_directories(dir.file("second"));
    write_file(dir.file("first/registry.yaml"), "registry:\n  namespace: first_ns\n");
    write_file(dir.file("second/registry.yaml"), "db: postgresql://defhost/defdb\nnamespace: second_ns\n");
    ScopedEnv path("DAF_BUTLER_CONFIG_PATH", dir.file("first") + ":" + dir.file("second"));
    fs::create_directories(dir.file("repo"));
    write_file(dir.file("repo/butler.yaml"), "datastore: {}\n");
    RegistryLocation location = locate(dir.file("repo"));
    CHECK(location.url.render() == "postgresql://defhost/defdb");
    CHECK(location.schema == std::optional<std::string>("first_ns"));

    write_file(dir.file("repo/butler.yaml"), sqlite_butler_yaml);
    location = locate(dir.file("repo"));
    CHECK(location.url.render() == "sqlite:///" + dir.path() + "/repo/gen3.sqlite3");
    CHECK(location.schema == std::optional<std::string>("first_ns"));
}

TEST_CASE("butler config: the real fixtures", "[config]") {
    CleanEnvironment env;
    struct Case {
        const char* name;
        const char* url_after_folder;  // appended to "sqlite:///<folder>" for SQLite, or the whole PostgreSQL URL
        const char* schema;
    };
    const Case cases[] = {
        {"f2021_u0_dim600_int_name", "/gen3.sqlite3", nullptr},
        {"f2022_u1_dim601_int_name", "/gen3.sqlite3", nullptr},
        {"f2022_u2_dim602_default", "/gen3.sqlite3", nullptr},
        {"f2023_u4_26.0.0_default", "/gen3.sqlite3", nullptr},
        {"f2024_u5_default", "/gen3.sqlite3", nullptr},
        {"f2024_u7_v28_default", "/gen3.sqlite3", nullptr},
        {"f2025_head_default", "/gen3.sqlite3", nullptr},
        {"f2021_u0_dim600_int_name_pg", "postgresql://butler:butler@127.0.0.1:5432/f2021_u0_dim600_int_name_pg",
         "fixture"},
        {"f2023_u4_26.0.0_default_pg", "postgresql://butler:butler@127.0.0.1:5432/f2023_u4_26.0.0_default_pg",
         "fixture"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const std::string folder = fs::path(test_support::shared_path(std::string("fixtures/") + c.name))
                                       .lexically_normal()
                                       .string();
        RegistryLocation location = locate(folder);
        bool sqlite = c.schema == nullptr;
        CHECK(location.url.render(false) == (sqlite ? "sqlite:///" + folder + c.url_after_folder : c.url_after_folder));
        CHECK(location.schema == (sqlite ? std::nullopt : std::optional<std::string>(c.schema)));
    }
    const std::string pg = fs::path(test_support::shared_path("fixtures/f2023_u4_26.0.0_default_pg"))
                               .lexically_normal()
                               .string();
    CHECK(locate(pg).url.render() == "postgresql://butler:***@127.0.0.1:5432/f2023_u4_26.0.0_default_pg");
}

TEST_CASE("butler config: repository index aliases", "[config]") {
    CleanEnvironment env;
    TempDir dir;
    fs::create_directories(dir.file("repo"));
    write_file(dir.file("repo/butler.yaml"), sqlite_butler_yaml);
    write_file(dir.file("index.yaml"), "main: " + dir.file("repo") + "\ngone: " + dir.file("missing") + "\n");
    const std::string expected = "sqlite:///" + dir.path() + "/repo/gen3.sqlite3";
    {
        ScopedEnv index("DAF_BUTLER_REPOSITORY_INDEX", dir.file("index.yaml"));
        CHECK(locate("main").url.render() == expected);
        std::string unknown = config_error("nosuchlabel");
        CHECK(contains(unknown, "(given 'nosuchlabel' and known aliases: gone, main)"));
        CHECK(contains(config_error("gone"), "(resolved from alias 'gone')"));
        ScopedEnv both("DAF_BUTLER_REPOSITORIES", std::string("main: /x"));
        CHECK(contains(config_error("main"), "Only one of the environment variables"));
    }
    {
        write_file(dir.file("index.json"), "{\"json_label\": \"file://" + dir.file("repo") + "\"}");
        ScopedEnv index("DAF_BUTLER_REPOSITORY_INDEX", dir.file("index.json"));
        CHECK(locate("json_label").url.render() == expected);
    }
    {
        ScopedEnv direct("DAF_BUTLER_REPOSITORIES", "direct: " + dir.file("repo") + "\n");
        CHECK(locate("direct").url.render() == expected);
    }
    {
        ScopedEnv index("DAF_BUTLER_REPOSITORY_INDEX", dir.file("no-index.yaml"));
        std::string message = config_error("main");
        CHECK(contains(message, "does not exist."));
        CHECK(contains(message, "Butler repository index file not found at " + dir.file("no-index.yaml") + "."));
    }
}

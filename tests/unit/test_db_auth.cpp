// Tests of db-auth credentials: loading (environment, file, permissions) and lsst.utils.db_auth matching.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "butler_migrate/config/db_auth.hpp"
#include "butler_migrate/util/errors.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"

using butler_migrate::ConfigError;
using butler_migrate::DbAuth;
using butler_migrate::DbAuthEntry;
using butler_migrate::DbCredentials;
using butler_migrate::DbUrl;

using test_support::ScopedEnv;

namespace {

DbAuthEntry entry(const std::string& url, std::optional<std::string> username, std::optional<std::string> password) {
    return DbAuthEntry{url, std::move(username), std::move(password)};
}

// The password found for `url` with a single entry whose URL is `pattern` (nullopt if it does not match).
std::optional<std::string> password_for(const std::string& pattern, const std::string& url) {
    DbAuth auth({entry(pattern, std::nullopt, std::string("pw"))});
    std::optional<DbCredentials> found = auth.find(DbUrl::parse(url));
    if (!found) return std::nullopt;
    return found->password;
}

std::string find_error(const DbAuth& auth, const std::string& url) {
    try {
        auth.find(DbUrl::parse(url));
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "";
}

std::string environment_error() {
    try {
        DbAuth::from_environment();
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "";
}

const std::string connection = "postgresql://user@host.example.com:5432/my_database";
const std::string yaml_entries =
    "- url: postgresql://host.example.com/my_database\n"
    "  username: fromfile\n"
    "  password: filepw\n";

}  // namespace

TEST_CASE("db auth: documented patterns that match a connection", "[config]") {
    for (const char* pattern :
         {"postgresql://*", "postgresql://*.example.com", "postgresql://*.example.com/my_*",
          "postgresql://host.example.com/my_database", "postgresql://host.example.com:5432/my_database",
          "postgresql://user@host.example.com/my_database", "postgresql://host.example.com/",
          "postgresql://HOST.Example.com"}) {
        INFO(pattern);
        CHECK(password_for(pattern, connection) == std::optional<std::string>("pw"));
    }
}

TEST_CASE("db auth: dialect must equal the connection's, driver ignored", "[config]") {
    CHECK_FALSE(password_for("mysql://*", connection).has_value());
    CHECK(password_for("postgresql://*", "postgresql+psycopg2://u@h/db") == std::optional<std::string>("pw"));
    DbAuth with_driver({entry("postgresql+psycopg2://*", std::nullopt, std::string("pw"))});
    CHECK(find_error(with_driver, connection) ==
          "Authorization dictionary URLs should only specify dialects, got: postgresql+psycopg2. instead.");
}

TEST_CASE("db auth: host glob", "[config]") {
    CHECK(password_for("postgresql://db*.example.com", "postgresql://u@db1.example.com/x").has_value());
    CHECK_FALSE(password_for("postgresql://db*.example.com", "postgresql://u@web1.example.com/x").has_value());
    CHECK_FALSE(password_for("postgresql://other.example.com", connection).has_value());
    // Case-sensitive on the connection side (urllib lower-cases only the pattern's host).
    CHECK_FALSE(password_for("postgresql://host.example.com", "postgresql://u@HOST.example.com/x").has_value());
    // '?' cannot be a wildcard in a pattern URL: urllib reads it as the start of the query.
    CHECK_FALSE(password_for("postgresql://db?.example.com", "postgresql://u@db1.example.com/x").has_value());
    CHECK(password_for("postgresql://db?.example.com", "postgresql://u@db/x").has_value());
}

TEST_CASE("db auth: glob sets and ranges in the database pattern", "[config]") {
    CHECK(password_for("postgresql://h/reg_[ab]", "postgresql://u@h/reg_b").has_value());
    CHECK_FALSE(password_for("postgresql://h/reg_[ab]", "postgresql://u@h/reg_c").has_value());
    CHECK(password_for("postgresql://h/reg_[!ab]", "postgresql://u@h/reg_c").has_value());
    CHECK(password_for("postgresql://h/v[0-9]", "postgresql://u@h/v7").has_value());
    CHECK_FALSE(password_for("postgresql://h/v[0-9]", "postgresql://u@h/vx").has_value());
    CHECK(password_for("postgresql://h/a*b*c", "postgresql://u@h/a_b/x_c").has_value());
    CHECK(password_for("postgresql://h/[x", "postgresql://u@h/[x").has_value());  // unclosed '[' is literal
}

TEST_CASE("db auth: port must be equal when the pattern has one", "[config]") {
    CHECK(password_for("postgresql://h:5432", "postgresql://u@h:5432/db").has_value());
    CHECK_FALSE(password_for("postgresql://h:5432", "postgresql://u@h:5433/db").has_value());
    CHECK_FALSE(password_for("postgresql://h:5432", "postgresql://u@h/db").has_value());
    CHECK(password_for("postgresql://h", "postgresql://u@h:5433/db").has_value());
}

TEST_CASE("db auth: database glob on the pattern's path", "[config]") {
    CHECK(password_for("postgresql://h/reg_*", "postgresql://u@h/reg_main").has_value());
    CHECK_FALSE(password_for("postgresql://h/reg_*", "postgresql://u@h/other").has_value());
    CHECK(password_for("postgresql://h/", "postgresql://u@h/other").has_value());
}

TEST_CASE("db auth: username rules", "[config]") {
    // A pattern user must equal the connection user; a connection without user never matches it.
    CHECK_FALSE(password_for("postgresql://other@host.example.com", connection).has_value());
    CHECK_FALSE(password_for("postgresql://user@h", "postgresql://h/db").has_value());

    DbAuth auth({entry("postgresql://h", std::string("entryuser"), std::string("pw"))});
    std::optional<DbCredentials> from_entry = auth.find(DbUrl::parse("postgresql://h/db"));
    REQUIRE(from_entry);
    CHECK(from_entry->username == std::optional<std::string>("entryuser"));
    CHECK(from_entry->password == "pw");

    std::optional<DbCredentials> from_url = auth.find(DbUrl::parse("postgresql://urluser@h/db"));
    REQUIRE(from_url);
    CHECK(from_url->username == std::optional<std::string>("urluser"));

    DbAuth no_user({entry("postgresql://h", std::nullopt, std::string("pw"))});
    std::optional<DbCredentials> anonymous = no_user.find(DbUrl::parse("postgresql://h/db"));
    REQUIRE(anonymous);
    CHECK_FALSE(anonymous->username.has_value());
}

TEST_CASE("db auth: first matching entry wins, no match gives nothing", "[config]") {
    DbAuth auth({entry("postgresql://nomatch", std::nullopt, std::string("zero")),
                 entry("postgresql://*.example.com", std::nullopt, std::string("first")),
                 entry("postgresql://host.example.com", std::nullopt, std::string("second"))});
    std::optional<DbCredentials> found = auth.find(DbUrl::parse(connection));
    REQUIRE(found);
    CHECK(found->password == "first");
    CHECK_FALSE(auth.find(DbUrl::parse("postgresql://u@elsewhere.org/db")).has_value());
    CHECK_FALSE(DbAuth().find(DbUrl::parse(connection)).has_value());
}

TEST_CASE("db auth: malformed entries", "[config]") {
    CHECK(find_error(DbAuth({DbAuthEntry{std::nullopt, std::nullopt, std::string("pw")}}), connection) ==
          "Missing URL in DbAuth configuration");
    CHECK(find_error(DbAuth({entry("//host.example.com/db", std::nullopt, std::string("pw"))}), connection) ==
          "Missing database dialect in URL: //host.example.com/db");
    CHECK(find_error(DbAuth({entry("postgresql:///my_database", std::nullopt, std::string("pw"))}), connection) ==
          "Missing host in URL: postgresql:///my_database");
    // An entry for another dialect is skipped before its host is looked at.
    DbAuth skipped({entry("mysql:///x", std::nullopt, std::string("no")),
                    entry("postgresql://*", std::nullopt, std::string("yes"))});
    REQUIRE(skipped.find(DbUrl::parse(connection)));
    CHECK(skipped.find(DbUrl::parse(connection))->password == "yes");
    // Error messages never show a password written in an entry's URL.
    std::string message =
        find_error(DbAuth({entry("postgresql://u:topsecret@/db", std::nullopt, std::string("pw"))}),
                   "postgresql://u@h/db");
    CHECK(message == "Missing host in URL: postgresql://u:***@/db");
}

TEST_CASE("db auth: LSST_DB_AUTH_CREDENTIALS JSON takes priority", "[config]") {
    test_support::TempDir dir;
    test_support::write_file(dir.file("db-auth.yaml"), yaml_entries);
    ::chmod(dir.file("db-auth.yaml").c_str(), 0600);
    ScopedEnv path(std::string("LSST_DB_AUTH"), dir.file("db-auth.yaml"));
    ScopedEnv json(std::string("LSST_DB_AUTH_CREDENTIALS"),
                   std::string(R"([{"url": "postgresql://host.example.com", "password": "jsonpw"}])"));
    std::optional<DbCredentials> found = DbAuth::from_environment().find(DbUrl::parse(connection));
    REQUIRE(found);
    CHECK(found->password == "jsonpw");
    CHECK(found->username == std::optional<std::string>("user"));

    ScopedEnv bad_json(std::string("LSST_DB_AUTH_CREDENTIALS"), std::string("[{not json"));
    CHECK(environment_error() ==
          "Unable to load DbAuth configuration using JSON environment variable LSST_DB_AUTH_CREDENTIALS");
}

TEST_CASE("db auth: file named by LSST_DB_AUTH, 0600 accepted", "[config]") {
    test_support::TempDir dir;
    const std::string file = dir.file("db-auth.yaml");
    test_support::write_file(file, yaml_entries);
    ::chmod(file.c_str(), 0600);
    ScopedEnv json(std::string("LSST_DB_AUTH_CREDENTIALS"), std::string(""));
    ScopedEnv path(std::string("LSST_DB_AUTH"), file);
    std::optional<DbCredentials> found =
        DbAuth::from_environment().find(DbUrl::parse("postgresql://host.example.com/my_database"));
    REQUIRE(found);
    CHECK(found->username == std::optional<std::string>("fromfile"));
    CHECK(found->password == "filepw");
}

TEST_CASE("db auth: group or other permission bits are refused", "[config]") {
    test_support::TempDir dir;
    const std::string file = dir.file("db-auth.yaml");
    test_support::write_file(file, yaml_entries);
    ScopedEnv json(std::string("LSST_DB_AUTH_CREDENTIALS"), std::nullopt);
    ScopedEnv path(std::string("LSST_DB_AUTH"), file);
    ::chmod(file.c_str(), 0644);
    CHECK(environment_error() == "DbAuth configuration file " + file + " has incorrect permissions: 100644");
    ::chmod(file.c_str(), 0640);
    CHECK(environment_error() == "DbAuth configuration file " + file + " has incorrect permissions: 100640");
    ::chmod(file.c_str(), 0601);
    CHECK(environment_error() == "DbAuth configuration file " + file + " has incorrect permissions: 100601");
    ::chmod(file.c_str(), 0400);
    CHECK(environment_error().empty());
}

TEST_CASE("db auth: unparseable file", "[config]") {
    test_support::TempDir dir;
    const std::string file = dir.file("db-auth.yaml");
    test_support::write_file(file, "- url: [unclosed\n");
    ::chmod(file.c_str(), 0600);
    ScopedEnv json(std::string("LSST_DB_AUTH_CREDENTIALS"), std::nullopt);
    ScopedEnv path(std::string("LSST_DB_AUTH"), file);
    CHECK(environment_error() == "Unable to load DbAuth configuration file: " + file + ".");
    test_support::write_file(file, "url: not-a-list\n");
    CHECK(environment_error() == "Unable to load DbAuth configuration file: " + file + ".");
}

TEST_CASE("db auth: missing file means no credentials; default path under HOME", "[config]") {
    test_support::TempDir dir;
    ScopedEnv json(std::string("LSST_DB_AUTH_CREDENTIALS"), std::nullopt);
    {
        ScopedEnv path(std::string("LSST_DB_AUTH"), dir.file("absent.yaml"));
        CHECK_FALSE(DbAuth::from_environment().find(DbUrl::parse(connection)).has_value());
    }
    ScopedEnv path(std::string("LSST_DB_AUTH"), std::nullopt);
    ScopedEnv home(std::string("HOME"), dir.path());
    CHECK_FALSE(DbAuth::from_environment().find(DbUrl::parse(connection)).has_value());
    std::filesystem::create_directories(dir.file(".lsst"));
    test_support::write_file(dir.file(".lsst/db-auth.yaml"),
                             "- url: postgresql://*.example.com\n  password: homepw\n");
    ::chmod(dir.file(".lsst/db-auth.yaml").c_str(), 0600);
    std::optional<DbCredentials> found = DbAuth::from_environment().find(DbUrl::parse(connection));
    REQUIRE(found);
    CHECK(found->password == "homepw");
}

TEST_CASE("db auth: every group or other bit is refused, with the file's full mode", "[config][hostile]") {
    test_support::TempDir dir;
    const std::string file = dir.file("db-auth.yaml");
    test_support::write_file(file, yaml_entries);
    ScopedEnv json(std::string("LSST_DB_AUTH_CREDENTIALS"), std::nullopt);
    ScopedEnv path(std::string("LSST_DB_AUTH"), file);
    // lsst.utils DbAuth: any of S_IRWXG | S_IRWXO set; the message gives st_mode in octal (regular file 100000).
    const std::vector<std::pair<mode_t, std::string>> refused = {
        {0604, "100604"}, {0660, "100660"}, {0606, "100606"}, {0620, "100620"}, {0610, "100610"},
        {0602, "100602"}, {0666, "100666"}, {0777, "100777"}, {0704, "100704"}};
    for (const auto& [mode, text] : refused) {
        ::chmod(file.c_str(), mode);
        CHECK(environment_error() == "DbAuth configuration file " + file + " has incorrect permissions: " + text);
    }
    ::chmod(file.c_str(), 0700);
    CHECK(environment_error().empty());
}

TEST_CASE("db auth: a file its owner cannot read", "[config][hostile]") {
    if (::geteuid() == 0) {
        WARN("skipped: running as root, where file permissions do not block reading");
        return;
    }
    test_support::TempDir dir;
    const std::string file = dir.file("db-auth.yaml");
    test_support::write_file(file, yaml_entries);
    ::chmod(file.c_str(), 0);
    ScopedEnv json(std::string("LSST_DB_AUTH_CREDENTIALS"), std::nullopt);
    ScopedEnv path(std::string("LSST_DB_AUTH"), file);
    CHECK(environment_error() == "Unable to load DbAuth configuration file: " + file + ".");
    ::chmod(file.c_str(), 0600);
}

TEST_CASE("db auth: a folder or a symlink loop at the db-auth path gives no credentials", "[config][hostile]") {
    test_support::TempDir dir;
    ScopedEnv json(std::string("LSST_DB_AUTH_CREDENTIALS"), std::nullopt);
    std::filesystem::create_directory(dir.file("folder.yaml"));
    {
        ScopedEnv path(std::string("LSST_DB_AUTH"), dir.file("folder.yaml"));
        CHECK_FALSE(DbAuth::from_environment().find(DbUrl::parse(connection)).has_value());
    }
    std::filesystem::create_symlink(dir.file("loop.yaml"), dir.file("loop.yaml"));
    ScopedEnv path(std::string("LSST_DB_AUTH"), dir.file("loop.yaml"));
    CHECK_FALSE(DbAuth::from_environment().find(DbUrl::parse(connection)).has_value());
}

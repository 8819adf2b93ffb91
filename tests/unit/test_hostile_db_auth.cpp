// db-auth.yaml through the executable: open permissions are refused as lsst.utils DbAuth refuses them, bad
// content gives one clean error, and the password it holds never shows in any output.
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "hostile_test_support.hpp"

using namespace hostile_tests;
using test_support::PgServer;
using test_support::TempDir;
using test_support::write_file;

namespace {

// A repository whose butler.yaml names the test server without user or password, and a db-auth.yaml next to it.
struct AuthSetup {
    PgServer pg = PgServer::require();
    TempDir dir;
    std::string auth = dir.file("db-auth.yaml");

    AuthSetup() {
        write_file(dir.file("butler.yaml"),
                   "registry:\n  db: postgresql://" + pg.host + ":" + pg.port + "/postgres\n  namespace: ns\n");
    }
    void write_auth(const std::string& content, mode_t mode) const {
        write_file(auth, content);
        REQUIRE(chmod(auth.c_str(), mode) == 0);
    }
    std::string good_entry() const {
        return "- url: postgresql://" + pg.host + "/\n  username: " + pg.user + "\n  password: " + pg.password + "\n";
    }
    CommandResult run_with_auth(const std::string& command = "show-current") const {
        return run({command, dir.path()}, {{"LSST_DB_AUTH", auth}});
    }
};

}  // namespace

TEST_CASE("hostile: db-auth.yaml with group or other permission bits is refused", "[hostile][postgresql]") {
    AuthSetup setup;
    for (mode_t mode : {0640, 0604, 0644, 0660, 0606, 0666, 0610, 0601, 0620, 0602, 0700 | 0004}) {
        INFO(fmt::format("mode {:o}", mode));
        setup.write_auth(setup.good_entry(), mode);
        for (const char* command : {"show-current", "stamp", "set-namespace"}) {
            check_error(setup.run_with_auth(command), 3,
                        fmt::format("DbAuth configuration file {} has incorrect permissions: {:o}", setup.auth,
                                    0100000 | mode));
        }
    }
}

TEST_CASE("hostile: db-auth.yaml readable by its owner only is used", "[hostile][postgresql]") {
    AuthSetup setup;
    for (mode_t mode : {0600, 0400, 0700}) {
        INFO(fmt::format("mode {:o}", mode));
        setup.write_auth(setup.good_entry(), mode);
        // Logged in with the file's password: the schema "ns" does not exist in database postgres.
        check_error(setup.run_with_auth(), 4, "Not a Butler registry: table butler_attributes does not exist");
    }
}

TEST_CASE("hostile: db-auth.yaml that cannot be read", "[hostile][postgresql]") {
    if (geteuid() == 0) {
        WARN("skipped: running as root, where file permissions do not block reading");
        return;
    }
    AuthSetup setup;
    setup.write_auth(setup.good_entry(), 0);
    check_error(setup.run_with_auth(), 3, "Unable to load DbAuth configuration file: " + setup.auth + ".");
    chmod(setup.auth.c_str(), 0600);
}

TEST_CASE("hostile: malformed db-auth.yaml content", "[hostile][postgresql]") {
    AuthSetup setup;
    const std::string unable = "Unable to load DbAuth configuration file: " + setup.auth + ".";
    std::string garbage;
    for (int byte = 0; byte < 256; ++byte) garbage += static_cast<char>(byte);
    const std::string secret = "pw-" + setup.pg.password;
    for (const auto& [content, message] : std::vector<std::pair<std::string, std::string>>{
             {"- url: [unclosed\n  password: " + secret + "\n", unable},
             {"url: postgresql://x/\npassword: " + secret + "\n", unable},
             {"just a string " + secret + "\n", unable},
             {"- just a string " + secret + "\n", unable},
             {"- url: {a: b}\n  password: " + secret + "\n", unable},
             {garbage, unable},
             {"- username: u\n  password: " + secret + "\n", "Missing URL in DbAuth configuration"},
             {"- url: //" + setup.pg.host + "/\n  password: " + secret + "\n",
              "Missing database dialect in URL: //" + setup.pg.host + "/"},
             {"- url: postgresql+psycopg2://" + setup.pg.host + "/\n  password: " + secret + "\n",
              "Authorization dictionary URLs should only specify dialects, got: postgresql+psycopg2. instead."},
             {"- url: postgresql://" + setup.pg.host + "/\n  username: u\n", "Missing password in DbAuth configuration "
                                                                             "for URL: postgresql://" + setup.pg.host + "/"},
             {"- url: postgresql:///postgres\n  password: " + secret + "\n", "Missing host in URL: postgresql:///postgres"},
         }) {
        INFO(content.substr(0, 60));
        setup.write_auth(content, 0600);
        auto r = setup.run_with_auth();
        check_error(r, 3, message);
        CHECK(r.err.find(secret) == std::string::npos);
    }
}

TEST_CASE("hostile: malformed LSST_DB_AUTH_CREDENTIALS", "[hostile][postgresql]") {
    AuthSetup setup;
    for (const std::string& json : {std::string("[{not json"), std::string("{\"url\": \"x\"}"), std::string("[1, 2]"),
                                    std::string("[{\"url\": [\"postgresql://h/\"]}]")}) {
        INFO(json);
        auto r = run({"show-current", setup.dir.path()}, {{"LSST_DB_AUTH_CREDENTIALS", json}});
        check_error(r, 3, "Unable to load DbAuth configuration using JSON environment variable LSST_DB_AUTH_CREDENTIALS");
    }
}

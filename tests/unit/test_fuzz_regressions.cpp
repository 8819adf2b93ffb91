// Regression tests for the crashes and wrong errors the fuzz targets (tests/fuzz) found in the parsers.
#include <catch2/catch.hpp>

#include <string>

#include "butler_migrate/config/butler_config.hpp"
#include "butler_migrate/config/db_url.hpp"
#include "butler_migrate/util/errors.hpp"
#include "util/yaml_to_json.hpp"
#include "test_support.hpp"
#include "tool_environment.hpp"

using butler_migrate::DbUrl;
using butler_migrate::MigrationError;

namespace {

// Long enough that std::regex's recursive matcher overflowed an 8 MiB stack (it did from ~50,000 characters
// without sanitizers, ~5,000 with AddressSanitizer).
constexpr std::size_t kLong = 200000;

}  // namespace

TEST_CASE("fuzz regression: a very long database URL parses without exhausting the stack", "[fuzz-regression]") {
    const std::string database(kLong, 'd');
    DbUrl url = DbUrl::parse("postgresql://someone@db.example.org:5432/" + database);
    CHECK(url.dialect == "postgresql");
    CHECK(url.username == std::optional<std::string>("someone"));
    CHECK(url.host == std::optional<std::string>("db.example.org"));
    CHECK(url.port == std::optional<std::string>("5432"));
    CHECK(url.database == std::optional<std::string>(database));

    // A long user name with '@' inside: it runs to the last '@' before the host.
    const std::string user(kLong, 'u');
    DbUrl odd = DbUrl::parse("sqlite://" + user + "@x@host/");
    CHECK(odd.username == std::optional<std::string>(user + "@x"));
    CHECK(odd.host == std::optional<std::string>("host"));
    CHECK(odd.database == std::optional<std::string>(""));
}

TEST_CASE("fuzz regression: very long plain YAML numbers are typed without exhausting the stack",
          "[fuzz-regression]") {
    // PyYAML reads 1.000...0 as the float 1.0, and a long run of digits as an integer (too big for JSON here).
    CHECK(butler_migrate::yaml_to_python_json("x: 1." + std::string(kLong, '0') + "\n", "long.yaml") ==
          "{\"x\": 1.0}");
    CHECK_THROWS_AS(butler_migrate::yaml_to_python_json("x: " + std::string(kLong, '7') + "\n", "long.yaml"),
                    MigrationError);
    // Not a number (a letter at the end): stays a string.
    const std::string text = std::string(kLong, '1') + "z";
    CHECK(butler_migrate::yaml_to_python_json("x: " + text + "\n", "long.yaml") == "{\"x\": \"" + text + "\"}");
}

TEST_CASE("fuzz regression: YAML on which yaml-cpp's LoadAll never returns is refused", "[fuzz-regression]") {
    // yaml-cpp 0.7 reports endless empty documents for this text; PyYAML refuses it as invalid.
    const std::string text = ",  y: 2}\nother: &m {z: 2}\n):\n  v[mmamrsesepmsb";
    try {
        butler_migrate::yaml_to_python_json(text, "stuck.yaml");
        FAIL("no error");
    } catch (const MigrationError& error) {
        CHECK(std::string(error.what()).rfind("stuck.yaml: not valid YAML", 0) == 0);
    }
    // Several documents are still counted.
    try {
        butler_migrate::yaml_to_python_json("a: 1\n---\nb: 2\n---\nc: 3\n", "three.yaml");
        FAIL("no error");
    } catch (const MigrationError& error) {
        CHECK(std::string(error.what()) == "three.yaml: expected a single YAML document, found 3");
    }
}

TEST_CASE("fuzz regression: YAML that is not UTF-8 or holds control characters is refused as PyYAML does",
          "[fuzz-regression]") {
    // Encoded surrogates (ED BF BF) and a stray continuation byte: Python's UTF-8 decoder refuses both; the
    // output was JSON with lone surrogates that no JSON parser reads back.
    CHECK_THROWS_WITH(butler_migrate::yaml_to_python_json("a: x\xed\xbf\xbf\n", "bad.yaml"),
                      "bad.yaml: not valid UTF-8 at byte 4");
    CHECK_THROWS_WITH(butler_migrate::yaml_to_python_json("a: \x80\n", "bad.yaml"),
                      "bad.yaml: not valid UTF-8 at byte 3");
    CHECK_THROWS_WITH(butler_migrate::yaml_to_python_json(std::string("a: \x01" "b\n"), "bad.yaml"),
                      "bad.yaml: unacceptable character #x0001: special characters are not allowed");
    // Printable non-ASCII text is fine, and written with \u escapes as json.dumps does.
    CHECK(butler_migrate::yaml_to_python_json("a: \xc3\xa9\xf0\x9f\x98\x80\n", "ok.yaml") ==
          "{\"a\": \"\\u00e9\\ud83d\\ude00\"}");
}

TEST_CASE("fuzz regression: includeConfigs under a repeated key does not leak a yaml-cpp exception",
          "[fuzz-regression]") {
    // The includeConfigs path leads through the first "registry", a plain value: yaml-cpp threw BadSubscript
    // (std::terminate in the tool). Now the include whose mapping is gone is skipped.
    test_support::TempDir dir;
    test_support::write_file(dir.file("other.yaml"), "db: sqlite:///other.db\n");
    test_support::write_file(dir.file("butler.yaml"),
                             "registry: plain\nregistry:\n  includeConfigs: other.yaml\n");
    std::string outcome;
    try {
        butler_migrate::ButlerConfig config = butler_migrate::load_butler_config(dir.path());
        outcome = "loaded";
    } catch (const butler_migrate::ConfigError& error) {
        outcome = std::string("ConfigError: ") + error.what();
    }
    CHECK(outcome == "loaded");
}

TEST_CASE("fuzz regression: an alias inside its own anchor is refused, not followed forever", "[fuzz-regression]") {
    // Found by fuzz_butler_config in CI (49 bytes): the merge key `<<: *b` inside anchor &b makes a cycle, and
    // resolving tags recursed until the stack overflowed.
    test_support::TempDir dir;
    test_support::write_file(dir.file("butler.yaml"), "base: &b\n  dsbq:(lite:// ! <<: *b\n  namespace: ~\n");
    std::string outcome;
    try {
        butler_migrate::load_butler_config(dir.path());
        outcome = "loaded";
    } catch (const butler_migrate::ConfigError& error) {
        outcome = error.what();
    }
    CHECK(outcome.find("nests more than 256 levels deep") != std::string::npos);
    auto result = test_support::run_isolated({"show-current", dir.path()});
    CHECK(result.exit_status == 3);
    CHECK(result.err.rfind("butler-migrate: error: Configuration in ", 0) == 0);
}

// Historical dimension universes: file lookup, YAML → json.dumps bytes, JSON normalising, difflib diffs and
// upstream's validate_dimensions_json.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <openssl/evp.h>
#include <sqlite3.h>

#include "butler_migrate/steps/dimension_universe.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/python_json.hpp"
#include "util/unified_diff.hpp"
#include "util/yaml_to_json.hpp"
#include "scoped_env.hpp"
#include "stored_dimensions_json.hpp"
#include "test_support.hpp"

using namespace butler_migrate;

using test_support::ScopedEnv;
using test_support::stored_dimensions_json;

namespace {

// The environment the universe files are found with in these tests: only DAF_BUTLER_DIR, set to ../shared.
struct SharedDafButler {
    ScopedEnv daf_butler{"DAF_BUTLER_DIR", test_support::shared_path("daf_butler")};
    ScopedEnv override_dir{"BUTLER_MIGRATE_UNIVERSE_DIR", std::nullopt};
};

std::string sha256_hex(const std::string& data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    REQUIRE(EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) == 1);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int k = 0; k < size; ++k) {
        out += hex[digest[k] >> 4];
        out += hex[digest[k] & 15];
    }
    return out;
}

std::string yaml_json(const std::string& yaml) { return yaml_to_python_json(yaml, "test.yaml"); }

const std::string old_dimensions = "/python/lsst/daf/butler/configs/old_dimensions";

}  // namespace

TEST_CASE("universes 5, 6 and 7 give Python's json.dumps bytes", "[universe]") {
    SharedDafButler env;
    // Byte counts and sha256 from REFERENCE §5.0.
    CHECK(load_historical_universe_json(5).size() == 13481);
    CHECK(sha256_hex(load_historical_universe_json(5)) ==
          "a7d1a344f44fcd8a8023fe2bbe7e348f44656c330f5866661a8a71e75b9fc19f");
    CHECK(load_historical_universe_json(6).size() == 13569);
    CHECK(sha256_hex(load_historical_universe_json(6)) ==
          "4b3939d97cfd98a79978c21d8902b830b4bade8a3aca27576be27fa5ce8ecc10");
    CHECK(load_historical_universe_json(7).size() == 13819);
    CHECK(sha256_hex(load_historical_universe_json(7)) ==
          "282bc3a6b98edbdc207f7d58183905b22379ffe83db26cdea0ac7a6342b3fa7b");
}

TEST_CASE("universes 0 to 8 all convert, each carrying its own version", "[universe]") {
    SharedDafButler env;
    // sha256 of json.dumps(yaml.safe_load(file)) computed with CPython 3.11 and PyYAML 6.0.3.
    const std::vector<std::string> python_sha256 = {
        "07a47af900f78ae645a8ae52b6b3b7cf0fe6e094a1bc4a795108a2a36a324cd4",
        "a7a08f0a341daf4d36150fc3119a79b5ff29d88995362dc8cf18736bf5efe1c3",
        "c749fd4b3f7b80e6b5511e8d48d0c90cc4c89936cfc8ef9a7d1caf128f9253f9",
        "cbe144c077c8f10be3127cd06a80b25ef66b435da43d1fd554c2350f1c486c5f",
        "a24fefd564dda4c203e0210de732a4b6a1c7e9960c3103c5922d15a2c52763d4",
        "a7d1a344f44fcd8a8023fe2bbe7e348f44656c330f5866661a8a71e75b9fc19f",
        "4b3939d97cfd98a79978c21d8902b830b4bade8a3aca27576be27fa5ce8ecc10",
        "282bc3a6b98edbdc207f7d58183905b22379ffe83db26cdea0ac7a6342b3fa7b",
        "0902d42ba3f497cda95c924a0f3d739ad9a05b64a18c2aea319eb4de443f8159",
    };
    for (int version = 0; version <= 8; ++version) {
        INFO("universe " << version);
        std::string json = load_historical_universe_json(version);
        CHECK(parse_json(json, "universe")["version"] == version);
        CHECK(sha256_hex(json) == python_sha256[static_cast<std::size_t>(version)]);
    }
}

TEST_CASE("fixtures created by daf_butler store exactly the historical universe JSON", "[universe]") {
    SharedDafButler env;
    // daf_butler itself wrote these values with json.dumps when it created each repository.
    auto [fixture, version] = GENERATE(table<std::string, int>({{"f2021_u0_dim600_int_name", 0},
                                                                {"f2022_u1_dim601_int_name", 1},
                                                                {"f2022_u2_dim602_default", 2},
                                                                {"f2023_u4_26.0.0_default", 4},
                                                                {"f2024_u5_default", 5},
                                                                {"f2024_u7_v28_default", 7}}));
    INFO(fixture);
    CHECK(load_historical_universe_json(version) == stored_dimensions_json(fixture));
}

TEST_CASE("universe files: option beats BUTLER_MIGRATE_UNIVERSE_DIR beats DAF_BUTLER_DIR", "[universe]") {
    test_support::TempDir option_dir, env_dir;
    test_support::write_file(option_dir.file("daf_butler_universe6.yaml"), "version: 6\nfrom: option\n");
    test_support::write_file(env_dir.file("daf_butler_universe6.yaml"), "version: 6\nfrom: environment\n");
    std::string daf_butler = test_support::shared_path("daf_butler");
    ScopedEnv dir_env("DAF_BUTLER_DIR", daf_butler);

    SECTION("DAF_BUTLER_DIR alone") {
        ScopedEnv unset("BUTLER_MIGRATE_UNIVERSE_DIR", std::nullopt);
        CHECK(historical_universe_path(6) == daf_butler + old_dimensions + "/daf_butler_universe6.yaml");
        ScopedEnv empty("BUTLER_MIGRATE_UNIVERSE_DIR", std::string());  // empty counts as unset
        CHECK(historical_universe_path(6) == daf_butler + old_dimensions + "/daf_butler_universe6.yaml");
    }
    SECTION("the environment override") {
        ScopedEnv set("BUTLER_MIGRATE_UNIVERSE_DIR", env_dir.path());
        CHECK(historical_universe_path(6) == env_dir.file("daf_butler_universe6.yaml"));
        CHECK(load_historical_universe_json(6) == R"({"version": 6, "from": "environment"})");
        CHECK(load_historical_universe_json(6, option_dir.path()) == R"({"version": 6, "from": "option"})");
    }
}

TEST_CASE("a missing universe file names what was looked for and how to fix it", "[universe]") {
    test_support::TempDir empty;
    ScopedEnv unset("BUTLER_MIGRATE_UNIVERSE_DIR", std::nullopt);
    SECTION("under DAF_BUTLER_DIR") {
        ScopedEnv set("DAF_BUTLER_DIR", empty.path());
        CHECK_THROWS_MATCHES(load_historical_universe_json(6), MigrationError,
                             Catch::Message("Cannot find dimension universe 6: " + empty.path() + old_dimensions +
                                            "/daf_butler_universe6.yaml does not exist (set DAF_BUTLER_DIR to a "
                                            "daf_butler installation, or BUTLER_MIGRATE_UNIVERSE_DIR to a folder with "
                                            "daf_butler_universe6.yaml, or pass --options universe_dir=<folder>)"));
    }
    SECTION("no DAF_BUTLER_DIR") {
        ScopedEnv unset_dir("DAF_BUTLER_DIR", std::nullopt);
        CHECK_THROWS_MATCHES(historical_universe_path(5), MigrationError,
                             Catch::Message("Cannot find dimension universe 5: DAF_BUTLER_DIR is not set (set "
                                            "DAF_BUTLER_DIR to a daf_butler installation, or "
                                            "BUTLER_MIGRATE_UNIVERSE_DIR to a folder with daf_butler_universe5.yaml, "
                                            "or pass --options universe_dir=<folder>)"));
    }
    SECTION("the overrides") {
        ScopedEnv set("BUTLER_MIGRATE_UNIVERSE_DIR", empty.path());
        CHECK_THROWS_WITH(historical_universe_path(7),
                          "Cannot find dimension universe 7: " + empty.file("daf_butler_universe7.yaml") +
                              " does not exist (BUTLER_MIGRATE_UNIVERSE_DIR=" + empty.path() +
                              " must name a folder with daf_butler_universe7.yaml)");
        CHECK_THROWS_WITH(historical_universe_path(7, std::string("/nowhere")),
                          "Cannot find dimension universe 7: /nowhere/daf_butler_universe7.yaml does not exist "
                          "(--options universe_dir=/nowhere must name a folder with daf_butler_universe7.yaml)");
    }
}

TEST_CASE("YAML 1.1 implicit types as PyYAML resolves them", "[universe]") {
    // Expected values follow PyYAML's resolver and constructors (YAML 1.1), checked by hand.
    CHECK(yaml_json("a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: True\n") ==
          R"({"a": true, "b": false, "c": true, "d": false, "e": "y", "f": true})");
    CHECK(yaml_json("a: 12\nb: -0x1F\nc: 017\nd: 0b101\ne: 1_000\nf: 1:30\ng: 09\nh: -0\n") ==
          R"({"a": 12, "b": -31, "c": 15, "d": 5, "e": 1000, "f": 90, "g": "09", "h": 0})");
    CHECK(yaml_json("a: 1.5\nb: 1.\nc: .5\nd: 1.0e+5\ne: 1e5\nf: -.inf\ng: .NaN\nh: 1:30.5\n") ==
          R"({"a": 1.5, "b": 1.0, "c": 0.5, "d": 100000.0, "e": "1e5", "f": -Infinity, "g": NaN, "h": 90.5})");
    CHECK(yaml_json("a: ~\nb:\nc: Null\nd: ''\ne: \"null\"\nf: 'yes'\n") ==
          R"({"a": null, "b": null, "c": null, "d": "", "e": "null", "f": "yes"})");
    CHECK(yaml_json("a: !!str 12\nb: !!int '42'\nc: !!float 3\nd: !!str\n") ==
          R"({"a": "12", "b": 42, "c": 3.0, "d": ""})");
    CHECK(yaml_json("1: a\n2.5: b\nno: c\n~: d\n") == R"({"1": "a", "2.5": "b", "false": "c", "null": "d"})");
    CHECK(yaml_json("a: caf\xc3\xa9\n") == R"({"a": "caf\u00e9"})");
}

TEST_CASE("multi-line scalars, order, repeated keys and merge keys as PyYAML loads them", "[universe]") {
    CHECK(yaml_json("doc: >\n  one\n  two\n\n  three\nlit: |\n  x\n   y\nstrip: >-\n  s\nplain: p\n  q\n") ==
          R"({"doc": "one two\nthree\n", "lit": "x\n y\n", "strip": "s", "plain": "p q"})");
    CHECK(yaml_json("z: 1\na: 2\nz: 3\n") == R"({"z": 3, "a": 2})");
    CHECK(yaml_json("1: a\ntrue: b\n") == R"({"1": "b"})");  // Python: True == 1, one dict key
    CHECK(yaml_json("b: &b {x: 1, y: 2}\no: &o {y: 20, z: 30}\nm: {<<: [*b, *o], w: 0, x: 9}\n") ==
          R"({"b": {"x": 1, "y": 2}, "o": {"y": 20, "z": 30}, "m": {"y": 2, "z": 30, "x": 9, "w": 0}})");
    CHECK(yaml_json("- [a, {}]\n- []\n") == R"([["a", {}], []])");
    CHECK(yaml_json("") == "null");
}

TEST_CASE("YAML json.dumps cannot write is an error", "[universe]") {
    CHECK_THROWS_AS(yaml_json("when: 2001-01-01\n"), MigrationError);
    CHECK_THROWS_AS(yaml_json("a: !!binary aGVsbG8=\n"), MigrationError);
    CHECK_THROWS_AS(yaml_json("a: !custom x\n"), MigrationError);
    CHECK_THROWS_AS(yaml_json("? [a]\n: b\n"), MigrationError);
    CHECK_THROWS_WITH(yaml_json("a: [\n"), Catch::Matchers::StartsWith("test.yaml: not valid YAML: "));
    CHECK_THROWS_AS(yaml_json("a\n---\nb\n"), MigrationError);
}

TEST_CASE("normalised JSON is json.dumps(indent=2, sort_keys=True)", "[universe]") {
    CHECK(normalized_json(R"({"b": [1, {"y": null, "x": 2.0}], "a": {}, "c": [], "\u00e9": "\n"})", "t") ==
          "{\n  \"a\": {},\n  \"b\": [\n    1,\n    {\n      \"x\": 2.0,\n      \"y\": null\n    }\n  ],\n"
          "  \"c\": [],\n  \"\\u00e9\": \"\\n\"\n}");
    CHECK(normalized_json("3", "t") == "3");
    CHECK_THROWS_AS(normalized_json("{", "t"), MigrationError);
}

TEST_CASE("LineMatcher follows difflib.SequenceMatcher", "[universe]") {
    std::vector<std::string> a = {"a", "b", "c", "d", "e"}, b = {"b", "c", "x", "e", "f"};
    LineMatcher matcher(a, b);
    CHECK(matcher.matching_blocks() == std::vector<MatchingBlock>{{1, 0, 2}, {4, 3, 1}, {5, 5, 0}});
    CHECK(matcher.opcodes() == std::vector<DiffOpcode>{{DiffTag::remove, 0, 1, 0, 0},
                                                       {DiffTag::equal, 1, 3, 0, 2},
                                                       {DiffTag::replace, 3, 4, 2, 3},
                                                       {DiffTag::equal, 4, 5, 3, 4},
                                                       {DiffTag::insert, 5, 5, 4, 5}});
    // Ties go to the match starting earliest in a, then earliest in b.
    std::vector<std::string> p_q = {"p", "q"}, q_p = {"q", "p"}, p = {"p"}, r_p_p = {"r", "p", "p"};
    CHECK(LineMatcher(p_q, q_p).find_longest_match(0, 2, 0, 2) == MatchingBlock{0, 1, 1});
    CHECK(LineMatcher(p, r_p_p).find_longest_match(0, 1, 0, 3) == MatchingBlock{0, 1, 1});
}

TEST_CASE("autojunk: lines frequent in a long b never start a match but extend one", "[universe]") {
    std::vector<std::string> b;
    for (int k = 0; k < 100; ++k) {
        b.push_back("}");  // 100 of 200 lines: popular (more than 200 / 100 + 1)
        b.push_back("x" + std::to_string(k));
    }
    std::vector<std::string> braces = {"a", "}", "}", "}"};
    CHECK(LineMatcher(braces, b).matching_blocks() == std::vector<MatchingBlock>{{4, 200, 0}});
    std::vector<std::string> around = {"x5", "}", "x6"};  // x5 (b[11]) starts the match, } and x6 extend it
    CHECK(LineMatcher(around, b).matching_blocks() == std::vector<MatchingBlock>{{0, 11, 3}, {3, 200, 0}});
    // An empty match at the range start still grows over equal lines: a[0] == b[0] == "}".
    std::vector<std::string> leading = {"}", "}"};
    CHECK(LineMatcher(leading, b).matching_blocks() == std::vector<MatchingBlock>{{0, 0, 1}, {2, 200, 0}});
    std::vector<std::string> short_b(b.begin(), b.begin() + 198);  // 198 lines: no autojunk
    CHECK(LineMatcher(braces, short_b).matching_blocks() ==
          std::vector<MatchingBlock>{{1, 0, 1}, {2, 2, 1}, {3, 4, 1}, {4, 198, 0}});
}

TEST_CASE("unified_diff prints difflib's hunks", "[universe]") {
    std::vector<std::string> a = {"a", "b", "c", "d", "e"}, b = {"b", "c", "x", "e", "f"};
    CHECK(unified_diff(a, b) == "--- \n+++ \n@@ -1,5 +1,5 @@\n-a\n b\n c\n-d\n+x\n e\n+f");
    CHECK(unified_diff(a, a).empty());
    CHECK(unified_diff({}, {"n"}) == "--- \n+++ \n@@ -0,0 +1 @@\n+n");
    std::vector<std::string> many;
    for (int k = 1; k <= 20; ++k) many.push_back(std::to_string(k));
    auto changed = many;
    changed[1] = "two";     // line 2
    changed[9] = "ten";     // line 10: 7 equal lines between → separate hunks
    changed[16] = "17!";    // line 17: 6 equal lines after line 10 → same hunk as line 10
    CHECK(unified_diff(many, changed) ==
          "--- \n+++ \n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
          "@@ -7,14 +7,14 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n 14\n 15\n 16\n-17\n+17!\n 18\n 19\n 20");
    CHECK(split_lines("x\n\ny\n") == std::vector<std::string>{"x", "", "y"});
}

TEST_CASE("doc keys are ignored through objects only, as upstream strips them", "[universe]") {
    std::string expected = R"({"a": {"doc": "x", "k": 1}, "l": [{"doc": "y"}]})";
    CHECK_FALSE(compare_json_strings(expected, R"({"l": [{"doc": "y"}], "a": {"k": 1, "doc": "x"}})"));
    CHECK_FALSE(dimensions_json_mismatch(expected, R"({"a": {"k": 1}, "l": [{"doc": "y"}]})"));
    CHECK_FALSE(dimensions_json_mismatch(expected, R"({"a": {"doc": "other", "k": 1}, "l": [{"doc": "y"}]})"));
    // A doc inside a list is compared.
    CHECK(dimensions_json_mismatch(expected, R"({"a": {"doc": "x", "k": 1}, "l": [{"doc": "z"}]})") ==
          "--- \n+++ \n@@ -5,7 +5,7 @@\n   },\n   \"l\": [\n     {\n-      \"doc\": \"y\"\n+      \"doc\": \"z\"\n"
          "     }\n   ]\n }");
    CHECK(dimensions_json_mismatch(expected, R"({"a": {"k": 2}, "l": [{"doc": "y"}]})"));
}

TEST_CASE("validate_dimensions_json on a real universe-5 repository", "[universe]") {
    SharedDafButler env;
    std::string stored = stored_dimensions_json("f2024_u5_default");
    CHECK_NOTHROW(validate_dimensions_json(stored, 5));

    // Expected messages: upstream's text with CPython 3.11 difflib.unified_diff (autojunk matters here).
    auto [version, size, sha256, first_hunk] = GENERATE(table<int, std::size_t, std::string, std::string>({
        {6, 4815, "1d757bfc62face361d2cbe427ff4529e92977674f7c66003225bc9d53ebf0935", "@@ -17,21 +17,6 @@"},
        {7, 5118, "bb4dbf264b71dac365ed4a137d3d1024563acd026a4542c0c58be831315fec83", "@@ -17,21 +17,6 @@"},
    }));
    INFO("universe " << version);
    std::string message;
    try {
        validate_dimensions_json(stored, version);
    } catch (const DimensionUniverseMismatch& e) {
        message = std::string(e.what()) + "\n" + e.details();  // the error line, then the Differences note
    }
    std::string head = "dimensions.json stored in database does not match expected daf_butler universe version " +
                       std::to_string(version) + ".\nDifferences:\n\n--- \n+++ \n" + first_hunk + "\n";
    CHECK(message.substr(0, head.size()) == head);
    CHECK(message.size() == size);
    CHECK(sha256_hex(message) == sha256);
}

TEST_CASE("validation tolerates object docs but not list docs in a real universe", "[universe]") {
    SharedDafButler env;
    OrderedJson universe = parse_json(load_historical_universe_json(5), "universe 5");
    universe["elements"]["instrument"]["doc"] = "Rewritten.";
    CHECK_NOTHROW(validate_dimensions_json(python_json_dumps(universe), 5));

    OrderedJson& metadata = universe["elements"]["instrument"]["metadata"][0];
    std::string old_doc = python_json_dumps(metadata["doc"]);
    metadata["doc"] = "Changed.";
    std::string message;
    try {
        validate_dimensions_json(python_json_dumps(universe), 5);
    } catch (const DimensionUniverseMismatch& e) {
        message = std::string(e.what()) + "\n" + e.details();  // the error line, then the Differences note
    }
    CHECK(message.find("\n-      \"doc\": \"An entity that produces observations.") != std::string::npos);
    CHECK(message.find("\n+      \"doc\": \"Rewritten.\",\n") != std::string::npos);
    std::string changed = "\n-          \"doc\": " + old_doc + ",\n+          \"doc\": \"Changed.\",\n";
    CHECK(message.find(changed) != std::string::npos);
    CHECK_THROWS_AS(validate_dimensions_json("[", 5), MigrationError);
}

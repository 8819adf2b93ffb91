// Python json.dumps compatibility: floats, escapes, separators, key order, and real stored universes.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/python_json.hpp"
#include "stored_dimensions_json.hpp"
#include "test_support.hpp"

using butler_migrate::OrderedJson;
using butler_migrate::parse_json;
using butler_migrate::python_float_repr;
using butler_migrate::python_json_dumps;

TEST_CASE("floats are written as Python's repr", "[json]") {
    // Expected strings are what CPython 3 prints for repr(float(...)).
    CHECK(python_float_repr(1.0) == "1.0");
    CHECK(python_float_repr(0.1) == "0.1");
    CHECK(python_float_repr(-2.5) == "-2.5");
    CHECK(python_float_repr(1e-05) == "1e-05");
    CHECK(python_float_repr(0.0001) == "0.0001");
    CHECK(python_float_repr(1.5e-07) == "1.5e-07");
    CHECK(python_float_repr(1e16) == "1e+16");
    CHECK(python_float_repr(9999999999999998.0) == "9999999999999998.0");
    CHECK(python_float_repr(123456789.125) == "123456789.125");
    CHECK(python_float_repr(1.7976931348623157e308) == "1.7976931348623157e+308");
    CHECK(python_float_repr(0.0) == "0.0");
    CHECK(python_float_repr(-0.0) == "-0.0");
    CHECK(python_float_repr(100.0) == "100.0");
}

TEST_CASE("json.dumps separators, order and escapes", "[json]") {
    auto value = parse_json(R"({"b": [1, 2.0, true, null], "a": {"z": "x", "y": -3}})", "test");
    CHECK(python_json_dumps(value) == R"({"b": [1, 2.0, true, null], "a": {"z": "x", "y": -3}})");

    OrderedJson text = "tab\there \"quoted\" back\\slash\nnew \x01 caf\xc3\xa9 \xf0\x9f\x98\x80 \x7f";
    // Python's json.encoder escapes everything outside ' '..'~' (ESCAPE_ASCII = r'([\\"]|[^\ -~])'), DEL included:
    // json.dumps("\x7f") == '"\\u007f"'.
    CHECK(python_json_dumps(text) ==
          "\"tab\\there \\\"quoted\\\" back\\\\slash\\nnew \\u0001 caf\\u00e9 \\ud83d\\ude00 \\u007f\"");
    CHECK(python_json_dumps(OrderedJson::object()) == "{}");
    CHECK(python_json_dumps(OrderedJson::array()) == "[]");
}

TEST_CASE("adding a key appends it at the end, replacing keeps its place", "[json]") {
    auto value = parse_json(R"({"version": 0, "skypix": {}, "elements": {}})", "test");
    value["namespace"] = "daf_butler";
    CHECK(python_json_dumps(value) == R"({"version": 0, "skypix": {}, "elements": {}, "namespace": "daf_butler"})");
    value["skypix"] = 1;
    CHECK(python_json_dumps(value) == R"({"version": 0, "skypix": 1, "elements": {}, "namespace": "daf_butler"})");
}

TEST_CASE("invalid JSON is a MigrationError naming what was parsed", "[json]") {
    CHECK_THROWS_WITH(parse_json("{\"a\": ", "config:dimensions.json"),
                      Catch::Matchers::StartsWith("config:dimensions.json is not valid JSON: "));
    CHECK_THROWS_AS(parse_json("[1,", "x"), butler_migrate::MigrationError);
}

using test_support::stored_dimensions_json;

TEST_CASE("universes stored by Python round-trip byte for byte", "[json]") {
    // daf_butler wrote these with json.dumps; parsing and re-writing must give the same bytes.
    auto fixture = GENERATE(as<std::string>{}, "f2021_u0_dim600_int_name", "f2022_u1_dim601_int_name",
                            "f2022_u2_dim602_default", "f2023_u4_26.0.0_default", "f2024_u5_default",
                            "f2024_u7_v28_default", "f2025_head_default");
    INFO(fixture);
    std::string stored = stored_dimensions_json(fixture);
    REQUIRE(stored.size() > 1000);
    CHECK(python_json_dumps(parse_json(stored, "config:dimensions.json")) == stored);
}

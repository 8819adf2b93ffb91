// The Python dict and list operations that dimensions.json edits are written with (butler_migrate::pyjson).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/util/errors.hpp"

using butler_migrate::OrderedJson;
namespace pyjson = butler_migrate::pyjson;

TEST_CASE("pyjson edits follow Python's dict and list semantics", "[dimensions-json]") {
    auto list = [] { return OrderedJson::array({1, 2, 3}); };
    // Python: l = [1, 2, 3]; l.insert(i, 0) for each i.
    const std::vector<std::pair<std::ptrdiff_t, std::string>> inserts{
        {-1, "[1, 2, 0, 3]"}, {0, "[0, 1, 2, 3]"}, {3, "[1, 2, 3, 0]"}, {10, "[1, 2, 3, 0]"},
        {-3, "[0, 1, 2, 3]"}, {-10, "[0, 1, 2, 3]"}, {1, "[1, 0, 2, 3]"},
    };
    for (const auto& [index, expected] : inserts) {
        OrderedJson l = list();
        pyjson::insert(l, index, 0);
        CHECK(butler_migrate::python_json_dumps(l) == expected);
    }
    OrderedJson empty = OrderedJson::array();
    pyjson::insert(empty, -1, "x");
    CHECK(butler_migrate::python_json_dumps(empty) == R"(["x"])");

    OrderedJson repeated = OrderedJson::array({"a", "b", "a"});
    pyjson::remove(repeated, "a");
    CHECK(butler_migrate::python_json_dumps(repeated) == R"(["b", "a"])");
    CHECK_THROWS_AS(pyjson::remove(repeated, "c"), butler_migrate::MigrationError);

    OrderedJson object = OrderedJson::parse(R"({"z": 1, "a": 2, "m": 3})");
    pyjson::erase(object, "a");
    object["b"] = 4;
    object["z"] = 5;
    CHECK(butler_migrate::python_json_dumps(object) == R"({"z": 5, "m": 3, "b": 4})");
    CHECK_THROWS_WITH(pyjson::item(object, "q"), Catch::EndsWith(": q"));
    CHECK_THROWS_AS(pyjson::erase(object, "q"), butler_migrate::MigrationError);

    CHECK(pyjson::str("text") == "text");
    CHECK(pyjson::str(3) == "3");
    CHECK(pyjson::str(true) == "True");
    CHECK(pyjson::str(nullptr) == "None");
    CHECK(pyjson::equals_number(2.0, 2));
    CHECK_FALSE(pyjson::equals_number("2", 2));
}

// stored_dimensions_json: the config:dimensions.json attribute of a SQLite fixture registry, read directly.
#pragma once

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <string>

#include "test_support.hpp"

namespace test_support {

// The config:dimensions.json value stored in ../shared/fixtures/<fixture>/gen3.sqlite3 (REQUIREs it).
inline std::string stored_dimensions_json(const std::string& fixture) {
    sqlite3* db = nullptr;
    std::string path = shared_path("fixtures/" + fixture + "/gen3.sqlite3");
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT value FROM butler_attributes WHERE name = 'config:dimensions.json'", -1,
                               &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    std::string value(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

}  // namespace test_support

// Shared by the [hostile] tests: running the executable without user credentials, checking that a failure is
// one clean error line without the test password, and snapshots that show a database was left unchanged.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "butler_migrate/util/errors.hpp"
#include "backend_generator.hpp"
#include "test_registry.hpp"
#include "tool_environment.hpp"

namespace hostile_tests {

using test_support::Backend;
using test_support::CommandResult;
using test_support::TestRegistry;

using test_support::any_backend;

// The executable with no db-auth.yaml and no credentials from the environment, unless `env` sets them, and
// --log-level WARNING so that progress messages (backups, migration steps) leave stderr to the error line.
inline CommandResult run(const std::vector<std::string>& args, const test_support::Environment& env = {}) {
    std::vector<std::string> argv{"--log-level", "WARNING"};
    argv.insert(argv.end(), args.begin(), args.end());
    return test_support::run_isolated(argv, env);
}

// The test server's password must never appear in what the tool prints.
inline void check_no_password(const CommandResult& r) {
    const char* password = std::getenv("BUTLER_MIGRATE_TEST_PG_PASSWORD");
    if (!password || !*password) return;
    CHECK(r.out.find(password) == std::string::npos);
    CHECK(r.err.find(password) == std::string::npos);
}

// Exactly one line on stderr: "butler-migrate: error: " then a message containing `fragment`. Commands that
// print a listing before they fail pass `allow_output`.
inline void check_error(const CommandResult& r, int status, const std::string& fragment, bool allow_output = false) {
    INFO("stderr: " << r.err.substr(0, 2000));
    CHECK(r.exit_status == status);
    if (!allow_output) CHECK(r.out.empty());
    CHECK(r.err.rfind("butler-migrate: error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK((!r.err.empty() && r.err.back() == '\n'));
    CHECK(r.err.find(fragment) != std::string::npos);
    check_no_password(r);
}

inline void check_success(const CommandResult& r) {
    INFO("stderr: " << r.err.substr(0, 2000));
    CHECK(r.exit_status == 0);
    CHECK(r.err.empty());
    check_no_password(r);
}

// The revisions `stamp` records for TestRegistry::typical_attributes() (REFERENCE section 2: attributes 1.0.1,
// collections 2.0.0, datasets UUID 1.0.0, datastores 0.2.0, dimensions 6.0.2, universe 4, opaque 0.2.0).
inline std::vector<std::string> typical_revisions() {
    return {"035dcf13ef18", "2101fbf51ad3", "77e5b803ad3f", "8c57494cabcc",
            "9888256c6a18", "a07b3b60e369", "c0e4f9ab4a5d"};
}

// `stamp` records every manager it knows and names each one whose version is in no tree, on one warning line.
inline void check_stamp_skipped(const CommandResult& r, const std::string& manager) {
    INFO("stderr: " << r.err.substr(0, 2000));
    CHECK(r.exit_status == 0);
    CHECK(r.err.rfind("butler_migrate.stamp WARNING: " + manager + ": the registry's version has no migration revision "
                      "yet (", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(" is in no tree), so it was not stamped\n") != std::string::npos);
    check_no_password(r);
}

// typical_revisions() without `revision`.
inline std::vector<std::string> typical_revisions_without(const std::string& revision) {
    std::vector<std::string> out;
    for (const auto& r : typical_revisions()) {
        if (r != revision) out.push_back(r);
    }
    return out;
}

// SQL text literal (single quotes doubled) for the test's own catalog queries.
inline std::string sql_literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// Every table of every schema but the system ones, and all rows of butler_attributes and alembic_version when
// they exist: on SQLite the file's bytes.
inline std::string snapshot(const TestRegistry& registry) {
    if (registry.backend() == Backend::sqlite) return test_support::read_file(registry.repo() + "/gen3.sqlite3");
    std::string out;
    for (const auto& row : registry.query("SELECT schemaname || '.' || tablename FROM pg_catalog.pg_tables WHERE "
                                          "schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
        out += row[0].value_or("") + ";";
    }
    const std::string schema = registry.schema().value_or("public");
    for (const char* table : {"butler_attributes", "alembic_version"}) {
        if (out.find(schema + "." + table + ";") == std::string::npos) continue;
        for (const auto& row : registry.query(std::string("SELECT * FROM {schema}.") + table + " ORDER BY 1")) {
            for (const auto& value : row) out += value.value_or("<null>") + "|";
            out += "\n";
        }
    }
    return out;
}

// The alembic_version rows, sorted.
inline std::vector<std::string> alembic_rows(const TestRegistry& registry) {
    std::vector<std::string> rows;
    for (const auto& row : registry.query("SELECT version_num FROM {schema}.alembic_version ORDER BY 1")) {
        rows.push_back(row[0].value_or(""));
    }
    return rows;
}

inline const std::string kRegistryPrefix = "lsst.daf.butler.registry.";
inline const std::string kAttributesVersionKey = "version:" + kRegistryPrefix + "attributes.DefaultButlerAttributeManager";

// typical_attributes() with the value of `name` replaced (or the row removed when `value` is empty and
// `remove` is set).
inline std::vector<std::pair<std::string, std::string>> attributes_with(const std::string& name, const std::string& value,
                                                                        bool remove = false) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (auto row : TestRegistry::typical_attributes()) {
        if (row.first == name) {
            if (remove) continue;
            row.second = value;
        }
        rows.push_back(row);
    }
    return rows;
}

}  // namespace hostile_tests

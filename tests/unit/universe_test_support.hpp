// Shared by the tests of the dimensions-config migrations (2a8a32e1bec3 to aa7a2f893cba) and their patch tree: the
// universe files of ../shared/daf_butler, the f2023 fixtures per backend, and small text and registry helpers.
#pragma once

#include <openssl/evp.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "fixture_copy.hpp"
#include "scoped_env.hpp"
#include "test_registry.hpp"
#include "test_support.hpp"

namespace universe_tests {

// sha256 of json.dumps of daf_butler's universes 6 and 7 (REFERENCE 5.0).
inline const std::string kUniverse6Sha = "4b3939d97cfd98a79978c21d8902b830b4bade8a3aca27576be27fa5ce8ecc10";
inline const std::string kUniverse7Sha = "282bc3a6b98edbdc207f7d58183905b22379ffe83db26cdea0ac7a6342b3fa7b";
inline const std::string kDimensionsKey = "config:dimensions.json";

using test_support::ScopedEnv;

// The library called in the test process finds the universe files through DAF_BUTLER_DIR only, pointing at
// ../shared/daf_butler (runs of the executable have the same from test_support::tool_environment).
struct SharedUniverses {
    ScopedEnv daf_butler{"DAF_BUTLER_DIR", test_support::shared_path("daf_butler")};
    ScopedEnv override_dir{"BUTLER_MIGRATE_UNIVERSE_DIR", std::nullopt};
};

inline std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

inline bool starts_with(const std::string& text, const std::string& head) { return text.rfind(head, 0) == 0; }

inline std::string sha256_hex(const std::string& data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    REQUIRE(EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) == 1);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int k = 0; k < size; ++k) out += std::string{hex[digest[k] >> 4], hex[digest[k] & 15]};
    return out;
}

// The universe 4 fixture of a backend.
inline const char* backend_fixture(test_support::Backend backend) {
    return backend == test_support::Backend::sqlite ? "f2023_u4_26.0.0_default" : "f2023_u4_26.0.0_default_pg";
}
// The same by name, "sqlite" or "postgresql".
inline const char* backend_fixture(const std::string& backend) {
    return backend_fixture(backend == "sqlite" ? test_support::Backend::sqlite : test_support::Backend::postgresql);
}

// A word for database tags and messages: "sqlite" or "postgresql".
inline std::string backend_tag(test_support::Backend backend) {
    return backend == test_support::Backend::sqlite ? "sqlite" : "postgresql";
}

// The rows of alembic_version, ascending.
inline std::vector<std::string> alembic_versions(const test_support::FixtureCopy& repo) {
    std::vector<std::string> out;
    for (const auto& row : repo.query("SELECT version_num FROM {schema}.alembic_version ORDER BY version_num")) {
        out.push_back(row.at(0).value_or(""));
    }
    return out;
}

// The lines of stderr that start with "butler-migrate: error: ".
inline std::vector<std::string> error_lines(const test_support::CommandResult& result) {
    std::vector<std::string> out;
    for (const auto& line : split_lines(result.err)) {
        if (starts_with(line, "butler-migrate: error: ")) out.push_back(line);
    }
    return out;
}

}  // namespace universe_tests

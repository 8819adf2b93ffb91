// stamp on a registry made by a newer daf_butler (dimension universe 8, which no migration knows yet): every
// known manager is stamped and the unknown one named, instead of failing half-way as upstream does.
#include <catch2/catch.hpp>

#include <algorithm>

#include "test_registry.hpp"

using test_support::Backend;
using test_support::TestRegistry;

namespace {

const std::map<std::string, std::string> kEnv{{"LSST_DB_AUTH", "/nonexistent/db-auth.yaml"}};

std::vector<std::pair<std::string, std::string>> universe_8_attributes() {
    auto rows = TestRegistry::typical_attributes();
    for (auto& row : rows) {
        if (row.first == "config:dimensions.json") {
            row.second = R"({"version": 8, "namespace": "daf_butler", "skypix": {}, "elements": {}})";
        }
    }
    return rows;
}

}  // namespace

TEST_CASE("stamp of a universe-8 registry stamps the known managers and names the unknown one", "[cli][stamp]") {
    auto backend = GENERATE(Backend::sqlite, Backend::postgresql);
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(universe_8_attributes());

    // REFERENCE §1: dimensions-config-daf_butler-8 is aa7a2f893cba, in no tree.
    auto dry = test_support::run_butler_migrate({"stamp", "--dry-run", registry.repo()}, kEnv);
    CHECK(dry.exit_status == 0);
    CHECK(dry.out.find("  dimensions-config: aa7a2f893cba\n") != std::string::npos);

    auto stamped = test_support::run_butler_migrate({"stamp", "--no-backup", registry.repo()}, kEnv);
    CHECK(stamped.exit_status == 0);
    CHECK(stamped.out.empty());
    CHECK(stamped.err.find("WARNING") != std::string::npos);
    CHECK(stamped.err.find("dimensions-config: the registry's version has no migration revision yet (aa7a2f893cba") !=
          std::string::npos);

    std::vector<std::string> recorded;
    for (const auto& row : registry.query("SELECT version_num FROM {schema}.alembic_version")) recorded.push_back(*row[0]);
    std::sort(recorded.begin(), recorded.end());
    // The six other managers of typical_attributes (the same ids `stamp --dry-run` gives in test_cli_commands).
    CHECK(recorded == std::vector<std::string>{"035dcf13ef18", "2101fbf51ad3", "77e5b803ad3f", "8c57494cabcc",
                                               "a07b3b60e369", "c0e4f9ab4a5d"});
    // As upstream, the registry stays inconsistent for show-current (status 5).
    auto current = test_support::run_butler_migrate({"show-current", registry.repo()}, kEnv);
    CHECK(current.exit_status == 5);
}

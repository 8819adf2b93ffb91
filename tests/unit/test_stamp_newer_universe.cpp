// stamp on a registry made by a newer daf_butler (a dimension universe newer than every migration knows): every
// known manager is stamped and the unknown one named, instead of failing half-way as upstream does.
#include <catch2/catch.hpp>

#include <algorithm>

#include "backend_generator.hpp"
#include "butler_migrate/core/revision_id.hpp"
#include "catalogue_facts.hpp"
#include "test_registry.hpp"
#include "tool_environment.hpp"

using test_support::Backend;
using test_support::TestRegistry;

namespace {

std::vector<std::pair<std::string, std::string>> attributes_of_universe(int universe) {
    auto rows = TestRegistry::typical_attributes();
    for (auto& row : rows) {
        if (row.first == "config:dimensions.json") {
            row.second = R"({"version": )" + std::to_string(universe) +
                         R"(, "namespace": "daf_butler", "skypix": {}, "elements": {}})";
        }
    }
    return rows;
}

}  // namespace

TEST_CASE("stamp of a registry of a newer universe stamps the known managers and names the unknown one",
          "[cli][stamp]") {
    auto backend = test_support::any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    const int universe = test_support::newest_catalogue_universe() + 1;
    registry.create_attributes(attributes_of_universe(universe));

    // REFERENCE §1: the revision of daf_butler universe N is rev_id(dimensions-config, daf_butler, N), in no tree.
    const std::string unknown = butler_migrate::rev_id({"dimensions-config", "daf_butler", std::to_string(universe)});
    INFO("universe " << universe << ", revision " << unknown);
    REQUIRE_FALSE(test_support::in_catalogue(unknown));
    auto dry = test_support::run_isolated({"stamp", "--dry-run", registry.repo()});
    CHECK(dry.exit_status == 0);
    CHECK(dry.out.find("  dimensions-config: " + unknown + "\n") != std::string::npos);

    auto stamped = test_support::run_isolated({"stamp", "--no-backup", registry.repo()});
    CHECK(stamped.exit_status == 0);
    CHECK(stamped.out.empty());
    CHECK(stamped.err.find("WARNING") != std::string::npos);
    CHECK(stamped.err.find("dimensions-config: the registry's version has no migration revision yet (" + unknown) !=
          std::string::npos);

    std::vector<std::string> recorded;
    for (const auto& row : registry.query("SELECT version_num FROM {schema}.alembic_version")) recorded.push_back(*row[0]);
    std::sort(recorded.begin(), recorded.end());
    // The six other managers of typical_attributes (the same ids `stamp --dry-run` gives in test_cli_commands).
    CHECK(recorded == std::vector<std::string>{"035dcf13ef18", "2101fbf51ad3", "77e5b803ad3f", "8c57494cabcc",
                                               "a07b3b60e369", "c0e4f9ab4a5d"});
    // As upstream, the registry stays inconsistent for show-current (status 5).
    auto current = test_support::run_isolated({"show-current", registry.repo()});
    CHECK(current.exit_status == 5);
}

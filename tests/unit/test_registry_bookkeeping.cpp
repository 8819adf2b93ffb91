// butler_attributes → manager versions, the --namespace precondition, validation and stamping, on both backends.
#include <catch2/catch.hpp>

#include <algorithm>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/registry.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "backend_generator.hpp"
#include "catalogue_facts.hpp"
#include "test_registry.hpp"

using namespace butler_migrate;
using test_support::Backend;
using test_support::TestRegistry;

namespace {

const std::string kReg = "lsst.daf.butler.registry.";

// alembic_version rows as a sorted list (PostgreSQL moves updated rows to the end of the table).
std::vector<std::string> sorted_revisions(Database& db) {
    auto revisions = alembic_revisions(db);
    std::sort(revisions.begin(), revisions.end());
    return revisions;
}

using test_support::any_backend;

}  // namespace

TEST_CASE("manager versions map butler_attributes to revisions in row order", "[registry]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    auto db = registry.open();
    auto managers = manager_versions(*db, std::nullopt);
    REQUIRE(managers.size() == 7);
    // Revision ids from REFERENCE §2.
    CHECK(managers[0].manager == "attributes");
    CHECK(managers[0].revision == "c0e4f9ab4a5d");
    CHECK(managers[1].manager == "dimensions");
    CHECK(managers[1].revision == "035dcf13ef18");
    CHECK(managers[2].revision == "8c57494cabcc");
    CHECK(managers[3].klass == kReg + "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID");
    CHECK(managers[3].revision == "2101fbf51ad3");
    CHECK(managers[4].revision == "77e5b803ad3f");
    CHECK(managers[5].revision == "a07b3b60e369");
    CHECK(managers[6].manager == "dimensions-config");
    CHECK(managers[6].klass == "daf_butler");
    CHECK(managers[6].version == "4");
    CHECK(managers[6].revision == "9888256c6a18");
}

TEST_CASE("dimensions-config needs a namespace from the JSON or the option", "[registry]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes({{"config:dimensions.json", R"({"version": 0, "skypix": {}})"}});
    auto db = registry.open();
    CHECK(manager_versions(*db, std::nullopt).empty());
    auto with_option = manager_versions(*db, std::string("daf_butler"));
    REQUIRE(with_option.size() == 1);
    CHECK(with_option[0].revision == "f3bcee34f344");
    CHECK_FALSE(dimensions_namespace(*db).has_value());
    CHECK_THROWS_WITH(require_dimensions_namespace(*db, std::nullopt),
                      "The `--namespace` option is required when namespace is missing from stored dimensions "
                      "configuration");
    CHECK_NOTHROW(require_dimensions_namespace(*db, std::string("daf_butler")));
}

TEST_CASE("obscore-config revision comes from config:obscore.json", "[registry]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes({{"config:obscore.json", R"({"namespace": "embargo", "version": 1, "table_name": "obscore"})"}});
    auto managers = manager_versions(*registry.open(), std::nullopt);
    REQUIRE(managers.size() == 1);
    CHECK(managers[0].manager == "obscore-config");
    CHECK(managers[0].klass == "embargo");
    CHECK(managers[0].revision == "4fe28ef5030f");
}

TEST_CASE("a manager without a version row, or with an empty one, is left out", "[registry]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes({{"config:registry.managers.opaque", kReg + "opaque.ByNameOpaqueTableStorageManager"},
                                {"config:registry.managers.attributes", kReg + "attributes.DefaultButlerAttributeManager"},
                                {"version:" + kReg + "attributes.DefaultButlerAttributeManager", ""}});
    CHECK(manager_versions(*registry.open(), std::nullopt).empty());
}

TEST_CASE("a database without butler_attributes is not a Butler registry", "[registry]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    auto db = registry.open();
    CHECK_THROWS_AS(manager_versions(*db, std::nullopt), DatabaseError);
    CHECK_THROWS_WITH(dimensions_namespace(*db), Catch::Matchers::StartsWith("Not a Butler registry"));
    CHECK_THROWS_WITH(validate_revisions(*db, std::nullopt, {}), "butler_attributes table does not exist");
}

TEST_CASE("stamping inserts, moves along a tree line, and leaves known rows alone", "[registry]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes({});
    auto db = registry.open();
    const auto graph = compiled_catalogue().regular();
    CHECK(alembic_revisions(*db).empty());
    CHECK(stamp_revision(*db, graph, "f22a777cf382") == StampAction::inserted);
    CHECK(stamp_revision(*db, graph, "f22a777cf382") == StampAction::unchanged);
    CHECK(stamp_revision(*db, graph, "c0e4f9ab4a5d") == StampAction::updated);       // forward
    CHECK(stamp_revision(*db, graph, "93341d68b814") == StampAction::inserted);      // another tree
    CHECK(sorted_revisions(*db) == std::vector<std::string>{"93341d68b814", "c0e4f9ab4a5d"});
    CHECK(stamp_revision(*db, graph, "f0a3531f97ca") == StampAction::updated);       // backwards, to the root
    CHECK(sorted_revisions(*db) == std::vector<std::string>{"93341d68b814", "f0a3531f97ca"});
    // A sibling branch of the collections tree is a new head, not a move.
    CHECK(stamp_revision(*db, graph, "8c57494cabcc") == StampAction::inserted);
    const std::string unknown = test_support::absent_revision_id();
    CHECK_THROWS_WITH(stamp_revision(*db, graph, unknown), "Can't locate revision identified by '" + unknown + "'");
    CHECK(alembic_revisions(*db).size() == 3);
    purge_alembic_version(*db);
    CHECK(alembic_revisions(*db).empty());
    // alembic's DDL, so that later dumps match the real tool's
    CHECK(registry.query("SELECT count(*) FROM {schema}.alembic_version")[0][0] == std::optional<std::string>("0"));
}

TEST_CASE("validation reports revisions found on one side only, with upstream's message", "[registry]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(
        {{"config:registry.managers.dimensions", kReg + "dimensions.static.StaticDimensionRecordStorageManager"},
         {"version:" + kReg + "dimensions.static.StaticDimensionRecordStorageManager", "6.0.1"}});
    auto db = registry.open();
    const auto graph = compiled_catalogue().regular();
    CHECK_THROWS_WITH(validate_revisions(*db, std::nullopt, graph.bases()),
                      "alembic_version table does not exist or is empty");
    stamp_revision(*db, graph, "035dcf13ef18");
    stamp_revision(*db, graph, "8b8e030aba2b");  // a stamped root is allowed
    CHECK_THROWS_WITH(
        validate_revisions(*db, std::nullopt, graph.bases()),
        "Butler and alembic revisions are inconsistent -- revisions in alembic only: 035dcf13ef18; revisions in "
        "butler only: 1601d5973bf8=('dimensions', "
        "'lsst.daf.butler.registry.dimensions.static.StaticDimensionRecordStorageManager', '6.0.1')");
    stamp_revision(*db, graph, "1601d5973bf8");
    CHECK_NOTHROW(validate_revisions(*db, std::nullopt, graph.bases()));
    ButlerAttributes(*db).remove("version:" + kReg + "dimensions.static.StaticDimensionRecordStorageManager");
    ButlerAttributes(*db).remove("config:registry.managers.dimensions");
    CHECK_THROWS_WITH(validate_revisions(*db, std::nullopt, graph.bases()), "butler_attributes table is empty");
}

TEST_CASE("butler_attributes access and manager version updates", "[registry]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes({{"version:A", "1.0.0"}});
    auto db = registry.open();
    ButlerAttributes attributes(*db);
    attributes.update_manager_version("A", "1.0.1");
    CHECK(attributes.get("version:A") == std::optional<std::string>("1.0.1"));
    CHECK_THROWS_WITH(attributes.update_manager_version("B", "2"),
                      "Manager key version:B is not found in butler_attributes table.");
    attributes.insert("x", "it's \"quoted\"");
    CHECK(attributes.get("x") == std::optional<std::string>("it's \"quoted\""));
    CHECK(attributes.remove("x") == 1);
    CHECK_FALSE(attributes.get("x").has_value());
}

// stamp, show-current and set-namespace through the executable, on SQLite and PostgreSQL.
#include <catch2/catch.hpp>

#include "backend_generator.hpp"
#include "catalogue_facts.hpp"
#include "test_registry.hpp"
#include "tool_environment.hpp"

using test_support::Backend;
using test_support::TestRegistry;

namespace {

using test_support::any_backend;

test_support::CommandResult run(const std::vector<std::string>& args) { return test_support::run_isolated(args); }

}  // namespace

TEST_CASE("stamp --dry-run lists the managers in butler_attributes order and writes nothing", "[cli]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    auto r = run({"stamp", "--dry-run", registry.repo()});
    CHECK(r.exit_status == 0);
    CHECK(r.out ==
          "Will store these revisions in alembic version table:\n"
          "  attributes: c0e4f9ab4a5d\n  dimensions: 035dcf13ef18\n  collections: 8c57494cabcc\n"
          "  datasets: 2101fbf51ad3\n  opaque: 77e5b803ad3f\n  datastores: a07b3b60e369\n"
          "  dimensions-config: 9888256c6a18\n");
    CHECK(registry.query(backend == Backend::sqlite
                             ? "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
                             : "SELECT count(*) FROM information_schema.tables WHERE table_name = 'alembic_version'")[0][0] ==
          std::optional<std::string>("0"));
}

TEST_CASE("stamp then show-current", "[cli]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    auto stamped = run({"stamp", registry.repo()});
    REQUIRE(stamped.exit_status == 0);
    CHECK(stamped.out.empty());

    auto current = run({"show-current", registry.repo()});
    CHECK(current.exit_status == 0);
    // Ordered by tree: attributes, collections, datasets, datastores, dimensions, dimensions-config, opaque; "(head)"
    // after the revisions REFERENCE §2 has no revision above (test_support::head_marker: unless upstream added one).
    std::string expected;
    for (const char* id : {"c0e4f9ab4a5d", "8c57494cabcc", "2101fbf51ad3", "a07b3b60e369", "035dcf13ef18",
                           "9888256c6a18", "77e5b803ad3f"}) {
        expected += id + test_support::head_marker(id) + "\n";
    }
    CHECK(current.out == expected);

    auto butler = run({"show-current", "--butler", registry.repo()});
    CHECK(butler.exit_status == 0);
    CHECK(butler.out.find("attributes: lsst.daf.butler.registry.attributes.DefaultButlerAttributeManager 1.0.1 -> "
                          "c0e4f9ab4a5d" + test_support::head_marker("c0e4f9ab4a5d") + "\n") == 0);
    CHECK(butler.out.find("dimensions-config: daf_butler 4 -> 9888256c6a18\n") != std::string::npos);

    auto verbose = run({"show-current", "-v", registry.repo()});
    CHECK(verbose.exit_status == 0);
    // postgresql://user:password@host:port/db is shown as postgresql://user:***@host:port/db
    std::string url = registry.url();
    auto password_start = url.find(':', std::string("postgresql://").size()) + 1;
    std::string header = backend == Backend::sqlite
                             ? "Current revision(s) for sqlite:///" + registry.repo() + "/gen3.sqlite3:\n"
                             : "Current revision(s) for " +
                                   url.replace(password_start, url.find('@') - password_start, "***") + ":\n";
    CHECK(verbose.out.substr(0, header.size()) == header);
    CHECK(verbose.out.find("Rev: 9888256c6a18\nParent: c5ae3a2cd7c2\n") != std::string::npos);
    CHECK(verbose.out.find("Path: /mig/dimensions-config/9888256c6a18.py\n") != std::string::npos);
}

TEST_CASE("show-current prints the listing, then fails on an inconsistency", "[cli]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    REQUIRE(run({"stamp", registry.repo()}).exit_status == 0);
    registry.execute("UPDATE {schema}.alembic_version SET version_num = 'a81dddabd837' WHERE version_num = 'a07b3b60e369'");
    auto r = run({"show-current", registry.repo()});
    CHECK(r.exit_status == 5);
    CHECK(r.out.find("a81dddabd837" + test_support::head_marker("a81dddabd837") + "\n") != std::string::npos);
    CHECK(r.err ==
          "butler-migrate: error: Butler and alembic revisions are inconsistent -- revisions in alembic only: "
          "a81dddabd837; revisions in butler only: a07b3b60e369=('datastores', "
          "'lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager', '0.2.0')\n");
}

TEST_CASE("show-current refuses a revision it does not know before printing anything", "[cli]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    REQUIRE(run({"stamp", registry.repo()}).exit_status == 0);
    const std::string unknown = test_support::absent_revision_id();
    registry.execute("INSERT INTO {schema}.alembic_version (version_num) VALUES ('" + unknown + "')");
    auto r = run({"show-current", registry.repo()});
    CHECK(r.exit_status == 5);
    CHECK(r.out.empty());
    CHECK(r.err == "butler-migrate: error: Can't locate revision identified by '" + unknown + "'\n");
}

TEST_CASE("stamp of one manager, of a new manager's root, and --purge", "[cli]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    REQUIRE(run({"stamp", registry.repo(), "datasets"}).exit_status == 0);
    CHECK(run({"show-current", registry.repo()}).out == "2101fbf51ad3\n");
    REQUIRE(run({"stamp", registry.repo(), "obscore"}).exit_status == 0);
    CHECK(run({"show-current", registry.repo()}).out == "2101fbf51ad3\n8b8e030aba2b\n");
    // --purge clears the table once, then stamps every manager (upstream kept only the last one).
    REQUIRE(run({"stamp", "--purge", registry.repo()}).exit_status == 0);
    auto r = run({"show-current", registry.repo()});
    CHECK(r.exit_status == 0);
    CHECK(r.out.find("8b8e030aba2b") == std::string::npos);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 7);
}

TEST_CASE("set-namespace shows, refuses to replace, updates and commits", "[cli]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes({{"config:dimensions.json", R"({"version": 0, "skypix": {"common": "htm7"}})"}});
    CHECK(run({"set-namespace", registry.repo()}).out == "No namespace defined in dimensions configuration.\n");
    auto first = run({"stamp", registry.repo()});
    CHECK(first.exit_status == 2);
    CHECK(first.err ==
          "butler-migrate: error: The `--namespace` option is required when namespace is missing from stored "
          "dimensions configuration\n");

    REQUIRE(run({"set-namespace", registry.repo(), "daf_butler"}).exit_status == 0);
    CHECK(registry.query("SELECT value FROM {schema}.butler_attributes WHERE name = 'config:dimensions.json'")[0][0] ==
          std::optional<std::string>(R"({"version": 0, "skypix": {"common": "htm7"}, "namespace": "daf_butler"})"));
    CHECK(run({"set-namespace", registry.repo()}).out == "Current dimensions namespace: daf_butler\n");

    auto refused = run({"set-namespace", registry.repo(), "other"});
    CHECK(refused.exit_status == 1);
    CHECK(refused.err ==
          "butler-migrate: error: Namespace is already defined (daf_butler), use --update option to replace it.\n");
    REQUIRE(run({"set-namespace", "--update", registry.repo(), "other"}).exit_status == 0);
    CHECK(run({"set-namespace", registry.repo()}).out == "Current dimensions namespace: other\n");
}

TEST_CASE("set-namespace without a stored dimensions configuration", "[cli]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes({});
    auto r = run({"set-namespace", registry.repo(), "daf_butler"});
    CHECK(r.exit_status == 1);
    CHECK(r.err == "butler-migrate: error: Key config:dimensions.json does not exist in attributes table\n");
}

TEST_CASE("show-current --butler with no managers", "[cli]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes({});
    auto r = run({"show-current", "--butler", "--namespace", "daf_butler", registry.repo()});
    CHECK(r.exit_status == 0);
    CHECK(r.out == "No manager versions defined in butler_attributes table.\n");
}

TEST_CASE("global options: --version and --log-level", "[cli]") {
    auto version = run({"--version"});
    CHECK(version.exit_status == 0);
    CHECK(version.out.rfind("butler-migrate ", 0) == 0);
    auto bad_level = run({"--log-level", "LOUD", "show-trees"});
    CHECK(bad_level.exit_status == 2);
    CHECK(bad_level.err.find("Invalid value for --log-level: 'LOUD'") != std::string::npos);
    CHECK(run({"--log-level", "lsst=debug", "show-trees"}).exit_status == 0);
    CHECK(run({"show-trees", "--no-such-option"}).exit_status == 2);
}

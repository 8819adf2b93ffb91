// Hostile registry contents (missing tables and rows, garbage values, unknown classes, duplicates): every
// command fails with one clean error line and leaves the database as it was, on SQLite and PostgreSQL.
#include "hostile_test_support.hpp"

using namespace hostile_tests;

TEST_CASE("hostile: a registry without butler_attributes", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.execute("CREATE TABLE {schema}.alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
    registry.execute("INSERT INTO {schema}.alembic_version VALUES ('c0e4f9ab4a5d')");
    const auto before = snapshot(registry);
    const std::string& repo = registry.repo();
    for (const auto& args : std::vector<std::vector<std::string>>{{"show-current", repo},
                                                                   {"show-current", "--butler", repo},
                                                                   {"stamp", repo},
                                                                   {"stamp", "--purge", repo},
                                                                   {"upgrade", repo, "attributes@head"},
                                                                   {"downgrade", repo, "f22a777cf382"},
                                                                   {"set-namespace", repo},
                                                                   {"set-namespace", "--update", repo, "x"}}) {
        INFO(args[0] << " " << args[1]);
        check_error(run(args), 4, "Not a Butler registry: table butler_attributes does not exist");
    }
    CHECK(snapshot(registry) == before);
}

TEST_CASE("hostile: a registry without alembic_version", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    const auto before = snapshot(registry);
    for (const char* command : {"upgrade", "downgrade"}) {
        check_error(run({command, registry.repo(), "c0e4f9ab4a5d"}), 8,
                    "Alembic version table does not exist, you may need to run `butler-migrate stamp` first.");
    }
    // REFERENCE section 7 #8: show-current prints nothing and succeeds.
    auto current = run({"show-current", registry.repo()});
    check_success(current);
    CHECK(current.out.empty());
    CHECK(snapshot(registry) == before);
}

TEST_CASE("hostile: a manager table that a migration step needs is missing", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    check_success(run({"stamp", registry.repo()}));
    const auto before = snapshot(registry);
    // datastores 0.2.0 -> 0.2.1 (a81dddabd837) rebuilds dataset_location_trash, which this registry lacks.
    auto r = run({"upgrade", registry.repo(), "a81dddabd837"});
    check_error(r, 1, "upgrade a07b3b60e369 -> a81dddabd837 failed, nothing of it was applied: ");
    CHECK(r.err.find("dataset_location_trash") != std::string::npos);
    CHECK(snapshot(registry) == before);
}

TEST_CASE("hostile: no version:* rows leave only the dimensions-config pseudo-manager", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& row : TestRegistry::typical_attributes()) {
        if (row.first.rfind("version:", 0) != 0) rows.push_back(row);
    }
    registry.create_attributes(rows);
    auto listing = run({"show-current", "--butler", registry.repo()});
    check_success(listing);
    CHECK(listing.out == "dimensions-config: daf_butler 4 -> 9888256c6a18\n");
    check_success(run({"stamp", registry.repo()}));
    CHECK(alembic_rows(registry) == std::vector<std::string>{"9888256c6a18"});
}

TEST_CASE("hostile: no config:dimensions.json row", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(attributes_with("config:dimensions.json", "", true));
    const auto before = snapshot(registry);
    const std::string namespace_required =
        "The `--namespace` option is required when namespace is missing from stored dimensions configuration";
    check_error(run({"show-current", registry.repo()}), 2, namespace_required);
    check_error(run({"stamp", registry.repo()}), 2, namespace_required);
    check_error(run({"upgrade", registry.repo(), "c0e4f9ab4a5d"}), 2, namespace_required);
    check_error(run({"set-namespace", registry.repo(), "daf_butler"}), 1,
                "Key config:dimensions.json does not exist in attributes table");
    auto show = run({"set-namespace", registry.repo()});
    check_success(show);
    CHECK(show.out == "No namespace defined in dimensions configuration.\n");
    CHECK(snapshot(registry) == before);
}

TEST_CASE("hostile: an empty version value hides its manager", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(attributes_with(kAttributesVersionKey, ""));
    auto listing = run({"show-current", "--butler", registry.repo()});
    check_success(listing);
    CHECK(listing.out.find("attributes:") == std::string::npos);
    CHECK(listing.out.find("collections:") != std::string::npos);
    check_success(run({"stamp", registry.repo()}));
    auto expected = typical_revisions();
    expected.erase(std::find(expected.begin(), expected.end(), "c0e4f9ab4a5d"));
    CHECK(alembic_rows(registry) == expected);
}

TEST_CASE("hostile: a garbage version value with a newline and SQL in it", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    const std::string garbage = "1.0.1\n'); DROP TABLE butler_attributes; --";
    registry.create_attributes(attributes_with(kAttributesVersionKey, garbage));
    // No tree has that version: stamp records the other managers and names the skipped one.
    check_stamp_skipped(run({"stamp", registry.repo()}), "attributes");
    CHECK(alembic_rows(registry) == typical_revisions_without("c0e4f9ab4a5d"));

    // Stamped at 1.0.1 by hand: the inconsistency message quotes the value on one line, as Python's repr does.
    registry.execute("INSERT INTO {schema}.alembic_version VALUES ('c0e4f9ab4a5d')");
    const auto stamped = snapshot(registry);
    auto r = run({"show-current", registry.repo()});
    check_error(r, 5, "revisions in alembic only: c0e4f9ab4a5d; revisions in butler only: ", true);
    CHECK(r.err.find(R"(('attributes', 'lsst.daf.butler.registry.attributes.DefaultButlerAttributeManager', )"
                     R"("1.0.1\n'); DROP TABLE butler_attributes; --"))") != std::string::npos);
    check_error(run({"upgrade", registry.repo(), "c0e4f9ab4a5d"}), 5, "Butler and alembic revisions are inconsistent");
    CHECK(snapshot(registry) == stamped);
}

TEST_CASE("hostile: a manager class that the catalogue does not know", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    auto rows = attributes_with("config:registry.managers.attributes", "my.own.FrobAttributeManager");
    rows.emplace_back("version:my.own.FrobAttributeManager", "1.0.0");
    registry.create_attributes(rows);
    const auto before = snapshot(registry);
    auto listing = run({"show-current", "--butler", registry.repo()});
    check_error(listing, 5, "Can't locate revision identified by '", true);
    CHECK(listing.out.find("attributes: my.own.FrobAttributeManager 1.0.0 -> ") == 0);
    check_error(run({"upgrade", registry.repo(), "attributes@head"}), 8, "Alembic version table does not exist");
    CHECK(snapshot(registry) == before);
    check_stamp_skipped(run({"stamp", registry.repo(), "attributes"}), "attributes");
    CHECK(snapshot(registry) == before);  // nothing to record: not even alembic_version is created
}

// Upstream (REFERENCE section 7 #16) stamps the managers before the unknown one and then fails half-way; here
// every known manager is stamped and the unknown one named.
TEST_CASE("hostile: stamp with an unknown manager class in the middle", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    auto rows = attributes_with("config:registry.managers.opaque", "my.own.FrobOpaqueManager");
    rows.emplace_back("version:my.own.FrobOpaqueManager", "9.9.9");
    registry.create_attributes(rows);
    check_stamp_skipped(run({"stamp", registry.repo()}), "opaque");
    CHECK(alembic_rows(registry) == typical_revisions_without("77e5b803ad3f"));
}

TEST_CASE("hostile: duplicate butler_attributes rows", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    // A table without its primary key can hold a name twice; the later row wins, as in a Python dict.
    registry.execute("CREATE TABLE {schema}.butler_attributes (name TEXT NOT NULL, value TEXT NOT NULL)");
    auto rows = TestRegistry::typical_attributes();
    rows.emplace_back(kAttributesVersionKey, "1.0.0");
    for (const auto& [name, value] : rows) {
        registry.execute("INSERT INTO {schema}.butler_attributes VALUES (" + sql_literal(name) + ", " +
                         sql_literal(value) + ")");
    }
    auto listing = run({"show-current", "--butler", registry.repo()});
    check_success(listing);
    CHECK(listing.out.find("attributes: lsst.daf.butler.registry.attributes.DefaultButlerAttributeManager 1.0.0 -> "
                           "f22a777cf382\n") == 0);
    check_success(run({"stamp", registry.repo()}));
    const auto before = snapshot(registry);
    // attributes 1.0.0 -> 1.0.1 (c0e4f9ab4a5d) updates its version row, which is there twice.
    check_error(run({"upgrade", registry.repo(), "c0e4f9ab4a5d"}), 1,
                "Manager key " + kAttributesVersionKey + " appears 2 times in butler_attributes table.");
    CHECK(snapshot(registry) == before);
}

TEST_CASE("hostile: a stored namespace that is not a string", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(attributes_with("config:dimensions.json", R"({"version": 4, "namespace": 5})"));
    const auto before = snapshot(registry);
    const std::string message = R"(config:dimensions.json has a "namespace" value that is not a string: 5)";
    check_error(run({"show-current", "--butler", registry.repo()}), 1, message);
    check_error(run({"stamp", registry.repo()}), 1, message);
    CHECK(snapshot(registry) == before);
    // set-namespace --update repairs it.
    check_success(run({"set-namespace", "--update", registry.repo(), "daf_butler"}));
    check_success(run({"stamp", registry.repo()}));
    CHECK(alembic_rows(registry) == typical_revisions());
}

TEST_CASE("hostile: a 1 MB attribute value", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    const std::string huge(1 << 20, '7');
    registry.create_attributes(attributes_with(kAttributesVersionKey, huge));
    const auto before = snapshot(registry);
    auto listing = run({"show-current", "--butler", registry.repo()});
    check_error(listing, 5, "Can't locate revision identified by '", true);
    CHECK(listing.out.find("DefaultButlerAttributeManager " + huge + " -> ") != std::string::npos);
    CHECK(snapshot(registry) == before);
    check_stamp_skipped(run({"stamp", registry.repo()}), "attributes");
    CHECK(alembic_rows(registry) == typical_revisions_without("c0e4f9ab4a5d"));
}

TEST_CASE("hostile: non-UTF-8 bytes in attribute values (SQLite)", "[hostile]") {
    TestRegistry registry(Backend::sqlite);
    registry.create_attributes(attributes_with(kAttributesVersionKey, "1.0.\xff"));
    check_stamp_skipped(run({"stamp", registry.repo()}), "attributes");
    CHECK(alembic_rows(registry) == typical_revisions_without("c0e4f9ab4a5d"));

    TestRegistry json_registry(Backend::sqlite);
    json_registry.create_attributes(
        attributes_with("config:dimensions.json", "{\"version\": 4, \"namespace\": \"daf\xff_butler\"}"));
    const auto before = snapshot(json_registry);
    for (const auto& args : std::vector<std::vector<std::string>>{{"show-current", json_registry.repo()},
                                                                   {"stamp", json_registry.repo()},
                                                                   {"set-namespace", json_registry.repo()}}) {
        check_error(run(args), 1, "config:dimensions.json is not valid JSON");
    }
    CHECK(snapshot(json_registry) == before);
}

TEST_CASE("hostile: PostgreSQL refuses non-UTF-8 bytes in a value", "[hostile]") {
    TestRegistry registry(Backend::postgresql);
    CHECK_THROWS_AS(registry.create_attributes(attributes_with(kAttributesVersionKey, "1.0.\xff")),
                    butler_migrate::DatabaseError);
}

TEST_CASE("hostile: dump-schema of tables, columns and indexes named with quotes and SQL", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    const std::string table = "a\"b; DROP TABLE butler_attributes; --";
    const std::string quoted_table = "\"a\"\"b; DROP TABLE butler_attributes; --\"";
    registry.execute("CREATE TABLE {schema}." + quoted_table +
                     " (\"c'd\" INTEGER NOT NULL PRIMARY KEY, \"e\"\"f\" TEXT CHECK (\"e\"\"f\" <> ';'))");
    registry.execute("CREATE INDEX \"i\"\"x\" ON {schema}." + quoted_table + " (\"e\"\"f\")");
    const auto before = snapshot(registry);
    auto dump = run({"dump-schema", registry.repo()});
    check_success(dump);
    const std::string tag = " [table=" + table + "]\n";
    CHECK(dump.out.find("table=" + table + "\n") == 0);
    CHECK(dump.out.find("  column=c'd type=INTEGER nullable=False default=None" + tag) != std::string::npos);
    CHECK(dump.out.find("  column=e\"f type=TEXT nullable=True default=None" + tag) != std::string::npos);
    const std::string unique = backend == Backend::sqlite ? "0" : "False";
    CHECK(dump.out.find("  INDEX name=i\"x columns=(e\"f) unique=" + unique + tag) != std::string::npos);
    CHECK(dump.out.find("table=butler_attributes\n") != std::string::npos);
    auto only = run({"dump-schema", registry.repo(), table});
    check_success(only);
    CHECK(only.out.find("table=butler_attributes\n") == std::string::npos);
    CHECK(only.out.find("table=" + table + "\n") == 0);
    CHECK(snapshot(registry) == before);
}

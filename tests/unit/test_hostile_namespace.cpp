// Hostile schema names (butler.yaml `namespace`) and dimensions namespaces (--namespace, set-namespace): quotes,
// spaces, semicolons and SQL are quoted or stored as data, never executed; very long values fail cleanly.
#include <regex>

#include "fixture_copy.hpp"
#include "hostile_test_support.hpp"

using namespace hostile_tests;

namespace {

const std::vector<std::string> kHostileNames = {"it's", "a b", "semi;colon", "dq\"x",
                                                "x\"; DROP TABLE butler_attributes; --",
                                                "x'; DROP TABLE butler_attributes; --"};

// butler.yaml pointing at the registry's database with `namespace` set to `schema` (single-quoted YAML).
void write_namespace(const TestRegistry& registry, const std::string& schema) {
    std::string yaml = registry.backend() == Backend::sqlite ? "registry:\n  db: sqlite:///<butlerRoot>/gen3.sqlite3\n"
                                                             : "registry:\n  db: " + registry.url() + "\n";
    yaml += "  namespace: '" + std::regex_replace(schema, std::regex("'"), "''") + "'\n";
    test_support::write_file(registry.repo() + "/butler.yaml", yaml);
}

// A table of the same name in "public", where unquoted SQL would find it.
void add_decoys(const TestRegistry& registry) {
    if (registry.backend() == Backend::sqlite) return;
    registry.execute("CREATE TABLE public.butler_attributes (name TEXT)");
    registry.execute("CREATE TABLE public.x (y TEXT)");
}

const std::string kNoNamespaceJson = R"({"version": 4, "skypix": {}, "elements": {}})";

}  // namespace

TEST_CASE("hostile: schema names with quotes, spaces, semicolons and SQL are quoted everywhere", "[hostile]") {
    auto backend = any_backend();
    const std::string name = GENERATE(from_range(kHostileNames));
    INFO(test_support::backend_name(backend) << " schema " << name);
    TestRegistry registry(backend, name);
    write_namespace(registry, name);
    add_decoys(registry);
    registry.create_attributes(TestRegistry::typical_attributes());
    const std::string& repo = registry.repo();

    check_success(run({"stamp", repo}));
    CHECK(alembic_rows(registry) == typical_revisions());
    auto current = run({"show-current", repo});
    check_success(current);
    CHECK(std::count(current.out.begin(), current.out.end(), '\n') == 7);
    auto dump = run({"dump-schema", repo});
    check_success(dump);
    CHECK(dump.out.find("table=alembic_version\n") != std::string::npos);
    CHECK(dump.out.find("table=butler_attributes\n") != std::string::npos);
    check_success(run({"set-namespace", "--update", repo, name}));
    auto shown = run({"set-namespace", repo});
    check_success(shown);
    CHECK(shown.out == "Current dimensions namespace: " + name + "\n");
    // Nothing was dropped: the registry's tables, the decoys, and all 13 attribute rows.
    auto snap = snapshot(registry);
    if (backend == Backend::postgresql) {
        CHECK(snap.find("public.butler_attributes;public.x;") != std::string::npos);
        CHECK(snap.find(name + ".alembic_version;" + name + ".butler_attributes;") != std::string::npos);
    }
    CHECK(registry.query("SELECT count(*) FROM {schema}.butler_attributes")[0][0] == std::optional<std::string>("13"));
}

TEST_CASE("hostile: a schema that does not exist, named with SQL", "[hostile][postgresql]") {
    TestRegistry registry(Backend::postgresql);
    registry.create_attributes(TestRegistry::typical_attributes());
    add_decoys(registry);
    const std::string name = "test_ns\"; DROP TABLE test_ns.butler_attributes; DROP TABLE public.x; --";
    write_namespace(registry, name);
    const auto before = snapshot(registry);
    const std::string& repo = registry.repo();
    for (const auto& args : std::vector<std::vector<std::string>>{{"show-current", repo},
                                                                   {"show-current", "--butler", repo},
                                                                   {"stamp", repo},
                                                                   {"upgrade", repo, "c0e4f9ab4a5d"},
                                                                   {"set-namespace", "--update", repo, "x"}}) {
        INFO(args[0]);
        check_error(run(args), 4,
                    "Not a Butler registry: table butler_attributes does not exist in schema \"test_ns\\\"; DROP");
    }
    // A missing schema has no tables: not a registry (quoted with escapes, on one line).
    check_error(run({"dump-schema", repo}), 4, "Not a Butler registry: schema \"test_ns\\\"; DROP");
    CHECK(snapshot(registry) == before);
}

TEST_CASE("hostile: a schema name with a newline gives a one-line error", "[hostile][postgresql]") {
    TestRegistry registry(Backend::postgresql);
    // Double-quoted YAML: a single-quoted scalar would fold the line break into a space.
    test_support::write_file(registry.repo() + "/butler.yaml",
                             "registry:\n  db: " + registry.url() + "\n  namespace: \"line1\\nline2\"\n");
    check_error(run({"show-current", registry.repo()}), 4, "in schema \"line1\\nline2\"");
}

TEST_CASE("hostile: a 10 kB schema name", "[hostile][postgresql]") {
    TestRegistry registry(Backend::postgresql);
    registry.create_attributes(TestRegistry::typical_attributes());
    write_namespace(registry, std::string(10240, 'n'));
    const auto before = snapshot(registry);
    check_error(run({"stamp", registry.repo()}), 4, "Not a Butler registry");
    CHECK(snapshot(registry) == before);
}

TEST_CASE("hostile: --namespace with quotes and SQL is only data", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(attributes_with("config:dimensions.json", kNoNamespaceJson));
    const auto before = snapshot(registry);
    for (const std::string& ns : std::vector<std::string>{"x'; DROP TABLE butler_attributes; --", "a\"b'c;",
                                                         std::string(10240, 'n')}) {
        // The namespace makes a dimensions-config revision that no tree has: listed, then refused.
        auto listing = run({"show-current", "--butler", "--namespace", ns, registry.repo()});
        check_error(listing, 5, "Can't locate revision identified by '", true);
        CHECK(listing.out.find("\ndimensions-config: " + ns + " 4 -> ") != std::string::npos);
        auto current = run({"show-current", "--namespace", ns, registry.repo()});
        check_success(current);
        CHECK(current.out.empty());
    }
    CHECK(snapshot(registry) == before);
}

TEST_CASE("hostile: set-namespace stores quotes and SQL as data", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    add_decoys(registry);
    registry.create_attributes(TestRegistry::typical_attributes());
    const std::string ns = "x'\"; DROP TABLE butler_attributes; --";
    check_error(run({"set-namespace", registry.repo(), ns}), 1,
                "Namespace is already defined (daf_butler), use --update option to replace it.");
    check_success(run({"set-namespace", "--update", registry.repo(), ns}));
    auto stored = registry.query("SELECT value FROM {schema}.butler_attributes WHERE name = 'config:dimensions.json'");
    REQUIRE(stored.size() == 1);
    // json.dumps: the key keeps its place, the double quote is escaped.
    CHECK(stored[0][0] ==
          std::optional<std::string>(
              R"({"version": 4, "namespace": "x'\"; DROP TABLE butler_attributes; --", "skypix": {}, "elements": {}})"));
    CHECK(registry.query("SELECT count(*) FROM {schema}.butler_attributes")[0][0] == std::optional<std::string>("13"));
    auto shown = run({"set-namespace", registry.repo()});
    check_success(shown);
    CHECK(shown.out == "Current dimensions namespace: " + ns + "\n");
    if (backend == Backend::postgresql) CHECK(snapshot(registry).find("public.butler_attributes;") != std::string::npos);
}

TEST_CASE("hostile: a 10 kB namespace and a namespace with a newline", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(attributes_with("config:dimensions.json", kNoNamespaceJson));
    const std::string long_ns(10240, 'n');
    check_success(run({"set-namespace", registry.repo(), long_ns}));
    auto shown = run({"set-namespace", registry.repo()});
    check_success(shown);
    CHECK(shown.out == "Current dimensions namespace: " + long_ns + "\n");
    check_success(run({"set-namespace", "--update", registry.repo(), "two\nlines"}));
    // The refusal quotes the stored value on one line.
    check_error(run({"set-namespace", registry.repo(), "other"}), 1, "Namespace is already defined (two\\x0alines)");
}

TEST_CASE("hostile: set-namespace refuses a namespace that is not UTF-8", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    const auto before = snapshot(registry);
    check_error(run({"set-namespace", "--update", registry.repo(), "bad\xff" "byte"}), 2,
                "NAMESPACE must be valid UTF-8 text");
    check_error(run({"set-namespace", "--update", registry.repo(), "\xed\xa0\x80"}), 2,  // a UTF-16 surrogate
                "NAMESPACE must be valid UTF-8 text");
    CHECK(snapshot(registry) == before);
    check_success(run({"set-namespace", "--update", registry.repo(), "h\xc3\xa9llo \xe2\x9c\x93"}));
}

TEST_CASE("hostile: 10 kB and SQL revision arguments", "[hostile]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    check_success(run({"stamp", registry.repo()}));
    const auto before = snapshot(registry);
    for (const std::string& revision :
         std::vector<std::string>{std::string(10240, 'a'), "x'; DROP TABLE butler_attributes; --"}) {
        for (const char* command : {"upgrade", "downgrade"}) {
            check_error(run({command, registry.repo(), revision}), 5,
                        "Can't locate revision identified by '" + revision + "'");
        }
        check_error(run({"stamp", registry.repo(), revision}), 2, "Unknown tree name " + revision);
    }
    CHECK(snapshot(registry) == before);
}

// The LOCK TABLE statements of 2a8a32e1bec3 name the schema unquoted (as upstream does), so a schema name with
// SQL in it runs that SQL. (migrations/dimensions-config/2a8a32e1bec3.cpp quotes the name.)
TEST_CASE("hostile: the universe 4 -> 5 migration never runs SQL from the schema name", "[hostile][postgresql]") {
    test_support::FixtureCopy repo("f2023_u4_26.0.0_default_pg", "hostile_lock");
    auto pg = test_support::PgServer::require();
    const std::string database = "bm_fixture_hostile_lock";
    const std::string schema = "public.decoy; CREATE TABLE IF NOT EXISTS public.injected (x int); --";
    pg.psql_command(database, "CREATE TABLE public.decoy (x int)");
    pg.psql_command(database, "ALTER SCHEMA fixture RENAME TO \"" + schema + "\"");
    std::string yaml = test_support::read_file(repo.dir().file("butler.yaml"));
    yaml = std::regex_replace(yaml, std::regex("namespace: fixture"), "namespace: '" + schema + "'");
    test_support::write_file(repo.dir().file("butler.yaml"), yaml);
    check_success(run({"stamp", repo.repo()}));
    run({"upgrade", repo.repo(), "2a8a32e1bec3"});
    CHECK(pg.psql_command(database, "SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'injected'") == "0\n");
}

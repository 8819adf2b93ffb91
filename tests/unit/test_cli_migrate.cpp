// upgrade and downgrade through the executable: preconditions, bad arguments, --sql, rollback of a failing step.
#include <catch2/catch.hpp>

#include "backend_generator.hpp"
#include "catalogue_facts.hpp"
#include "test_registry.hpp"
#include "tool_environment.hpp"

using test_support::Backend;
using test_support::TestRegistry;

namespace {

using test_support::any_backend;

test_support::CommandResult run(const std::vector<std::string>& args, const test_support::Environment& env = {}) {
    return test_support::run_isolated(args, env);
}

const std::string kReg = "lsst.daf.butler.registry.";
const std::string kOneShot = "collections/name_2.0.0_to_int_2.0.0";

// A registry whose collections were just migrated by the one-shot tree: its downgrade is upstream's empty
// body, so only alembic_version changes — the engine alone is under test.
void make_synthint_registry(const TestRegistry& registry) {
    registry.create_attributes(TestRegistry::typical_attributes());
    REQUIRE(run({"stamp", registry.repo()}).exit_status == 0);
}

std::string alembic_rows(const TestRegistry& registry) {
    std::string out;
    for (const auto& row : registry.query("SELECT version_num FROM {schema}.alembic_version ORDER BY version_num")) {
        out += row[0].value_or("") + " ";
    }
    return out;
}

}  // namespace

TEST_CASE("upgrade needs a stamped, consistent registry", "[cli][engine]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    registry.create_attributes(TestRegistry::typical_attributes());
    auto unstamped = run({"upgrade", registry.repo(), "a81dddabd837"});
    CHECK(unstamped.exit_status == 8);  // not stamped (docs/exit-codes.md; upstream: 1)
    CHECK(unstamped.err ==
          "butler-migrate: error: Alembic version table does not exist, you may need to run `butler-migrate stamp` "
          "first.\n");
    REQUIRE(run({"stamp", registry.repo()}).exit_status == 0);
    registry.execute("UPDATE {schema}.butler_attributes SET value = '0.2.1' WHERE name = 'version:" + kReg +
                     "bridge.monolithic.MonolithicDatastoreRegistryBridgeManager'");
    auto inconsistent = run({"upgrade", registry.repo(), "a81dddabd837"});
    CHECK(inconsistent.exit_status == 5);
    CHECK(inconsistent.err.find("Butler and alembic revisions are inconsistent") != std::string::npos);
}

TEST_CASE("upgrade and downgrade refuse bad revision arguments", "[cli][engine]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    make_synthint_registry(registry);
    const std::string before = alembic_rows(registry);

    const std::string unknown_id = test_support::absent_revision_id();
    auto unknown = run({"upgrade", registry.repo(), unknown_id});
    CHECK(unknown.exit_status == 5);
    CHECK(unknown.err == "butler-migrate: error: Can't locate revision identified by '" + unknown_id + "'\n");

    auto later = run({"downgrade", registry.repo(), "a81dddabd837"});
    CHECK(later.exit_status == 5);
    CHECK(later.err ==
          "butler-migrate: error: Destination a81dddabd837 is not a valid downgrade target from current head(s)\n");

    auto heads = run({"upgrade", registry.repo(), "heads"});
    CHECK(heads.exit_status == 2);

    auto bad_options = run({"upgrade", "--options", "has_simulated", registry.repo(), "a81dddabd837"});
    CHECK(bad_options.exit_status == 2);
    CHECK(bad_options.err.find("Could not parse key-value pair 'has_simulated' using separator '='") != std::string::npos);

    auto no_slash = run({"upgrade", "--one-shot-tree", "collections", registry.repo(), "8c57494cabcc"});
    CHECK(no_slash.exit_status == 2);
    CHECK(no_slash.err == "butler-migrate: error: one-shot tree name is missing slash: f{one_shot_tree}\n");

    // The obscore tree is not recorded: its root cannot be migrated to, so nothing runs (a revision error naming
    // the tree and its root, and what to do).
    auto other_tree = run({"upgrade", registry.repo(), "a0d766f99876"});
    CHECK(other_tree.exit_status == 5);
    CHECK(other_tree.err.find("The obscore tree is not recorded in this registry, and its root 8b8e030aba2b") !=
          std::string::npos);

    auto already = run({"upgrade", registry.repo(), "8c57494cabcc"});
    CHECK(already.exit_status == 0);
    CHECK(already.out.empty());
    CHECK(alembic_rows(registry) == before);
}

TEST_CASE("a step and its alembic_version move commit together or not at all", "[cli][engine]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    make_synthint_registry(registry);
    const std::string before = alembic_rows(registry);
    REQUIRE(before.find("8c57494cabcc") != std::string::npos);

    auto failed = run({"downgrade", "--no-backup", "--one-shot-tree", kOneShot, registry.repo(), "93341d68b814"},
                      {{"BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT", "8c57494cabcc"}});
    CHECK(failed.exit_status == 1);
    CHECK(failed.err ==
          "butler-migrate: error: downgrade 8c57494cabcc -> 93341d68b814 failed, nothing of it was applied: injected "
          "failure (BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT)\n");
    CHECK(alembic_rows(registry) == before);

    auto done = run({"downgrade", "--one-shot-tree", kOneShot, registry.repo(), "93341d68b814"});
    CHECK(done.exit_status == 0);
    std::string after = alembic_rows(registry);
    CHECK(after.find("8c57494cabcc") == std::string::npos);
    CHECK(after.find("93341d68b814") != std::string::npos);
}

TEST_CASE("offline --sql writes the steps' SQL and changes nothing", "[cli][engine]") {
    auto backend = any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    make_synthint_registry(registry);
    const std::string before = alembic_rows(registry);
    std::string table = backend == Backend::sqlite ? "\"alembic_version\"" : "\"test_ns\".\"alembic_version\"";

    auto sql = run({"downgrade", "--sql", "--one-shot-tree", kOneShot, registry.repo(), "8c57494cabcc:93341d68b814"});
    CHECK(sql.exit_status == 0);
    std::string expected = "-- Running downgrade 8c57494cabcc -> 93341d68b814\n\nUPDATE " + table +
                           " SET version_num = '93341d68b814' WHERE version_num = '8c57494cabcc';\n\n";
    if (backend == Backend::postgresql) expected = "BEGIN;\n\n" + expected + "COMMIT;\n\n";
    CHECK(sql.out == expected);
    CHECK(alembic_rows(registry) == before);

    auto no_range = run({"downgrade", "--sql", registry.repo(), "93341d68b814"});
    CHECK(no_range.exit_status == 2);
    CHECK(no_range.err == "butler-migrate: error: downgrade with --sql requires <fromrev>:<torev>\n");
}

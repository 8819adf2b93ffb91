// The stamp policy (core/stamp_plan): which managers are stamped with which revision, which are reported
// instead, the root of a named new manager, and the purge done once; applied on SQLite and PostgreSQL.
#include <catch2/catch.hpp>

#include <algorithm>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/registry.hpp"
#include "butler_migrate/core/stamp_plan.hpp"
#include "butler_migrate/core/revision_id.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "backend_generator.hpp"
#include "catalogue_facts.hpp"
#include "test_registry.hpp"

using namespace butler_migrate;
using test_support::Backend;
using test_support::TestRegistry;

namespace {

const std::string kReg = "lsst.daf.butler.registry.";

// A dimension universe newer than every migration, and its revision id by REFERENCE §1.2's formula: in no tree.
int newer_universe() { return test_support::newest_catalogue_universe() + 1; }
std::string newer_universe_revision() {
    const std::string id = rev_id({"dimensions-config", "daf_butler", std::to_string(newer_universe())});
    REQUIRE_FALSE(test_support::in_catalogue(id));
    return id;
}

// Revision ids from REFERENCE §2 (tables of the trees) and §1.2.
std::vector<ManagerVersion> recorded_managers() {
    return {
        {"attributes", kReg + "attributes.DefaultButlerAttributeManager", "1.0.1", "c0e4f9ab4a5d"},
        {"dimensions-config", "daf_butler", std::to_string(newer_universe()), newer_universe_revision()},
        {"datasets", kReg + "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID", "1.0.0",
         "2101fbf51ad3"},
    };
}

struct Row {
    std::string manager;
    std::string revision;
    bool known;
    bool operator==(const Row& other) const {
        return manager == other.manager && revision == other.revision && known == other.known;
    }
};

std::vector<Row> rows_of(const StampPlan& plan) {
    std::vector<Row> rows;
    for (const auto& e : plan.entries) rows.push_back({e.manager, e.revision, e.known});
    return rows;
}

const RevisionGraph& regular_graph() {
    static const RevisionGraph graph = compiled_catalogue().regular();
    return graph;
}

std::vector<std::string> recorded_revisions(const TestRegistry& registry) {
    std::vector<std::string> revisions;
    for (const auto& row : registry.query("SELECT version_num FROM {schema}.alembic_version")) {
        revisions.push_back(row[0].value_or("NULL"));
    }
    std::sort(revisions.begin(), revisions.end());
    return revisions;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<Row> {
    static std::string convert(const Row& row) {
        return "{" + row.manager + ", " + row.revision + (row.known ? ", known}" : ", unknown}");
    }
};
}  // namespace Catch

TEST_CASE("stamp plan: every recorded manager, a version newer than every migration reported, not written",
          "[stamp-plan]") {
    const StampPlan plan = plan_stamp(recorded_managers(), regular_graph(), std::nullopt, false);
    CHECK(rows_of(plan) == std::vector<Row>{{"attributes", "c0e4f9ab4a5d", true},
                                            {"dimensions-config", newer_universe_revision(), false},
                                            {"datasets", "2101fbf51ad3", true}});
    CHECK(plan.revisions_to_write() == std::vector<std::string>{"c0e4f9ab4a5d", "2101fbf51ad3"});
    CHECK(plan.unstamped_warnings() ==
          std::vector<std::string>{"dimensions-config: the registry's version has no migration revision yet "
                                   "(" + newer_universe_revision() + " is in no tree), so it was not stamped"});
    CHECK_FALSE(plan.purge);
    CHECK(plan_stamp(recorded_managers(), regular_graph(), std::nullopt, true).purge);
}

TEST_CASE("stamp plan: a named manager", "[stamp-plan]") {
    SECTION("recorded: only that one") {
        const StampPlan plan = plan_stamp(recorded_managers(), regular_graph(), std::string("datasets"), false);
        CHECK(rows_of(plan) == std::vector<Row>{{"datasets", "2101fbf51ad3", true}});
        CHECK(plan.unstamped_warnings().empty());
    }
    SECTION("recorded, in no tree: reported, nothing to write") {
        const StampPlan plan =
            plan_stamp(recorded_managers(), regular_graph(), std::string("dimensions-config"), false);
        CHECK(rows_of(plan) == std::vector<Row>{{"dimensions-config", newer_universe_revision(), false}});
        CHECK(plan.revisions_to_write().empty());
        CHECK(plan.unstamped_warnings().size() == 1);
    }
    SECTION("not recorded yet: the root of its tree (REFERENCE §4.3: obscore -> 8b8e030aba2b)") {
        CHECK(rows_of(plan_stamp(recorded_managers(), regular_graph(), std::string("obscore"), false)) ==
              std::vector<Row>{{"obscore", "8b8e030aba2b", true}});
        CHECK(rows_of(plan_stamp({}, regular_graph(), std::string("collections"), false)) ==
              std::vector<Row>{{"collections", "8d2e9de2f21f", true}});
    }
    SECTION("neither recorded nor a tree: a usage error (exit status 2)") {
        try {
            plan_stamp(recorded_managers(), regular_graph(), std::string("nonsense"), false);
            FAIL("no error for an unknown manager");
        } catch (const UsageError& e) {
            CHECK(std::string(e.what()) == "Unknown tree name nonsense (not in the database or migrations)");
            CHECK(to_int(e.exit_status()) == 2);
        }
        // A name whose rev_id is a revision but not a root (4e2d7a28475b, REFERENCE §1.2) is no manager either.
        const std::string not_a_root = "datasets-ByDimensionsDatasetRecordStorageManagerUUID-2.0.0";
        CHECK_THROWS_AS(plan_stamp({}, regular_graph(), not_a_root, false), UsageError);
    }
}

TEST_CASE("stamp plan applied: unknown versions skipped, existing rows kept or purged once", "[stamp-plan]") {
    auto backend = test_support::any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    auto db = registry.open();
    // Another tree's root already recorded (obscore, REFERENCE §2.7).
    stamp_revision(*db, regular_graph(), "8b8e030aba2b");

    SECTION("without --purge the row stays, the known managers are added") {
        apply_stamp_plan(*db, regular_graph(), plan_stamp(recorded_managers(), regular_graph(), std::nullopt, false));
        CHECK(recorded_revisions(registry) == std::vector<std::string>{"2101fbf51ad3", "8b8e030aba2b", "c0e4f9ab4a5d"});
    }
    SECTION("--purge empties the table once: every manager of the plan survives (upstream keeps only the last)") {
        apply_stamp_plan(*db, regular_graph(), plan_stamp(recorded_managers(), regular_graph(), std::nullopt, true));
        CHECK(recorded_revisions(registry) == std::vector<std::string>{"2101fbf51ad3", "c0e4f9ab4a5d"});
    }
    SECTION("a later version of a recorded tree moves its row") {
        auto older = recorded_managers();
        older.resize(1);
        older[0].revision = "f22a777cf382";  // DefaultButlerAttributeManager 1.0.0, the parent of c0e4f9ab4a5d
        apply_stamp_plan(*db, regular_graph(), plan_stamp(older, regular_graph(), std::nullopt, false));
        CHECK(recorded_revisions(registry) == std::vector<std::string>{"8b8e030aba2b", "f22a777cf382"});
        const std::optional<std::string> attributes("attributes");
        apply_stamp_plan(*db, regular_graph(), plan_stamp(recorded_managers(), regular_graph(), attributes, false));
        CHECK(recorded_revisions(registry) == std::vector<std::string>{"8b8e030aba2b", "c0e4f9ab4a5d"});
    }
}

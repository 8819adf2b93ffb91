// The dimensions-config-patches tree (DM-55966): its root 8a1a1665cc96 and ffe757e1ab0f (daf_butler v6-patch1, the
// visit -> day_obs foreign key the universe 5 -> 6 step forgot), on SQLite and PostgreSQL: the patch on a registry
// taken through 5 -> 6 by the tool, "no work to do" where the key exists, the refusals, the patch row in
// butler_attributes and what stamp, show-current, upgrade and downgrade make of the tree.
//
// Expected values are written from upstream's code, never from running butler-migrate:
//  - "patch script": lsst-dm/daf_butler_migrate migrations/dimensions-config-patches/ffe757e1ab0f.py at 89827c5a
//    (the newest the code index holds; c70930da differs only in a comment's wording);
//  - "root script": migrations/dimensions-config-patches/8a1a1665cc96.py at c70930da;
//  - "butler_attributes.py", "database.py", "migrate_stamp.py", "migrate_current.py": python/lsst/daf/butler_migrate/
//    at c70930da;
//  - alembic 1.19's revision map and head bookkeeping (alembic/script/revision.py, alembic/runtime/migration.py).
// The dump-schema line format is the real tool's, as the recorded dump-schema runs in ../shared/fixtures print it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "butler_migrate/core/revision_id.hpp"
#include "backend_generator.hpp"
#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"
#include "test_support.hpp"
#include "universe_test_support.hpp"

using butler_migrate::SqlRow;
using test_support::Backend;
using test_support::CommandResult;
using test_support::FixtureCopy;
using namespace universe_tests;

namespace {

const std::string kTree = "dimensions-config-patches";
const std::string kRoot = "8a1a1665cc96";        // root script line 9
const std::string kPatch = "ffe757e1ab0f";       // patch script line 15
const std::string kUniverse5 = "2a8a32e1bec3";   // dimensions-config, universe 5
const std::string kUniverse6 = "1fae088c80b6";   // patch script line 19: depends_on
const std::string kForeignKey = "fkey_visit_day_obs_instrument_id_instrument_day_obs";  // patch script line 30
const std::string kIndex = "visit_fkidx_instrument_day_obs";                          // patch script line 63
const std::string kPatchKey = "migrate-patch-config:dimensions-config-patches";
// butler_attributes.py update_manager_version(patch=True): json.dumps({"manager": ..., "version": ...}) with the
// default separators; the script's MigrationContext("daf_butler", "v6-patch1", patch=True, ...) (lines 25-26, 42).
const std::string kPatchValue = R"({"manager": "daf_butler", "version": "v6-patch1"})";

bool recorded(const FixtureCopy& repo, const std::string& id) {
    const auto versions = alembic_versions(repo);
    return std::find(versions.begin(), versions.end(), id) != versions.end();
}

// The lines of dump-schema's section of `table`.
std::vector<std::string> section(const std::string& dump, const std::string& table) {
    std::vector<std::string> out;
    for (const auto& line : split_lines(dump)) {
        if (line == "table=" + table || line.find(" [table=" + table + "]") != std::string::npos) out.push_back(line);
    }
    return out;
}

// dump-schema without the section of `table`.
std::string without_section(const std::string& dump, const std::string& table) {
    std::string out;
    for (const auto& line : split_lines(dump)) {
        if (line != "table=" + table && line.find(" [table=" + table + "]") == std::string::npos) out += line + "\n";
    }
    return out;
}

std::vector<std::string> sorted(std::vector<std::string> lines) {
    std::sort(lines.begin(), lines.end());
    return lines;
}

// The visit section the patch leaves, from the one before: day_obs NOT NULL (batch alter_column nullable=False,
// script line 51), the foreign key (lines 52-58; 51 characters, so not shrunk on PostgreSQL either) and the index
// (lines 62-68). dump-schema says unique=0 on SQLite and unique=False on PostgreSQL, as the recordings do.
std::vector<std::string> patched_visit(const std::vector<std::string>& before, bool sqlite) {
    std::vector<std::string> after;
    bool had_nullable_day_obs = false;
    for (const auto& line : before) {
        if (starts_with(line, "  column=day_obs type=BIGINT nullable=True ")) {
            had_nullable_day_obs = true;
            after.push_back("  column=day_obs type=BIGINT nullable=False default=None [table=visit]");
        } else {
            after.push_back(line);
        }
    }
    REQUIRE(had_nullable_day_obs);
    after.push_back("  FK name=" + kForeignKey + " (instrument,day_obs) -> day_obs(instrument,id) [table=visit]");
    after.push_back("  INDEX name=" + kIndex + " columns=(instrument,day_obs) " + (sqlite ? "unique=0" : "unique=False") +
                    " [table=visit]");
    return sorted(after);
}

// A registry taken through universe 5 -> 6 by the tool, stamped, without the patch tree: the SQLite fixture
// daf_butler made at universe 5, or the PostgreSQL one made at universe 4.
std::unique_ptr<FixtureCopy> migrated_to_universe6(Backend backend, const std::string& tag) {
    const bool pg = backend == Backend::postgresql;
    auto repo = std::make_unique<FixtureCopy>(pg ? "f2023_u4_26.0.0_default_pg" : "f2024_u5_default", tag);
    repo->run_ok({"stamp", "{REPO}"});
    repo->run_ok({"upgrade", "{REPO}", kUniverse6});
    REQUIRE(recorded(*repo, kUniverse6));
    return repo;
}

// daf_butler's test data defines its visits without exposures (visit_definition is empty), so they have no day_obs;
// the patch needs one. Each visit gets the first day_obs of its instrument that the 5 -> 6 step created from the
// exposures; an instrument without exposures first gets a day_obs row of its own (no timespan).
void give_visits_a_day_obs(const FixtureCopy& repo) {
    REQUIRE(repo.query("SELECT count(*) FROM {schema}.visit WHERE day_obs IS NULL") != std::vector<SqlRow>{{"0"}});
    repo.query("INSERT INTO {schema}.day_obs (instrument, id) SELECT DISTINCT instrument, 20200101 FROM {schema}.visit "
               "WHERE instrument NOT IN (SELECT instrument FROM {schema}.day_obs)");
    repo.query("UPDATE {schema}.visit SET day_obs = (SELECT min(d.id) FROM {schema}.day_obs d WHERE d.instrument = "
               "{schema}.visit.instrument)");
    REQUIRE(repo.query("SELECT count(*) FROM {schema}.visit WHERE day_obs IS NULL") == std::vector<SqlRow>{{"0"}});
}

void check_refused(const FixtureCopy& repo, const std::vector<std::string>& args, const std::string& message) {
    const std::string before = repo.snapshot();
    const CommandResult result = repo.run(args);
    INFO(result.err);
    CHECK(result.exit_status != 0);
    const auto lines = error_lines(result);
    REQUIRE(lines.size() == 1);
    CHECK(lines.front().find(message) != std::string::npos);
    CHECK(repo.snapshot() == before);
}

}  // namespace

TEST_CASE("the dimensions-config-patches rows are upstream's scripts", "[migrations][patches]") {
    using butler_migrate::rev_id;
    const auto& root = test_support::catalogue_revision(kRoot);
    CHECK(root.tree == kTree);
    CHECK(root.is_root());                                                     // root script line 10
    CHECK(root.branch_labels == std::vector<std::string>{kTree});             // line 11
    CHECK(root.depends_on.empty());                                           // line 12
    CHECK(kRoot == rev_id({kTree}));
    CHECK(root.message == "This is an initial pseudo-revision of the 'dimensions-config-patches' tree.");  // line 1
    CHECK(root.create_date == "2026-09-12 14:26:21.599357");                  // line 5

    const auto& patch = test_support::catalogue_revision(kPatch);
    CHECK(patch.tree == kTree);
    CHECK(patch.down_revision == kRoot);                                                       // patch line 16
    CHECK(patch.branch_labels == std::vector<std::string>{"dimensions-config-patches-daf_butler"});  // line 17
    CHECK(patch.depends_on == std::vector<std::string>{kUniverse6});                          // line 19
    CHECK(kPatch == rev_id({kTree, "daf_butler", "v6-patch1"}));                              // lines 24-26
    CHECK(patch.message == "Patch script for dimensions.yaml, namespace=daf_butler version=v6-patch1.");  // line 1
    CHECK(patch.create_date == "2026-09-12 14:26:23.462846");                                 // line 5
    // Neither direction back is implemented upstream (root script lines 24-25, patch script lines 71-76).
    CHECK(root.downgrade.availability == butler_migrate::StepAvailability::not_implemented_upstream);
    CHECK(patch.downgrade.availability == butler_migrate::StepAvailability::not_implemented_upstream);
}

TEST_CASE("ffe757e1ab0f adds the visit -> day_obs foreign key the 5 -> 6 step forgot", "[migrations][patches]") {
    const Backend backend = test_support::any_backend();
    const bool sqlite = backend == Backend::sqlite;
    const auto repo_ptr = migrated_to_universe6(backend, sqlite ? "patch_sqlite" : "patch_pg");
    const FixtureCopy& repo = *repo_ptr;
    give_visits_a_day_obs(repo);
    repo.run_ok({"upgrade", "{REPO}", "352c30854bb0"});  // universe 7: where registries taken through 5 -> 6 are now
    // stamp REPO <tree> records the root of a tree the registry does not know (migrate_stamp.py lines 80-88).
    repo.run_ok({"stamp", "{REPO}", kTree});
    REQUIRE(recorded(repo, kRoot));
    const std::string dump_before = repo.dump_schema();
    const auto visit_before = section(dump_before, "visit");
    REQUIRE(std::none_of(visit_before.begin(), visit_before.end(),
                         [](const std::string& line) { return line.find(kForeignKey) != std::string::npos; }));

    const CommandResult upgraded = repo.run({"upgrade", "{REPO}", kPatch});
    INFO(upgraded.err);
    REQUIRE(upgraded.exit_status == 0);
    // The script's log lines (49, 61), in its order.
    const auto first = upgraded.err.find("Updating visit table to add foreign key for day_obs table");
    CHECK(first != std::string::npos);
    CHECK(upgraded.err.find("Creating index on visit.day_obs", first) != std::string::npos);

    const std::string dump_after = repo.dump_schema();
    CHECK(sorted(section(dump_after, "visit")) == patched_visit(visit_before, sqlite));
    CHECK(without_section(dump_after, "visit") == without_section(dump_before, "visit"));
    CHECK(repo.attribute(kPatchKey) == kPatchValue);
    CHECK(recorded(repo, kPatch));
    CHECK_FALSE(recorded(repo, kRoot));
    CHECK(recorded(repo, "352c30854bb0"));  // the universe tree's row is not touched

    // The key is enforced where the database enforces keys.
    if (!sqlite) {
        CHECK_THROWS(repo.query("UPDATE {schema}.visit SET day_obs = 17000101"));
        CHECK_THROWS(repo.query("UPDATE {schema}.visit SET day_obs = NULL"));
    }

    // database.py manager_versions: the patch row as (tree, manager, version, rev_id(tree, manager, version)),
    // printed by migrate_current.py as "<tree>: <manager> <version> -> <rev>[ (head)]"; the check passes.
    const CommandResult butler = repo.run({"show-current", "--butler", "{REPO}"});
    INFO(butler.err);
    CHECK(butler.exit_status == 0);
    CHECK(butler.out.find("\n" + kTree + ": daf_butler v6-patch1 -> " + kPatch + test_support::head_marker(kPatch) + "\n") !=
          std::string::npos);
}

TEST_CASE("ffe757e1ab0f only records the patch where visit has the key already", "[migrations][patches]") {
    const Backend backend = test_support::any_backend();
    const bool sqlite = backend == Backend::sqlite;
    std::unique_ptr<FixtureCopy> repo_ptr;
    if (sqlite) {
        // daf_butler made this registry at universe 7: visit has the key from the start.
        repo_ptr = std::make_unique<FixtureCopy>("f2024_u7_v28_default", "patch_present_sqlite");
        repo_ptr->run_ok({"stamp", "{REPO}"});
    } else {
        // No PostgreSQL fixture was made at universe >= 6: the key is added by hand under daf_butler's name.
        repo_ptr = migrated_to_universe6(backend, "patch_present_pg");
        give_visits_a_day_obs(*repo_ptr);
        repo_ptr->query("ALTER TABLE {schema}.visit ADD CONSTRAINT " + kForeignKey +
                        " FOREIGN KEY (instrument, day_obs) REFERENCES {schema}.day_obs (instrument, id)");
    }
    const FixtureCopy& repo = *repo_ptr;
    REQUIRE(section(repo.dump_schema(), "visit").size() > 1);
    repo.run_ok({"stamp", "{REPO}", kTree});
    const std::string dump_before = repo.dump_schema();

    const CommandResult upgraded = repo.run({"upgrade", "{REPO}", kPatch});
    INFO(upgraded.err);
    REQUIRE(upgraded.exit_status == 0);
    CHECK(upgraded.err.find("visit.day_obs foreign key already exists, no work to do.") != std::string::npos);  // line 47
    CHECK(upgraded.err.find("Updating visit table") == std::string::npos);
    CHECK(repo.dump_schema() == dump_before);
    CHECK(repo.attribute(kPatchKey) == kPatchValue);  // recorded either way (MigrationContext.__exit__)
    CHECK(recorded(repo, kPatch));
}

TEST_CASE("ffe757e1ab0f refuses visits it cannot key, changing nothing", "[migrations][patches]") {
    const Backend backend = test_support::any_backend();
    const auto repo_ptr = migrated_to_universe6(backend, backend == Backend::sqlite ? "patch_refused_sqlite" : "patch_refused_pg");
    const FixtureCopy& repo = *repo_ptr;
    repo.run_ok({"stamp", "{REPO}", kTree});

    SECTION("visits without day_obs (NOT NULL, script line 51)") {
        check_refused(repo, {"upgrade", "{REPO}", kPatch}, "visit row(s) have no day_obs (NULL)");
    }
    SECTION("a visit whose day_obs has no day_obs row (the foreign key, script lines 52-58)") {
        give_visits_a_day_obs(repo);
        repo.query("UPDATE {schema}.visit SET day_obs = 17000101 WHERE id = (SELECT min(id) FROM {schema}.visit)");
        check_refused(repo, {"upgrade", "{REPO}", kPatch}, "1 visit row(s) have a day_obs with no row in table day_obs");
    }
    CHECK(repo.query("SELECT count(*) FROM {schema}.butler_attributes WHERE name = ?", {kPatchKey}) ==
          std::vector<SqlRow>{{"0"}});
    CHECK(recorded(repo, kRoot));
}

TEST_CASE("upgrading to the patch applies what it depends on first", "[migrations][patches]") {
    // alembic plans the target's ancestors with their dependencies and sorts them so that dependencies come first
    // (revision.py RevisionMap._topological_sort): from universe 5 without the patch tree, 1fae088c80b6, then the
    // root 8a1a1665cc96 (a new row: HeadMaintainer's branch insert), then ffe757e1ab0f.
    const Backend backend = test_support::any_backend();
    const bool sqlite = backend == Backend::sqlite;
    auto repo = std::make_unique<FixtureCopy>(sqlite ? "f2024_u5_default" : "f2023_u4_26.0.0_default_pg",
                                              sqlite ? "patch_plan_sqlite" : "patch_plan_pg");
    repo->run_ok({"stamp", "{REPO}"});
    if (!sqlite) repo->run_ok({"upgrade", "{REPO}", kUniverse5});
    REQUIRE(recorded(*repo, kUniverse5));

    // The dry run shows the plan, and its preflight finds what the patch will refuse: the visits have no day_obs
    // (patch script line 51: NOT NULL), so the plan would stop at its last step; 9 = preflight_failed.
    const CommandResult plan = repo->run({"upgrade", "--dry-run", "{REPO}", kPatch});
    INFO(plan.out + plan.err);
    REQUIRE(plan.exit_status == 9);
    CHECK(plan.err.find(kRoot + " -> " + kPatch + ": ") != std::string::npos);
    CHECK(plan.err.find("visit row(s) have no day_obs (NULL)") != std::string::npos);
    const auto at_universe6 = plan.out.find("upgrade " + kUniverse5 + " -> " + kUniverse6);
    const auto at_root = plan.out.find(" -> " + kRoot);
    const auto at_patch = plan.out.find("upgrade " + kRoot + " -> " + kPatch);
    REQUIRE(at_universe6 != std::string::npos);
    REQUIRE(at_root != std::string::npos);
    REQUIRE(at_patch != std::string::npos);
    CHECK(at_universe6 < at_root);
    CHECK(at_root < at_patch);
    CHECK(plan.out.find("352c30854bb0") == std::string::npos);  // nothing past what the patch needs

    // Run for real (the visits need a day_obs, so stop at the dependency first and give them one). With both the
    // dependency and the root recorded, alembic's HeadMaintainer would merge the two rows into the patch's
    // (migration.py should_merge_branches / merge_branch_idents), leaving butler_attributes' universe 6 without its
    // alembic row, which upstream's consistency check then refuses. butler-migrate keeps the dependency's row
    // (docs/compatibility.md): the bookkeeping agrees after the step.
    repo->run_ok({"upgrade", "{REPO}", kUniverse6});
    give_visits_a_day_obs(*repo);
    const CommandResult upgraded = repo->run({"upgrade", "{REPO}", kPatch});
    INFO(upgraded.err);
    REQUIRE(upgraded.exit_status == 0);
    CHECK(recorded(*repo, kPatch));
    CHECK_FALSE(recorded(*repo, kRoot));
    CHECK(recorded(*repo, kUniverse6));
    CHECK(repo->attribute(kPatchKey) == kPatchValue);
    const CommandResult current = repo->run({"show-current", "{REPO}"});
    INFO(current.err);
    CHECK(current.exit_status == 0);
    repo->run_ok({"upgrade", "{REPO}", "352c30854bb0"});
    CHECK(recorded(*repo, "352c30854bb0"));
    CHECK_FALSE(recorded(*repo, kUniverse6));
}

TEST_CASE("stamp, status and downgrade know the patch tree", "[migrations][patches]") {
    const Backend backend = test_support::any_backend();
    const bool sqlite = backend == Backend::sqlite;
    const auto repo_ptr = migrated_to_universe6(backend, sqlite ? "patch_stamp_sqlite" : "patch_stamp_pg");
    const FixtureCopy& repo = *repo_ptr;
    give_visits_a_day_obs(repo);
    repo.run_ok({"upgrade", "{REPO}", "352c30854bb0"});

    // Not on the tree yet: status names it and the two commands that take it, and stays as it was otherwise.
    const CommandResult before = repo.run({"status", "{REPO}"});
    CHECK(before.out.find("Patch tree " + kTree + " is not recorded; its patches (" + kPatch + ") apply to this registry") !=
          std::string::npos);

    repo.run_ok({"stamp", "{REPO}", kTree});
    const CommandResult head = repo.run({"upgrade", "{REPO}", "head"});
    INFO(head.out + head.err);
    REQUIRE(head.exit_status == 0);
    CHECK(recorded(repo, kPatch));
    const CommandResult after = repo.run({"status", "{REPO}"});
    CHECK(after.exit_status == 0);
    CHECK(after.out.find("Patch tree") == std::string::npos);

    // stamp reads the patch row back: with --dry-run, the patch tree comes first, as database.py manager_versions
    // fills it while reading the rows and the managers after (lines 176-186 and 200-207); stamp prints the map in
    // that order (migrate_stamp.py lines 90-93).
    const CommandResult dry = repo.run({"stamp", "--dry-run", "{REPO}"});
    INFO(dry.out);
    const auto lines = split_lines(dry.out);
    REQUIRE(lines.size() > 2);
    CHECK(lines.at(0) == "Will store these revisions in alembic version table:");
    CHECK(lines.at(1) == "  " + kTree + ": " + kPatch);
    repo.run_ok({"stamp", "--purge", "{REPO}"});
    CHECK(recorded(repo, kPatch));

    // Down below universe 6 would take the dependency from under the patch, which has no way back upstream.
    check_refused(repo, {"downgrade", "{REPO}", kUniverse5}, "Revision " + kPatch);
}

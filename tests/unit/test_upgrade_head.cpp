// `upgrade REPO head` and --dry-run through the executable on a real 2021 registry, SQLite and PostgreSQL:
// the plan, stopping at a step that needs an option with a message saying how to go on, and the same end
// state as the steps run one by one.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <sstream>

#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"

using test_support::FixtureCopy;

namespace {

const char* fixture_for(bool postgres) { return postgres ? "f2021_u0_dim600_int_name_pg" : "f2021_u0_dim600_int_name"; }


size_t backups_in(const FixtureCopy& copy) {
    size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(copy.repo())) {
        if (entry.path().extension() == ".backup") ++n;
    }
    return n;
}

// Runs butler-migrate on `copy` (with the historical universes of ../shared/daf_butler that steps 5->6 and 6->7 read).
test_support::CommandResult run(const FixtureCopy& copy, const std::vector<std::string>& args) { return copy.run(args); }

const std::vector<std::string> kHead = {"upgrade", "--namespace", "daf_butler", "{REPO}", "head"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& extra) {
    args.insert(args.begin() + 1, extra.begin(), extra.end());
    return args;
}

// One step of a plan as the plan and the progress lines name it: "<tree> upgrade <down> -> <id>".
struct PlannedLine {
    std::string tree;
    std::string text;
    std::string revision() const { return text.substr(text.size() - 12); }
};

// The plan `upgrade head` must make after the stamp: every tree from the revision the recorded show-current after
// the stamp lists (golden 13) up to the head of its tree in the catalogue's rows, in the order the recorded runs
// migrate the trees (attributes, dimensions, dimensions-config, then the others; see test_migration_engine).
std::vector<PlannedLine> expected_head_plan(const FixtureCopy& copy) {
    static const std::vector<std::string> order = {"attributes", "dimensions", "dimensions-config", "collections",
                                                   "datasets",   "datastores", "opaque"};
    std::map<std::string, std::string> stamped;  // tree -> revision
    std::istringstream lines(copy.golden("13_").out);
    for (std::string line; std::getline(lines, line);) {
        const std::string id = line.substr(0, 12);
        stamped[test_support::catalogue_revision(id).tree] = id;
    }
    REQUIRE(stamped.size() == order.size());
    std::vector<PlannedLine> plan;
    for (const auto& tree : order) {
        std::string down = stamped.at(tree);
        for (const auto& id : test_support::regular_revisions_above(down)) {
            plan.push_back({tree, tree + " upgrade " + down + " -> " + id});
            down = id;
        }
    }
    return plan;
}

std::size_t position_of(const std::vector<PlannedLine>& plan, const std::string& text) {
    for (std::size_t i = 0; i < plan.size(); ++i) {
        if (plan[i].text == text) return i + 1;
    }
    FAIL("no planned step " << text);
    return 0;
}

void check_upgrade_head(bool postgres) {
    FixtureCopy copy(fixture_for(postgres), "upgrade_head");
    copy.run_ok({"stamp", "--no-backup", "--namespace", "daf_butler", "{REPO}"});
    const std::string stamped = copy.snapshot();
    const auto plan = expected_head_plan(copy);
    std::size_t recorded_steps = 0;  // REFERENCE §2 has 11 of them; upstream may have added more on top since
    for (const auto& step : plan) recorded_steps += test_support::recorded_regular_ids().count(step.revision());
    CHECK(recorded_steps == 11);
    const std::string total = std::to_string(plan.size());

    // The plan, tree after tree (see test_migration_engine), and nothing changed.
    auto dry = run(copy, with(kHead, {"--dry-run"}));
    CHECK(dry.exit_status == 0);
    CHECK(dry.out.rfind("Upgrade plan (" + total + " steps):\n", 0) == 0);
    for (std::size_t i = 0; i < plan.size(); ++i) {
        CHECK(dry.out.find("\n  " + std::to_string(i + 1) + ". " + plan[i].text + "  ") != std::string::npos);
    }
    CHECK(plan.front().text == "attributes upgrade f22a777cf382 -> c0e4f9ab4a5d");
    CHECK(dry.out.substr(dry.out.size() - 30) == "Dry run: nothing was changed.\n");
    CHECK(copy.snapshot() == stamped);

    // Stops at bf6308af80aa, which needs has_simulated (golden 28), after the steps before it.
    const std::size_t stop = position_of(plan, "dimensions-config upgrade 380002bcbb26 -> bf6308af80aa");
    const std::string applied = std::to_string(stop - 1);
    auto first = run(copy, kHead);
    CHECK(first.exit_status == 1);
    CHECK(first.out.find("Applied " + applied + "/" + total +
                         ": dimensions-config upgrade f3bcee34f344 -> 380002bcbb26") != std::string::npos);
    CHECK(first.out.find("Applied " + std::to_string(stop) + "/" + total) == std::string::npos);
    CHECK(first.err.find("butler-migrate: error: upgrade 380002bcbb26 -> bf6308af80aa failed, nothing of it was applied: "
                         "This migration script requires a default value") != std::string::npos);
    CHECK(first.err.find("(" + applied + " of " + total + " steps were applied; to continue") != std::string::npos);
    CHECK(first.err.find("upgrade " + copy.repo() + " head` again)") != std::string::npos);
    if (!postgres) CHECK(backups_in(copy) == 1);

    // Going on with the options the goldens used (29 and 42): the remaining steps.
    const std::string remaining = std::to_string(plan.size() - stop + 1);
    auto rest =
        run(copy, with(kHead, {"--options", "has_simulated=0", "--options", "allow_dimension_universe_mismatch=1"}));
    INFO(rest.err);
    CHECK(rest.exit_status == 0);
    CHECK(rest.out.rfind("Upgrade plan (" + remaining + " steps):\n", 0) == 0);
    CHECK(rest.out.find("Applied " + remaining + "/" + remaining + ": " + plan.back().text) != std::string::npos);
    auto status = run(copy, {"status", "--namespace", "daf_butler", "{REPO}"});
    CHECK(status.exit_status == 0);
    auto again = run(copy, kHead);
    CHECK(again.exit_status == 0);
    CHECK(again.out == "Nothing to do: the registry is already there.\n");

    // The same end state as each tree upgraded by name to its head, one tree after the other.
    FixtureCopy by_name(fixture_for(postgres), "upgrade_by_name");
    by_name.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    std::vector<std::string> targets;  // the last planned step of each tree
    for (std::size_t i = 0; i < plan.size(); ++i) {
        if (i + 1 == plan.size() || plan[i + 1].tree != plan[i].tree) targets.push_back(plan[i].revision());
    }
    for (const auto& target : targets) {
        auto step = run(by_name, {"upgrade", "--namespace", "daf_butler", "--options", "has_simulated=0", "--options",
                                 "allow_dimension_universe_mismatch=1", "{REPO}", target});
        INFO(target << step.err);
        REQUIRE(step.exit_status == 0);
    }
    CHECK(copy.snapshot() == by_name.snapshot());
}

}  // namespace

TEST_CASE("upgrade head plans, stops with a way on, and ends where step-by-step upgrades end (SQLite)",
          "[head][cli]") {
    check_upgrade_head(false);
}

TEST_CASE("upgrade head plans, stops with a way on, and ends where step-by-step upgrades end (PostgreSQL)",
          "[head][cli][postgresql]") {
    check_upgrade_head(true);
}

TEST_CASE("downgrade --dry-run shows the steps and changes nothing", "[head][cli]") {
    FixtureCopy copy(fixture_for(false), "downgrade_dry");
    copy.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    copy.run_ok({"upgrade", "--namespace", "daf_butler", "{REPO}", "035dcf13ef18"});
    const std::string before = copy.snapshot();
    auto dry = run(copy, {"downgrade", "--dry-run", "--namespace", "daf_butler", "{REPO}", "87a30df8c8c5"});
    CHECK(dry.exit_status == 0);
    CHECK(dry.out == "Downgrade plan (2 steps):\n"
                     "  1. dimensions downgrade 035dcf13ef18 -> 1601d5973bf8  "
                     "Migration script for StaticDimensionRecordStorageManager 6.0.2.\n"
                     "  2. dimensions downgrade 1601d5973bf8 -> 87a30df8c8c5  "
                     "Migration script for StaticDimensionRecordStorageManager 6.0.1.\n"
                     "Dry run: nothing was changed.\n");
    CHECK(copy.snapshot() == before);
    auto with_sql = run(copy, {"downgrade", "--dry-run", "--sql", "--namespace", "daf_butler", "{REPO}", "87a30df8c8c5"});
    CHECK(with_sql.exit_status == 2);
}

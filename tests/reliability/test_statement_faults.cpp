// Atomicity at every statement: a fault at statement N of any writing step leaves the registry exactly as before it.
//
// For every step of the compiled catalogue that writes (upgrade and downgrade functions other than does_nothing), on
// SQLite and on PostgreSQL, the step's command runs with BUTLER_MIGRATE_TEST_FAULT=<revision>:<N>:<kind>
// (src/core/fault_injection.hpp): statement N fails (`fail`), the process dies there (`exit`, SIGKILL) or, on
// PostgreSQL, the server drops the connection there (`drop`). Afterwards the registry must be exactly the one before
// the step (full snapshot, registry_snapshot.hpp), and running the command again without the fault must end exactly
// where an uninterrupted run ends. The statement count of a step is found by the sweep itself: the first N whose fault
// is never reached (the run succeeds) is one past the last statement.
//
// Forms (env BUTLER_MIGRATE_FAULT_SWEEP): the short one by default (CI: the first, last and middle statements with
// the kinds rotating, see chosen_faults), "wide" (six statements, every kind) and "full" (every statement, every
// kind). BUTLER_MIGRATE_FAULT_SWEEP_ONLY=<id>[,<id>...] sweeps those revisions only; ..._VERBOSE=1 prints each trial.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "butler_migrate/migrations/catalogue.hpp"
#include "catalogue_facts.hpp"
#include "child_process.hpp"
#include "crash_trials.hpp"
#include "fixture_copy.hpp"
#include "migrations/catalogue_row.hpp"
#include "registry_clone.hpp"
#include "registry_snapshot.hpp"

using namespace reliability;
using test_support::Backend;
using test_support::CommandResult;
using test_support::FixtureCopy;

namespace {

enum class Direction { upgrade, downgrade };

const char* direction_name(Direction direction) { return direction == Direction::upgrade ? "upgrade" : "downgrade"; }

struct StepKey {
    std::string revision;
    Direction direction = Direction::upgrade;
    bool operator<(const StepKey& other) const {
        return std::tie(revision, direction) < std::tie(other.revision, other.direction);
    }
    bool operator==(const StepKey& other) const { return revision == other.revision && direction == other.direction; }
    std::string text() const { return std::string(direction_name(direction)) + " " + revision; }
};

// The steps that write, as the catalogue has them: an available function that is not the empty one.
std::set<StepKey> catalogue_writing_steps() {
    const auto writes = [](const butler_migrate::Step& step) {
        return step.availability == butler_migrate::StepAvailability::available && step.function != nullptr &&
               step.function != &butler_migrate::migrations::CatalogueRow::does_nothing;
    };
    std::set<StepKey> steps;
    for (const auto& revision : butler_migrate::compiled_catalogue().revisions()) {
        if (writes(revision.upgrade)) steps.insert({revision.id, Direction::upgrade});
        if (writes(revision.downgrade)) steps.insert({revision.id, Direction::downgrade});
    }
    return steps;
}

// --- Journeys: a fixture taken through its steps by real commands; each step is swept on the way. ---

struct Action {
    enum class Type {
        run,           // a command that must succeed; advances the journey
        sql,           // a statement on the journey's registry ({schema}. for the schema); advances it
        sweep_and_run, // sweep the step, then run it (advance)
        sweep_only,    // sweep the step; the journey stays where it is
    };
    Type type = Type::run;
    std::vector<std::string> args;  // run: the command; sweeps: the step's command
    StepKey step;                   // sweeps
    std::string sql;
};

struct Journey {
    std::string name;
    std::string fixture;
    std::vector<std::string> global;  // options every migration command of the journey gives (--namespace)
    std::vector<Action> actions;

    Journey& run(std::vector<std::string> args) {
        actions.push_back({Action::Type::run, std::move(args), {}, {}});
        return *this;
    }
    Journey& sql(std::string statement) {
        actions.push_back({Action::Type::sql, {}, {}, std::move(statement)});
        return *this;
    }
    // upgrade [options] [--one-shot-tree tree] <global> {REPO} <revision>; swept, then run.
    Journey& up(const std::string& revision, std::vector<std::string> options = {}, const std::string& one_shot = "",
                bool advance = true) {
        std::vector<std::string> args{"upgrade"};
        args.insert(args.end(), options.begin(), options.end());
        if (!one_shot.empty()) {
            args.push_back("--one-shot-tree");
            args.push_back(one_shot);
        }
        args.insert(args.end(), global.begin(), global.end());
        args.push_back("{REPO}");
        args.push_back(revision);
        actions.push_back({advance ? Action::Type::sweep_and_run : Action::Type::sweep_only, std::move(args),
                           {revision, Direction::upgrade}, {}});
        return *this;
    }
    // The same, without running it afterwards: the journey goes on from the state before the step.
    Journey& side_up(const std::string& revision, std::vector<std::string> options = {},
                     const std::string& one_shot = "") {
        return up(revision, std::move(options), one_shot, false);
    }
    // downgrade <global> {REPO} <down revision from the catalogue>: swept only.
    Journey& down(const std::string& revision) {
        std::vector<std::string> args{"downgrade"};
        args.insert(args.end(), global.begin(), global.end());
        args.push_back("{REPO}");
        args.push_back(test_support::catalogue_revision(revision).down_revision);
        actions.push_back({Action::Type::sweep_only, std::move(args), {revision, Direction::downgrade}, {}});
        return *this;
    }
};

// daf_butler's test data has visits without exposures, so without day_obs; the v6 patch needs one on every visit
// (as tests/unit/test_migrations_patches.cpp gives them): the first day_obs of the visit's instrument.
const std::vector<std::string> kVisitsGetADayObs = {
    "INSERT INTO {schema}.day_obs (instrument, id) SELECT DISTINCT instrument, 20200101 FROM {schema}.visit "
    "WHERE instrument NOT IN (SELECT instrument FROM {schema}.day_obs)",
    "UPDATE {schema}.visit SET day_obs = (SELECT min(d.id) FROM {schema}.day_obs d WHERE d.instrument = "
    "{schema}.visit.instrument)"};

// The universe-0 fixture along the real tool's recorded path (goldens 12-57 of f2021_u0_dim600_int_name[_pg]).
Journey universe0_journey(Backend backend) {
    const bool sqlite = backend == Backend::sqlite;
    Journey j{"universe 0", sqlite ? "f2021_u0_dim600_int_name" : "f2021_u0_dim600_int_name_pg",
              {"--namespace", "daf_butler"}, {}};
    j.run({"stamp", "--namespace", "daf_butler", "{REPO}"});
    j.up("c0e4f9ab4a5d");
    j.up("1601d5973bf8").down("1601d5973bf8");
    j.up("035dcf13ef18").down("035dcf13ef18");
    j.up("380002bcbb26").down("380002bcbb26");
    j.up("bf6308af80aa", {"--options", "has_simulated=0"});
    j.up("c5ae3a2cd7c2").down("c5ae3a2cd7c2");
    j.up("9888256c6a18").down("9888256c6a18");
    j.up("2a8a32e1bec3").down("2a8a32e1bec3");
    j.up("1fae088c80b6", {"--options", "allow_dimension_universe_mismatch=1"});
    j.up("352c30854bb0").down("352c30854bb0");
    // The recorded paths: on PostgreSQL the collections one-shot step ran before the datasets one; on SQLite
    // (where upstream refuses it) the datasets step ran on name-keyed collections, so the collections step is swept
    // from here without going on from it.
    if (sqlite) {
        j.side_up("8c57494cabcc", {}, "collections/name_2.0.0_to_int_2.0.0");
    } else {
        j.up("8c57494cabcc", {}, "collections/name_2.0.0_to_int_2.0.0");
    }
    j.up("2101fbf51ad3", {}, "datasets/int_1.0.0_to_uuid_1.0.0");
    j.up("4e2d7a28475b").down("4e2d7a28475b");
    j.up("a81dddabd837").down("a81dddabd837");
    return j;
}

// Universe 5 (SQLite; PostgreSQL: universe 4 taken to 5) through 6 and 7 by the tool, then the v6 patch and universe 8.
Journey patch_and_universe8_journey(Backend backend) {
    const bool sqlite = backend == Backend::sqlite;
    Journey j{"universe 5 to 8", sqlite ? "f2024_u5_default" : "f2023_u4_26.0.0_default_pg", {}, {}};
    j.run({"stamp", "{REPO}"});
    j.run({"upgrade", "{REPO}", "1fae088c80b6"});
    for (const auto& statement : kVisitsGetADayObs) j.sql(statement);
    j.run({"upgrade", "{REPO}", "352c30854bb0"});
    j.run({"stamp", "{REPO}", "dimensions-config-patches"});
    j.up("ffe757e1ab0f");
    j.up("aa7a2f893cba").down("aa7a2f893cba");
    return j;
}

// The obscore manager and the obscore configuration, on a registry daf_butler made (as test_migrations_obscore.cpp).
Journey obscore_journey(Backend backend) {
    const bool sqlite = backend == Backend::sqlite;
    Journey j{"obscore", sqlite ? "f2025_head_default" : "f2023_u4_26.0.0_default_pg", {}, {}};
    j.run({"stamp", "{REPO}"});
    j.run({"stamp", "{REPO}", "obscore"});
    j.up("a0d766f99876").down("a0d766f99876");
    j.run({"stamp", "{REPO}", "obscore-config"});
    j.up("4fe28ef5030f", {"--options", "obscore_config=" + test_support::source_path("tests/data/obscore-embargo.yaml")});
    j.down("4fe28ef5030f");
    return j;
}

std::vector<Journey> journeys(Backend backend) {
    return {universe0_journey(backend), patch_and_universe8_journey(backend), obscore_journey(backend)};
}

// --- Knobs ---

enum class Form { short_form, wide, full };

// env BUTLER_MIGRATE_FAULT_SWEEP: "full" (every statement, every kind), "wide" (six statements, every kind), else
// the short form that CI runs.
Form sweep_form() {
    const char* text = std::getenv("BUTLER_MIGRATE_FAULT_SWEEP");
    const std::string form = text ? text : "";
    return form == "full" ? Form::full : form == "wide" ? Form::wide : Form::short_form;
}

const char* form_name(Form form) {
    switch (form) {
        case Form::full: return "full form (every statement, every kind)";
        case Form::wide: return "wide form (statements 1, 2, a third, two thirds, last - 1, last; every kind)";
        case Form::short_form: break;
    }
    return "short form (first, last and middle statements; kinds rotating)";
}

// env BUTLER_MIGRATE_FAULT_SWEEP_ONLY=<id>[,<id>...]: the revisions to sweep (empty: all).
std::set<std::string> only_revisions() {
    const char* text = std::getenv("BUTLER_MIGRATE_FAULT_SWEEP_ONLY");
    std::set<std::string> out;
    std::istringstream in(text ? text : "");
    for (std::string id; std::getline(in, id, ',');) {
        if (!id.empty()) out.insert(id);
    }
    return out;
}

std::vector<std::string> kinds_for(Backend backend) {
    if (backend == Backend::sqlite) return {"fail", "exit"};
    return {"fail", "exit", "drop"};
}

struct Fault {
    long long statement;
    std::string kind;
};

// The trials of a step of `last` statements.
// wide: every kind at statements 1, 2, a third, two thirds, last - 1 and last.
// short: statements 1, last, the middle one, 2 and last - 1, in that order of preference, as many as it takes to give
// every kind at least two (SQLite, 4 trials) or one (PostgreSQL, 3 trials) per step; the kinds rotate over them, by
// `rotation` (the step's place in the sweep), so that over all steps each kind meets each of those statements.
std::vector<Fault> chosen_faults(Form form, long long last, const std::vector<std::string>& kinds, std::size_t rotation) {
    std::vector<Fault> out;
    if (form == Form::wide) {
        const std::set<long long> chosen{1, 2, (last + 2) / 3, (2 * last + 2) / 3, last - 1, last};
        for (long long n : chosen) {
            if (n < 1 || n > last) continue;
            for (const auto& kind : kinds) out.push_back({n, kind});
        }
        return out;
    }
    const std::size_t wanted = kinds.size() == 2 ? 4 : kinds.size();
    std::vector<long long> positions;
    for (long long n : {1LL, last, (last + 1) / 2, 2LL, last - 1}) {
        if (n >= 1 && n <= last && std::find(positions.begin(), positions.end(), n) == positions.end() &&
            positions.size() < wanted) {
            positions.push_back(n);
        }
    }
    for (std::size_t j = 0; j < positions.size(); ++j) out.push_back({positions[j], kinds[(rotation + j) % kinds.size()]});
    return out;
}

// env BUTLER_MIGRATE_FAULT_SWEEP_VERBOSE=1: a line per trial with the time of its parts.
bool verbose() {
    const char* text = std::getenv("BUTLER_MIGRATE_FAULT_SWEEP_VERBOSE");
    return text && *text && std::string(text) != "0";
}

class Stopwatch {
public:
    void lap(const std::string& what) {
        const auto now = std::chrono::steady_clock::now();
        text_ += (text_.empty() ? "" : ", ") + what + " " +
                 std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now - last_).count()) + " ms";
        last_ = now;
    }
    const std::string& text() const { return text_; }

private:
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
    std::string text_;
};

// --- Running and checking ---

CommandResult run_with(const RegistryClone& clone, const std::vector<std::string>& args,
                       const test_support::Environment& env = {}) {
    std::vector<std::string> resolved;
    for (const auto& a : args) resolved.push_back(a == "{REPO}" ? clone.repo() : a);
    return test_support::run_isolated(resolved, env);
}

std::vector<std::string> error_lines(const std::string& err) {
    std::vector<std::string> lines;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("butler-migrate: error:", 0) == 0) lines.push_back(line);
    }
    return lines;
}

// The count the fault hook logs when its statement was not reached (-1 when the line is missing).
long long statements_run(const std::string& err, long long statement) {
    static const std::regex line(R"(BUTLER_MIGRATE_TEST_FAULT: statement (\d+) of .* was not reached; the step ran (\d+) statements)");
    std::smatch match;
    if (!std::regex_search(err, match, line) || std::stoll(match[1].str()) != statement) return -1;
    return std::stoll(match[2].str());
}

std::string first_differences(const std::vector<std::string>& diffs, std::size_t limit = 12) {
    std::string text;
    for (std::size_t i = 0; i < diffs.size() && i < limit; ++i) text += "  " + diffs[i] + "\n";
    if (diffs.size() > limit) text += "  ... (" + std::to_string(diffs.size() - limit) + " more)\n";
    return text;
}

struct References {
    RegistrySnapshot before;
    RegistrySnapshot after;
    long long statements = -1;  // as the hook counted them in the reference run (not in the full form)
};

// A statement number beyond every step's last (the hook takes up to nine digits).
constexpr long long kOutOfReach = 999999999;

struct StepTally {
    long long statements = 0;
    std::map<std::string, int> trials;  // per kind
    int half_migrated = 0;              // trials that left anything but the before-state
    int reruns_off = 0;                 // re-runs that did not end at the uninterrupted run's state
};

struct Totals {
    std::map<std::string, int> trials;  // "<backend> <kind>"
    int half_migrated = 0;
    int reruns_off = 0;
    int steps = 0;
    ~Totals() {
        if (steps == 0) return;
        int all = 0;
        std::string per;
        for (const auto& [what, count] : trials) {
            all += count;
            per += (per.empty() ? "" : ", ") + what + " " + std::to_string(count);
        }
        std::cout << "[fault-sweep] grand total: " << steps << " steps, " << all << " trials (" << per << "), "
                  << half_migrated << " half-migrated, " << reruns_off << " re-runs off the uninterrupted end state"
                  << std::endl;
    }
};

Totals& grand_totals() {
    static Totals totals;
    return totals;
}

class Sweeper {
public:
    Sweeper(Backend backend, const FixtureCopy& source, std::string source_tag, const Action& action, Form form,
            std::size_t rotation)
        : backend_(backend), source_(source), source_tag_(std::move(source_tag)), action_(action), form_(form),
          rotation_(rotation),
          label_(std::string(test_support::backend_name(backend)) + " " + action.step.text()) {}

    StepTally run() {
        INFO(label_ << ": " << command_line(action_.args));
        const auto started = std::chrono::steady_clock::now();
        references_ = references(form_ != Form::full);
        if (form_ == Form::full) {
            // Every N, every kind, until the fault is no longer reached: then N - 1 is the step's last statement.
            for (long long n = 1;; ++n) {
                const auto statements = trial("fail", n);
                if (statements) {
                    REQUIRE(*statements == n - 1);
                    tally_.statements = n - 1;
                    break;
                }
                for (const auto& kind : kinds_for(backend_)) {
                    if (kind != "fail") REQUIRE_FALSE(trial(kind, n).has_value());
                }
            }
        } else {
            // The count the hook reported in the reference run, whose fault was out of reach (the counter that fires
            // the faults); statement `last` is always among the trials, so it is shown to be reached. The re-runs,
            // without the hook, must end where that run ended.
            const long long last = references_.statements;
            REQUIRE(last > 0);
            bool last_tried = false;
            for (const auto& f : chosen_faults(form_, last, kinds_for(backend_), rotation_)) {
                REQUIRE_FALSE(trial(f.kind, f.statement).has_value());
                last_tried = last_tried || f.statement == last;
            }
            CHECK(last_tried);
            tally_.statements = last;
        }
        CHECK(tally_.statements > 0);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::string kinds;
        for (const auto& [kind, count] : tally_.trials) kinds += (kinds.empty() ? "" : " + ") + std::to_string(count) + " " + kind;
        std::cout << "[fault-sweep] " << label_ << ": " << tally_.statements << " statements, " << kinds
                  << " trials, " << tally_.half_migrated << " half-migrated, " << tally_.reruns_off
                  << " re-runs off the end state (" << static_cast<int>(seconds * 10) / 10.0 << " s)" << std::endl;
        return tally_;
    }

private:
    std::string tag(const std::string& what) { return source_tag_ + "_" + what + std::to_string(++clones_); }

    // Snapshots before and after an uninterrupted run of the step on a clone. With `count`, the run has a fault out
    // of reach (it never fires: the hook only counts) and the hook's count of the step's statements is kept.
    References references(bool count) {
        RegistryClone clone(source_, source_tag_, tag("ref"));
        References refs;
        refs.before = capture_snapshot(clone);
        const std::string value = fault("fail", kOutOfReach);
        const CommandResult done =
            count ? run_with(clone, action_.args, {{"BUTLER_MIGRATE_TEST_FAULT", value}}) : run_with(clone, action_.args);
        INFO("uninterrupted run" << (count ? " with BUTLER_MIGRATE_TEST_FAULT=" + value : std::string()) << ":\n"
                                 << done.err);
        REQUIRE(done.exit_status == 0);
        refs.statements = statements_run(done.err, kOutOfReach);
        REQUIRE((refs.statements >= 0) == count);  // the hook's line, only with the variable
        refs.after = capture_snapshot(clone);
        // The snapshots must tell the step's two ends apart, and every dataset from every other.
        REQUIRE_FALSE(snapshot_differences(refs.before, refs.after).empty());
        REQUIRE(refs.before.ambiguous_dataset_ids == 0);
        REQUIRE(refs.after.ambiguous_dataset_ids == 0);
        return refs;
    }

    std::string fault(const std::string& kind, long long n) const {
        return action_.step.revision + ":" + std::to_string(n) + ":" + kind;
    }

    // One trial on a fresh clone. nullopt when the fault fired (and the checks ran); the statement count the hook
    // reports when statement n was never reached (the run then succeeded, and ended as an uninterrupted one).
    std::optional<long long> trial(const std::string& kind, long long n) {
        Stopwatch watch;
        RegistryClone clone(source_, source_tag_, tag(kind));
        watch.lap("clone");
        const std::string value = fault(kind, n);
        const CommandResult result = run_with(clone, action_.args, {{"BUTLER_MIGRATE_TEST_FAULT", value}});
        watch.lap("run");
        INFO(label_ << ", BUTLER_MIGRATE_TEST_FAULT=" << value << ": exit status " << result.exit_status
                    << "\nstderr:\n" << result.err);
        if (result.exit_status == 0) {
            const long long ran = statements_run(result.err, n);
            REQUIRE(ran >= 0);  // a success without the hook's line: the fault fired and was swallowed
            const auto diffs = snapshot_differences(references_.after, capture_snapshot(clone));
            INFO("differences from the uninterrupted run's end state:\n" << first_differences(diffs));
            CHECK(diffs.empty());
            return ran;
        }
        ++tally_.trials[kind];
        ++grand_totals().trials[std::string(test_support::backend_name(backend_)) + " " + kind];
        const auto errors = error_lines(result.err);
        if (kind == "exit") {
            CHECK(result.exit_status == 128 + 9);
            CHECK(errors.empty());
        } else {
            CHECK(errors.size() == 1);
            if (kind == "fail") {
                CHECK(result.err.find("injected fault at statement " + std::to_string(n) + "\n") != std::string::npos);
            } else {
                CHECK(result.err.find("Lost the connection to the PostgreSQL server") != std::string::npos);
            }
        }
        const RegistrySnapshot found = capture_snapshot(clone);
        watch.lap("snapshot");
        const auto diffs = snapshot_differences(references_.before, found);
        if (!diffs.empty() || found.butler_yaml != references_.before.butler_yaml) ++tally_.half_migrated;
        {
            INFO("HALF-MIGRATED: differences from the before-state:\n" << first_differences(diffs));
            CHECK(diffs.empty());
            CHECK(found.butler_yaml == references_.before.butler_yaml);
        }
        const CommandResult rerun = run_with(clone, action_.args);
        watch.lap("re-run");
        INFO("re-run without the fault: exit status " << rerun.exit_status << "\n" << rerun.err);
        CHECK(rerun.exit_status == 0);
        CHECK(rerun.err.find("BUTLER_MIGRATE_TEST_FAULT") == std::string::npos);
        const RegistrySnapshot end = capture_snapshot(clone);
        watch.lap("snapshot");
        if (verbose()) std::cout << "[fault-sweep]   " << label_ << " " << value << ": " << watch.text() << std::endl;
        const auto end_diffs = snapshot_differences(references_.after, end);
        if (!end_diffs.empty() || end.butler_yaml != references_.after.butler_yaml) ++tally_.reruns_off;
        INFO("differences from the uninterrupted run's end state:\n" << first_differences(end_diffs));
        CHECK(end_diffs.empty());
        CHECK(end.butler_yaml == references_.after.butler_yaml);
        return std::nullopt;
    }

    Backend backend_;
    const FixtureCopy& source_;
    std::string source_tag_;
    const Action& action_;
    Form form_;
    std::size_t rotation_;
    std::string label_;
    References references_;
    StepTally tally_;
    int clones_ = 0;
};

void sweep_backend(Backend backend) {
    const std::string backend_label = test_support::backend_name(backend);
    if (backend == Backend::postgresql) test_support::PgServer::require();
    const auto all = journeys(backend);

    // The journeys sweep exactly the catalogue's writing steps, each once.
    std::set<StepKey> routed;
    for (const auto& journey : all) {
        for (const auto& action : journey.actions) {
            if (action.type != Action::Type::sweep_and_run && action.type != Action::Type::sweep_only) continue;
            INFO(backend_label << ": " << action.step.text() << " is swept twice");
            CHECK(routed.insert(action.step).second);
        }
    }
    const auto writing = catalogue_writing_steps();
    for (const auto& step : writing) {
        INFO(backend_label << ": the catalogue's writing step " << step.text() << " has no journey that sweeps it");
        CHECK(routed.count(step) == 1);
    }
    for (const auto& step : routed) {
        INFO(backend_label << ": " << step.text() << " is swept but is no writing step of the catalogue");
        CHECK(writing.count(step) == 1);
    }
    REQUIRE(routed == writing);

    const std::set<std::string> only = only_revisions();
    std::cout << "[fault-sweep] " << backend_label << ": " << writing.size() << " writing steps in the catalogue, "
              << form_name(sweep_form()) << std::endl;
    const auto started = std::chrono::steady_clock::now();
    std::map<std::string, int> trials;
    int steps = 0, half = 0, reruns_off = 0;
    long long statements = 0;
    for (const auto& journey : all) {
        const bool wanted = only.empty() || std::any_of(journey.actions.begin(), journey.actions.end(),
                                                        [&](const Action& a) { return only.count(a.step.revision) > 0; });
        if (!wanted) continue;
        INFO(backend_label << " journey " << journey.name << " on " << journey.fixture);
        const std::string source_tag = unique_tag("fsweep");
        FixtureCopy source(journey.fixture, source_tag);
        for (const auto& action : journey.actions) {
            INFO(command_line(action.args) << action.sql);
            switch (action.type) {
                case Action::Type::run: {
                    source.run_ok(action.args);
                    break;
                }
                case Action::Type::sql:
                    source.query(action.sql);
                    break;
                case Action::Type::sweep_and_run:
                case Action::Type::sweep_only: {
                    if (only.empty() || only.count(action.step.revision) > 0) {
                        const StepTally tally = Sweeper(backend, source, source_tag, action, sweep_form(), steps).run();
                        ++steps;
                        statements += tally.statements;
                        half += tally.half_migrated;
                        reruns_off += tally.reruns_off;
                        for (const auto& [kind, count] : tally.trials) trials[kind] += count;
                    }
                    if (action.type == Action::Type::sweep_and_run) {
                        const CommandResult result = source.run(action.args);
                        INFO(result.err);
                        REQUIRE(result.exit_status == 0);
                    }
                    break;
                }
            }
        }
    }
    grand_totals().steps += steps;
    grand_totals().half_migrated += half;
    grand_totals().reruns_off += reruns_off;
    int all_trials = 0;
    std::string per;
    for (const auto& [kind, count] : trials) {
        all_trials += count;
        per += (per.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "[fault-sweep] " << backend_label << " total: " << steps << " steps, " << statements
              << " statements, " << all_trials << " trials (" << per << "), " << half << " half-migrated, "
              << reruns_off << " re-runs off the end state (" << static_cast<int>(seconds) << " s)" << std::endl;
    CHECK(half == 0);
    CHECK(reruns_off == 0);
}

}  // namespace

TEST_CASE("fault-sweep (SQLite): a fault at any statement of any writing step leaves the registry as before",
          "[fault-sweep][reliability]") {
    sweep_backend(Backend::sqlite);
}

TEST_CASE("fault-sweep (PostgreSQL): a fault at any statement of any writing step leaves the registry as before",
          "[fault-sweep][reliability][postgresql]") {
    sweep_backend(Backend::postgresql);
}

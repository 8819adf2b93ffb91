// dimensions-config migrations for universes 0 -> 4 (380002bcbb26, bf6308af80aa, c5ae3a2cd7c2, 9888256c6a18):
// the real tool's recorded runs replayed through the executable on copies of the real fixtures (SQLite and
// PostgreSQL), the stored dimensions.json against the recorded one, round trips, and refusals.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "butler_migrate/util/errors.hpp"
#include "backend_generator.hpp"
#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"
#include "step_harness.hpp"
#include "test_registry.hpp"

using butler_migrate::SqlRow;
using test_support::FixtureCopy;
using test_support::GoldenRun;

namespace {

const std::string kDimensionsJson = "config:dimensions.json";

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

std::string sorted_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

bool changes_state(const GoldenRun& golden) {
    static const std::set<std::string> commands{"stamp", "set-namespace", "upgrade", "downgrade"};
    return golden.is_butler_migrate() && golden.exit_status == 0 && commands.count(golden.args.at(0)) &&
           std::find(golden.args.begin(), golden.args.end(), "--dry-run") == golden.args.end();
}

// Brings the copy to the state the recorded runs `first`..`last` left: their successful changes, re-run.
void reach_state(const FixtureCopy& repo, int first, int last) {
    for (const auto& golden : repo.goldens(first, last)) {
        if (!changes_state(golden)) continue;
        INFO(golden.name);
        REQUIRE(repo.run(golden.args).exit_status == 0);
    }
}

// Replays the recorded runs `first`..`last` and compares each with the real tool's; returns how many match.
int replay(const FixtureCopy& repo, int first, int last) {
    int matched = 0;
    for (const auto& golden : repo.goldens(first, last)) {
        INFO(golden.name);
        REQUIRE(golden.is_butler_migrate());
        test_support::CommandResult result = repo.run(golden.args);
        INFO(result.err);
        bool same_status = (result.exit_status == 0) == (golden.exit_status == 0);
        // show-current prints one line per tree in an order upstream does not keep stable.
        bool same_out = golden.args.at(0) == "show-current" ? sorted_lines(result.out) == sorted_lines(golden.out)
                                                            : result.out == golden.out;
        bool same_error = golden.exit_status == 0 || ends_with(result.err, ": " + golden.error_message() + "\n");
        CHECK(same_status);
        CHECK(same_out);
        CHECK(same_error);
        if (same_status && same_out && same_error) ++matched;
    }
    return matched;
}

// The lines of the recorded diff's new side ("+" and context lines) by line number: the stored JSON after
// universe 5, in upstream's normal form (json.dumps with indent=2, sorted keys).
std::map<int, std::string> recorded_new_side(const GoldenRun& golden) {
    std::map<int, std::string> lines;
    std::istringstream in(golden.err);
    int number = 0;
    int remaining = 0;
    for (std::string line; std::getline(in, line);) {
        int start = 0, count = 0, old_start = 0, old_count = 0;
        if (std::sscanf(line.c_str(), "@@ -%d,%d +%d,%d @@", &old_start, &old_count, &start, &count) == 4) {
            number = start;
            remaining = count;
        } else if (remaining > 0 && !line.empty() && line[0] != '-') {
            lines[number++] = line.substr(1);
            --remaining;
        }
    }
    return lines;
}

// json.dumps(json.loads(text), indent=2, sort_keys=True), lines by number (from 1).
std::vector<std::string> normalised_lines(const std::string& text) {
    std::istringstream in(nlohmann::json::parse(text).dump(2, ' ', true));
    std::vector<std::string> lines{""};
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("dimensions-config 380002bcbb26 to 9888256c6a18 replay the real tool's runs on the 2021 fixtures",
          "[migrations]") {
    const std::string fixture = GENERATE(std::string("f2021_u0_dim600_int_name"), std::string("f2021_u0_dim600_int_name_pg"));
    INFO(fixture);
    FixtureCopy repo(fixture, "dimcfg_replay_2021");
    reach_state(repo, 1, 24);
    // upgrades, show-current, dump-schema; the refusal without has_simulated (28) and its retry (29).
    CHECK(replay(repo, 25, 37) == 13);

    // After universe 5 the real tool printed the stored JSON where it differs from daf_butler's universe 5:
    // every line shown there is already stored by universe 4 (universe 5 changes only the instrument length).
    const auto recorded = recorded_new_side(repo.golden("41_"));
    REQUIRE(recorded.size() == 66);
    const auto stored = normalised_lines(repo.attribute(kDimensionsJson));
    int same = 0;
    for (const auto& [number, line] : recorded) {
        INFO("line " << number);
        REQUIRE(number < static_cast<int>(stored.size()));
        CHECK(stored[number] == line);
        same += stored[number] == line;
    }
    CHECK(same == 66);
}

TEST_CASE("dimensions-config bf6308af80aa to 9888256c6a18 replay the real tool's runs on the 2022 universe 1 fixture",
          "[migrations]") {
    FixtureCopy repo("f2022_u1_dim601_int_name", "dimcfg_replay_u1");
    reach_state(repo, 1, 16);
    CHECK(replay(repo, 17, 26) == 10);
    const auto recorded = recorded_new_side(repo.golden("30_"));
    const auto stored = normalised_lines(repo.attribute(kDimensionsJson));
    REQUIRE(recorded.size() == 66);
    for (const auto& [number, line] : recorded) CHECK(stored.at(number) == line);
}

TEST_CASE("dimensions-config c5ae3a2cd7c2 and 9888256c6a18 replay the real tool's runs on the 2022 universe 2 fixture",
          "[migrations]") {
    FixtureCopy repo("f2022_u2_dim602_default", "dimcfg_replay_u2");
    reach_state(repo, 1, 13);
    CHECK(replay(repo, 14, 19) == 6);
}

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
    return text;
}

std::vector<SqlRow> rows(const FixtureCopy& repo, const std::string& sql) { return repo.query(sql); }

}  // namespace

TEST_CASE("dimensions-config 380002bcbb26, c5ae3a2cd7c2 and 9888256c6a18 go down and up again unchanged",
          "[migrations]") {
    const std::string fixture = GENERATE(std::string("f2021_u0_dim600_int_name"), std::string("f2021_u0_dim600_int_name_pg"));
    INFO(fixture);
    FixtureCopy repo(fixture, "dimcfg_round_trip");
    const std::string universe_0_json = repo.attribute(kDimensionsJson);  // as daf_butler wrote it
    reach_state(repo, 1, 24);
    auto upgrade = [&](const std::string& revision) {
        repo.run_ok({"upgrade", "--options", "has_simulated=0", "--namespace", "daf_butler", "{REPO}", revision});
    };
    auto downgrade = [&](const std::string& revision) {
        repo.run_ok({"downgrade", "--namespace", "daf_butler", "{REPO}", revision});
    };
    auto schema_at = [&](const std::string& golden) { return repo.golden(golden).out; };

    upgrade("380002bcbb26");
    const std::string universe_1_json = repo.attribute(kDimensionsJson);
    downgrade("f3bcee34f344");
    // The namespace goes with the healpix entry: daf_butler's own universe 0 text comes back.
    CHECK(repo.attribute(kDimensionsJson) == universe_0_json);
    CHECK(repo.dump_schema() == schema_at("24_"));
    upgrade("380002bcbb26");
    CHECK(repo.attribute(kDimensionsJson) == universe_1_json);
    CHECK(repo.dump_schema() == schema_at("27_"));

    upgrade("bf6308af80aa");
    const std::string universe_2_json = repo.attribute(kDimensionsJson);
    upgrade("c5ae3a2cd7c2");
    const std::string universe_3_json = repo.attribute(kDimensionsJson);
    downgrade("bf6308af80aa");
    CHECK(repo.attribute(kDimensionsJson) == universe_2_json);
    // SQLite gets its length CHECKs back, in upstream's text of them (quoted column names).
    std::string universe_2_schema = schema_at("31_");
    if (repo.is_sqlite()) {
        universe_2_schema = replace_all(universe_2_schema, "length(observation_reason)<=32 AND length(observation_reason)>=1",
                                        "length(\"observation_reason\")<=32 AND length(\"observation_reason\")>=1");
    }
    CHECK(repo.dump_schema() == universe_2_schema);
    upgrade("c5ae3a2cd7c2");
    CHECK(repo.attribute(kDimensionsJson) == universe_3_json);
    CHECK(repo.dump_schema() == schema_at("34_"));

    upgrade("9888256c6a18");
    const std::string universe_4_json = repo.attribute(kDimensionsJson);
    downgrade("c5ae3a2cd7c2");
    CHECK(repo.attribute(kDimensionsJson) == universe_3_json);
    CHECK(repo.dump_schema() == schema_at("34_"));
    upgrade("9888256c6a18");
    CHECK(repo.attribute(kDimensionsJson) == universe_4_json);
    CHECK(repo.dump_schema() == schema_at("37_"));
}

TEST_CASE("dimensions-config bf6308af80aa fills the new columns and table from the existing records", "[migrations]") {
    const std::string fixture = GENERATE(std::string("f2021_u0_dim600_int_name"), std::string("f2021_u0_dim600_int_name_pg"));
    INFO(fixture);
    FixtureCopy repo(fixture, "dimcfg_data");
    repo.run_ok({"set-namespace", "{REPO}", "daf_butler"});
    repo.run_ok({"stamp", "{REPO}"});
    // The fixture has visits but no exposures: a few are added, two visits made of them, and a Rubin camera.
    repo.query("INSERT INTO {schema}.instrument (name) VALUES ('LATISS')");
    repo.query("INSERT INTO {schema}.exposure (instrument, id, obs_id, seq_num) VALUES "
               "('HSC', 100, 'e100', 7), ('HSC', 101, 'e101', 5), ('HSC', 102, 'e102', 9), ('HSC', 103, 'e103', NULL)");
    repo.query("INSERT INTO {schema}.visit_definition (instrument, visit_system, exposure, visit) VALUES "
               "('HSC', 0, 100, 27136), ('HSC', 0, 101, 27136), ('HSC', 0, 102, 27108)");
    const auto visit_count = rows(repo, "SELECT count(*) FROM {schema}.visit");
    const bool sqlite = repo.is_sqlite();

    // Before attributes c0e4f9ab4a5d, so that the schema digest row is still there.
    repo.run_ok({"upgrade", "--options", "has_simulated=1", "{REPO}", "bf6308af80aa"});
    // seq_num: the lowest of the visit's exposures; NULL for visits without exposures.
    CHECK(rows(repo, "SELECT id, seq_num FROM {schema}.visit WHERE seq_num IS NOT NULL ORDER BY id") ==
          std::vector<SqlRow>{{"27108", "9"}, {"27136", "5"}});
    CHECK(rows(repo, "SELECT count(*) FROM {schema}.visit") == visit_count);
    const std::string t = sqlite ? "1" : "t";
    CHECK(rows(repo, "SELECT id, seq_num, seq_start, seq_end, azimuth, has_simulated FROM {schema}.exposure ORDER BY id") ==
          std::vector<SqlRow>{{"100", "7", "7", "7", std::nullopt, t},
                              {"101", "5", "5", "5", std::nullopt, t},
                              {"102", "9", "9", "9", std::nullopt, t},
                              {"103", std::nullopt, std::nullopt, std::nullopt, std::nullopt, t}});
    CHECK(rows(repo, "SELECT instrument, visit_system, visit FROM {schema}.visit_system_membership ORDER BY visit") ==
          std::vector<SqlRow>{{"HSC", "0", "27108"}, {"HSC", "0", "27136"}});
    CHECK(rows(repo, "SELECT instrument, exposure, visit FROM {schema}.visit_definition ORDER BY exposure") ==
          std::vector<SqlRow>{{"HSC", "100", "27136"}, {"HSC", "101", "27136"}, {"HSC", "102", "27108"}});
    CHECK(rows(repo, "SELECT name, visit_system FROM {schema}.instrument ORDER BY name") ==
          std::vector<SqlRow>{{"Cam1", "0"}, {"HSC", "0"}, {"LATISS", "2"}});
    // REFERENCE 5.7: the 6.0.1 digest of the universe 2 tables, one per dialect.
    CHECK(repo.attribute("schema_digest:lsst.daf.butler.registry.dimensions.static.StaticDimensionRecordStorageManager") ==
          (sqlite ? "67be8681bc44dd8ed717b9056679f62c" : "689da2cd495d8caba0eb05cb137c177f"));
}

TEST_CASE("dimensions-config bf6308af80aa refuses a missing or unexpected has_simulated and changes nothing",
          "[migrations]") {
    const std::string fixture = GENERATE(std::string("f2022_u1_dim601_int_name"), std::string("f2021_u0_dim600_int_name_pg"));
    INFO(fixture);
    FixtureCopy repo(fixture, "dimcfg_refusal");
    if (!repo.is_sqlite()) repo.run_ok({"set-namespace", "{REPO}", "daf_butler"});
    repo.run_ok({"stamp", "{REPO}"});
    repo.run_ok({"upgrade", "{REPO}", "380002bcbb26"});
    const std::string schema = repo.dump_schema();
    const std::string json = repo.attribute(kDimensionsJson);
    auto refused = [&](const std::vector<std::string>& options, const std::string& message) {
        std::vector<std::string> args{"upgrade"};
        args.insert(args.end(), options.begin(), options.end());
        args.insert(args.end(), {"{REPO}", "bf6308af80aa"});
        test_support::CommandResult r = repo.run(args);
        CHECK(r.exit_status != 0);
        CHECK(r.out.empty());
        CHECK(ends_with(r.err, ": " + message + "\n"));
        CHECK(repo.dump_schema() == schema);
        CHECK(repo.attribute(kDimensionsJson) == json);
        CHECK(rows(repo, "SELECT version_num FROM {schema}.alembic_version WHERE version_num = '380002bcbb26'").size() == 1);
    };
    refused({}, "This migration script requires a default value be provided for the `has_simulated` field in the "
                "`exposure` record. Please use `--options has_simulated=1` or `--options has_simulated=0` command "
                "line option.");
    refused({"--options", "has_simulated=2"}, "Unexpected value of `has_simulated` option: 2");
    refused({"--options", "has_simulated=true"}, "Unexpected value of `has_simulated` option: true");
    refused({"--options", "has_simulated=00"}, "Unexpected value of `has_simulated` option: 00");
    refused({"--options", "has_simulated="}, "Unexpected value of `has_simulated` option: ");
}

namespace {

using butler_migrate::StepDirection;
using test_support::Backend;
using test_support::TestRegistry;

// A stored universe with only what the steps read: observation_reason of visit and exposure, and the three
// elements populated by visit ("populated_by" last in each when `populated`).
std::string small_universe(int version, bool populated, bool exposure_reason = true) {
    const std::string populated_by = populated ? R"(, "populated_by": "visit")" : "";
    const std::string reason = R"({"name": "observation_reason", "type": "string", "length": 32})";
    return R"({"version": )" + std::to_string(version) + R"(, "namespace": "daf_butler", "elements": {)" +
           R"("visit": {"metadata": [)" + reason + R"(]}, "exposure": {"metadata": [)" + (exposure_reason ? reason : "") +
           R"(]}, "visit_detector_region": {"requires": ["visit"])" + populated_by +
           R"(}, "visit_definition": {"requires": ["exposure", "visit"])" + populated_by +
           R"(}, "visit_system_membership": {"requires": ["visit", "visit_system"])" + populated_by + "}}}";
}

// Runs one direction of a revision's step as the engine would, committing when it succeeds; returns the
// error message, empty when the step succeeded.
std::string run_step(const TestRegistry& registry, const std::string& id, StepDirection direction) {
    auto db = registry.open();
    try {
        test_support::run_step(*db, test_support::catalogue_revision(id), direction);
    } catch (const butler_migrate::MigrationError& e) {
        return e.what();
    }
    return "";
}

std::string stored_json(const TestRegistry& registry) {
    auto rows = registry.query("SELECT value FROM {schema}.butler_attributes WHERE name = 'config:dimensions.json'");
    REQUIRE(rows.size() == 1);
    return rows.front().at(0).value_or("");
}

}  // namespace

TEST_CASE("dimensions-config steps edit dimensions.json as upstream's scripts do", "[migrations]") {
    const Backend backend = test_support::any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);

    SECTION("380002bcbb26: namespace appended, healpix added to skypix; and back") {
        const std::string universe_0 = R"({"version": 0, "skypix": {"common": "htm7"}, "elements": {}})";
        registry.create_attributes({{kDimensionsJson, universe_0}});
        CHECK(run_step(registry, "380002bcbb26", StepDirection::upgrade).empty());
        CHECK(stored_json(registry) ==
              R"({"version": 1, "skypix": {"common": "htm7", "healpix": {"class": "lsst.sphgeom.HealpixPixelization", )"
              R"("max_level": 17}}, "elements": {}, "namespace": "daf_butler"})");
        CHECK(run_step(registry, "380002bcbb26", StepDirection::downgrade).empty());
        CHECK(stored_json(registry) == universe_0);
    }
    SECTION("380002bcbb26 downgrade needs the healpix entry") {
        const std::string json = R"({"version": 1, "namespace": "daf_butler", "skypix": {"common": "htm7"}})";
        registry.create_attributes({{kDimensionsJson, json}});
        CHECK(ends_with(run_step(registry, "380002bcbb26", StepDirection::downgrade), ": healpix"));
        CHECK(stored_json(registry) == json);
    }
    SECTION("9888256c6a18: populated_by added last to three elements; and removed") {
        registry.create_attributes({{kDimensionsJson, small_universe(3, false)}});
        CHECK(run_step(registry, "9888256c6a18", StepDirection::upgrade).empty());
        CHECK(stored_json(registry) == small_universe(4, true));
        CHECK(run_step(registry, "9888256c6a18", StepDirection::downgrade).empty());
        CHECK(stored_json(registry) == small_universe(3, false));
    }
    SECTION("9888256c6a18 downgrade needs populated_by") {
        registry.create_attributes({{kDimensionsJson, small_universe(4, false)}});
        CHECK(ends_with(run_step(registry, "9888256c6a18", StepDirection::downgrade), ": populated_by"));
        CHECK(stored_json(registry) == small_universe(4, false));
    }
    SECTION("a missing dimensions.json row is upstream's LookupError") {
        registry.create_attributes({});
        CHECK(run_step(registry, "9888256c6a18", StepDirection::upgrade) ==
              "Key config:dimensions.json does not exist in attributes table");
    }
}

TEST_CASE("dimensions-config c5ae3a2cd7c2 and 9888256c6a18 refuse a stored universe of another version",
          "[migrations]") {
    const Backend backend = test_support::any_backend();
    INFO(test_support::backend_name(backend));
    TestRegistry registry(backend);
    struct Case {
        const char* revision;
        StepDirection direction;
        int stored_version;
    };
    const Case kase = GENERATE(Case{"c5ae3a2cd7c2", StepDirection::upgrade, 5}, Case{"c5ae3a2cd7c2", StepDirection::upgrade, 3},
                               Case{"c5ae3a2cd7c2", StepDirection::downgrade, 2}, Case{"9888256c6a18", StepDirection::upgrade, 4},
                               Case{"9888256c6a18", StepDirection::downgrade, 3}, Case{"9888256c6a18", StepDirection::upgrade, 0});
    INFO(kase.revision << " stored version " << kase.stored_version);
    const std::string json = small_universe(kase.stored_version, true);
    registry.create_attributes({{kDimensionsJson, json}});
    CHECK(run_step(registry, kase.revision, kase.direction) ==
          "dimensions.json version mismatch: " + std::to_string(kase.stored_version));
    CHECK(stored_json(registry) == json);
}

TEST_CASE("dimensions-config c5ae3a2cd7c2 needs one observation_reason entry per element", "[migrations]") {
    const Backend backend = test_support::any_backend();
    TestRegistry registry(backend);
    const std::string json = small_universe(2, true, false);
    registry.create_attributes({{kDimensionsJson, json}});
    CHECK(run_step(registry, "c5ae3a2cd7c2", StepDirection::upgrade) ==
          "Cannot find observation_reason metadata definition for exposure");
    CHECK(stored_json(registry) == json);
}

// Refusals and data of the dimensions-config migrations 1fae088c80b6 (universe 5 -> 6) and 352c30854bb0 (6 <-> 7),
// SQLite and PostgreSQL: day_obs, group and can_see_sky computed from exposures, the observing-day offset option,
// missing universe files, customised universes (upstream's message word for word), and nothing changed after each
// refusal.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/steps/dimension_universe.hpp"
#include "backend_generator.hpp"
#include "fixture_copy.hpp"
#include "test_support.hpp"
#include "universe_test_support.hpp"

using butler_migrate::SqlRow;
using test_support::CommandResult;
using test_support::FixtureCopy;
using test_support::GoldenRun;
using namespace universe_tests;

namespace {

// What must not change when a step is refused: schema, bookkeeping and the rows the steps would touch.
std::string registry_state(const FixtureCopy& repo) {
    std::string state = repo.dump_schema();
    for (const char* sql : {"SELECT name, value FROM {schema}.butler_attributes ORDER BY name",
                            "SELECT version_num FROM {schema}.alembic_version ORDER BY version_num",
                            "SELECT * FROM {schema}.exposure ORDER BY instrument, id"}) {
        for (const auto& row : repo.query(sql)) {
            for (const auto& value : row) state += value.value_or("NULL") + "|";
            state += "\n";
        }
    }
    if (repo.is_sqlite()) state += repo.sqlite_dump();
    return state;
}

// The message of a failed step: everything after "butler-migrate: error: <step> failed, ...: ", or, when the
// preflight found it before the first step (docs/exit-codes.md, 9), after "... nothing was changed: <step>: ".
std::string step_error(const CommandResult& result) {
    const std::string marker = "nothing of it was applied: ";
    const std::string preflight = "The plan would not run, nothing was changed: ";
    auto pos = result.err.find(marker);
    size_t start = pos + marker.size();
    if (pos == std::string::npos) {
        pos = result.err.find(preflight);
        REQUIRE(pos != std::string::npos);
        CHECK(result.exit_status == 9);
        start = result.err.find(": ", pos + preflight.size()) + 2;  // after "<step>: "
    }
    std::string message = result.err.substr(start);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return message;
}

// Runs a step that must be refused with a message containing `expected`, and leave the registry as it was.
void check_refused(const FixtureCopy& repo, const std::vector<std::string>& args, const std::string& expected,
                   const test_support::Environment& env = {}) {
    const std::string before = registry_state(repo);
    CommandResult result = repo.run(args, env);
    INFO(result.err);
    CHECK(result.exit_status != 0);
    CHECK(result.out.empty());
    CHECK(step_error(result).find(expected) != std::string::npos);
    CHECK(registry_state(repo) == before);
}

}  // namespace

TEST_CASE("1fae088c80b6 and 352c30854bb0 fill day_obs, group and can_see_sky from the exposures", "[migrations]") {
    const std::string backend = backend_tag(test_support::any_backend());
    INFO(backend);
    FixtureCopy repo(backend_fixture(backend), "universe_rows_" + backend);
    repo.run_ok({"stamp", "{REPO}"});
    repo.run_ok({"upgrade", "{REPO}", "2a8a32e1bec3"});
    const std::string insert = "INSERT INTO {schema}.exposure (instrument, id, physical_filter, obs_id, observation_type, "
                               "day_obs, group_name, group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    repo.query(insert, {"HSC", "100", "HSC-R", "HSC100", "science", "20130617", "g1", "1"});
    repo.query(insert, {"HSC", "101", "HSC-R", "HSC101", "bias", "20130617", "g2", "2"});
    repo.query(insert, {"Cam1", "7", "Cam1-G", "Cam1-7", "flat", "20210101", "c1", "3"});

    // Cam1's class, lsst.obs.base.Instrument, has no observing-day offset: the user must give one.
    check_refused(repo, {"upgrade", "{REPO}", "1fae088c80b6"}, "--options day_obs_offset.Cam1=<seconds>");
    check_refused(repo, {"upgrade", "--options", "day_obs_offset.Cam1=1h", "{REPO}", "1fae088c80b6"}, "day_obs_offset.Cam1");
    repo.run_ok({"upgrade", "--options", "day_obs_offset.Cam1=3600", "{REPO}", "1fae088c80b6"});
    CHECK(repo.dump_schema() == repo.golden("16_").out);

    // day_obs 00:00 TAI plus the offset, for one day: 2013-06-17 is day 15873 after 1970-01-01, 2021-01-01 day 18628.
    const long long ns = 1000000000, day = 86400 * ns;
    const std::string span = repo.is_sqlite() ? "timespan_begin, timespan_end" : "lower(timespan), upper(timespan)";
    CHECK(repo.query("SELECT instrument, id, " + span + " FROM {schema}.day_obs ORDER BY instrument, id") ==
          std::vector<SqlRow>{{"Cam1", "20210101", std::to_string(18628 * day + 3600 * ns), std::to_string(18629 * day + 3600 * ns)},
                              {"HSC", "20130617", std::to_string(15873 * day), std::to_string(15874 * day)}});
    CHECK(repo.query("SELECT instrument, name FROM {schema}.\"group\" ORDER BY instrument, name") ==
          std::vector<SqlRow>{{"Cam1", "c1"}, {"HSC", "g1"}, {"HSC", "g2"}});
    CHECK(repo.query("SELECT instrument, id, day_obs, \"group\" FROM {schema}.exposure ORDER BY instrument, id") ==
          std::vector<SqlRow>{{"Cam1", "7", "20210101", "c1"}, {"HSC", "100", "20130617", "g1"}, {"HSC", "101", "20130617", "g2"}});

    // can_see_sky from observation_type; "flat" is in neither list and is reported.
    CommandResult upgraded = repo.run({"upgrade", "{REPO}", "352c30854bb0"});
    REQUIRE(upgraded.exit_status == 0);
    CHECK(upgraded.err.find("WARNING: No default value for can_see_sky is known for the following observation types:\n"
                            "['flat']\nExposure records with these observation types will have a NULL can_see_sky.\n") !=
          std::string::npos);
    const std::string can_see_sky = "SELECT instrument, id, CASE WHEN can_see_sky THEN 'yes' WHEN NOT can_see_sky THEN 'no' "
                                    "END FROM {schema}.exposure ORDER BY instrument, id";
    const std::vector<SqlRow> expected{{"Cam1", "7", std::nullopt}, {"HSC", "100", "yes"}, {"HSC", "101", "no"}};
    CHECK(repo.query(can_see_sky) == expected);
    const std::string dump = repo.is_sqlite() ? repo.sqlite_dump() : "";

    repo.run_ok({"downgrade", "{REPO}", "1fae088c80b6"});
    CHECK(repo.dump_schema() == repo.golden("16_").out);
    repo.run_ok({"upgrade", "{REPO}", "352c30854bb0"});
    CHECK(repo.query(can_see_sky) == expected);
    CHECK(repo.dump_schema() == repo.golden("19_").out);
    if (repo.is_sqlite()) CHECK(repo.sqlite_dump() == dump);
}

TEST_CASE("dimensions-config 1fae088c80b6 and 352c30854bb0 refusals leave the registry unchanged", "[migrations]") {
    const std::string backend = backend_tag(test_support::any_backend());
    INFO(backend);
    FixtureCopy repo(backend_fixture(backend), "universe_refusals_" + backend);
    repo.run_ok({"stamp", "{REPO}"});
    repo.run_ok({"upgrade", "{REPO}", "2a8a32e1bec3"});
    const std::string allow = "allow_dimension_universe_mismatch=1";

    SECTION("universe files missing") {
        test_support::TempDir empty;
        const test_support::Environment no_files{{"DAF_BUTLER_DIR", empty.path()}};
        const std::string folder = empty.path() + "/python/lsst/daf/butler/configs/old_dimensions/";
        check_refused(repo, {"upgrade", "{REPO}", "1fae088c80b6"}, folder + "daf_butler_universe5.yaml", no_files);
        // Without the check, universe 6 is needed at the very end: all the work before is rolled back.
        check_refused(repo, {"upgrade", "--options", allow, "{REPO}", "1fae088c80b6"}, folder + "daf_butler_universe6.yaml",
                      no_files);
    }

    SECTION("customised universes") {
        const auto customise = [&](const std::string& from, const std::string& to) {
            std::string value = repo.attribute(kDimensionsKey);
            const auto pos = value.find(from);
            REQUIRE(pos != std::string::npos);
            repo.query("UPDATE {schema}.butler_attributes SET value = ? WHERE name = ?",
                       {value.replace(pos, from.size(), to), kDimensionsKey});
        };
        const std::string obs_id = R"({"name": "obs_id", "type": "string", "length": 64})";
        const std::string wider = R"({"name": "obs_id", "type": "string", "length": 128})";
        customise(obs_id, wider);
        const std::string before = registry_state(repo);
        CommandResult refused = repo.run({"upgrade", "{REPO}", "1fae088c80b6"});
        CHECK(refused.exit_status != 0);
        const std::string message = step_error(refused);
        CHECK(starts_with(message, "dimensions.json stored in database does not match expected daf_butler universe "
                                   "version 5.\nDifferences:\n\n--- \n+++ \n@@ "));
        CHECK(message.find("\n-          \"length\": 64,\n") != std::string::npos);
        CHECK(message.find("\n+          \"length\": 128,\n") != std::string::npos);
        const std::string note = "\nRe-run butler migrate with the flag '--options allow_dimension_universe_mismatch=1' to "
                                 "bypass this check.\nThis will overwrite any customizations made to the dimension universe.";
        CHECK(message.size() > note.size());
        CHECK(message.compare(message.size() - note.size(), note.size(), note) == 0);
        CHECK(registry_state(repo) == before);

        // The flag overwrites the customisation with universe 6.
        repo.run_ok({"upgrade", "--options", allow, "{REPO}", "1fae088c80b6"});
        CHECK(sha256_hex(repo.attribute(kDimensionsKey)) == kUniverse6Sha);

        // 352c30854bb0 has no such flag, either way.
        customise(obs_id, wider);
        check_refused(repo, {"upgrade", "--options", allow, "{REPO}", "352c30854bb0"},
                      "does not match expected daf_butler universe version 6.\nDifferences:");
        customise(wider, obs_id);
        repo.run_ok({"upgrade", "{REPO}", "352c30854bb0"});
        customise(obs_id, wider);
        check_refused(repo, {"downgrade", "{REPO}", "1fae088c80b6"},
                      "does not match expected daf_butler universe version 7.\nDifferences:");
    }
}

TEST_CASE("1fae088c80b6 refuses a customised universe 5 with upstream's message, word for word", "[migrations]") {
    const std::string backend = backend_tag(test_support::any_backend());
    INFO(backend);
    SharedUniverses universes;
    FixtureCopy repo(backend_fixture(backend), "universe_golden41_" + backend);
    repo.run_ok({"stamp", "{REPO}"});
    repo.run_ok({"upgrade", "{REPO}", "2a8a32e1bec3"});

    // The 2021 registry reached universe 5 with other doc strings (golden 41 lists them all): store universe 5
    // with those, and the real tool's refusal must be reproduced exactly.
    const FixtureCopy f2021("f2021_u0_dim600_int_name", "universe_golden41_f2021");
    const GoldenRun refused = f2021.golden("41_");
    const std::string expected = refused.err.substr(refused.err.find("ValueError: ") + 12);
    std::string customised = butler_migrate::load_historical_universe_json(5);
    const auto lines = split_lines(expected);
    for (size_t k = 0; k + 1 < lines.size(); ++k) {
        const std::string doc = "\"doc\": ";
        if (!starts_with(lines[k], "-") || !starts_with(lines[k + 1], "+") || lines[k].find(doc) == std::string::npos) continue;
        const auto literal = [&](const std::string& line) {
            std::string text = line.substr(line.find(doc));
            return text.substr(0, text.size() - 1);  // without the trailing comma
        };
        const std::string from = literal(lines[k]), to = literal(lines[k + 1]);
        const auto pos = customised.find(from);
        REQUIRE(pos != std::string::npos);
        REQUIRE(customised.find(from, pos + 1) == std::string::npos);
        customised.replace(pos, from.size(), to);
    }
    repo.query("UPDATE {schema}.butler_attributes SET value = ? WHERE name = ?", {customised, kDimensionsKey});
    const std::string before = registry_state(repo);
    CommandResult result = repo.run(refused.args);
    CHECK(result.exit_status != 0);
    CHECK(step_error(result) + "\n" == expected);
    CHECK(registry_state(repo) == before);

    repo.run_ok(f2021.golden("42_").args);
    CHECK(sha256_hex(repo.attribute(kDimensionsKey)) == kUniverse6Sha);
}

// update-day-obs on SQLite and PostgreSQL, universe 5 and 7: offsets at each exposure's begin time, planted wrong
// values repaired with nothing else changed, idempotent re-runs, interrupted runs finished by a re-run, dry-run
// counts, missing day_obs rows; and the command line (tagged [update-day-obs-cli], run once the command is wired).
#include <catch2/catch.hpp>

#include <ctime>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "butler_migrate/core/migration_options.hpp"
#include "butler_migrate/steps/day_obs_update.hpp"
#include "butler_migrate/steps/observing_day.hpp"
#include "butler_migrate/util/errors.hpp"
#include "day_obs_test_registry.hpp"
#include "scoped_env.hpp"

using butler_migrate::AccessMode;
using butler_migrate::DayObsOffsetPeriod;
using butler_migrate::DayObsUpdateCounts;
using butler_migrate::DayObsUpdateSettings;
using butler_migrate::MigrationError;
using butler_migrate::MigrationOptions;
using day_obs_tests::kSec;
using day_obs_tests::tai_ns;
using test_support::FixtureCopy;

namespace {

const char* const kLsstCam = "lsst.obs.lsst.LsstCam";

DayObsUpdateCounts update(const FixtureCopy& repo, const std::string& instrument, DayObsUpdateSettings settings = {}) {
    auto db = repo.open(AccessMode::read_write);
    return butler_migrate::update_day_obs(*db, instrument, settings);
}

DayObsUpdateCounts count(const FixtureCopy& repo, const std::string& instrument, const MigrationOptions& options = {}) {
    auto db = repo.open(AccessMode::read_only);
    return butler_migrate::count_day_obs_update(*db, instrument, options);
}

// A snapshot without the day_obs row the universe 7 tests delete and the update inserts again: on SQLite the
// dump lists rows in rowid order, and the new row comes last (its values are checked on their own).
std::string without_reinserted_row(const std::string& snapshot) {
    const std::string row = "INSERT INTO day_obs VALUES('LSSTCam',20250531,";
    std::string out;
    std::size_t start = 0;
    while (start < snapshot.size()) {
        std::size_t end = snapshot.find('\n', start);
        end = end == std::string::npos ? snapshot.size() : end + 1;
        if (snapshot.compare(start, row.size(), row) != 0) out.append(snapshot, start, end - start);
        start = end;
    }
    return out;
}

// exposures, without begin, changed exposures, changed visits, day_obs rows added, chunks.
std::vector<long long> numbers(const DayObsUpdateCounts& c) {
    return {c.exposures, c.exposures_without_begin, c.exposures_changed, c.visits_changed, c.day_obs_added, c.chunks};
}

}  // namespace

TEST_CASE("update-day-obs: offsets at the begin time of each exposure", "[update-day-obs]") {
    const MigrationOptions none;
    // Lab rule: the TAI month of begin against the ship month, then US/Pacific at the UTC instant (TAI - 37 s).
    CHECK(butler_migrate::builtin_day_obs_offset_at("LSSTCam", kLsstCam, tai_ns(2024, 4, 30, 23, 59, 59)) == 25200);
    CHECK(butler_migrate::builtin_day_obs_offset_at("LSSTCam", kLsstCam, tai_ns(2024, 5, 1)) == 43200);
    CHECK(butler_migrate::builtin_day_obs_offset_at("LSSTCam", kLsstCam, tai_ns(2024, 1, 15, 12)) == 28800);
    // DST began 2024-03-10 at 10:00:00 UTC = 10:00:37 TAI.
    CHECK(butler_migrate::us_pacific_lab_offset_at(tai_ns(2024, 3, 10, 10, 0, 37) - 1) == 28800);
    CHECK(butler_migrate::us_pacific_lab_offset_at(tai_ns(2024, 3, 10, 10, 0, 37)) == 25200);
    CHECK(butler_migrate::builtin_day_obs_offset_at("HSC", "lsst.obs.subaru.HyperSuprimeCam", tai_ns(2014, 3, 25)) == 0);
    CHECK_FALSE(butler_migrate::builtin_day_obs_offset_at("Cam1", "lsst.obs.base.Instrument", tai_ns(2021, 1, 1)));

    // Periods: PST until the DST switch, PDT until the ship month, then 12 h.
    const long long first = tai_ns(2024, 1, 1), last = tai_ns(2024, 6, 1);
    CHECK(butler_migrate::day_obs_offset_periods("LSSTCam", kLsstCam, first, last, none) ==
          std::vector<DayObsOffsetPeriod>{{first, 28800}, {tai_ns(2024, 3, 10, 10, 0, 37), 25200}, {tai_ns(2024, 5, 1), 43200}});
    // 2023-11-05 09:00 UTC: PDT ends.
    CHECK(butler_migrate::day_obs_offset_periods("LSSTCam", kLsstCam, tai_ns(2023, 11, 1), tai_ns(2023, 12, 1), none) ==
          std::vector<DayObsOffsetPeriod>{{tai_ns(2023, 11, 1), 25200}, {tai_ns(2023, 11, 5, 9, 0, 37), 28800}});
    CHECK(butler_migrate::day_obs_offset_periods("LSSTCam", kLsstCam, tai_ns(2025, 1, 1), tai_ns(2026, 1, 1), none) ==
          std::vector<DayObsOffsetPeriod>{{tai_ns(2025, 1, 1), 43200}});
    // An option wins and never changes.
    CHECK(butler_migrate::day_obs_offset_periods("LSSTCam", kLsstCam, first, last,
                                                 MigrationOptions::parse({"day_obs_offset.LSSTCam=-3600"})) ==
          std::vector<DayObsOffsetPeriod>{{first, -3600}});
    try {
        butler_migrate::day_obs_offset_periods("Cam1", "lsst.obs.base.Instrument", first, last, none);
        FAIL("no error");
    } catch (const MigrationError& e) {
        CHECK(std::string(e.what()) == "No observing-day offset known for instrument Cam1 (class lsst.obs.base.Instrument); "
                                       "give it with --options day_obs_offset.Cam1=<seconds>");
    }
}

TEST_CASE("update-day-obs: the lab offset at an instant agrees with the system tz database, 2018 to 2024-04",
          "[update-day-obs]") {
    day_obs_tests::TimezoneGuard tz("America/Los_Angeles");
    int checked = 0;
    // Every 20 minutes, and the seconds around each switch (TAI - UTC = 37 s throughout).
    for (long long tai = tai_ns(2018, 1, 1) / kSec; tai < tai_ns(2024, 5, 1) / kSec; tai += 1200) {
        for (long long instant : {tai, tai + 36, tai + 37, tai + 38}) {
            std::time_t utc = static_cast<std::time_t>(instant - 37);
            std::tm local{};
            localtime_r(&utc, &local);
            if (butler_migrate::us_pacific_lab_offset_at(instant * kSec) != -local.tm_gmtoff) {
                FAIL_CHECK("TAI " << instant << ": expected " << -local.tm_gmtoff);
            }
            ++checked;
        }
    }
    CHECK(checked > 600000);
}

TEST_CASE("update-day-obs: planted wrong values are repaired and nothing else changes", "[update-day-obs]") {
    const std::string backend = GENERATE(std::string("sqlite"), std::string("postgresql"));
    const bool universe7 = GENERATE(false, true);
    INFO(backend << (universe7 ? " universe 7" : " universe 5"));
    auto repo = day_obs_tests::seeded_registry(backend, universe7, std::string("dayobs_repair_") + (universe7 ? "7" : "5"));
    if (universe7) day_obs_tests::add_day_obs_for_planted(*repo);
    const std::string before = repo->snapshot();
    const auto exposures_before = day_obs_tests::day_obs_rows(*repo, "exposure");
    const auto visits_before = day_obs_tests::day_obs_rows(*repo, "visit");
    day_obs_tests::plant_wrong_values(*repo, universe7);
    const std::string planted = repo->snapshot();
    REQUIRE(planted != before);

    // Dry run: LSSTCam 7002, 7005, 7007 and visit 7101 (and at universe 7 the day_obs row 20250531); HSC 5001 and
    // 5003 (5004 has no begin time) and visit 5101. Nothing changes.
    CHECK(numbers(count(*repo, "LSSTCam")) == std::vector<long long>{8, 0, 3, 1, universe7 ? 1 : 0, 0});
    CHECK(numbers(count(*repo, "HSC")) == std::vector<long long>{4, 1, 2, 1, 0, 0});
    CHECK(repo->snapshot() == planted);

    DayObsUpdateSettings settings;
    settings.chunk_size = 2;
    CHECK(numbers(update(*repo, "LSSTCam", settings)) == std::vector<long long>{8, 0, 3, 1, universe7 ? 1 : 0, 2});
    CHECK(numbers(update(*repo, "HSC")) == std::vector<long long>{4, 1, 2, 1, 0, 1});
    CHECK(day_obs_tests::day_obs_rows(*repo, "exposure") == exposures_before);
    CHECK(day_obs_tests::day_obs_rows(*repo, "visit") == visits_before);
    const std::string after = repo->snapshot();
    CHECK(without_reinserted_row(after) == without_reinserted_row(before));
    if (!universe7 || !repo->is_sqlite()) CHECK(after == before);  // PostgreSQL snapshots sort the rows
    if (universe7) {
        // Re-inserted with the timespan 1fae088c80b6 gives it: 12 h after 2025-05-31 00:00 TAI, one day long.
        const std::string span = repo->is_sqlite() ? "timespan_begin, timespan_end" : "lower(timespan), upper(timespan)";
        CHECK(repo->query("SELECT " + span + " FROM {schema}.day_obs WHERE instrument = 'LSSTCam' AND id = 20250531") ==
              std::vector<butler_migrate::SqlRow>{{std::to_string(tai_ns(2025, 5, 31, 12)), std::to_string(tai_ns(2025, 6, 1, 12))}});
    }

    // Running again changes nothing.
    CHECK(numbers(update(*repo, "LSSTCam")) == std::vector<long long>{8, 0, 0, 0, 0, 0});
    CHECK(numbers(update(*repo, "HSC")) == std::vector<long long>{4, 1, 0, 0, 0, 0});
    CHECK(repo->snapshot() == after);
}

TEST_CASE("update-day-obs: a run interrupted after some chunks, run again, ends as an uninterrupted run",
          "[update-day-obs]") {
    const std::string backend = GENERATE(std::string("sqlite"), std::string("postgresql"));
    INFO(backend);
    auto whole = day_obs_tests::seeded_registry(backend, true, "dayobs_whole");
    auto broken = day_obs_tests::seeded_registry(backend, true, "dayobs_broken");
    for (const FixtureCopy* repo : {whole.get(), broken.get()}) {
        day_obs_tests::add_day_obs_for_planted(*repo);
        day_obs_tests::plant_wrong_values(*repo, true);
    }
    const auto planted_exposures = day_obs_tests::day_obs_rows(*broken, "exposure");
    CHECK(update(*whole, "LSSTCam").chunks == 1);
    const auto fixed_exposures = day_obs_tests::day_obs_rows(*whole, "exposure");

    // Chunks of one id: exposures 7002, 7005, 7007, then visit 7101. Stop after the second.
    DayObsUpdateSettings settings;
    settings.chunk_size = 1;
    settings.after_chunk = [](long long done) {
        if (done == 2) throw std::runtime_error("interrupted");
    };
    CHECK_THROWS_WITH(update(*broken, "LSSTCam", settings), "interrupted");
    const auto halfway = day_obs_tests::day_obs_rows(*broken, "exposure");
    REQUIRE(halfway.size() == fixed_exposures.size());
    int old_rows = 0, new_rows = 0;
    for (std::size_t i = 0; i < halfway.size(); ++i) {
        if (planted_exposures[i] == fixed_exposures[i]) continue;  // not planted
        CHECK((halfway[i] == planted_exposures[i] || halfway[i] == fixed_exposures[i]));
        (halfway[i] == fixed_exposures[i] ? new_rows : old_rows) += 1;
    }
    CHECK(new_rows == 2);
    CHECK(old_rows == 1);  // 7007 (the planted HSC rows are left to an HSC run, in both copies)
    CHECK(broken->snapshot() != whole->snapshot());

    settings.after_chunk = nullptr;
    CHECK(update(*broken, "LSSTCam", settings).exposures_changed == 1);
    CHECK(broken->snapshot() == whole->snapshot());
}

TEST_CASE("update-day-obs: offsets given with --options, unknown offsets and instruments", "[update-day-obs]") {
    const std::string backend = GENERATE(std::string("sqlite"), std::string("postgresql"));
    INFO(backend);
    auto repo = day_obs_tests::seeded_registry(backend, false, "dayobs_options");
    const std::string before = repo->snapshot();
    // Cam1's class has no known offset: the error names the option.
    CHECK_THROWS_WITH(update(*repo, "Cam1"), "No observing-day offset known for instrument Cam1 (class "
                                             "lsst.obs.base.Instrument); give it with --options day_obs_offset.Cam1=<seconds>");
    CHECK_THROWS_WITH(count(*repo, "Cam1", MigrationOptions::parse({"day_obs_offset.Cam1=1h"})),
                      "Option day_obs_offset.Cam1 must be an integer number of seconds, not '1h'");
    CHECK_THROWS_WITH(update(*repo, "Nope"), "Unable to find an instrument record for instrument named Nope.");
    CHECK(repo->snapshot() == before);

    // Offset 0 is right for 9001 (06:00 TAI); 10 h moves it to the day before.
    CHECK(count(*repo, "Cam1", MigrationOptions::parse({"day_obs_offset.Cam1=0"})).exposures_changed == 0);
    CHECK(count(*repo, "Cam1", MigrationOptions::parse({"day_obs_offset.Cam1=36000"})).exposures_changed == 1);
    // HSC at 12 h: 5001 (09:34) and 5003 (00:00) go to the day before, 5002 (23:59:59) stays; visit 5101 follows.
    DayObsUpdateSettings settings;
    settings.options = MigrationOptions::parse({"day_obs_offset.HSC=43200"});
    CHECK(numbers(update(*repo, "HSC", settings)) == std::vector<long long>{4, 1, 2, 1, 0, 1});
    CHECK(repo->query("SELECT id, day_obs FROM {schema}.exposure WHERE instrument = 'HSC' ORDER BY id") ==
          std::vector<butler_migrate::SqlRow>{{"5001", "20140324"}, {"5002", "20140325"}, {"5003", "20140325"}, {"5004", "20140101"}});
    CHECK(repo->query("SELECT day_obs FROM {schema}.visit WHERE instrument = 'HSC' AND id = 5101") ==
          std::vector<butler_migrate::SqlRow>{{"20140324"}});
}

TEST_CASE("update-day-obs: daf_butler's own universe 7 registry (f2025_head_default)", "[update-day-obs]") {
    FixtureCopy repo("f2025_head_default", "dayobs_head");
    const std::string before = repo.snapshot();
    // Its one exposure, HSC 903342, began 2013-06-17 13:34:45 TAI: day_obs 20130617 (a day_obs row exists).
    CHECK(numbers(count(repo, "HSC")) == std::vector<long long>{1, 0, 0, 0, 0, 0});
    repo.query("UPDATE exposure SET day_obs = 20130618 WHERE id = 903342");
    CHECK(numbers(count(repo, "HSC")) == std::vector<long long>{1, 0, 1, 0, 0, 0});
    CHECK(numbers(update(repo, "HSC")) == std::vector<long long>{1, 0, 1, 0, 0, 1});
    CHECK(repo.snapshot() == before);
}

// The command line. These need the update-day-obs row in src/cli/app.cpp.

TEST_CASE("update-day-obs command: dry run, run, errors", "[update-day-obs-cli]") {
    const std::string backend = GENERATE(std::string("sqlite"), std::string("postgresql"));
    INFO(backend);
    auto repo = day_obs_tests::seeded_registry(backend, true, "dayobs_cli");
    day_obs_tests::add_day_obs_for_planted(*repo);
    const std::string before = repo->snapshot();
    day_obs_tests::plant_wrong_values(*repo, true);
    const std::string planted = repo->snapshot();

    auto dry = repo->run({"update-day-obs", "--dry-run", "{REPO}", "LSSTCam"});
    INFO(dry.err);
    CHECK(dry.exit_status == 0);
    CHECK(dry.out == "Instrument LSSTCam: 8 exposures, 0 without a begin time (left as they are).\n"
                     "Exposures whose day_obs would change: 3\n"
                     "Visits whose day_obs would change: 1\n"
                     "day_obs records that would be added: 1\n");
    CHECK(repo->snapshot() == planted);

    for (const char* instrument : {"LSSTCam", "HSC"}) {
        auto run = repo->run({"update-day-obs", "--chunk-size", "1", "{REPO}", instrument});
        INFO(run.err);
        CHECK(run.exit_status == 0);
        CHECK(run.out.empty());
        CHECK(run.err.find("butler_migrate.backup INFO: ") != std::string::npos);  // copy or pg_dump command
    }
    CHECK(without_reinserted_row(repo->snapshot()) == without_reinserted_row(before));
    auto again = repo->run({"update-day-obs", "{REPO}", "HSC"});
    CHECK(again.exit_status == 0);
    CHECK(again.err.find("butler_migrate.backup") == std::string::npos);  // nothing to change: no backup

    auto unknown = repo->run({"update-day-obs", "{REPO}", "Nope"});
    CHECK(unknown.exit_status == 1);
    CHECK(unknown.err.find("butler-migrate: error: Unable to find an instrument record for instrument named Nope.\n") !=
          std::string::npos);
    auto no_offset = repo->run({"update-day-obs", "{REPO}", "Cam1"});
    CHECK(no_offset.exit_status == 1);
    CHECK(no_offset.err.find("--options day_obs_offset.Cam1=<seconds>") != std::string::npos);
    CHECK(repo->run({"update-day-obs", "--options", "day_obs_offset.Cam1", "{REPO}", "Cam1"}).exit_status == 2);
    CHECK(repo->run({"update-day-obs", "--chunk-size", "0", "{REPO}", "Cam1"}).exit_status == 2);
    CHECK(repo->run({"update-day-obs", "--options", "day_obs_offset.Cam1=0", "{REPO}", "Cam1"}).exit_status == 0);
    CHECK(without_reinserted_row(repo->snapshot()) == without_reinserted_row(before));
}

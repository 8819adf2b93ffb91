// For test_update_day_obs.cpp: a copy of the 2023 fixture with exposures and visits of HSC, LSSTCam and Cam1 whose
// day_obs values were worked out by hand, at universe 5 or (upgraded by butler-migrate) universe 7, and the wrong
// values the tests plant in it.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fixture_copy.hpp"
#include "scoped_env.hpp"
#include "tai_instants.hpp"
#include "universe_test_support.hpp"

namespace day_obs_tests {

using butler_migrate::SqlRow;
using test_support::FixtureCopy;

constexpr long long kSec = test_support::kSecondNs;

using test_support::tai_ns;

// Sets TZ for a test and restores it afterwards, telling the C library each time.
class TimezoneGuard {
public:
    explicit TimezoneGuard(const char* tz) : tz_(std::in_place, "TZ", std::string(tz)) { tzset(); }
    ~TimezoneGuard() {
        tz_.reset();
        tzset();
    }
    TimezoneGuard(const TimezoneGuard&) = delete;
    TimezoneGuard& operator=(const TimezoneGuard&) = delete;

private:
    std::optional<test_support::ScopedEnv> tz_;
};

struct SeedExposure {
    const char* instrument;
    long long id;
    const char* physical_filter;
    long long begin;  // TAI ns; 0 for an exposure without a timespan
    long long day_obs;
};

// The right day_obs of each, by hand: TAI date of (begin - offset). HSC: offset 0. LSSTCam: 12 h from May 2024
// (ship month 202405, compared with the TAI month of begin), before that in the lab the US/Pacific offset at the
// UTC instant of begin (TAI - UTC = 37 s): PST 8 h, PDT 7 h (2023 DST ended Nov 5 09:00 UTC, 2024 DST began Mar 10
// 10:00 UTC). Cam1: its class has no known offset; the day_obs below is right for an offset of 0.
inline const std::vector<SeedExposure>& seed_exposures() {
    static const std::vector<SeedExposure> rows{
        {"HSC", 5001, "HSC-I", tai_ns(2014, 3, 25, 9, 34, 19), 20140325},
        {"HSC", 5002, "HSC-I", tai_ns(2014, 3, 25, 23, 59, 59), 20140325},
        {"HSC", 5003, "HSC-I", tai_ns(2014, 3, 26), 20140326},          // midnight belongs to the new day
        {"HSC", 5004, "HSC-I", 0, 20140101},                            // no begin time: any value stays
        {"LSSTCam", 7001, "r_57", tai_ns(2024, 3, 4, 7, 30), 20240303},   // 23:29 PST Mar 3: - 8 h
        {"LSSTCam", 7002, "r_57", tai_ns(2024, 3, 11, 7, 30), 20240311},  // 00:29 PDT Mar 11: - 7 h
        {"LSSTCam", 7003, "r_57", tai_ns(2023, 11, 6, 7, 30), 20231105},  // 23:29 PST Nov 5: - 8 h
        {"LSSTCam", 7004, "r_57", tai_ns(2024, 4, 30, 10), 20240430},     // lab, PDT: 03:00 Apr 30
        {"LSSTCam", 7005, "r_57", tai_ns(2024, 5, 1, 10), 20240430},      // on site: 22:00 Apr 30
        {"LSSTCam", 7006, "r_57", tai_ns(2024, 5, 1, 13), 20240501},      // on site: 01:00 May 1
        {"LSSTCam", 7007, "r_57", tai_ns(2025, 6, 1, 12) - 1, 20250531},  // 1 ns before the day changes
        {"LSSTCam", 7008, "r_57", tai_ns(2025, 6, 1, 12), 20250601},
        {"Cam1", 9001, "Cam1-G", tai_ns(2021, 1, 1, 6), 20210101},
    };
    return rows;
}

struct SeedVisit {
    const char* instrument;
    long long id;
    const char* physical_filter;
    long long day_obs;
    std::vector<long long> exposures;
};

// A visit's day_obs is the earliest of its exposures'; 7104 has no exposures and keeps its value.
inline const std::vector<SeedVisit>& seed_visits() {
    static const std::vector<SeedVisit> rows{
        {"HSC", 5101, "HSC-I", 20140325, {5001, 5003}},
        {"LSSTCam", 7101, "r_57", 20240430, {7005, 7006}},
        {"LSSTCam", 7102, "r_57", 20240303, {7001}},
        {"LSSTCam", 7103, "r_57", 20250601, {7008}},
        {"LSSTCam", 7104, "r_57", 20200101, {}},
    };
    return rows;
}

inline void seed(const FixtureCopy& repo) {
    repo.query("INSERT INTO {schema}.instrument (name, class_name) VALUES ('LSSTCam', 'lsst.obs.lsst.LsstCam')");
    repo.query("INSERT INTO {schema}.physical_filter (instrument, name, band) VALUES ('LSSTCam', 'r_57', 'r')");
    const std::string timespan = repo.is_sqlite() ? "timespan_begin, timespan_end" : "timespan";
    const std::string values = repo.is_sqlite() ? "?, ?" : "CAST(? AS INT8RANGE)";
    const std::string insert = "INSERT INTO {schema}.exposure (instrument, id, physical_filter, obs_id, day_obs, group_name, "
                               "group_id, " + timespan + ") VALUES (?, ?, ?, ?, ?, ?, ?, " + values + ")";
    for (const auto& e : seed_exposures()) {
        butler_migrate::SqlParams params{e.instrument, std::to_string(e.id), e.physical_filter,
                                         std::string(e.instrument) + std::to_string(e.id), std::to_string(e.day_obs),
                                         "g" + std::to_string(e.id), std::to_string(e.id)};
        const std::string end = std::to_string(e.begin + 30 * kSec);
        if (repo.is_sqlite()) {
            params.push_back(e.begin ? butler_migrate::SqlValue(std::to_string(e.begin)) : std::nullopt);
            params.push_back(e.begin ? butler_migrate::SqlValue(end) : std::nullopt);
        } else {
            params.push_back(e.begin ? butler_migrate::SqlValue("[" + std::to_string(e.begin) + "," + end + ")") : std::nullopt);
        }
        repo.query(insert, params);
    }
    for (const auto& v : seed_visits()) {
        repo.query("INSERT INTO {schema}.visit (instrument, id, physical_filter, name, day_obs) VALUES (?, ?, ?, ?, ?)",
                   {v.instrument, std::to_string(v.id), v.physical_filter, "visit" + std::to_string(v.id),
                    std::to_string(v.day_obs)});
        for (long long exposure : v.exposures) {
            repo.query("INSERT INTO {schema}.visit_definition (instrument, exposure, visit) VALUES (?, ?, ?)",
                       {v.instrument, std::to_string(exposure), std::to_string(v.id)});
        }
    }
}

// The 2023 fixture (universe 4) of `backend`, stamped, at universe 5, seeded; with `universe7`, upgraded to
// universe 7 by butler-migrate (its 5 -> 6 step makes the day_obs rows of the seeded values).
inline std::unique_ptr<FixtureCopy> seeded_registry(const std::string& backend, bool universe7, const std::string& tag) {
    universe_tests::SharedUniverses universes;
    auto repo = std::make_unique<FixtureCopy>(universe_tests::backend_fixture(backend), tag);
    repo->run_ok({"stamp", "{REPO}"});
    repo->run_ok({"upgrade", "{REPO}", "2a8a32e1bec3"});
    seed(*repo);
    if (universe7) {
        repo->run_ok({"upgrade", "--options", "day_obs_offset.Cam1=0", "{REPO}", "1fae088c80b6"});
        auto result = repo->run({"upgrade", "{REPO}", "352c30854bb0"});  // warns about can_see_sky
        INFO(result.err);
        REQUIRE(result.exit_status == 0);
    }
    return repo;
}

// Day_obs rows for the wrong values planted at universe 7 that no row has (as daf_butler's import writes them,
// without timespans), so that the planted values satisfy the foreign keys.
inline void add_day_obs_for_planted(const FixtureCopy& repo) {
    for (const char* id : {"20140324", "20240310"}) {
        repo.query("INSERT INTO {schema}.day_obs (instrument, id) VALUES (?, ?)",
                   {std::string(id).substr(0, 4) == "2014" ? "HSC" : "LSSTCam", id});
    }
}

// Wrong values: 5 exposures (H3 NULL before universe 6), 2 visits; at universe 7 the day_obs row of 7007's right
// value is deleted as well, so that the update must insert it again.
inline void plant_wrong_values(const FixtureCopy& repo, bool universe7) {
    auto set = [&](const char* table, const char* instrument, long long id, const butler_migrate::SqlValue& day_obs) {
        repo.query(std::string("UPDATE {schema}.") + table + " SET day_obs = ? WHERE instrument = ? AND id = ?",
                   {day_obs, instrument, std::to_string(id)});
    };
    set("exposure", "HSC", 5001, "20140324");
    set("exposure", "HSC", 5003, universe7 ? butler_migrate::SqlValue("20140325") : std::nullopt);
    set("exposure", "LSSTCam", 7002, "20240310");
    set("exposure", "LSSTCam", 7005, "20240501");
    set("exposure", "LSSTCam", 7007, "20250601");
    set("visit", "LSSTCam", 7101, "20240501");
    set("visit", "HSC", 5101, "20140326");
    if (universe7) repo.query("DELETE FROM {schema}.day_obs WHERE instrument = 'LSSTCam' AND id = 20250531");
}

// instrument, id, day_obs of every exposure or visit, in order.
inline std::vector<SqlRow> day_obs_rows(const FixtureCopy& repo, const std::string& table) {
    return repo.query("SELECT instrument, id, day_obs FROM {schema}." + table + " ORDER BY instrument, id");
}

}  // namespace day_obs_tests

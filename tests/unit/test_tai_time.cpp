// UTC text <-> TAI nanoseconds: the leap-second table, hand-computed values, round trips, and SQLite SQL == C++.
#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "butler_migrate/steps/tai_time.hpp"

namespace tai = butler_migrate::tai_time;

namespace {

constexpr long long kSec = 1000000000LL;

// `YYYY-MM-DD HH:MM:SS.ffffff` of POSIX microseconds, written independently of the code under test (via
// SQLite's own date functions).
std::string sqlite_text_of_micros(SQLite::Database& db, long long micros) {
    SQLite::Statement st(db, "SELECT strftime('%Y-%m-%d %H:%M:%S', (?1 - ((?1 % 1000000) + 1000000) % 1000000) / 1000000, "
                             "'unixepoch') || printf('.%06d', ((?1 % 1000000) + 1000000) % 1000000)");
    st.bind(1, static_cast<int64_t>(micros));
    st.executeStep();
    return st.getColumn(0).getString();
}

std::optional<std::string> sql_value(SQLite::Statement& st) {
    st.executeStep();
    auto column = st.getColumn(0);
    std::optional<std::string> out;
    if (!column.isNull()) out = column.getString();
    st.reset();
    return out;
}

}  // namespace

TEST_CASE("tai: the leap-second table of the IERS since 1972", "[tai]") {
    const auto& steps = tai::leap_steps();
    REQUIRE(steps.size() == 28);  // 10 s on 1972-01-01, then 27 leap seconds
    CHECK(std::string(steps.front().date) == "2017-01-01");
    CHECK(steps.front().posix_seconds == 1483228800);  // date -u -d 2017-01-01 +%s
    CHECK(steps.front().tai_minus_utc == 37);
    CHECK(std::string(steps[1].date) == "2015-07-01");
    CHECK(steps[1].posix_seconds == 1435708800);
    CHECK(steps[1].tai_minus_utc == 36);
    CHECK(std::string(steps.back().date) == "1972-01-01");
    CHECK(steps.back().posix_seconds == 63072000);  // two years of 365 days
    CHECK(steps.back().tai_minus_utc == 10);
    const std::vector<std::string> expected{"1972-07-01", "1973-01-01", "1974-01-01", "1975-01-01", "1976-01-01",
                                            "1977-01-01", "1978-01-01", "1979-01-01", "1980-01-01", "1981-07-01",
                                            "1982-07-01", "1983-07-01", "1985-07-01", "1988-01-01", "1990-01-01",
                                            "1991-01-01", "1992-07-01", "1993-07-01", "1994-07-01", "1996-01-01",
                                            "1997-07-01", "1999-01-01", "2006-01-01", "2009-01-01", "2012-07-01"};
    for (size_t i = 0; i < expected.size(); ++i) CHECK(steps[steps.size() - 2 - i].date == expected[i]);
}

TEST_CASE("tai: UTC text to TAI nanoseconds, values computed by hand", "[tai]") {
    // golden f2023_u4_26.0.0_default: 2026-11-24 20:42:07.050402 UTC = POSIX 1795552927.050402, + 37 s.
    CHECK(tai::utc_text_to_tai_ns("2026-11-24 20:42:07.050402") == 1795552964050402000LL);
    CHECK(tai::utc_text_to_tai_ns("2026-11-24T20:42:07.050402") == 1795552964050402000LL);
    // Without a fraction (CURRENT_TIMESTAMP defaults), with short and over-long fractions (truncated).
    CHECK(tai::utc_text_to_tai_ns("2020-01-01 00:00:00") == (1577836800LL + 37) * kSec);
    CHECK(tai::utc_text_to_tai_ns("2020-01-01 00:00:00.5") == (1577836800LL + 37) * kSec + 500000000);
    CHECK(tai::utc_text_to_tai_ns("2020-01-01 00:00:00.1234567") == (1577836800LL + 37) * kSec + 123456000);
    // Around the last leap second: 23:59:59.999999 still has 36 s, midnight has 37 s.
    CHECK(tai::utc_text_to_tai_ns("2016-12-31 23:59:59.999999") == (1483228799LL + 36) * kSec + 999999000);
    CHECK(tai::utc_text_to_tai_ns("2017-01-01 00:00:00") == (1483228800LL + 37) * kSec);
    CHECK(tai::utc_text_to_tai_ns("1972-07-01 00:00:00") == (78796800LL + 11) * kSec);
    CHECK(tai::utc_text_to_tai_ns("1972-01-01 00:00:00") == (63072000LL + 10) * kSec);
    // 1968-1971: 4.21317 s + (MJD - 39126) x 0.002592 s. 1970-01-01 is MJD 40587: 8.000082 s.
    CHECK(tai::utc_text_to_tai_ns("1970-01-01 00:00:00") == 8000082000LL);
    // 1971-12-31 23:59:59: MJD 41316.99998843, offset 4.21317 + 2190.99998843 x 0.002592 = 9.89224197 s.
    CHECK(tai::utc_text_to_tai_ns("1971-12-31 23:59:59") == 63071999LL * kSec + 9892241970LL);
    // 1969-12-31 23:59:52: offset 7.99749 + 86392 x 30 ns = 8.00008176 s, 81760 ns after the TAI epoch.
    CHECK(tai::utc_text_to_tai_ns("1969-12-31 23:59:52") == 81760);
    // Clamped to 1970-01-01 TAI and to 2100-01-01 TAI (4102444800 s).
    CHECK(tai::utc_text_to_tai_ns("1969-12-31 23:59:51") == 0);
    CHECK(tai::utc_text_to_tai_ns("1900-01-01 00:00:00") == 0);
    CHECK(tai::utc_text_to_tai_ns("2099-12-31 23:59:22.999999") == 4102444799999999000LL);
    CHECK(tai::utc_text_to_tai_ns("2099-12-31 23:59:23") == 4102444800000000000LL);
    CHECK(tai::utc_text_to_tai_ns("2500-06-01 12:00:00") == 4102444800000000000LL);
    for (const char* bad : {"", "yesterday", "2020-13-01 00:00:00", "2021-02-29 00:00:00", "2020-01-01 24:00:00",
                            "2020-01-01 00:00:60", "2020-01-01 00:00:00.", "2020-01-01 00:00:00Z", "2020-01-01"}) {
        INFO(bad);
        CHECK_FALSE(tai::utc_text_to_tai_ns(bad).has_value());
    }
    CHECK(tai::utc_text_to_tai_ns("2020-02-29 00:00:00").has_value());
}

TEST_CASE("tai: TAI nanoseconds to UTC text, values computed by hand", "[tai]") {
    CHECK(tai::tai_ns_to_utc_text(1795552964050402000LL) == "2026-11-24 20:42:07.050402");
    // Nearest microsecond, halves up.
    CHECK(tai::tai_ns_to_utc_text(1795552964050402499LL) == "2026-11-24 20:42:07.050402");
    CHECK(tai::tai_ns_to_utc_text(1795552964050402501LL) == "2026-11-24 20:42:07.050403");
    CHECK(tai::tai_ns_to_utc_text((1483228800LL + 37) * kSec) == "2017-01-01 00:00:00.000000");
    CHECK(tai::tai_ns_to_utc_text((1483228799LL + 36) * kSec + 999999000) == "2016-12-31 23:59:59.999999");
    // 2016-12-31 23:59:60 has no datetime: refused, unless it rounds to the next midnight.
    CHECK_FALSE(tai::tai_ns_to_utc_text((1483228800LL + 36) * kSec).has_value());
    CHECK_FALSE(tai::tai_ns_to_utc_text((1483228800LL + 37) * kSec - 501).has_value());
    CHECK(tai::tai_ns_to_utc_text((1483228800LL + 37) * kSec - 500) == "2017-01-01 00:00:00.000000");
    CHECK_FALSE(tai::tai_ns_to_utc_text((78796800LL + 10) * kSec + 5).has_value());  // 1972-06-30 23:59:60
    // The epoch (where early values are clamped) is 1969-12-31 23:59:51.999918 UTC.
    CHECK(tai::tai_ns_to_utc_text(0) == "1969-12-31 23:59:51.999918");
    CHECK(tai::tai_ns_to_utc_text(8000082000LL) == "1970-01-01 00:00:00.000000");
    CHECK(tai::tai_ns_to_utc_text(63071999LL * kSec + 9892241970LL) == "1971-12-31 23:59:59.000000");
    // The 0.107758 s jump at the end of 1971 (TAI 1972-01-01 00:00:09.892242 to :10) is no UTC time either.
    CHECK_FALSE(tai::tai_ns_to_utc_text(63072009892242000LL).has_value());
    CHECK(tai::tai_ns_to_utc_text(63072010LL * kSec) == "1972-01-01 00:00:00.000000");
    CHECK(tai::tai_ns_to_utc_text(tai::kMaxNsec) == "2099-12-31 23:59:23.000000");
}

TEST_CASE("tai: microsecond round trips across every leap second", "[tai]") {
    SQLite::Database db(":memory:");
    std::vector<long long> micros;
    for (const auto& step : tai::leap_steps()) {
        for (long long delta : {-86400000000LL, -1000001LL, -1000000LL, -1LL, 0LL, 1LL, 999999LL, 43200123456LL}) {
            micros.push_back(step.posix_seconds * 1000000 + delta);
        }
    }
    std::mt19937_64 random(20240611);
    std::uniform_int_distribution<long long> instant(0, 4102444700LL * 1000000);  // 1970 .. 2099
    for (int i = 0; i < 20000; ++i) micros.push_back(instant(random));
    for (long long us : micros) {
        const std::string text = sqlite_text_of_micros(db, us);
        INFO(text);
        auto ns = tai::utc_text_to_tai_ns(text);
        REQUIRE(ns.has_value());
        CHECK(tai::tai_ns_to_utc_text(*ns) == text);
        if (us >= 63072000LL * 1000000) CHECK(*ns % 1000 == 0);
    }
}

TEST_CASE("tai: the SQLite expressions give what the C++ conversions give", "[tai]") {
    SQLite::Database db(":memory:");
    SQLite::Statement up(db, "SELECT " + tai::sqlite_utc_text_to_tai_ns("?1"));
    SQLite::Statement down(db, "SELECT " + tai::sqlite_tai_ns_to_utc_text("?1"));
    std::mt19937_64 random(7);
    std::uniform_int_distribution<long long> instant(-3LL * 365 * 86400 * kSec, 4200000000LL * kSec);
    std::vector<long long> values{0, 1, 499, 500, 501, 8000082000LL, 63072009892241999LL, 63072009892242000LL,
                                  63072009999999499LL, 63072009999999500LL, tai::kMaxNsec};
    for (const auto& step : tai::leap_steps()) {
        const long long start = (step.posix_seconds + step.tai_minus_utc) * kSec;
        for (long long delta : {-kSec - 501, -kSec - 500, -kSec, -501LL, -500LL, -1LL, 0LL, 1LL, 499LL, 500LL}) {
            values.push_back(start + delta);
        }
    }
    for (int i = 0; i < 20000; ++i) values.push_back(instant(random));
    for (long long ns : values) {
        INFO(ns);
        down.bind(1, static_cast<int64_t>(ns));
        CHECK(sql_value(down) == tai::tai_ns_to_utc_text(ns));
        // Back up from the text, and from the text shortened to other fraction lengths.
        const std::string text = sqlite_text_of_micros(db, ns / 1000 - 37000000);
        for (const std::string& candidate : {text, text.substr(0, 19), text.substr(0, 22), text + "789"}) {
            INFO(candidate);
            up.bind(1, candidate);
            auto expected = tai::utc_text_to_tai_ns(candidate);
            CHECK(sql_value(up) == (expected ? std::optional<std::string>(std::to_string(*expected)) : std::nullopt));
        }
    }
    up.bind(1, "not a date");
    CHECK_FALSE(sql_value(up).has_value());
}

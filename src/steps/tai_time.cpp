// UTC text <-> TAI nanoseconds: the leap-second table, the conversions in C++ and the same ones as SQLite SQL.
#include "butler_migrate/steps/tai_time.hpp"

#include <cctype>

#include <fmt/format.h>

namespace butler_migrate::tai_time {

namespace {

constexpr long long kNsPerSec = 1000000000LL;
constexpr long long kUsPerDay = 86400LL * 1000000LL;

// 1968-1971: TAI - UTC = 4.2131700 s + (MJD - 39126) x 0.002592 s, i.e. 2,592,000 ns more each day, 30 ns more
// each UTC second. In days since 1970-01-01 (MJD 40587): at UTC midnight of day D it is kDriftAtEpochNs + D x
// kDriftPerDayNs, and a TAI day lasts kDriftTaiDayNs.
constexpr long long kDriftAtEpochNs = 4213170000LL + (40587LL - 39126LL) * 2592000LL;  // 8.000082 s
constexpr long long kDriftPerDayNs = 2592000LL;
constexpr long long kDriftTaiDayNs = 86400LL * kNsPerSec + kDriftPerDayNs;
// UTC microseconds in a drift-era day from the SI nanoseconds since its midnight: x 1e5 / (1e8 + 3), rounded.
constexpr long long kDriftUtcScaleNum = 100000LL;
constexpr long long kDriftUtcScaleDen = 100000003LL;
constexpr long long kFirstLeapDay = 730;               // 1972-01-01, days since 1970-01-01
constexpr long long kLeapEraStartPosix = 63072000LL;   // 1972-01-01T00:00:00 UTC

long long floor_div(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = floor_div(y, 400);
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct CivilDate {
    long long year;
    unsigned month;
    unsigned day;
};

CivilDate civil_from_days(long long z) {
    z += 719468;
    const long long era = floor_div(z, 146097);
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<long long>(yoe) + era * 400 + (m <= 2), m, d};
}

long long posix_midnight(const char* date) {
    auto num = [&](int from, int count) {
        long long v = 0;
        for (int i = from; i < from + count; ++i) v = v * 10 + (date[i] - '0');
        return v;
    };
    return days_from_civil(num(0, 4), static_cast<unsigned>(num(5, 2)), static_cast<unsigned>(num(8, 2))) * 86400;
}

bool digits(std::string_view text, size_t from, size_t count) {
    for (size_t i = from; i < from + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
}

long long number(std::string_view text, size_t from, size_t count) {
    long long v = 0;
    for (size_t i = from; i < from + count; ++i) v = v * 10 + (text[i] - '0');
    return v;
}

unsigned days_in_month(long long year, unsigned month) {
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

struct UtcTime {
    long long posix_seconds;
    long long micros;
};

// `YYYY-MM-DD[ T]HH:MM:SS[.f+]`, as datetime.fromisoformat reads it (fraction truncated to microseconds).
std::optional<UtcTime> parse_utc(std::string_view text) {
    if (text.size() < 19 || !digits(text, 0, 4) || text[4] != '-' || !digits(text, 5, 2) || text[7] != '-' ||
        !digits(text, 8, 2) || (text[10] != ' ' && text[10] != 'T') || !digits(text, 11, 2) || text[13] != ':' ||
        !digits(text, 14, 2) || text[16] != ':' || !digits(text, 17, 2)) {
        return std::nullopt;
    }
    if (text.size() > 19 && (text[19] != '.' || text.size() == 20 || !digits(text, 20, text.size() - 20))) {
        return std::nullopt;
    }
    long long year = number(text, 0, 4), hour = number(text, 11, 2), minute = number(text, 14, 2);
    long long second = number(text, 17, 2);
    auto month = static_cast<unsigned>(number(text, 5, 2)), day = static_cast<unsigned>(number(text, 8, 2));
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
        second > 59) {
        return std::nullopt;
    }
    long long micros = 0;
    for (size_t i = 0; i < 6; ++i) micros = micros * 10 + (20 + i < text.size() ? text[20 + i] - '0' : 0);
    long long seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    return UtcTime{seconds, micros};
}

long long clamp_ns(__int128 ns) {
    if (ns < kMinNsec) return kMinNsec;
    if (ns > kMaxNsec) return kMaxNsec;
    return static_cast<long long>(ns);
}

std::string format_utc_micros(long long utc_micros) {
    long long days = floor_div(utc_micros, kUsPerDay);
    long long in_day = utc_micros - days * kUsPerDay;
    CivilDate date = civil_from_days(days);
    long long seconds = in_day / 1000000;
    return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}.{:06d}", date.year, date.month, date.day,
                       seconds / 3600, seconds / 60 % 60, seconds % 60, in_day % 1000000);
}

}  // namespace

const std::vector<LeapStep>& leap_steps() {
    static const std::vector<LeapStep> steps = [] {
        // IERS: TAI - UTC became 10 s on 1972-01-01, then one more second from each of these dates on.
        const char* const dates[] = {
            "1972-01-01", "1972-07-01", "1973-01-01", "1974-01-01", "1975-01-01", "1976-01-01", "1977-01-01",
            "1978-01-01", "1979-01-01", "1980-01-01", "1981-07-01", "1982-07-01", "1983-07-01", "1985-07-01",
            "1988-01-01", "1990-01-01", "1991-01-01", "1992-07-01", "1993-07-01", "1994-07-01", "1996-01-01",
            "1997-07-01", "1999-01-01", "2006-01-01", "2009-01-01", "2012-07-01", "2015-07-01", "2017-01-01",
        };
        std::vector<LeapStep> out;
        int offset = 10;
        for (const char* date : dates) out.push_back({date, posix_midnight(date), offset++});
        return std::vector<LeapStep>(out.rbegin(), out.rend());
    }();
    return steps;
}

std::optional<long long> utc_text_to_tai_ns(std::string_view text) {
    auto utc = parse_utc(text);
    if (!utc) return std::nullopt;
    const __int128 base = static_cast<__int128>(utc->posix_seconds) * kNsPerSec + utc->micros * 1000;
    if (utc->posix_seconds >= kLeapEraStartPosix) {
        for (const auto& step : leap_steps()) {
            if (utc->posix_seconds >= step.posix_seconds) return clamp_ns(base + step.tai_minus_utc * kNsPerSec);
        }
    }
    const long long day = floor_div(utc->posix_seconds, 86400);
    const long long micros_in_day = (utc->posix_seconds - day * 86400) * 1000000 + utc->micros;
    // 30 ns per UTC second = 3 ns per 100,000 microseconds, rounded to the nanosecond.
    const long long drift_in_day = (micros_in_day * 3 + 50000) / 100000;
    return clamp_ns(base + kDriftAtEpochNs + static_cast<__int128>(day) * kDriftPerDayNs + drift_in_day);
}

std::optional<std::string> tai_ns_to_utc_text(long long nsec) {
    const long long leap_era_start = (kLeapEraStartPosix + 10) * kNsPerSec - 500;
    if (nsec >= leap_era_start) {
        const long long micros = (static_cast<__int128>(nsec) + 500) / 1000;
        const long long seconds = micros / 1000000;
        for (const auto& step : leap_steps()) {
            const long long tai_start = step.posix_seconds + step.tai_minus_utc;
            if (seconds >= tai_start) return format_utc_micros(micros - step.tai_minus_utc * 1000000LL);
            if (seconds >= tai_start - 1 && step.tai_minus_utc > 10) return std::nullopt;  // 23:59:60
        }
    }
    const long long since_epoch_midnight = nsec - kDriftAtEpochNs;
    const long long day = floor_div(since_epoch_midnight, kDriftTaiDayNs);
    if (day >= kFirstLeapDay) return std::nullopt;  // within the 0.107758 s jump at the end of 1971
    const long long si_in_day = since_epoch_midnight - day * kDriftTaiDayNs;
    const long long utc_micros_in_day = (si_in_day * kDriftUtcScaleNum + kDriftUtcScaleDen / 2) / kDriftUtcScaleDen;
    return format_utc_micros(day * kUsPerDay + utc_micros_in_day);
}

namespace {

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
    return text;
}

// TAI - UTC in seconds for a UTC text `{v}` of 1972 or later: a CASE over the dates, newest first.
std::string sqlite_offset_of_utc_text() {
    std::string sql = "CASE";
    const auto& steps = leap_steps();
    for (size_t i = 0; i + 1 < steps.size(); ++i) {
        sql += fmt::format(" WHEN {{v}} >= '{}' THEN {}", steps[i].date, steps[i].tai_minus_utc);
    }
    return sql + fmt::format(" ELSE {} END", steps.back().tai_minus_utc);
}

// TAI - UTC in seconds for TAI nanoseconds `{t}` of 1972 or later, after rounding to microseconds; NULL within a
// leap second.
std::string sqlite_offset_of_tai_ns() {
    std::string sql = "CASE";
    const auto& steps = leap_steps();
    for (size_t i = 0; i + 1 < steps.size(); ++i) {
        const long long tai_start = steps[i].posix_seconds + steps[i].tai_minus_utc;
        sql += fmt::format(" WHEN {{t}} >= {} THEN {}", tai_start * kNsPerSec - 500, steps[i].tai_minus_utc);
        sql += fmt::format(" WHEN {{t}} >= {} THEN NULL", (tai_start - 1) * kNsPerSec - 500);
    }
    return sql + fmt::format(" ELSE {} END", steps.back().tai_minus_utc);
}

// `{u}` UTC microseconds since the POSIX epoch as `YYYY-MM-DD HH:MM:SS.ffffff` (any sign).
std::string sqlite_format_utc_micros(std::string_view micros) {
    const std::string fraction = replace_all("((({u}) % 1000000) + 1000000) % 1000000", "{u}", micros);
    return replace_all(fmt::format("strftime('%Y-%m-%d %H:%M:%S', (({{u}}) - {0}) / 1000000, 'unixepoch') || "
                                   "printf('.%06d', {0})",
                                   fraction),
                       "{u}", micros);
}

}  // namespace

std::string sqlite_utc_text_to_tai_ns(std::string_view column) {
    const std::string seconds = "CAST(strftime('%s', substr({v}, 1, 19)) AS INTEGER)";
    const std::string micros = "CAST(substr(substr({v}, 21) || '000000', 1, 6) AS INTEGER)";
    const std::string leap_era = fmt::format("({} + {}) * {} + {} * 1000", seconds, sqlite_offset_of_utc_text(),
                                             kNsPerSec, micros);
    const std::string second_of_day = fmt::format("((({0} % 86400) + 86400) % 86400)", seconds);
    const std::string drift_era = fmt::format(
        "{0} * {1} + {2} * 1000 + {3} + (({0} - {4}) / 86400) * {5} + (({4} * 1000000 + {2}) * 3 + 50000) / 100000",
        seconds, kNsPerSec, micros, kDriftAtEpochNs, second_of_day, kDriftPerDayNs);
    const std::string sql = fmt::format("max({}, min({}, CASE WHEN {{v}} >= '{}' THEN {} ELSE {} END))", kMinNsec,
                                        kMaxNsec, leap_steps().back().date, leap_era, drift_era);
    return replace_all(sql, "{v}", column);
}

std::string sqlite_tai_ns_to_utc_text(std::string_view column) {
    const long long leap_era_start = (kLeapEraStartPosix + 10) * kNsPerSec - 500;
    const std::string leap_era = fmt::format(
        "strftime('%Y-%m-%d %H:%M:%S', ({{t}} + 500) / {} - ({}), 'unixepoch') || "
        "printf('.%06d', (({{t}} + 500) / 1000) % 1000000)",
        kNsPerSec, sqlite_offset_of_tai_ns());
    const std::string since_midnight = fmt::format("({{t}} - {})", kDriftAtEpochNs);
    const std::string si_in_day = fmt::format("((({0} % {1}) + {1}) % {1})", since_midnight, kDriftTaiDayNs);
    const std::string day_start = fmt::format("({} - {})", since_midnight, si_in_day);
    const std::string utc_micros = fmt::format("{} / {} * {} + ({} * {} + {}) / {}", day_start, kDriftTaiDayNs,
                                               kUsPerDay, si_in_day, kDriftUtcScaleNum, kDriftUtcScaleDen / 2,
                                               kDriftUtcScaleDen);
    const std::string drift_era = fmt::format("CASE WHEN {} >= {} THEN NULL ELSE {} END", day_start,
                                              kFirstLeapDay * kDriftTaiDayNs, sqlite_format_utc_micros(utc_micros));
    const std::string sql = fmt::format("CASE WHEN {{t}} >= {} THEN {} ELSE {} END", leap_era_start, leap_era,
                                        drift_era);
    return replace_all(sql, "{t}", column);
}

}  // namespace butler_migrate::tai_time

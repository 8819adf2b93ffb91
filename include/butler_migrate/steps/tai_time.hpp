// UTC timestamps <-> TAI nanoseconds since 1970-01-01 TAI, exactly as daf_butler stores ingest_date (2.0.0).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace butler_migrate::tai_time {

// TAI - UTC in whole seconds from the start (00:00 UTC) of `date` on, since 1972-01-01 (IERS).
struct LeapStep {
    const char* date;         // "YYYY-MM-DD"
    long long posix_seconds;  // UTC midnight of `date` as POSIX seconds
    int tai_minus_utc;        // seconds
};
// Newest first.
const std::vector<LeapStep>& leap_steps();

// The clamping range of daf_butler: 1970-01-01 00:00:00 TAI .. 2100-01-01 00:00:00 TAI.
inline constexpr long long kMinNsec = 0;
inline constexpr long long kMaxNsec = 4102444800LL * 1000000000LL;

// `YYYY-MM-DD HH:MM:SS[.f...]` (or with 'T') read as UTC -> TAI nanoseconds, microsecond precision (digits past
// the sixth are ignored), clamped to [kMinNsec, kMaxNsec]. Before 1972 UTC runs at the rate of 1968-1971 (TAI - UTC
// = 4.2131700 s + (MJD - 39126) x 0.002592 s). nullopt when `text` is not such a timestamp.
std::optional<long long> utc_text_to_tai_ns(std::string_view text);

// TAI nanoseconds -> `YYYY-MM-DD HH:MM:SS.ffffff` UTC, rounded to the nearest microsecond (halves up).
// nullopt when the instant falls within a leap second (a UTC time no datetime can hold).
std::optional<std::string> tai_ns_to_utc_text(long long nsec);

// The same two conversions as SQLite expressions over `column` (evaluated once per row, no functions of ours):
// NULL where the C++ functions give nullopt.
std::string sqlite_utc_text_to_tai_ns(std::string_view column);
std::string sqlite_tai_ns_to_utc_text(std::string_view column);

}  // namespace butler_migrate::tai_time

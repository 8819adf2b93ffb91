// TAI instants for tests, computed with the C library, independent of the code under test.
#pragma once

#include <ctime>

namespace test_support {

constexpr long long kSecondNs = 1000000000LL;

// TAI nanoseconds since 1970-01-01 TAI of a TAI calendar time: TAI has no leap seconds, so timegm's POSIX
// arithmetic is exact for it.
inline long long tai_ns(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    return static_cast<long long>(timegm(&tm)) * kSecondNs;
}

}  // namespace test_support

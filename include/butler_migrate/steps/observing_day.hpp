// Observing-day (day_obs) offsets of the instruments LSST's metadata translators know, and day_obs timespans.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "butler_migrate/core/migration_options.hpp"

namespace butler_migrate {

// A day_obs timespan [begin, end) in TAI nanoseconds since 1970-01-01T00:00:00 TAI, as daf_butler stores it.
struct DayObsTimespan {
    long long begin_nsec = 0;
    long long end_nsec = 0;
    bool operator==(const DayObsTimespan& other) const {
        return begin_nsec == other.begin_nsec && end_nsec == other.end_nsec;
    }
    bool operator!=(const DayObsTimespan& other) const { return !(*this == other); }
};

// One instrument of the built-in table: what its Python Instrument class's metadata translator answers to
// observing_date_to_offset() (see docs/observing-day-offsets.md for the sources).
struct KnownInstrument {
    std::string_view name;        // instrument.name in the registry
    std::string_view class_name;  // instrument.class_name in the registry
    std::string_view translator;  // the metadata translator class
    long long offset_seconds;     // the offset (on site, for instruments that also have lab data)
    // YYYYMM: day_obs of earlier months were taken in the lab and use the US/Pacific offset (7 or 8 hours,
    // see us_pacific_lab_offset); 0 when the offset never depends on the date.
    int on_site_from_month;
    std::string_view source;  // package and file defining the offset
};

// The built-in table, in the order of docs/observing-day-offsets.md.
const std::vector<KnownInstrument>& known_instruments();

// The offset in seconds of a known instrument for `day_obs` (YYYYMMDD). The instrument is looked up by its
// class name first (module components starting with '_' ignored), as upstream imports that class, then by its
// name. nullopt when neither is known. Throws MigrationError when the offset depends on the date and `day_obs`
// is not a valid date (see day_obs_timespan).
std::optional<long long> builtin_day_obs_offset(std::string_view instrument_name, std::string_view class_name,
                                                long long day_obs);

// The offset obs_lsst uses for data taken in the lab: the negated US/Pacific UTC offset (25200 s under daylight
// saving time, else 28800 s) at the UTC instant of `day_obs` 00:00:00 TAI. Throws as day_obs_timespan does.
long long us_pacific_lab_offset(long long day_obs);

// daf_butler's Timespan.from_day_obs(day_obs, offset): begin = `day_obs` (YYYYMMDD) 00:00:00 TAI plus
// `offset_seconds`, end = begin + 1 day, each clamped to [1970-01-01, 2100-01-01] TAI. Throws MigrationError
// (daf_butler's messages) when `day_obs` is out of range or not a date, or when both bounds fall outside.
DayObsTimespan day_obs_timespan(long long day_obs, long long offset_seconds);

// The offset in seconds to use for `instrument_name` on `day_obs`: option `day_obs_offset.<instrument_name>`
// (an integer; MigrationError naming the option otherwise), else the built-in table, else MigrationError
// telling the user which option to give.
long long day_obs_offset(std::string_view instrument_name, std::string_view class_name, long long day_obs,
                         const MigrationOptions& options);

// What a translator's observing_date_to_offset(begin) answers for an observation beginning at `tai_nsec` (TAI
// nanoseconds since 1970-01-01 TAI), as upstream's update-day-obs asks it: the built-in table, with the lab rule
// evaluated at that instant (the YYYYMM of its TAI date against the ship month; US/Pacific at its UTC instant).
// nullopt for an instrument the table does not know.
std::optional<long long> builtin_day_obs_offset_at(std::string_view instrument_name, std::string_view class_name,
                                                   long long tai_nsec);

// obs_lsst's lab offset at an instant: the negated US/Pacific UTC offset at the UTC instant of `tai_nsec`
// (25200 s under daylight saving time, which starts at 10:00 UTC and ends at 09:00 UTC, else 28800 s).
long long us_pacific_lab_offset_at(long long tai_nsec);

// The offset applies to observations beginning at `begin_nsec` or later, up to the next period's begin.
struct DayObsOffsetPeriod {
    long long begin_nsec = 0;
    long long offset_seconds = 0;
    bool operator==(const DayObsOffsetPeriod& other) const {
        return begin_nsec == other.begin_nsec && offset_seconds == other.offset_seconds;
    }
};

// The offsets of `instrument_name` for observations beginning in [first_nsec, last_nsec], as periods in time
// order, the first beginning at `first_nsec`, each with an offset different from the one before: one period for
// an offset given with `--options day_obs_offset.<instrument_name>` (which wins) and for instruments whose offset
// never changes; for the lab rule, a new period at each change of builtin_day_obs_offset_at. Throws MigrationError
// as day_obs_offset does when no offset is known or the option is not an integer.
std::vector<DayObsOffsetPeriod> day_obs_offset_periods(std::string_view instrument_name,
                                                       std::string_view class_name, long long first_nsec,
                                                       long long last_nsec, const MigrationOptions& options);

}  // namespace butler_migrate

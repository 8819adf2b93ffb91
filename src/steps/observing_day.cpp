// Observing-day offsets: the built-in instrument table, the US/Pacific lab rule, --options overrides, timespans.
#include "butler_migrate/steps/observing_day.hpp"

#include <algorithm>
#include <charconv>
#include <string>

#include <fmt/format.h>

#include "butler_migrate/steps/tai_time.hpp"
#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {

namespace {

constexpr long long kSecondsPerDay = 86400;
constexpr long long kNsPerSec = 1000000000LL;
// daf_butler's TimeConverter range: 1970-01-01 00:00:00 TAI .. 2100-01-01 00:00:00 TAI.
constexpr long long kMinNsec = 0;
constexpr long long kMaxNsec = 4102444800LL * kNsPerSec;
constexpr long long kHour = 3600;

// Sources read (see docs/observing-day-offsets.md for the commits):
//   AMT  = lsst/astro_metadata_translator python/astro_metadata_translator/translators/
//   LSST = lsst/obs_lsst python/lsst/obs/lsst/translators/
// The instrument classes are in each obs package's python/lsst/obs/<pkg>/_instrument.py (translatorClass).
const std::vector<KnownInstrument> kKnownInstruments = {
    // obs_subaru HyperSuprimeCam -> HscTranslator < SuprimeCamTranslator < SubaruTranslator: 0 s.
    {"HSC", "lsst.obs.subaru.HyperSuprimeCam", "HscTranslator", 0, 0,
     "astro_metadata_translator translators/subaru.py (SubaruTranslator._observing_day_offset)"},
    // obs_decam DarkEnergyCamera -> DecamTranslator: 12 h.
    {"DECam", "lsst.obs.decam.DarkEnergyCamera", "DecamTranslator", 12 * kHour, 0,
     "astro_metadata_translator translators/decam.py (DecamTranslator._observing_day_offset)"},
    // obs_cfht MegaPrime -> MegaPrimeTranslator: 0 s.
    {"MegaPrime", "lsst.obs.cfht.MegaPrime", "MegaPrimeTranslator", 0, 0,
     "astro_metadata_translator translators/megaprime.py (MegaPrimeTranslator._observing_day_offset)"},
    // LSST lsstCam.py: 12 h (LsstBaseTranslator._ROLLOVER_TIME) from _CAMERA_SHIP_DATE 202405, lab before.
    {"LSSTCam", "lsst.obs.lsst.LsstCam", "LsstCamTranslator", 12 * kHour, 202405,
     "obs_lsst translators/lsstCam.py (LsstCamTranslator.observing_date_to_offset, _CAMERA_SHIP_DATE)"},
    // LSST comCam.py: inherits LsstCamTranslator's rule with _CAMERA_SHIP_DATE 202003.
    {"LSSTComCam", "lsst.obs.lsst.LsstComCam", "LsstComCamTranslator", 12 * kHour, 202003,
     "obs_lsst translators/comCam.py (_CAMERA_SHIP_DATE) + lsstCam.py (observing_date_to_offset)"},
    // LSST comCamSim.py: always _ROLLOVER_TIME, 12 h.
    {"LSSTComCamSim", "lsst.obs.lsst.LsstComCamSim", "LsstComCamSimTranslator", 12 * kHour, 0,
     "obs_lsst translators/comCamSim.py (observing_date_to_offset) + lsst.py (_ROLLOVER_TIME)"},
    // LSST lsstCamSim.py: always _ROLLOVER_TIME, 12 h.
    {"LSSTCamSim", "lsst.obs.lsst.LsstCamSim", "LsstCamSimTranslator", 12 * kHour, 0,
     "obs_lsst translators/lsstCamSim.py (observing_date_to_offset) + lsst.py (_ROLLOVER_TIME)"},
    // LSST imsim.py: _ROLLOVER_TIME 0 s.
    {"LSSTCam-imSim", "lsst.obs.lsst.LsstCamImSim", "LsstCamImSimTranslator", 0, 0,
     "obs_lsst translators/imsim.py (LsstCamImSimTranslator._ROLLOVER_TIME)"},
    // LSST phosim.py: _ROLLOVER_TIME 0 s.
    {"LSSTCam-PhoSim", "lsst.obs.lsst.LsstCamPhoSim", "LsstCamPhoSimTranslator", 0, 0,
     "obs_lsst translators/phosim.py (LsstCamPhoSimTranslator._ROLLOVER_TIME)"},
    // LSST ts8.py: _ROLLOVER_TIME 8 h.
    {"LSST-TS8", "lsst.obs.lsst.LsstTS8", "LsstTS8Translator", 8 * kHour, 0,
     "obs_lsst translators/ts8.py (LsstTS8Translator._ROLLOVER_TIME)"},
    // LSST lsst_ucdcam.py: _ROLLOVER_TIME 0 s.
    {"LSST-UCDCam", "lsst.obs.lsst.LsstUCDCam", "LsstUCDCamTranslator", 0, 0,
     "obs_lsst translators/lsst_ucdcam.py (LsstUCDCamTranslator._ROLLOVER_TIME)"},
    // LSST ts3.py: _ROLLOVER_TIME 8 h.
    {"LSST-TS3", "lsst.obs.lsst.LsstTS3", "LsstTS3Translator", 8 * kHour, 0,
     "obs_lsst translators/ts3.py (LsstTS3Translator._ROLLOVER_TIME)"},
    // LSST latiss.py has no override: LsstBaseTranslator, 12 h.
    {"LATISS", "lsst.obs.lsst.Latiss", "LatissTranslator", 12 * kHour, 0,
     "obs_lsst translators/lsst.py (LsstBaseTranslator._ROLLOVER_TIME)"},
    // obs_rubinGenericCamera translator.py: StarTracker*Translator < LsstBaseTranslator, 12 h.
    {"StarTrackerNarrow", "lsst.obs.rubinGenericCamera.StarTrackerNarrow", "StarTrackerNarrowTranslator",
     12 * kHour, 0, "obs_lsst translators/lsst.py (LsstBaseTranslator._ROLLOVER_TIME)"},
    {"StarTrackerWide", "lsst.obs.rubinGenericCamera.StarTrackerWide", "StarTrackerWideTranslator", 12 * kHour,
     0, "obs_lsst translators/lsst.py (LsstBaseTranslator._ROLLOVER_TIME)"},
    {"StarTrackerFast", "lsst.obs.rubinGenericCamera.StarTrackerFast", "StarTrackerFastTranslator", 12 * kHour,
     0, "obs_lsst translators/lsst.py (LsstBaseTranslator._ROLLOVER_TIME)"},
    // obs_fiberspectrograph translator.py: FiberSpectrographTranslator < LsstBaseTranslator, 12 h.
    {"FiberSpec", "lsst.obs.fiberspectrograph.FiberSpectrograph", "FiberSpectrographTranslator", 12 * kHour, 0,
     "obs_lsst translators/lsst.py (LsstBaseTranslator._ROLLOVER_TIME)"},
};

struct Date {
    long long year;
    unsigned month;
    unsigned day;
};

bool is_leap(long long year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(long long year, unsigned month) {
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// Days since 1970-01-01 of a Gregorian date (all dates here are from 1969 on).
long long days_since_epoch(const Date& date) {
    long long days = 0;
    for (long long y = 1970; y < date.year; ++y) days += is_leap(y) ? 366 : 365;
    for (long long y = date.year; y < 1970; ++y) days -= is_leap(y) ? 366 : 365;
    for (unsigned m = 1; m < date.month; ++m) days += days_in_month(date.year, m);
    return days + date.day - 1;
}

// 0 = Sunday; 1970-01-01 was a Thursday.
long long weekday(long long days) { return ((days + 4) % 7 + 7) % 7; }

// The first Sunday on or after `day` of the month, and the last Sunday of the month, as days since 1970.
long long sunday_on_or_after(long long year, unsigned month, unsigned day) {
    long long days = days_since_epoch({year, month, day});
    return days + (7 - weekday(days)) % 7;
}
long long last_sunday(long long year, unsigned month) {
    long long days = days_since_epoch({year, month, days_in_month(year, month)});
    return days - weekday(days);
}

// The local days (days since 1970) on which US daylight saving time starts and ends in `year`, under the US rules
// of the tz database for 1967 on (America/Los_Angeles); transitions happen at 02:00 local time.
struct DstDays {
    long long start;
    long long end;
};
DstDays us_dst_days(long long year) {
    long long start = 0, end = last_sunday(year, 10);
    if (year <= 1973 || (year >= 1976 && year <= 1986)) start = last_sunday(year, 4);
    else if (year == 1974) start = days_since_epoch({1974, 1, 6});
    else if (year == 1975) start = last_sunday(1975, 2);
    else if (year <= 2006) start = sunday_on_or_after(year, 4, 1);
    else {
        start = sunday_on_or_after(year, 3, 8);
        end = sunday_on_or_after(year, 11, 1);
    }
    return {start, end};
}

// Whether US daylight saving time is in effect on the afternoon of `local_day` (days since 1970).
bool us_dst_afternoon(long long local_day, long long year) {
    const DstDays dst = us_dst_days(year);
    return dst.start <= local_day && local_day < dst.end;
}

long long floor_div(long long value, long long divisor) {
    const long long quotient = value / divisor;
    return quotient - (value % divisor < 0 ? 1 : 0);
}

// The Gregorian date `days` days after 1970-01-01 (the inverse of days_since_epoch).
Date civil_date(long long days) {
    const long long shifted = days + 719468;  // days since 0000-03-01
    const long long era = floor_div(shifted, 146097);
    const long long day_of_era = shifted - era * 146097;
    const long long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const long long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const long long month_index = (5 * day_of_year + 2) / 153;  // 0 = March
    const unsigned day = static_cast<unsigned>(day_of_year - (153 * month_index + 2) / 5 + 1);
    const unsigned month = static_cast<unsigned>(month_index < 10 ? month_index + 3 : month_index - 9);
    return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// The TAI calendar date of an instant given in TAI nanoseconds since 1970-01-01 TAI.
Date tai_date(long long tai_nsec) { return civil_date(floor_div(tai_nsec, kSecondsPerDay * kNsPerSec)); }

// TAI nanoseconds of `hour`:00:00 UTC on `day` (days since 1970).
long long utc_hour_to_tai_ns(long long day, int hour) {
    const Date date = civil_date(day);
    const std::string text = fmt::format("{:04}-{:02}-{:02} {:02}:00:00", date.year, date.month, date.day, hour);
    const std::optional<long long> nsec = tai_time::utc_text_to_tai_ns(text);
    if (!nsec) throw MigrationError(fmt::format("cannot convert {} UTC to TAI", text));
    return *nsec;
}

// US/Pacific daylight saving time as TAI instants [begin, end): from 02:00 PST (10:00 UTC) on the start day to
// 02:00 PDT (09:00 UTC) on the end day.
struct DstInstants {
    long long begin_nsec;
    long long end_nsec;
};
DstInstants us_pacific_dst_instants(long long year) {
    const DstDays dst = us_dst_days(year);
    return {utc_hour_to_tai_ns(dst.start, 10), utc_hour_to_tai_ns(dst.end, 9)};
}

// The date of a day_obs, validated as Timespan.from_day_obs (and astropy's date parsing) do.
Date parse_day_obs(long long day_obs) {
    if (day_obs < 19700000 || day_obs > 100000000) {
        throw MigrationError(
            fmt::format("day_obs must be in form yyyyMMDD and be newer than 1970, not {}.", day_obs));
    }
    Date date{day_obs / 10000, static_cast<unsigned>(day_obs / 100 % 100), static_cast<unsigned>(day_obs % 100)};
    if (date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1 ||
        date.day > days_in_month(date.year, date.month)) {
        throw MigrationError(fmt::format("day_obs {} is not a valid date of the form yyyyMMDD.", day_obs));
    }
    return date;
}

// "lsst.obs.lsst._instrument.LsstCam" -> "lsst.obs.lsst.LsstCam", as lsst.utils names classes.
std::string public_class_name(std::string_view class_name) {
    std::string out;
    size_t start = 0;
    while (start <= class_name.size()) {
        size_t dot = class_name.find('.', start);
        bool last = dot == std::string_view::npos;
        std::string_view part = class_name.substr(start, last ? std::string_view::npos : dot - start);
        if (last || part.empty() || part.front() != '_') {
            if (!out.empty()) out += '.';
            out += part;
        }
        if (last) break;
        start = dot + 1;
    }
    return out;
}

const KnownInstrument* find_known(std::string_view instrument_name, std::string_view class_name) {
    const std::string wanted_class = public_class_name(class_name);
    for (const auto& known : kKnownInstruments) {
        if (!wanted_class.empty() && known.class_name == wanted_class) return &known;
    }
    for (const auto& known : kKnownInstruments) {
        if (known.name == instrument_name) return &known;
    }
    return nullptr;
}

std::optional<long long> parse_integer(std::string_view text) {
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && text.front() == '-') return std::nullopt;
    }
    long long value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

// The offset given with --options day_obs_offset.<instrument>, if any; MigrationError naming the option when it is
// not an integer.
std::optional<long long> offset_option(std::string_view instrument_name, const MigrationOptions& options) {
    const auto given = options.with_prefix("day_obs_offset.");
    auto it = given.find(std::string(instrument_name));
    if (it == given.end()) return std::nullopt;
    if (auto seconds = parse_integer(it->second)) return *seconds;
    throw MigrationError(fmt::format("Option day_obs_offset.{} must be an integer number of seconds, not '{}'",
                                     instrument_name, it->second));
}

MigrationError no_offset_known(std::string_view instrument_name, std::string_view class_name) {
    return MigrationError(fmt::format(
        "No observing-day offset known for instrument {} (class {}); give it with --options day_obs_offset.{}=<seconds>",
        instrument_name, class_name, instrument_name));
}

long long clamp_nsec(__int128 nsec) {
    if (nsec < kMinNsec) return kMinNsec;
    if (nsec > kMaxNsec) return kMaxNsec;
    return static_cast<long long>(nsec);
}

}  // namespace

const std::vector<KnownInstrument>& known_instruments() { return kKnownInstruments; }

long long us_pacific_lab_offset(long long day_obs) {
    // day_obs 00:00:00 TAI is 23:59:2x UTC of the day before (TAI - UTC is 8 to 37 s since 1970): that day's
    // afternoon in California, hours after any 02:00 transition of that day.
    const Date date = parse_day_obs(day_obs);
    const long long local_day = days_since_epoch(date) - 1;
    const long long local_year = date.month == 1 && date.day == 1 ? date.year - 1 : date.year;
    return us_dst_afternoon(local_day, local_year) ? 7 * kHour : 8 * kHour;
}

std::optional<long long> builtin_day_obs_offset(std::string_view instrument_name, std::string_view class_name,
                                                long long day_obs) {
    const KnownInstrument* known = find_known(instrument_name, class_name);
    if (known == nullptr) return std::nullopt;
    if (known->on_site_from_month == 0) return known->offset_seconds;
    // obs_lsst compares the YYYYMM of day_obs 00:00 TAI, i.e. of day_obs itself, with the ship date.
    const Date date = parse_day_obs(day_obs);
    if (date.year * 100 + date.month < known->on_site_from_month) return us_pacific_lab_offset(day_obs);
    return known->offset_seconds;
}

DayObsTimespan day_obs_timespan(long long day_obs, long long offset_seconds) {
    const Date date = parse_day_obs(day_obs);
    const __int128 begin =
        (static_cast<__int128>(days_since_epoch(date)) * kSecondsPerDay + offset_seconds) * kNsPerSec;
    const __int128 end = begin + static_cast<__int128>(kSecondsPerDay) * kNsPerSec;
    DayObsTimespan span{clamp_nsec(begin), clamp_nsec(end)};
    if (span.begin_nsec == span.end_nsec) {  // both bounds clamped to the same limit
        if (begin < kMinNsec) {
            throw MigrationError("Timespan.begin may not be earlier than 1970-01-01 00:00:00.000000.");
        }
        throw MigrationError("Timespan.end may not be later than 2100-01-01 00:00:00.000.");
    }
    return span;
}

long long day_obs_offset(std::string_view instrument_name, std::string_view class_name, long long day_obs,
                         const MigrationOptions& options) {
    if (auto given = offset_option(instrument_name, options)) return *given;
    if (auto builtin = builtin_day_obs_offset(instrument_name, class_name, day_obs)) return *builtin;
    throw no_offset_known(instrument_name, class_name);
}

long long us_pacific_lab_offset_at(long long tai_nsec) {
    const DstInstants dst = us_pacific_dst_instants(tai_date(tai_nsec).year);
    return dst.begin_nsec <= tai_nsec && tai_nsec < dst.end_nsec ? 7 * kHour : 8 * kHour;
}

std::optional<long long> builtin_day_obs_offset_at(std::string_view instrument_name, std::string_view class_name,
                                                   long long tai_nsec) {
    const KnownInstrument* known = find_known(instrument_name, class_name);
    if (known == nullptr) return std::nullopt;
    if (known->on_site_from_month == 0) return known->offset_seconds;
    // obs_lsst compares the YYYYMM of the observation time, a TAI time, with the ship date.
    const Date date = tai_date(tai_nsec);
    if (date.year * 100 + date.month < known->on_site_from_month) return us_pacific_lab_offset_at(tai_nsec);
    return known->offset_seconds;
}

std::vector<DayObsOffsetPeriod> day_obs_offset_periods(std::string_view instrument_name,
                                                       std::string_view class_name, long long first_nsec,
                                                       long long last_nsec, const MigrationOptions& options) {
    if (auto given = offset_option(instrument_name, options)) return {{first_nsec, *given}};
    const KnownInstrument* known = find_known(instrument_name, class_name);
    if (known == nullptr) throw no_offset_known(instrument_name, class_name);
    // Where the offset can change: the start of the ship month and the DST switches of the years in between.
    std::vector<long long> changes;
    if (known->on_site_from_month != 0) {
        const Date ship{known->on_site_from_month / 100, static_cast<unsigned>(known->on_site_from_month % 100), 1};
        changes.push_back(days_since_epoch(ship) * kSecondsPerDay * kNsPerSec);
        for (long long year = tai_date(first_nsec).year; year <= tai_date(last_nsec).year && year <= ship.year; ++year) {
            const DstInstants dst = us_pacific_dst_instants(year);
            changes.insert(changes.end(), {dst.begin_nsec, dst.end_nsec});
        }
    }
    std::sort(changes.begin(), changes.end());
    std::vector<DayObsOffsetPeriod> periods{{first_nsec, *builtin_day_obs_offset_at(instrument_name, class_name, first_nsec)}};
    for (long long change : changes) {
        if (change <= first_nsec || change > last_nsec) continue;
        const long long offset = *builtin_day_obs_offset_at(instrument_name, class_name, change);
        if (offset != periods.back().offset_seconds) periods.push_back({change, offset});
    }
    return periods;
}

}  // namespace butler_migrate

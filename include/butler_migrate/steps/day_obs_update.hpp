// update-day-obs: recompute the day_obs of one instrument's exposures from their begin times, and of its visits.
#pragma once

#include <functional>
#include <string>

#include "butler_migrate/core/migration_options.hpp"
#include "butler_migrate/db/database.hpp"

namespace butler_migrate {

// What an update of one instrument's day_obs values changes, or would change.
struct DayObsUpdateCounts {
    long long exposures = 0;                // exposures of the instrument
    long long exposures_without_begin = 0;  // of those, with no begin time: left as they are
    long long exposures_changed = 0;        // exposures whose day_obs changes
    long long visits_changed = 0;           // visits whose day_obs changes
    long long day_obs_added = 0;            // day_obs rows added first (universe 6 on)
    long long chunks = 0;                   // transactions that changed exposures and visits (0 in a dry run)
};

struct DayObsUpdateSettings {
    MigrationOptions options;      // day_obs_offset.<INSTRUMENT>=<seconds> overrides the built-in table
    long long chunk_size = 10000;  // distinct exposure and visit ids per committed transaction
    // Called once, after planning, before the first write, and only if something is to change (the backup).
    std::function<void()> before_first_write;
    // Called after each committed chunk with the number of chunks committed so far; tests throw from it to
    // interrupt a run.
    std::function<void(long long chunks_committed)> after_chunk;
};

// The new day_obs of an exposure with a begin time is the TAI date of (begin - offset), the offset being the
// instrument's at that begin time (day_obs_offset_periods); exposures without one keep theirs. A visit gets the
// earliest day_obs of the exposures that define it (visit_definition), as obs_base defines visits; visits without
// exposures keep theirs. From universe 6 on, day_obs rows missing for the new values are inserted first, with the
// timespan 1fae088c80b6 gives them (day_obs_timespan with the offset for that day_obs).
//
// count_day_obs_update only reads (it works on a read-only connection) and returns what update_day_obs would
// change. update_day_obs works outside any transaction of the caller: it plans into temporary tables of the
// connection, inserts the missing day_obs rows in one transaction, then updates exposures and visits in chunks of
// settings.chunk_size ids (an exposure and a visit with the same id, as one-to-one visits have, count once and go
// together), one transaction each, in id order, reporting progress. An interrupted run
// leaves every row old or new, and running again finishes the job. Both throw MigrationError for an unknown
// instrument or an unknown offset, and DatabaseError when a statement fails.
DayObsUpdateCounts count_day_obs_update(Database& db, const std::string& instrument, const MigrationOptions& options);
DayObsUpdateCounts update_day_obs(Database& db, const std::string& instrument, const DayObsUpdateSettings& settings);

}  // namespace butler_migrate

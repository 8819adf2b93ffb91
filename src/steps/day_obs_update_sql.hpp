// The statements of update-day-obs: the new day_obs of exposures computed in SQL, visits, chunked updates.
#pragma once

#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/steps/observing_day.hpp"

namespace butler_migrate::day_obs_sql {

// The tables update-day-obs reads and writes, as this registry has them.
struct Tables {
    Dialect dialect = Dialect::sqlite;
    std::string exposure, visit, visit_definition, day_obs, instrument;  // quoted, schema-qualified
    std::string exposure_begin;  // the begin time of exposure `e` in TAI ns ("e.timespan_begin", "lower(e.timespan)")
    bool has_day_obs_table = false;  // universe 6 on: exposure.day_obs (and visit.day_obs) refer to day_obs rows
    bool day_obs_range = false;      // day_obs.timespan is a PostgreSQL range, not timespan_begin/_end
};

// Reads the registry's schema; MigrationError when a table or column update-day-obs needs is missing.
Tables inspect_tables(Database& db);

// Where the changes are gathered: temporary tables of the connection (names qualified for the dialect).
struct WorkTables {
    std::string exposures;  // (id, day_obs): exposures whose day_obs changes, and the new value
    std::string visits;     // (id, day_obs): visits whose day_obs changes, and the new value
    std::string keys;       // (id): the exposure and visit ids the chunks are cut by
};
WorkTables work_tables(Dialect dialect);

// SELECT id, day_obs: the exposures of the instrument (parameter 1) with a begin time whose day_obs differs from
// the one computed with `periods`: the TAI date of (begin - offset), as translators' observing_date_to_observing_day.
std::string changed_exposures_select(const Tables& tables, const std::vector<DayObsOffsetPeriod>& periods);

// SELECT id, day_obs: the visits of the instrument (parameters 1 and 2) defined by exposures whose day_obs
// differs from the earliest new day_obs of those exposures; `changed_exposures` is a relation of
// changed_exposures_select's rows (a CTE or a work table).
std::string changed_visits_select(const Tables& tables, const std::string& changed_exposures);

// SELECT day_obs: the new values of `changed_exposures` and `changed_visits` with no day_obs row for the
// instrument (parameter 1), in order. Only when tables.has_day_obs_table.
std::string missing_day_obs_select(const Tables& tables, const std::string& changed_exposures,
                                   const std::string& changed_visits);

// One SELECT of the three counts (changed exposures, changed visits, missing day_obs rows; the last 0 before
// universe 6) for a dry run: parameters = count_parameters(tables, instrument).
std::string count_select(const Tables& tables, const std::vector<DayObsOffsetPeriod>& periods);
SqlParams count_parameters(const Tables& tables, const std::string& instrument);

// Statements that create (dropping old ones) and fill the work tables; each takes the parameters
// fill_parameters(...) gives for its index.
std::vector<std::string> create_work_tables(const Tables& tables, const WorkTables& work);
std::vector<std::string> fill_work_tables(const Tables& tables, const WorkTables& work,
                                          const std::vector<DayObsOffsetPeriod>& periods);
SqlParams fill_parameters(std::size_t statement, const std::string& instrument);
std::vector<std::string> drop_work_tables(const WorkTables& work);

// The upper end of the next chunk: SELECT max, count of at most `limit` (parameter 2) keys from parameter 1 on.
std::string next_chunk_select(const WorkTables& work);
// The updates of the exposures and visits whose ids are in one chunk of keys [low, high]: parameters instrument,
// low, high, low, high.
std::string update_exposures(const Tables& tables, const WorkTables& work);
std::string update_visits(const Tables& tables, const WorkTables& work);

// INSERT of `rows` day_obs rows with placeholders: instrument, id, then the timespan (begin, end on SQLite; one
// range text "[begin,end)" on PostgreSQL).
std::string insert_day_obs_rows(const Tables& tables, std::size_t rows);

}  // namespace butler_migrate::day_obs_sql

// Statement texts of update-day-obs for SQLite and PostgreSQL: set-based, one statement per table and chunk.
#include "day_obs_update_sql.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate::day_obs_sql {

namespace {

constexpr long long kNsPerSec = 1000000000LL;
constexpr long long kDayNs = 86400 * kNsPerSec;
// Integer division truncates towards zero in both dialects: (begin - offset) is shifted by this many days to be
// positive before dividing. Offsets are limited to less than that, so nothing overflows for begin times up to
// daf_butler's limit (2100).
constexpr long long kBiasDays = 3653;

bool has_column(const TableSchema& table, std::string_view column) {
    return std::any_of(table.columns.begin(), table.columns.end(),
                       [&](const ColumnInfo& info) { return info.name == column; });
}

TableSchema required_table(Database& db, std::string_view name) {
    if (!db.has_table(name)) throw MigrationError(fmt::format("The registry has no {} table", name));
    return db.reflect_table(name);
}

std::string is_distinct(Dialect dialect) { return dialect == Dialect::sqlite ? "IS NOT" : "IS DISTINCT FROM"; }

// The offset in nanoseconds for an exposure beginning at `begin`: a literal, or a CASE over the periods.
std::string offset_ns(const std::string& begin, const std::vector<DayObsOffsetPeriod>& periods) {
    for (const auto& period : periods) {
        if (period.offset_seconds <= -(kBiasDays - 1) * 86400 || period.offset_seconds >= (kBiasDays - 1) * 86400) {
            throw MigrationError(fmt::format("An observing-day offset of {} s is out of range (at most {} days)",
                                             period.offset_seconds, kBiasDays - 1));
        }
    }
    if (periods.size() == 1) return std::to_string(periods.front().offset_seconds * kNsPerSec);
    std::string text = "CASE";
    for (std::size_t i = 1; i < periods.size(); ++i) {
        text += fmt::format(" WHEN {} < {} THEN {}", begin, periods[i].begin_nsec, periods[i - 1].offset_seconds * kNsPerSec);
    }
    return text + fmt::format(" ELSE {} END", periods.back().offset_seconds * kNsPerSec);
}

// YYYYMMDD of the TAI date of (begin - offset): days since 1970-01-01 TAI, then the calendar date of that day.
std::string new_day_obs(const Tables& tables, const std::vector<DayObsOffsetPeriod>& periods) {
    const std::string& begin = tables.exposure_begin;
    const std::string days = fmt::format("(({} - ({}) + {}) / {} - {})", begin, offset_ns(begin, periods),
                                         kBiasDays * kDayNs, kDayNs, kBiasDays);
    if (tables.dialect == Dialect::sqlite) {
        return fmt::format("CAST(strftime('%Y%m%d', {} * 86400, 'unixepoch') AS INTEGER)", days);
    }
    return fmt::format("CAST(to_char(DATE '1970-01-01' + CAST({} AS INTEGER), 'YYYYMMDD') AS BIGINT)", days);
}

std::string key_type(Dialect dialect) { return dialect == Dialect::sqlite ? "INTEGER" : "BIGINT"; }

}  // namespace

Tables inspect_tables(Database& db) {
    Tables tables;
    tables.dialect = db.dialect();
    const TableSchema exposure = required_table(db, "exposure");
    const TableSchema visit = required_table(db, "visit");
    required_table(db, "visit_definition");
    required_table(db, "instrument");
    if (!has_column(exposure, "day_obs") || !has_column(visit, "day_obs")) {
        throw MigrationError("The registry's exposure and visit tables have no day_obs column");
    }
    if (has_column(exposure, "timespan_begin")) tables.exposure_begin = "e.timespan_begin";
    else if (has_column(exposure, "timespan")) tables.exposure_begin = "lower(e.timespan)";
    else throw MigrationError("The registry's exposure table has no timespan");
    tables.exposure = db.table("exposure");
    tables.visit = db.table("visit");
    tables.visit_definition = db.table("visit_definition");
    tables.instrument = db.table("instrument");
    tables.has_day_obs_table = db.has_table("day_obs");
    if (tables.has_day_obs_table) {
        tables.day_obs = db.table("day_obs");
        tables.day_obs_range = !has_column(db.reflect_table("day_obs"), "timespan_begin");
    }
    return tables;
}

WorkTables work_tables(Dialect dialect) {
    const std::string schema = dialect == Dialect::sqlite ? "temp." : "pg_temp.";
    return {schema + "butler_migrate_day_obs_exposure", schema + "butler_migrate_day_obs_visit",
            schema + "butler_migrate_day_obs_key"};
}

std::string changed_exposures_select(const Tables& tables, const std::vector<DayObsOffsetPeriod>& periods) {
    return fmt::format(
        "SELECT c.id AS id, c.new_day_obs AS day_obs FROM (SELECT e.id AS id, e.day_obs AS old_day_obs, {} AS "
        "new_day_obs FROM {} AS e WHERE e.instrument = ? AND {} IS NOT NULL) AS c WHERE c.old_day_obs {} c.new_day_obs",
        new_day_obs(tables, periods), tables.exposure, tables.exposure_begin, is_distinct(tables.dialect));
}

std::string changed_visits_select(const Tables& tables, const std::string& changed_exposures) {
    return fmt::format(
        "SELECT v.id AS id, n.day_obs AS day_obs FROM {} AS v JOIN "
        "(SELECT d.visit AS visit, MIN(COALESCE(f.day_obs, e.day_obs)) AS day_obs "
        "FROM {} AS d JOIN {} AS e ON e.instrument = d.instrument AND e.id = d.exposure LEFT JOIN {} AS f ON f.id = "
        "d.exposure WHERE d.instrument = ? GROUP BY d.visit) AS n ON n.visit = v.id WHERE v.instrument = ? AND "
        "n.day_obs IS NOT NULL AND v.day_obs {} n.day_obs",
        tables.visit, tables.visit_definition, tables.exposure, changed_exposures, is_distinct(tables.dialect));
}

std::string missing_day_obs_select(const Tables& tables, const std::string& changed_exposures,
                                   const std::string& changed_visits) {
    return fmt::format(
        "SELECT u.day_obs AS day_obs FROM (SELECT day_obs FROM {} UNION SELECT day_obs FROM {}) AS u WHERE NOT "
        "EXISTS (SELECT 1 FROM {} AS o WHERE o.instrument = ? AND o.id = u.day_obs)",
        changed_exposures, changed_visits, tables.day_obs);
}

std::string count_select(const Tables& tables, const std::vector<DayObsOffsetPeriod>& periods) {
    const std::string missing = tables.has_day_obs_table
                                    ? fmt::format("(SELECT count(*) FROM ({}) AS m)", missing_day_obs_select(tables, "fe", "fv"))
                                    : "0";
    return fmt::format(
        "WITH fe AS ({}), fv AS ({}) SELECT (SELECT count(*) FROM fe), (SELECT count(*) FROM fv), {}",
        changed_exposures_select(tables, periods), changed_visits_select(tables, "fe"), missing);
}

SqlParams count_parameters(const Tables& tables, const std::string& instrument) {
    SqlParams params{instrument, instrument, instrument};
    if (tables.has_day_obs_table) params.push_back(instrument);
    return params;
}

std::vector<std::string> create_work_tables(const Tables& tables, const WorkTables& work) {
    const std::string key = key_type(tables.dialect);
    std::vector<std::string> statements = drop_work_tables(work);
    statements.push_back(fmt::format("CREATE TEMPORARY TABLE {} (id {} PRIMARY KEY, day_obs BIGINT NOT NULL)",
                                     work.exposures, key));
    statements.push_back(fmt::format("CREATE TEMPORARY TABLE {} (id {} PRIMARY KEY, day_obs BIGINT NOT NULL)",
                                     work.visits, key));
    statements.push_back(fmt::format("CREATE TEMPORARY TABLE {} (id {} PRIMARY KEY)", work.keys, key));
    return statements;
}

std::vector<std::string> fill_work_tables(const Tables& tables, const WorkTables& work,
                                          const std::vector<DayObsOffsetPeriod>& periods) {
    std::vector<std::string> statements{
        fmt::format("INSERT INTO {} (id, day_obs) {}", work.exposures, changed_exposures_select(tables, periods)),
        fmt::format("INSERT INTO {} (id, day_obs) {}", work.visits, changed_visits_select(tables, work.exposures)),
        fmt::format("INSERT INTO {} (id) SELECT id FROM {} UNION SELECT id FROM {}", work.keys, work.exposures,
                    work.visits)};
    if (tables.dialect == Dialect::postgresql) {  // autovacuum never analyzes temporary tables
        for (const auto* table : {&work.exposures, &work.visits, &work.keys}) statements.push_back("ANALYZE " + *table);
    }
    return statements;
}

SqlParams fill_parameters(std::size_t statement, const std::string& instrument) {
    if (statement == 0) return {instrument};
    if (statement == 1) return {instrument, instrument};
    return {};
}

std::vector<std::string> drop_work_tables(const WorkTables& work) {
    return {"DROP TABLE IF EXISTS " + work.keys, "DROP TABLE IF EXISTS " + work.visits,
            "DROP TABLE IF EXISTS " + work.exposures};
}

std::string next_chunk_select(const WorkTables& work) {
    return fmt::format(
        "SELECT MAX(k.id), COUNT(*) FROM (SELECT id FROM {} WHERE id >= ? ORDER BY id LIMIT ?) AS k",
        work.keys);
}

// Both the registry table and the work table are limited to the chunk's id range, so that every chunk reads
// only its rows by primary key, whatever the planner knows of the row counts.
std::string update_exposures(const Tables& tables, const WorkTables& work) {
    return fmt::format(
        "UPDATE {} AS e SET day_obs = f.day_obs FROM {} AS f WHERE e.instrument = ? AND e.id >= ? AND e.id <= ? AND "
        "f.id >= ? AND f.id <= ? AND e.id = f.id",
        tables.exposure, work.exposures);
}

std::string update_visits(const Tables& tables, const WorkTables& work) {
    return fmt::format(
        "UPDATE {} AS v SET day_obs = f.day_obs FROM {} AS f WHERE v.instrument = ? AND v.id >= ? AND v.id <= ? AND "
        "f.id >= ? AND f.id <= ? AND v.id = f.id",
        tables.visit, work.visits);
}

std::string insert_day_obs_rows(const Tables& tables, std::size_t rows) {
    const bool range = tables.day_obs_range;
    std::string text = fmt::format("INSERT INTO {} (instrument, id, {}) VALUES ", tables.day_obs,
                                   range ? "timespan" : "timespan_begin, timespan_end");
    for (std::size_t i = 0; i < rows; ++i) {
        if (i > 0) text += ", ";
        text += range ? "(?, ?, CAST(? AS INT8RANGE))" : "(?, ?, ?, ?)";
    }
    return text;
}

}  // namespace butler_migrate::day_obs_sql

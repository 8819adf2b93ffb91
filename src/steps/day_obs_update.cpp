// update-day-obs: plan the new day_obs values in temporary tables, add missing day_obs rows, update in chunks.
#include "butler_migrate/steps/day_obs_update.hpp"

#include <algorithm>
#include <climits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "butler_migrate/steps/observing_day.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/util/progress.hpp"
#include "day_obs_update_sql.hpp"

namespace butler_migrate {

namespace {

constexpr std::string_view kLogger = "butler_migrate.update_day_obs";
constexpr std::size_t kRowsPerInsert = 200;

long long number(const SqlValue& value) { return value ? std::stoll(*value) : 0; }

// What the update of one instrument works with: its tables, class, exposures' time range and offsets.
struct Plan {
    day_obs_sql::Tables tables;
    std::string instrument;
    std::string class_name;
    long long exposures = 0;
    long long with_begin = 0;
    std::vector<DayObsOffsetPeriod> periods;
};

void log_offsets(const Plan& plan) {
    if (plan.periods.size() == 1) {
        log::info(kLogger, fmt::format("Observing-day offset of instrument {}: {} s", plan.instrument,
                                       plan.periods.front().offset_seconds));
        return;
    }
    log::info(kLogger, fmt::format("Observing-day offset of instrument {}: {} periods of constant offset "
                                   "(lab data before the ship month)", plan.instrument, plan.periods.size()));
    for (const auto& period : plan.periods) {
        log::debug(kLogger, fmt::format("  from TAI ns {}: {} s", period.begin_nsec, period.offset_seconds));
    }
}

Plan make_plan(Database& db, const std::string& instrument, const MigrationOptions& options) {
    Plan plan;
    plan.tables = day_obs_sql::inspect_tables(db);
    plan.instrument = instrument;
    auto classes = db.query(fmt::format("SELECT class_name FROM {} WHERE name = ?", plan.tables.instrument), {instrument});
    if (classes.empty()) {
        throw MigrationError(fmt::format("Unable to find an instrument record for instrument named {}.", instrument));
    }
    plan.class_name = classes.front().at(0).value_or("");
    const std::string& begin = plan.tables.exposure_begin;
    auto span = db.query(fmt::format("SELECT count(*), count({0}), min({0}), max({0}) FROM {1} AS e WHERE e.instrument = ?",
                                     begin, plan.tables.exposure),
                         {instrument});
    plan.exposures = number(span.at(0).at(0));
    plan.with_begin = number(span.at(0).at(1));
    if (plan.with_begin == 0) {
        plan.periods = {{0, 0}};  // no exposure to compute a day_obs for: no offset needed
    } else {
        plan.periods = day_obs_offset_periods(instrument, plan.class_name, number(span[0][2]), number(span[0][3]), options);
        log_offsets(plan);
    }
    return plan;
}

DayObsUpdateCounts initial_counts(const Plan& plan) {
    DayObsUpdateCounts counts;
    counts.exposures = plan.exposures;
    counts.exposures_without_begin = plan.exposures - plan.with_begin;
    return counts;
}

void log_counts(const std::string& instrument, const DayObsUpdateCounts& counts) {
    log::info(kLogger, fmt::format("Instrument {}: {} of {} exposures need a new day_obs", instrument,
                                   counts.exposures_changed, counts.exposures));
    if (counts.exposures_without_begin > 0) {
        log::warning(kLogger, fmt::format("Instrument {}: {} exposures have no begin time; their day_obs is left as it is",
                                          instrument, counts.exposures_without_begin));
    }
    log::info(kLogger, fmt::format("Instrument {}: {} visits need a new day_obs", instrument, counts.visits_changed));
}

// Drops the work tables when the update ends, however it ends.
class WorkTablesGuard {
public:
    WorkTablesGuard(Database& db, const day_obs_sql::WorkTables& work) : db_(db), work_(work) {}
    ~WorkTablesGuard() {
        try {
            if (db_.in_transaction()) db_.rollback();
            for (const auto& statement : day_obs_sql::drop_work_tables(work_)) db_.execute(statement);
        } catch (...) {
        }
    }
    WorkTablesGuard(const WorkTablesGuard&) = delete;
    WorkTablesGuard& operator=(const WorkTablesGuard&) = delete;

private:
    Database& db_;
    const day_obs_sql::WorkTables& work_;
};

// Fills the work tables; returns the number of chunk keys (the distinct ids of changed exposures and visits).
long long fill_work_tables(Database& db, const Plan& plan, const day_obs_sql::WorkTables& work,
                           DayObsUpdateCounts& counts) {
    for (const auto& statement : day_obs_sql::create_work_tables(plan.tables, work)) db.execute(statement);
    const auto fills = day_obs_sql::fill_work_tables(plan.tables, work, plan.periods);
    long long keys = 0;
    for (std::size_t i = 0; i < fills.size(); ++i) {
        const long long rows = db.execute(fills[i], day_obs_sql::fill_parameters(i, plan.instrument));
        if (i == 0) counts.exposures_changed = rows;
        if (i == 1) counts.visits_changed = rows;
        if (i == 2) keys = rows;
    }
    return keys;
}

std::vector<long long> missing_day_obs(Database& db, const Plan& plan, const day_obs_sql::WorkTables& work) {
    std::vector<long long> values;
    if (!plan.tables.has_day_obs_table) return values;
    const std::string sql = day_obs_sql::missing_day_obs_select(plan.tables, work.exposures, work.visits) + " ORDER BY day_obs";
    for (const auto& row : db.query(sql, {plan.instrument})) values.push_back(number(row.at(0)));
    return values;
}

// The day_obs rows, with timespans as 1fae088c80b6 writes them, in one transaction.
void insert_day_obs_rows(Database& db, const Plan& plan, const std::vector<long long>& values,
                         const MigrationOptions& options) {
    log::info(kLogger, fmt::format("Adding {} day_obs records for instrument {}", values.size(), plan.instrument));
    Transaction transaction(db);
    for (std::size_t first = 0; first < values.size(); first += kRowsPerInsert) {
        const std::size_t rows = std::min(kRowsPerInsert, values.size() - first);
        SqlParams params;
        for (std::size_t i = first; i < first + rows; ++i) {
            const long long offset = day_obs_offset(plan.instrument, plan.class_name, values[i], options);
            const DayObsTimespan span = day_obs_timespan(values[i], offset);
            params.push_back(plan.instrument);
            params.push_back(std::to_string(values[i]));
            if (plan.tables.day_obs_range) {
                params.push_back(fmt::format("[{},{})", span.begin_nsec, span.end_nsec));
            } else {
                params.push_back(std::to_string(span.begin_nsec));
                params.push_back(std::to_string(span.end_nsec));
            }
        }
        db.execute(day_obs_sql::insert_day_obs_rows(plan.tables, rows), params);
    }
    transaction.commit();
}

// Exposures and visits, a chunk of their ids per transaction, in id order.
long long update_in_chunks(Database& db, const Plan& plan, const day_obs_sql::WorkTables& work, long long keys,
                           const DayObsUpdateSettings& settings) {
    const std::string next_chunk = day_obs_sql::next_chunk_select(work);
    const std::string exposures = day_obs_sql::update_exposures(plan.tables, work);
    const std::string visits = day_obs_sql::update_visits(plan.tables, work);
    Progress progress(fmt::format("Updating day_obs of {} exposures and visits", plan.instrument), keys);
    long long chunks = 0;
    long long low = LLONG_MIN;
    while (true) {
        auto next = db.query(next_chunk, {std::to_string(low), std::to_string(settings.chunk_size)});
        const long long rows = number(next.at(0).at(1));
        if (rows == 0) break;
        const std::string high = next[0][0].value_or("");
        const SqlParams range{plan.instrument, std::to_string(low), high, std::to_string(low), high};
        Transaction transaction(db);
        db.execute(exposures, range);
        db.execute(visits, range);
        transaction.commit();
        ++chunks;
        log::debug(kLogger, fmt::format("Committed chunk {} (exposure and visit ids {} to {})", chunks, low, high));
        progress.advance(rows);
        if (settings.after_chunk) settings.after_chunk(chunks);
        const long long last = std::stoll(high);
        if (last == LLONG_MAX) break;
        low = last + 1;
    }
    return chunks;
}

}  // namespace

DayObsUpdateCounts count_day_obs_update(Database& db, const std::string& instrument, const MigrationOptions& options) {
    const Plan plan = make_plan(db, instrument, options);
    DayObsUpdateCounts counts = initial_counts(plan);
    auto rows = db.query(day_obs_sql::count_select(plan.tables, plan.periods),
                         day_obs_sql::count_parameters(plan.tables, instrument));
    counts.exposures_changed = number(rows.at(0).at(0));
    counts.visits_changed = number(rows.at(0).at(1));
    counts.day_obs_added = number(rows.at(0).at(2));
    return counts;
}

DayObsUpdateCounts update_day_obs(Database& db, const std::string& instrument, const DayObsUpdateSettings& settings) {
    if (db.in_transaction()) throw MigrationError("update-day-obs commits its own transactions; it cannot run in one");
    if (settings.chunk_size < 1) throw UsageError("The chunk size must be at least 1");
    const Plan plan = make_plan(db, instrument, settings.options);
    DayObsUpdateCounts counts = initial_counts(plan);
    const day_obs_sql::WorkTables work = day_obs_sql::work_tables(db.dialect());
    WorkTablesGuard guard(db, work);
    log::info(kLogger, fmt::format("Finding the exposures and visits of instrument {} whose day_obs changes", instrument));
    const long long keys = fill_work_tables(db, plan, work, counts);
    log_counts(instrument, counts);
    if (keys == 0) return counts;
    const std::vector<long long> missing = missing_day_obs(db, plan, work);
    if (settings.before_first_write) settings.before_first_write();
    if (!missing.empty()) insert_day_obs_rows(db, plan, missing, settings.options);
    counts.day_obs_added = static_cast<long long>(missing.size());
    counts.chunks = update_in_chunks(db, plan, work, keys, settings);
    log::info(kLogger, fmt::format("Updated the day_obs of {} exposures and {} visits of instrument {} in {} transactions",
                                   counts.exposures_changed, counts.visits_changed, instrument, counts.chunks));
    return counts;
}

}  // namespace butler_migrate

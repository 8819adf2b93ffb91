// dimensions-config 1fae088c80b6: daf_butler universe 5 -> 6 (DM-42636), day_obs and group become dimensions.
//
// New tables day_obs and "group" are filled from the exposure table, whose day_obs and group_name columns
// (the latter renamed to "group", group_id dropped) become NOT NULL foreign keys to them; dimensions.json is
// replaced with universe 6. The stored universe must be daf_butler's universe 5 unless
// `--options allow_dimension_universe_mismatch=1` is given. A day_obs row's timespan starts at day_obs 00:00 TAI
// plus the instrument's observing-day offset: upstream asks the instrument's Python class for it, we take it
// from `--options day_obs_offset.<INSTRUMENT>=<seconds>` or from the built-in table of known instruments
// (observing_day.hpp). PostgreSQL locks exposure first so it cannot change meanwhile. No downgrade upstream.
#include <charconv>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "butler_migrate/steps/dimension_universe.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/steps/observing_day.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/steps/table_locks.hpp"
#include "migrations/dimensions-config/universe_steps.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr std::string_view kAllowMismatchOption = "allow_dimension_universe_mismatch";
constexpr std::string_view kBypassNote =
    "Re-run butler migrate with the flag '--options allow_dimension_universe_mismatch=1' to bypass this check.\n"
    "This will overwrite any customizations made to the dimension universe.";

// naming.make_string_length_constraint: SQLite's stand-in for VARCHAR(n).
std::string string_length_check(const std::string& column, int max_length) {
    return fmt::format(R"(length("{0}")<={1} AND length("{0}")>=1)", column, max_length);
}

schema::ColumnChange not_null() {
    schema::ColumnChange change;
    change.nullable = false;
    return change;
}

// Logged once, in upstream's words, rather than as "Locking table exposure".
void lock_exposure_table(StepContext& context) {
    if (context.dialect() == Dialect::sqlite) return;  // no table locks in SQLite, and nothing to log
    context.log_info("Locking exposure table");
    lock_tables_exclusive(context, {"exposure"}, TableLockLog::silent);
}

void validate_initial_dimension_universe(StepContext& context) {
    if (context.option(kAllowMismatchOption) == std::optional<std::string>("1")) return;
    context.log_info("Checking that this is an unmodified daf_butler universe 5 repo");
    const std::string stored = stored_dimensions_json(context.attributes());
    try {
        validate_dimensions_json(stored, 5, context.option(kUniverseDirOption));
    } catch (const DimensionUniverseMismatch& e) {
        throw DimensionUniverseMismatch(e.what(), fmt::format("{}\n{}", e.details(), kBypassNote));
    }
}

struct DayObsRow {
    std::string instrument;
    std::string day_obs;
    DayObsTimespan timespan;
};

long long day_obs_number(const std::string& instrument, const SqlValue& value) {
    long long number = 0;
    if (value) {
        const char* end = value->data() + value->size();
        auto [ptr, ec] = std::from_chars(value->data(), end, number);
        if (ec == std::errc() && ptr == end) return number;
    }
    throw MigrationError(fmt::format("exposure.day_obs of instrument {} is {}, not a YYYYMMDD number: set it before "
                                     "this migration", instrument, value ? "'" + *value + "'" : "NULL"));
}

// The instrument's class name, once per instrument (upstream imports that class to ask it for the offset).
const std::string& instrument_class(StepContext& context, std::map<std::string, std::string>& known,
                                    const std::string& name) {
    auto it = known.find(name);
    if (it != known.end()) return it->second;
    auto rows = context.db().query(
        fmt::format("SELECT class_name FROM {} WHERE name = ?", context.db().table("instrument")), {name});
    if (rows.size() != 1) throw MigrationError(fmt::format("Should be exactly one class name for instrument {}", name));
    const std::string class_name = rows[0].at(0).value_or("");
    context.log_info(fmt::format("Finding the observing-day offset of instrument {} (class {})", name, class_name));
    return known.emplace(name, class_name).first->second;
}

std::vector<DayObsRow> generate_day_obs_rows(StepContext& context) {
    Database& db = context.db();
    auto rows = db.query(fmt::format("SELECT DISTINCT instrument, day_obs FROM {}", db.table("exposure")));
    std::map<std::string, std::string> classes;
    std::vector<DayObsRow> result;
    for (const auto& row : rows) {
        const std::string instrument = row.at(0).value_or("");
        const long long day_obs = day_obs_number(instrument, row.at(1));
        const std::string& class_name = instrument_class(context, classes, instrument);
        const long long offset = day_obs_offset(instrument, class_name, day_obs, context.options());
        result.push_back({instrument, std::to_string(day_obs), day_obs_timespan(day_obs, offset)});
    }
    return result;
}

void insert_day_obs_rows(StepContext& context, const std::vector<DayObsRow>& rows) {
    Database& db = context.db();
    const std::string table = db.table("day_obs");
    for (const auto& row : rows) {
        const std::string begin = std::to_string(row.timespan.begin_nsec);
        const std::string end = std::to_string(row.timespan.end_nsec);
        if (context.dialect() == Dialect::postgresql) {
            db.execute(fmt::format("INSERT INTO {} (instrument, id, timespan) VALUES (?, ?, CAST(? AS INT8RANGE))", table),
                       {row.instrument, row.day_obs, fmt::format("[{},{})", begin, end)});
        } else {
            db.execute(fmt::format("INSERT INTO {} (instrument, id, timespan_begin, timespan_end) VALUES (?, ?, ?, ?)", table),
                       {row.instrument, row.day_obs, begin, end});
        }
    }
}

// A table keyed by instrument and one more column, as daf_butler's dimension tables are.
schema::TableCreation instrument_keyed_table(const std::string& table, schema::ColumnSpec key) {
    schema::TableCreation creation(table);
    creation.add_column({"instrument", "VARCHAR(32)", false, std::nullopt}).add_column(key);
    return creation;
}

void add_constraints(StepContext& context, schema::TableCreation& creation, const std::string& id_column) {
    const std::string& table = creation.table();
    creation.primary_key({"instrument", id_column});
    // Upstream makes the check before the foreign key: SQLAlchemy writes them in that order.
    if (context.dialect() == Dialect::sqlite) creation.check(table + "_len_instrument", string_length_check("instrument", 32));
    creation.foreign_key({"fkey_" + table + "_instrument_name_instrument", {"instrument"}, "instrument", {"name"}, std::nullopt});
}

void migrate_day_obs(StepContext& context) {
    context.log_info("Generating data for day_obs table from exposure_table");
    const std::vector<DayObsRow> rows = generate_day_obs_rows(context);

    context.log_info("Creating day_obs table");
    schema::TableCreation day_obs = instrument_keyed_table("day_obs", {"id", "BIGINT", false, std::nullopt});
    if (context.dialect() == Dialect::postgresql) {
        day_obs.add_column({"timespan", "INT8RANGE", true, std::nullopt});
    } else {
        day_obs.add_column({"timespan_begin", "BIGINT", true, std::nullopt});
        day_obs.add_column({"timespan_end", "BIGINT", true, std::nullopt});
    }
    add_constraints(context, day_obs, "id");
    schema::create_table(context, day_obs);

    context.log_info("Populating day_obs table");
    insert_day_obs_rows(context, rows);

    context.log_info("Creating instrument index for day_obs table");
    schema::create_index(context, "day_obs", "day_obs_fkidx_instrument", {"instrument"});

    context.log_info("Updating exposure table to reference day_obs table");
    schema::TableAlteration exposure("exposure");
    exposure.alter_column("day_obs", not_null());
    exposure.create_foreign_key({"fkey_exposure_day_obs_instrument_id_instrument_day_obs", {"instrument", "day_obs"},
                                 "day_obs", {"instrument", "id"}, std::nullopt});
    schema::apply(context, exposure);
    schema::create_index(context, "exposure", "exposure_fkidx_instrument_day_obs", {"instrument", "day_obs"});
}

void migrate_groups(StepContext& context) {
    Database& db = context.db();
    context.log_info("Creating group table");
    schema::TableCreation group = instrument_keyed_table("group", {"name", "TEXT", false, std::nullopt});
    add_constraints(context, group, "name");
    schema::create_table(context, group);

    context.log_info("Populating group table");
    db.execute(fmt::format("INSERT INTO {} (instrument, name) SELECT DISTINCT instrument, group_name FROM {}",
                           db.table("group"), db.table("exposure")));

    context.log_info("Creating instrument index for group table");
    schema::create_index(context, "group", "group_fkidx_instrument", {"instrument"});

    context.log_info("Updating exposure table to reference group table");
    schema::ColumnChange rename = not_null();
    rename.new_name = "group";
    schema::apply(context, schema::TableAlteration("exposure").alter_column("group_name", rename).drop_column("group_id"));
    // A second batch, as upstream: the foreign key on the renamed column is added once the rename is done.
    schema::apply(context, schema::TableAlteration("exposure").create_foreign_key(
                               {"fkey_exposure_group_instrument_name_instrument_group", {"instrument", "group"},
                                "group", {"instrument", "name"}, std::nullopt}));
    schema::create_index(context, "exposure", "exposure_fkidx_instrument_group", {"instrument", "group"});
}

}  // namespace

void upgrade_1fae088c80b6(StepContext& context) {
    universe_steps::require_online(context);
    lock_exposure_table(context);
    validate_initial_dimension_universe(context);
    migrate_day_obs(context);
    migrate_groups(context);
    universe_steps::store_universe(context, 6);
}

}  // namespace butler_migrate::migrations

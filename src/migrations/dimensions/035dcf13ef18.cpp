// dimensions 035dcf13ef18: StaticDimensionRecordStorageManager 6.0.1 <-> 6.0.2.
//
// Implied dimension columns (the non-key foreign keys of dimension element tables, e.g. visit.physical_filter)
// become NOT NULL; downgrade allows NULL again. Which columns those are comes from the dimension
// configuration stored in butler_attributes: every element with an `implies` list, whose table exists, gets
// its implied columns altered, where the implied element has a table too. SQLite re-creates each such
// table, PostgreSQL alters the columns. Some registries were seen with NULL visit.physical_filter: those
// must be replaced first, with the value of `--options null_filter_value=<value>`. Schema digests are not
// updated on purpose (older code still validates the 6.0.1 digest).
#include <algorithm>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/util/python_json.hpp"
#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/core/preflight.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kManager = "lsst.daf.butler.registry.dimensions.static.StaticDimensionRecordStorageManager";

// Upstream logs these under a logger the butler command line does not show at INFO: debug level here.
void log_debug(const StepContext& context, const std::string& message) {
    log::debug("butler_migrate." + context.revision().id, message);
}

long long count_nulls(Database& db, const std::string& table, const std::string& column) {
    auto rows = db.query(fmt::format("SELECT count(*) FROM {} WHERE {} IS NULL", db.table(table), Database::quote(column)));
    return std::stoll(rows.at(0).at(0).value_or("0"));
}

void replace_null_visit_filters(StepContext& context) {
    Database& db = context.db();
    if (count_nulls(db, "visit", "physical_filter") == 0) return;
    auto replacement = context.option("null_filter_value");
    if (!replacement) {
        throw MigrationError(
            "NULL values were found for visit.physical_filter. They need to be replaced with non-NULL values. "
            "Please use `--options null_filter_value=<value>` command line option.");
    }
    if (!context.is_preflight()) {
        db.execute(fmt::format("UPDATE {} SET physical_filter = ? WHERE physical_filter IS NULL", db.table("visit")),
                   {*replacement});
    }
}

// (element table, implied column) pairs the step alters, from the stored dimension configuration.
std::vector<std::pair<std::string, std::string>> implied_columns(StepContext& context) {
    Database& db = context.db();
    std::vector<std::pair<std::string, std::string>> columns;
    const OrderedJson config = read_dimensions_json(context.attributes());
    for (const auto& [element, element_config] : config.at("elements").items()) {
        auto implied = element_config.find("implies");
        if (implied == element_config.end() || implied->is_null()) continue;
        if (!db.has_table(element)) continue;  // some elements have no table
        for (const auto& other : *implied) {
            const std::string other_element = other.get<std::string>();
            if (db.has_table(other_element)) columns.emplace_back(element, other_element);
        }
    }
    return columns;
}

std::vector<std::string> tables_of(const std::vector<std::pair<std::string, std::string>>& columns) {
    std::vector<std::string> tables;
    for (const auto& [table, column] : columns) {
        if (std::find(tables.begin(), tables.end(), table) == tables.end()) tables.push_back(table);
    }
    return tables;
}

void set_implied_columns_nullable(StepContext& context, bool nullable, const char* manager_version) {
    Database& db = context.db();
    const OrderedJson config = read_dimensions_json(context.attributes());
    for (const auto& [element, element_config] : config.at("elements").items()) {
        auto implied = element_config.find("implies");
        if (implied == element_config.end() || implied->is_null()) continue;
        if (!db.has_table(element)) continue;  // some elements have no table
        schema::TableAlteration alteration(element);
        for (const auto& other : *implied) {
            const std::string other_element = other.get<std::string>();
            if (!db.has_table(other_element)) continue;  // the referenced table must exist
            log_debug(context, fmt::format("Add {} to column {}.{}", nullable ? "NULL" : "NOT NULL", element, other_element));
            alteration.alter_column(other_element, schema::ColumnChange{std::nullopt, nullable, false, std::nullopt, std::nullopt});
        }
        schema::apply(context, alteration);
    }
    context.attributes().update_manager_version(kManager, manager_version);
}

}  // namespace

// Before the plan starts: the option NULL visit filters need, NULLs elsewhere that NOT NULL would reject, and the
// owners of the tables altered (core/preflight.hpp).
void preflight_upgrade_035dcf13ef18(StepContext& context) {
    try {
        replace_null_visit_filters(context);
    } catch (const MigrationError& e) {
        context.report_problem(e.what());
    }
    const auto columns = implied_columns(context);
    std::string nulls;
    for (const auto& [table, column] : columns) {
        if (table == "visit" && column == "physical_filter") continue;
        if (const long long n = count_nulls(context.db(), table, column)) {
            nulls += fmt::format("{}{} row(s) of {} with NULL {}", nulls.empty() ? "" : ", ", n, table, column);
        }
    }
    if (!nulls.empty()) {
        throw MigrationError(fmt::format("this step makes the implied dimension columns NOT NULL, and the registry has "
                                         "{}. Give those rows their values, then run the upgrade again",
                                         nulls));
    }
    require_table_owner(context, tables_of(columns));
}

void preflight_downgrade_035dcf13ef18(StepContext& context) { require_table_owner(context, tables_of(implied_columns(context))); }

void upgrade_035dcf13ef18(StepContext& context) {
    replace_null_visit_filters(context);
    set_implied_columns_nullable(context, false, "6.0.2");
}

void downgrade_035dcf13ef18(StepContext& context) {
    set_implied_columns_nullable(context, true, "6.0.1");
}

}  // namespace butler_migrate::migrations

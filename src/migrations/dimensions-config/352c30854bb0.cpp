// dimensions-config 352c30854bb0: daf_butler universe 6 <-> 7 (DM-43101), exposure.can_see_sky.
//
// Upgrade adds the nullable BOOLEAN column exposure.can_see_sky and sets it from observation_type, which tells
// well whether the sky was visible: true or false for the types listed below, NULL for any other (those types are
// logged). Downgrade drops the column. Each direction first checks that the stored dimensions.json is daf_butler's
// universe it starts from (no bypass here), and ends by storing the universe it goes to.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "migrations/dimensions-config/universe_steps.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kTable = "exposure";
constexpr const char* kNewColumn = "can_see_sky";

const std::vector<std::string> kSkyObservationTypes = {
    "science", "object", "standard", "sky flat", "standard_star", "skyflat", "focus", "focusing", "exp", "skyexp",
};
const std::vector<std::string> kNoSkyObservationTypes = {"dark", "bias", "agexp", "domeflat", "dome flat", "zero", "spot"};

// Sets can_see_sky where it is still NULL for exposures of the given observation types.
void populate_values(StepContext& context, bool can_see_sky, const std::vector<std::string>& observation_types) {
    const char* value = context.dialect() == Dialect::postgresql ? (can_see_sky ? "true" : "false") : (can_see_sky ? "1" : "0");
    std::string placeholders;
    SqlParams params;
    for (const auto& type : observation_types) {
        placeholders += placeholders.empty() ? "?" : ", ?";
        params.emplace_back(type);
    }
    context.db().execute(fmt::format("UPDATE {} SET {} = {} WHERE observation_type IN ({}) AND {} IS NULL",
                                     context.db().table(kTable), kNewColumn, value, placeholders, kNewColumn),
                         params);
}

// Python's repr() of a str, or None.
std::string python_repr(const SqlValue& value) {
    if (!value) return "None";
    const bool double_quoted = value->find('\'') != std::string::npos && value->find('"') == std::string::npos;
    const char quote = double_quoted ? '"' : '\'';
    std::string out(1, quote);
    for (char c : *value) {
        if (c == '\\' || c == quote) out += '\\';
        out += c;
    }
    return out + quote;
}

void log_unhandled_observation_types(StepContext& context) {
    auto rows = context.db().query(fmt::format("SELECT DISTINCT observation_type FROM {} WHERE {} IS NULL",
                                               context.db().table(kTable), kNewColumn));
    if (rows.empty()) {
        context.log_info("...can_see_sky values were set for all exposure records.");
        return;
    }
    std::string list;
    for (const auto& row : rows) list += (list.empty() ? "" : ", ") + python_repr(row.at(0));
    context.log_info(fmt::format(
        "WARNING: No default value for can_see_sky is known for the following observation types:\n[{}]\n"
        "Exposure records with these observation types will have a NULL can_see_sky.",
        list));
}

}  // namespace

void upgrade_352c30854bb0(StepContext& context) {
    universe_steps::require_online(context);
    universe_steps::validate_stored_universe(context, 6);

    context.log_info("Adding can_see_sky column to exposure table");
    schema::add_column(context, kTable, {kNewColumn, "BOOLEAN", true, std::nullopt});

    context.log_info("Populating can_see_sky column");
    populate_values(context, true, kSkyObservationTypes);
    populate_values(context, false, kNoSkyObservationTypes);
    log_unhandled_observation_types(context);

    universe_steps::store_universe(context, 7);
}

void downgrade_352c30854bb0(StepContext& context) {
    universe_steps::require_online(context);
    universe_steps::validate_stored_universe(context, 7);

    context.log_info("dropping can_see_sky column");
    schema::drop_column(context, kTable, kNewColumn);

    universe_steps::store_universe(context, 6);
}

}  // namespace butler_migrate::migrations

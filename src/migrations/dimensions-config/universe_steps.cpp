// The steps shared by the dimensions-config universe migrations (see universe_steps.hpp).
#include "migrations/dimensions-config/universe_steps.hpp"

#include <fmt/format.h>

#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/steps/dimension_universe.hpp"

namespace butler_migrate::migrations::universe_steps {

void require_online(StepContext& context) {
    context.require_online("Can't run offline -- need access to database to migrate data.");
}

void validate_stored_universe(StepContext& context, int version) {
    context.log_info(fmt::format("Checking that this is an unmodified daf_butler universe {} repo", version));
    validate_dimensions_json(stored_dimensions_json(context.attributes()), version, context.option(kUniverseDirOption));
}

void store_universe(StepContext& context, int version) {
    context.log_info("Updating dimensions.json in ButlerAttributes");
    context.attributes().update(kDimensionsJsonKey, load_historical_universe_json(version, context.option(kUniverseDirOption)));
}

void check_universe_files(StepContext& context) {
    const int version = std::stoi(context.revision().manager_version);
    const bool upgrade = context.direction() == StepDirection::upgrade;
    const int stored = upgrade ? version : version - 1;
    // The universe the registry is checked against is not read when the operator waives the check (1fae088c80b6).
    if (context.option("allow_dimension_universe_mismatch") != std::optional<std::string>("1")) {
        historical_universe_path(upgrade ? version - 1 : version, context.option(kUniverseDirOption));
    }
    historical_universe_path(stored, context.option(kUniverseDirOption));
}

}  // namespace butler_migrate::migrations::universe_steps

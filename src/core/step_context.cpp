// Log lines of a running migration step.
#include "butler_migrate/step_context.hpp"

#include "butler_migrate/log.hpp"

namespace butler_migrate {

void StepContext::log_info(std::string_view message) const {
    log::info("butler_migrate." + revision_.id, message);
}

}  // namespace butler_migrate

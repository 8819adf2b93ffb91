// What a running migration step asks of its context: log lines, and whether it may read the registry.
#include "butler_migrate/core/step_context.hpp"

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"

namespace butler_migrate {

void StepContext::log_info(std::string_view message) const {
    log::info("butler_migrate." + revision_.id, message);
}

void StepContext::require_online(std::string_view reason) const {
    if (!is_online()) throw OfflineModeUnsupported(std::string(reason));
}

}  // namespace butler_migrate

// The butler.yaml change after one-shot migrations: shown as a warning, or written with --update-config.
#include "cli/config_change_text.hpp"

#include <fmt/format.h>

#include "butler_migrate/core/catalogue.hpp"
#include "butler_migrate/util/log.hpp"

namespace butler_migrate::cli {

void report_config_changes(const std::vector<PlannedStep>& applied, const std::string& repo, bool update,
                           std::ostream& out) {
    for (const auto& step : applied) {
        auto change = config_change_for(*step.revision);
        if (!change) continue;
        if (!update) {
            log::warning("butler_migrate.config",
                         fmt::format("butler.yaml must now name the new {} manager: under registry: managers: write "
                                     "`{}: {}` (upgrade --update-config does this for you)",
                                     change->manager, change->manager, change->new_class));
            continue;
        }
        auto copy = apply_config_change(repo, *change);
        if (copy.empty()) {
            out << fmt::format("butler.yaml already names {} as the {} manager.\n", change->new_class, change->manager);
        } else {
            out << fmt::format("butler.yaml updated: registry.managers.{} is now {} (previous file kept as {}).\n",
                               change->manager, change->new_class, copy.string());
        }
    }
}

}  // namespace butler_migrate::cli

// The butler.yaml change after one-shot migrations: shown as a warning, or written with --update-config.
#include "cli/config_change_text.hpp"

#include <fmt/format.h>

#include "butler_migrate/config/config_update.hpp"
#include "butler_migrate/core/catalogue.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
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

void check_config_changes(const std::vector<PlannedStep>& planned, const std::string& repo) {
    for (const auto& step : planned) {
        if (auto change = config_change_for(*step.revision)) check_config_change(repo, *change);
    }
}

std::vector<ConfigMismatch> config_mismatches(const std::string& repo, const std::vector<ManagerVersion>& recorded) {
    std::vector<ConfigMismatch> found;
    for (const auto& m : recorded) {
        if (m.klass.find('.') == std::string::npos) continue;  // pseudo-managers (dimensions-config, patch trees)
        const std::string configured = configured_manager_class(repo, m.manager);
        // Compared by class name: a package may re-export a class ("...byDimensions.X" is "...byDimensions._manager.X"),
        // as the revision ids are derived from the class name alone.
        auto class_name = [](const std::string& path) { return path.substr(path.rfind('.') + 1); };
        if (!configured.empty() && class_name(configured) != class_name(m.klass)) {
            found.push_back({m.manager, configured, m.klass});
        }
    }
    return found;
}

void reconcile_config(const std::string& repo, const std::vector<ManagerVersion>& recorded, std::ostream& out) {
    std::vector<ManagerConfigChange> changes;
    for (const auto& revision : compiled_catalogue().revisions()) {
        if (auto change = config_change_for(revision)) changes.push_back(*change);
    }
    for (const auto& mismatch : config_mismatches(repo, recorded)) {
        for (const auto& change : changes) {
            if (change.manager != mismatch.manager || change.new_class != mismatch.registry) continue;
            const auto copy = apply_config_change(repo, change);
            if (copy.empty()) continue;
            out << fmt::format("butler.yaml updated: registry.managers.{} is now {}, as the registry records (previous "
                               "file kept as {}).\n",
                               change.manager, change.new_class, copy.string());
            break;
        }
    }
}

std::string mismatch_text(const ConfigMismatch& mismatch, const std::string& repo) {
    return fmt::format("butler.yaml names {} as the {} manager, but the registry records {}: daf_butler cannot open "
                       "the repository until butler.yaml says so (`butler-migrate upgrade --update-config {} head` "
                       "writes it).",
                       mismatch.butler_yaml, mismatch.manager, mismatch.registry, repo);
}

}  // namespace butler_migrate::cli

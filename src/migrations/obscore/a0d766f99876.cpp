// obscore a0d766f99876: records (upgrade) or forgets (downgrade) ObsCoreLiveTableManager 0.0.1 in butler_attributes.
#include <string>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr std::string_view kConfigKey = "config:registry.managers.obscore";
constexpr std::string_view kManager = "lsst.daf.butler.registry.obscore._manager.ObsCoreLiveTableManager";
constexpr std::string_view kVersion = "0.0.1";

std::string version_key() { return fmt::format("version:{}", kManager); }

// Both keys must be absent before an upgrade and present before a downgrade; checked before anything changes.
void check_keys(ButlerAttributes& attributes, bool upgrading) {
    for (const std::string& key : {std::string(kConfigKey), version_key()}) {
        const bool defined = attributes.get(key).has_value();
        if (upgrading && defined) {
            throw MigrationError(fmt::format("Key '{}' is already defined in butler_attributes.", key));
        }
        if (!upgrading && !defined) {
            throw MigrationError(fmt::format("Key '{}' is not defined in butler_attributes.", key));
        }
    }
}

}  // namespace

// The obscore table itself is created by the obscore-config tree; this only registers the manager.
void upgrade_a0d766f99876(StepContext& context) {
    ButlerAttributes& attributes = context.attributes();
    check_keys(attributes, true);
    attributes.insert(kConfigKey, kManager);
    attributes.insert(version_key(), kVersion);
    context.notice(fmt::format("*** Do not forget to add this line to butler.yaml file (registry.managers):\n"
                               "***     obscore: {}\n",
                               kManager));
}

void downgrade_a0d766f99876(StepContext& context) {
    ButlerAttributes& attributes = context.attributes();
    check_keys(attributes, false);
    attributes.remove(kConfigKey);
    attributes.remove(version_key());
}

}  // namespace butler_migrate::migrations

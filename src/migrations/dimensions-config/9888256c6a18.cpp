// dimensions-config 9888256c6a18: daf_butler dimension universe 3 <-> 4 (DM-34589).
//
// Only config:dimensions.json changes, not the schema: the version, and `"populated_by": "visit"` on the
// elements visit_detector_region, visit_definition and visit_system_membership (added by upgrade, removed by
// downgrade, an error if missing then). The stored version must be the one this step starts from.
#include <fmt/format.h>

#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kPopulatedElements[] = {"visit_detector_region", "visit_definition", "visit_system_membership"};

void migrate(StepContext& context, int old_version, int new_version, bool upgrade) {
    update_dimensions_json(context.attributes(), [&](OrderedJson& config) {
        const OrderedJson& version = pyjson::item(config, "version");
        if (!pyjson::equals_number(version, old_version)) {
            throw MigrationError(fmt::format("dimensions.json version mismatch: {}", pyjson::str(version)));
        }
        config["version"] = new_version;
        OrderedJson& elements = pyjson::item(config, "elements");
        for (const char* name : kPopulatedElements) {
            OrderedJson& element = pyjson::item(elements, name);
            if (upgrade) element["populated_by"] = "visit";
            else pyjson::erase(element, "populated_by");
        }
    });
}

}  // namespace

void upgrade_9888256c6a18(StepContext& context) { migrate(context, 3, 4, true); }

void downgrade_9888256c6a18(StepContext& context) { migrate(context, 4, 3, false); }

}  // namespace butler_migrate::migrations

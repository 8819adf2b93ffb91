// attributes c0e4f9ab4a5d: DefaultButlerAttributeManager 1.0.0 -> 1.0.1, drops the schema digests of the managers.
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr std::string_view kManager = "lsst.daf.butler.registry.attributes.DefaultButlerAttributeManager";
constexpr std::string_view kManagerPrefix = "config:registry.managers.";
constexpr std::string_view kDigestPrefix = "schema_digest:";

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

long long count_digests(const std::vector<std::pair<std::string, std::string>>& rows) {
    long long count = 0;
    for (const auto& row : rows) count += starts_with(row.first, kDigestPrefix) ? 1 : 0;
    return count;
}

}  // namespace

// Only the digests of the configured managers go; digests of classes no longer configured stay.
void upgrade_c0e4f9ab4a5d(StepContext& context) {
    ButlerAttributes& attributes = context.attributes();
    const auto rows = attributes.rows();
    context.log_info(fmt::format("number of schema digests in table before migration: {}", count_digests(rows)));
    for (const auto& [name, value] : rows) {
        if (!starts_with(name, kManagerPrefix)) continue;
        if (attributes.remove(fmt::format("{}{}", kDigestPrefix, value)) > 0) {
            context.log_info(fmt::format("deleted schema digest for {}", value));
        } else {
            context.log_info(fmt::format("schema digest does not exist for {}", value));
        }
    }
    context.log_info(
        fmt::format("number of schema digests in table after migration: {}", count_digests(attributes.rows())));
    attributes.update_manager_version(kManager, "1.0.1");
}

}  // namespace butler_migrate::migrations

// dimensions 1601d5973bf8: StaticDimensionRecordStorageManager 6.0.0 <-> 6.0.1.
//
// The four *_skypix_overlap tables get an index on the skypix columns followed by the element's keys, so
// that lookups by skypix pixel do not scan the tables. The index is named "<table>_idx_<columns>"; on
// PostgreSQL the long names are shrunk as daf_butler shrinks them (create_index/drop_index do that).
// Downgrade drops the same indexes. Both directions then record the manager version.
#include <string>
#include <utility>
#include <vector>

#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kManager = "lsst.daf.butler.registry.dimensions.static.StaticDimensionRecordStorageManager";

// Each table with the columns of its new index, in index order.
const std::vector<std::pair<std::string, std::vector<std::string>>>& overlap_indexes() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> indexes = {
        {"patch_skypix_overlap", {"skypix_system", "skypix_level", "skypix_index", "skymap", "tract", "patch"}},
        {"tract_skypix_overlap", {"skypix_system", "skypix_level", "skypix_index", "skymap", "tract"}},
        {"visit_detector_region_skypix_overlap",
         {"skypix_system", "skypix_level", "skypix_index", "instrument", "detector", "visit"}},
        {"visit_skypix_overlap", {"skypix_system", "skypix_level", "skypix_index", "instrument", "visit"}},
    };
    return indexes;
}

std::string index_name(const std::string& table, const std::vector<std::string>& columns) {
    std::string name = table + "_idx";
    for (const auto& column : columns) name += "_" + column;
    return name;
}

}  // namespace

void upgrade_1601d5973bf8(StepContext& context) {
    for (const auto& [table, columns] : overlap_indexes()) {
        schema::create_index(context, table, index_name(table, columns), columns);
    }
    context.attributes().update_manager_version(kManager, "6.0.1");
}

void downgrade_1601d5973bf8(StepContext& context) {
    for (const auto& [table, columns] : overlap_indexes()) {
        schema::drop_index(context, table, index_name(table, columns));
    }
    context.attributes().update_manager_version(kManager, "6.0.0");
}

}  // namespace butler_migrate::migrations

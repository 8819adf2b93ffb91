// datastores a81dddabd837: MonolithicDatastoreRegistryBridgeManager 0.2.0 <-> 0.2.1 (DM-50958).
//
// The primary key of dataset_location_trash changes its column order, (datastore_name, dataset_id) in 0.2.0
// and (dataset_id, datastore_name) in 0.2.1; the data stays as it is. PostgreSQL drops the old key before
// adding the new one of the same name. SQLite has no name for the old key, so it is not dropped explicitly:
// re-creating the table with the new named key replaces it, its rows loaded in the new key's order (in the old
// order, the random uuids of the new key's first column make every insert into its index a random write). The
// manager version is updated at the end.
#include <fmt/format.h>

#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kManager = "lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager";
constexpr const char* kTable = "dataset_location_trash";
constexpr const char* kPrimaryKey = "dataset_location_trash_pkey";

void migrate(StepContext& context, bool upgrade) {
    std::vector<std::string> pk_columns = upgrade ? std::vector<std::string>{"dataset_id", "datastore_name"}
                                                  : std::vector<std::string>{"datastore_name", "dataset_id"};
    schema::TableAlteration trash(kTable);
    if (context.dialect() != Dialect::sqlite) {
        context.log_info("Dropping existing primary key");
        trash.drop_constraint(kPrimaryKey);
    }
    context.log_info(fmt::format("Creating primary key with columns ['{}', '{}']", pk_columns[0], pk_columns[1]));
    trash.create_primary_key(kPrimaryKey, pk_columns);
    if (context.dialect() == Dialect::sqlite) {
        schema::apply_in_one_copy(context, {trash}, {});  // rows loaded in the new key's order
    } else {
        schema::apply(context, trash);
    }
}

}  // namespace

void upgrade_a81dddabd837(StepContext& context) {
    migrate(context, true);
    context.attributes().update_manager_version(kManager, "0.2.1");
}

void downgrade_a81dddabd837(StepContext& context) {
    migrate(context, false);
    context.attributes().update_manager_version(kManager, "0.2.0");
}

}  // namespace butler_migrate::migrations

// The catalogue: one explicit table of every upstream revision (regular and one-shot trees), per REFERENCE §2.
#include "butler_migrate/catalogue.hpp"
#include "migrations/steps.hpp"

namespace butler_migrate {
namespace {

// Step bodies that do nothing: upstream's empty downgrade of the one-shot collections migration.
void no_op_step(StepContext& /*context*/) {}

// Upstream raises NotImplementedError for this direction: the tool refuses it too.
constexpr Step kNotImpl{StepAvailability::not_implemented_upstream, nullptr};
// A ported step.
constexpr Step ported(StepFunction function) { return {StepAvailability::available, function}; }
// Upstream's body is empty: the step runs and only the alembic_version row changes.
constexpr Step kNoOp{StepAvailability::available, &no_op_step};

// Prose of the one-shot revision 93341d68b814 between its message and "Revision ID:", as the recorded
// `show-history --one-shot -v` output prints it (fixtures/_global/42_*.txt).
constexpr const char* kEmptyStartExtraDoc =
    "This is an empty migration, it is used as a starting revision for a special\n"
    "one-shot migration from NameKeyCollectionManager 2.0.0 to\n"
    "SynthIntKeyCollectionManager 2.0.0.";

// Columns: id, down revision, tree, own branch labels, message, extra doc, create date, manager class
// (namespace for the config pseudo-managers), manager version, upgrade, downgrade.
std::vector<Revision> build_catalogue() {
    return {
        // attributes
        {"f0a3531f97ca", "", "attributes", {"attributes"},
         "This is an initial pseudo-revision of the 'attributes' tree.",
         "", "2021-05-04 16:30:15.021347", "", "", kNotImpl, kNotImpl},
        {"f22a777cf382", "f0a3531f97ca", "attributes", {"attributes-DefaultButlerAttributeManager"},
         "Migration script for DefaultButlerAttributeManager 1.0.0.",
         "", "2021-05-04 16:30:16.571429", "DefaultButlerAttributeManager", "1.0.0", kNotImpl, kNotImpl},
        {"c0e4f9ab4a5d", "f22a777cf382", "attributes", {},
         "Migration script for DefaultButlerAttributeManager 1.0.1.",
         "", "2023-03-21 16:38:41.523277", "DefaultButlerAttributeManager", "1.0.1", ported(&migrations::upgrade_c0e4f9ab4a5d), kNotImpl},
        // collections
        {"8d2e9de2f21f", "", "collections", {"collections"},
         "This is an initial pseudo-revision of the 'collections' tree.",
         "", "2021-05-04 16:30:18.164583", "", "", kNotImpl, kNotImpl},
        {"a56af31bd899", "8d2e9de2f21f", "collections", {"collections-NameKeyCollectionManager"},
         "Migration script for NameKeyCollectionManager 0.1.0.",
         "", "2021-05-04 16:30:19.728318", "NameKeyCollectionManager", "0.1.0", kNotImpl, kNotImpl},
        {"3ce2d3adf1f5", "a56af31bd899", "collections", {},
         "Migration script for NameKeyCollectionManager 0.2.0.",
         "", "2021-05-04 16:30:21.199073", "NameKeyCollectionManager", "0.2.0", kNotImpl, kNotImpl},
        {"e866114194e1", "3ce2d3adf1f5", "collections", {},
         "Migration script for NameKeyCollectionManager 0.3.0.",
         "", "2021-05-04 16:30:22.520808", "NameKeyCollectionManager", "0.3.0", kNotImpl, kNotImpl},
        {"5e75e5391603", "e866114194e1", "collections", {},
         "Migration script for NameKeyCollectionManager 1.0.0.",
         "", "2021-05-04 16:30:23.980922", "NameKeyCollectionManager", "1.0.0", kNotImpl, kNotImpl},
        {"93341d68b814", "5e75e5391603", "collections", {},
         "Migration script for NameKeyCollectionManager 2.0.0.",
         "", "2021-05-04 16:30:25.367976", "NameKeyCollectionManager", "2.0.0", kNotImpl, kNotImpl},
        {"079a1bc77f25", "8d2e9de2f21f", "collections", {"collections-SynthIntKeyCollectionManager"},
         "Migration script for SynthIntKeyCollectionManager 0.1.0.",
         "", "2021-05-04 16:30:26.623802", "SynthIntKeyCollectionManager", "0.1.0", kNotImpl, kNotImpl},
        {"1a93ca89bc27", "079a1bc77f25", "collections", {},
         "Migration script for SynthIntKeyCollectionManager 0.2.0.",
         "", "2021-05-04 16:30:27.981554", "SynthIntKeyCollectionManager", "0.2.0", kNotImpl, kNotImpl},
        {"b4073b638219", "1a93ca89bc27", "collections", {},
         "Migration script for SynthIntKeyCollectionManager 0.3.0.",
         "", "2021-05-04 16:30:29.269649", "SynthIntKeyCollectionManager", "0.3.0", kNotImpl, kNotImpl},
        {"97a6aabd8998", "b4073b638219", "collections", {},
         "Migration script for SynthIntKeyCollectionManager 1.0.0.",
         "", "2021-05-04 16:30:30.631728", "SynthIntKeyCollectionManager", "1.0.0", kNotImpl, kNotImpl},
        {"8c57494cabcc", "97a6aabd8998", "collections", {},
         "Migration script for SynthIntKeyCollectionManager 2.0.0.",
         "", "2021-05-04 16:30:32.047817", "SynthIntKeyCollectionManager", "2.0.0", kNotImpl, kNotImpl},
        // datasets
        {"059cc7b7ef13", "", "datasets", {"datasets"},
         "This is an initial pseudo-revision of the 'datasets' tree.",
         "", "2021-05-04 16:30:46.028363", "", "", kNotImpl, kNotImpl},
        {"eb5a3cc76666", "059cc7b7ef13", "datasets", {"datasets-ByDimensionsDatasetRecordStorageManager"},
         "Migration script for ByDimensionsDatasetRecordStorageManager 0.1.0.",
         "", "2021-05-04 16:30:47.418654", "ByDimensionsDatasetRecordStorageManager", "0.1.0", kNotImpl, kNotImpl},
        {"38a9414ea7a2", "eb5a3cc76666", "datasets", {},
         "Migration script for ByDimensionsDatasetRecordStorageManager 0.2.0.",
         "", "2021-05-04 16:30:48.982742", "ByDimensionsDatasetRecordStorageManager", "0.2.0", kNotImpl, kNotImpl},
        {"576045cb7831", "38a9414ea7a2", "datasets", {},
         "Migration script for ByDimensionsDatasetRecordStorageManager 0.3.0.",
         "", "2021-05-04 16:30:50.476981", "ByDimensionsDatasetRecordStorageManager", "0.3.0", kNotImpl, kNotImpl},
        {"635083325f20", "576045cb7831", "datasets", {},
         "Migration script for ByDimensionsDatasetRecordStorageManager 1.0.0.",
         "", "2021-05-04 16:30:51.847700", "ByDimensionsDatasetRecordStorageManager", "1.0.0", kNotImpl, kNotImpl},
        {"2101fbf51ad3", "059cc7b7ef13", "datasets", {"datasets-ByDimensionsDatasetRecordStorageManagerUUID"},
         "Migration script for ByDimensionsDatasetRecordStorageManagerUUID 1.0.0.",
         "", "2021-05-04 16:30:53.171818", "ByDimensionsDatasetRecordStorageManagerUUID", "1.0.0", kNotImpl, kNotImpl},
        {"4e2d7a28475b", "2101fbf51ad3", "datasets", {},
         "Migration script for ByDimensionsDatasetRecordStorageManagerUUID 2.0.0.",
         "", "2023-03-31 22:25:32.651155", "ByDimensionsDatasetRecordStorageManagerUUID", "2.0.0", ported(&migrations::upgrade_4e2d7a28475b), ported(&migrations::downgrade_4e2d7a28475b)},
        // datastores
        {"6e7967ca2f9c", "", "datastores", {"datastores"},
         "This is an initial pseudo-revision of the 'datastores' tree.",
         "", "2021-05-04 16:30:58.787987", "", "", kNotImpl, kNotImpl},
        {"bb8b5df7ff80", "6e7967ca2f9c", "datastores", {"datastores-MonolithicDatastoreRegistryBridgeManager"},
         "Migration script for MonolithicDatastoreRegistryBridgeManager 0.1.0.",
         "", "2021-05-04 16:31:00.262139", "MonolithicDatastoreRegistryBridgeManager", "0.1.0", kNotImpl, kNotImpl},
        {"a07b3b60e369", "bb8b5df7ff80", "datastores", {},
         "Migration script for MonolithicDatastoreRegistryBridgeManager 0.2.0.",
         "", "2021-05-04 16:31:01.640821", "MonolithicDatastoreRegistryBridgeManager", "0.2.0", kNotImpl, kNotImpl},
        {"a81dddabd837", "a07b3b60e369", "datastores", {},
         "Migration script for MonolithicDatastoreRegistryBridgeManager 0.2.1.",
         "", "2025-05-20 14:57:52.486966", "MonolithicDatastoreRegistryBridgeManager", "0.2.1", ported(&migrations::upgrade_a81dddabd837), ported(&migrations::downgrade_a81dddabd837)},
        // dimensions
        {"6166dfbb5324", "", "dimensions", {"dimensions"},
         "This is an initial pseudo-revision of the 'dimensions' tree.",
         "", "2021-05-04 16:30:33.516669", "", "", kNotImpl, kNotImpl},
        {"c2671338a42f", "6166dfbb5324", "dimensions", {"dimensions-StaticDimensionRecordStorageManager"},
         "Migration script for StaticDimensionRecordStorageManager 0.1.0.",
         "", "2021-05-04 16:30:34.869493", "StaticDimensionRecordStorageManager", "0.1.0", kNotImpl, kNotImpl},
        {"4f4f243fea82", "c2671338a42f", "dimensions", {},
         "Migration script for StaticDimensionRecordStorageManager 0.2.0.",
         "", "2021-05-04 16:30:36.257007", "StaticDimensionRecordStorageManager", "0.2.0", kNotImpl, kNotImpl},
        {"2dea9d903dde", "4f4f243fea82", "dimensions", {},
         "Migration script for StaticDimensionRecordStorageManager 1.2.0.",
         "", "2021-05-04 16:30:37.684922", "StaticDimensionRecordStorageManager", "1.2.0", kNotImpl, kNotImpl},
        {"36d66ca4d7a3", "2dea9d903dde", "dimensions", {},
         "Migration script for StaticDimensionRecordStorageManager 2.2.0.",
         "", "2021-05-04 16:30:39.090992", "StaticDimensionRecordStorageManager", "2.2.0", kNotImpl, kNotImpl},
        {"3859eac451aa", "36d66ca4d7a3", "dimensions", {},
         "Migration script for StaticDimensionRecordStorageManager 3.2.0.",
         "", "2021-05-04 16:30:40.488941", "StaticDimensionRecordStorageManager", "3.2.0", kNotImpl, kNotImpl},
        {"e45766f0daea", "3859eac451aa", "dimensions", {},
         "Migration script for StaticDimensionRecordStorageManager 4.0.0.",
         "", "2021-05-04 16:30:41.803972", "StaticDimensionRecordStorageManager", "4.0.0", kNotImpl, kNotImpl},
        {"a1e0fefed6c7", "e45766f0daea", "dimensions", {},
         "Migration script for StaticDimensionRecordStorageManager 5.0.0.",
         "", "2021-05-04 16:30:43.209645", "StaticDimensionRecordStorageManager", "5.0.0", kNotImpl, kNotImpl},
        {"87a30df8c8c5", "a1e0fefed6c7", "dimensions", {},
         "Migration script for StaticDimensionRecordStorageManager 6.0.0.",
         "", "2021-05-04 16:30:44.616525", "StaticDimensionRecordStorageManager", "6.0.0", kNotImpl, kNotImpl},
        {"1601d5973bf8", "87a30df8c8c5", "dimensions", {},
         "Migration script for StaticDimensionRecordStorageManager 6.0.1.",
         "", "2021-09-01 09:43:25.448091", "StaticDimensionRecordStorageManager", "6.0.1", ported(&migrations::upgrade_1601d5973bf8), ported(&migrations::downgrade_1601d5973bf8)},
        {"035dcf13ef18", "1601d5973bf8", "dimensions", {},
         "Migration script for StaticDimensionRecordStorageManager 6.0.2.",
         "", "2022-05-19 15:40:18.561744", "StaticDimensionRecordStorageManager", "6.0.2", ported(&migrations::upgrade_035dcf13ef18), ported(&migrations::downgrade_035dcf13ef18)},
        // dimensions-config
        {"3e2891b82110", "", "dimensions-config", {"dimensions-config"},
         "This is an initial pseudo-revision of the 'dimensions-config' tree.",
         "", "2022-05-13 14:37:42.026701", "", "", kNotImpl, kNotImpl},
        {"f3bcee34f344", "3e2891b82110", "dimensions-config", {"dimensions-config-daf_butler"},
         "Migration script for dimensions.yaml namespace=daf_butler version=0.",
         "", "2022-05-13 14:38:32.175603", "daf_butler", "0", kNotImpl, kNotImpl},
        {"380002bcbb26", "f3bcee34f344", "dimensions-config", {},
         "Migration script for dimensions.yaml namespace=daf_butler version=1.",
         "", "2022-05-13 14:38:35.806960", "daf_butler", "1", ported(&migrations::upgrade_380002bcbb26), ported(&migrations::downgrade_380002bcbb26)},
        {"bf6308af80aa", "380002bcbb26", "dimensions-config", {},
         "Migration script for dimensions.yaml namespace=daf_butler version=2.",
         "", "2022-05-16 12:11:17.906600", "daf_butler", "2", ported(&migrations::upgrade_bf6308af80aa), kNotImpl},
        {"c5ae3a2cd7c2", "bf6308af80aa", "dimensions-config", {},
         "Migration script for dimensions.yaml namespace=daf_butler version=3.",
         "", "2022-11-25 12:04:18.424257", "daf_butler", "3", ported(&migrations::upgrade_c5ae3a2cd7c2), ported(&migrations::downgrade_c5ae3a2cd7c2)},
        {"9888256c6a18", "c5ae3a2cd7c2", "dimensions-config", {},
         "Migration script for dimensions.yaml namespace=daf_butler version=4.",
         "", "2023-12-04 18:16:25.375102", "daf_butler", "4", ported(&migrations::upgrade_9888256c6a18), ported(&migrations::downgrade_9888256c6a18)},
        {"2a8a32e1bec3", "9888256c6a18", "dimensions-config", {},
         "Migration script for dimensions.yaml namespace=daf_butler version=5.",
         "", "2024-02-20 14:49:26.435042", "daf_butler", "5", ported(&migrations::upgrade_2a8a32e1bec3), ported(&migrations::downgrade_2a8a32e1bec3)},
        {"1fae088c80b6", "2a8a32e1bec3", "dimensions-config", {},
         "Migration script for dimensions.yaml namespace=daf_butler version=6.",
         "", "2024-03-12 14:35:38.888572", "daf_butler", "6", ported(&migrations::upgrade_1fae088c80b6), kNotImpl},
        {"352c30854bb0", "1fae088c80b6", "dimensions-config", {},
         "Migration script for dimensions.yaml namespace=daf_butler version=7.",
         "", "2024-03-28 12:14:53.021101", "daf_butler", "7", ported(&migrations::upgrade_352c30854bb0), ported(&migrations::downgrade_352c30854bb0)},
        // obscore
        {"8b8e030aba2b", "", "obscore", {"obscore"},
         "This is an initial pseudo-revision of the 'obscore' tree.",
         "", "2022-10-27 16:03:57.771563", "", "", kNotImpl, kNotImpl},
        {"a0d766f99876", "8b8e030aba2b", "obscore", {"obscore-ObsCoreLiveTableManager"},
         "Migration script for ObsCoreLiveTableManager 0.0.1.",
         "", "2022-10-27 16:05:17.523936", "ObsCoreLiveTableManager", "0.0.1", ported(&migrations::upgrade_a0d766f99876), ported(&migrations::downgrade_a0d766f99876)},
        // obscore-config
        {"2daeabfb5019", "", "obscore-config", {"obscore-config"},
         "This is an initial pseudo-revision of the 'obscore-config' tree.",
         "", "2022-10-28 10:48:54.550498", "", "", kNotImpl, kNotImpl},
        {"4fe28ef5030f", "2daeabfb5019", "obscore-config", {"obscore-config-embargo"},
         "Migration script for obscore-config namespace=embargo version=1.",
         "", "2023-02-02 10:28:46.217250", "embargo", "1", ported(&migrations::upgrade_4fe28ef5030f), ported(&migrations::downgrade_4fe28ef5030f)},
        // opaque
        {"c2c46f409743", "", "opaque", {"opaque"},
         "This is an initial pseudo-revision of the 'opaque' tree.",
         "", "2021-05-04 16:30:54.602018", "", "", kNotImpl, kNotImpl},
        {"61f6b63d296d", "c2c46f409743", "opaque", {"opaque-ByNameOpaqueTableStorageManager"},
         "Migration script for ByNameOpaqueTableStorageManager 0.1.0.",
         "", "2021-05-04 16:30:55.896538", "ByNameOpaqueTableStorageManager", "0.1.0", kNotImpl, kNotImpl},
        {"77e5b803ad3f", "61f6b63d296d", "opaque", {},
         "Migration script for ByNameOpaqueTableStorageManager 0.2.0.",
         "", "2021-05-04 16:30:57.345621", "ByNameOpaqueTableStorageManager", "0.2.0", kNotImpl, kNotImpl},
        // collections/name_2.0.0_to_int_2.0.0
        {"8d2e9de2f21f", "", "collections/name_2.0.0_to_int_2.0.0", {"collections"},
         "Initial pseudo-revision of the 'collections/name_2.0.0_to_int_2.0.0' tree.",
         "", "2023-12-08 11:23:50.049922", "", "", kNotImpl, kNotImpl},
        {"93341d68b814", "8d2e9de2f21f", "collections/name_2.0.0_to_int_2.0.0", {},
         "Migration script for NameKeyCollectionManager 2.0.0.",
         kEmptyStartExtraDoc, "2023-12-08 11:25:19.172876", "NameKeyCollectionManager", "2.0.0", kNotImpl, kNotImpl},
        {"8c57494cabcc", "93341d68b814", "collections/name_2.0.0_to_int_2.0.0", {},
         "Migration script for SynthIntKeyCollectionManager 2.0.0.",
         "", "2023-12-08 11:25:33.984476", "SynthIntKeyCollectionManager", "2.0.0", ported(&migrations::upgrade_8c57494cabcc), kNoOp},
        // datasets/int_1.0.0_to_uuid_1.0.0
        {"059cc7b7ef13", "", "datasets/int_1.0.0_to_uuid_1.0.0", {"datasets"},
         "This is an initial pseudo-revision of the 'datasets/int_1.0.0_to_uuid_1.0.0' tree.",
         "", "2021-05-04 16:31:03.072812", "", "", kNotImpl, kNotImpl},
        {"635083325f20", "059cc7b7ef13", "datasets/int_1.0.0_to_uuid_1.0.0", {},
         "Migration script for ByDimensionsDatasetRecordStorageManager 1.0.0.",
         "", "2021-05-04 16:31:04.471227", "ByDimensionsDatasetRecordStorageManager", "1.0.0", kNotImpl, kNotImpl},
        {"2101fbf51ad3", "635083325f20", "datasets/int_1.0.0_to_uuid_1.0.0", {},
         "Migration script for ByDimensionsDatasetRecordStorageManagerUUID 1.0.0.",
         "", "2021-05-04 16:31:05.926989", "ByDimensionsDatasetRecordStorageManagerUUID", "1.0.0", ported(&migrations::upgrade_2101fbf51ad3), kNotImpl},
    };
}

}  // namespace

const std::vector<Revision>& all_revisions() {
    static const std::vector<Revision> catalogue = build_catalogue();
    return catalogue;
}

}  // namespace butler_migrate

// The catalogue: one row per upstream revision (regular and one-shot trees), per REFERENCE §2.
// Adding a revision: docs/dev/adding-a-migration.md.
#include "butler_migrate/migrations/catalogue.hpp"

#include "butler_migrate/core/step_context.hpp"
#include "migrations/catalogue_row.hpp"
#include "migrations/dimensions-config/universe_steps.hpp"

namespace butler_migrate::migrations {

// The step functions of the revisions that do work, one source file each: src/migrations/<tree>/<id>.cpp.
void upgrade_c0e4f9ab4a5d(StepContext& context);  // attributes: DefaultButlerAttributeManager 1.0.0 -> 1.0.1

void upgrade_4e2d7a28475b(StepContext& context);  // datasets: ...UUID 1.0.0 -> 2.0.0 (ingest_date in TAI ns)
void downgrade_4e2d7a28475b(StepContext& context);

void upgrade_a81dddabd837(StepContext& context);  // datastores: 0.2.0 -> 0.2.1 (trash primary key order)
void downgrade_a81dddabd837(StepContext& context);

void upgrade_1601d5973bf8(StepContext& context);  // dimensions: 6.0.0 -> 6.0.1 (skypix overlap indexes)
void downgrade_1601d5973bf8(StepContext& context);

void upgrade_035dcf13ef18(StepContext& context);  // dimensions: 6.0.1 -> 6.0.2 (implied columns NOT NULL)
void preflight_upgrade_035dcf13ef18(StepContext& context);
void preflight_downgrade_035dcf13ef18(StepContext& context);
void downgrade_035dcf13ef18(StepContext& context);

void upgrade_a0d766f99876(StepContext& context);  // obscore: none -> ObsCoreLiveTableManager 0.0.1
void downgrade_a0d766f99876(StepContext& context);

// dimensions-config: the stored dimension universe (config:dimensions.json) and the tables it describes.
void upgrade_380002bcbb26(StepContext& context);  // universe 0 -> 1 (namespace, healpix)
void downgrade_380002bcbb26(StepContext& context);
void upgrade_bf6308af80aa(StepContext& context);  // universe 1 -> 2 (visit systems, seq_num, azimuth, has_simulated)
void upgrade_c5ae3a2cd7c2(StepContext& context);  // universe 2 -> 3 (observation_reason 32 -> 68)
void downgrade_c5ae3a2cd7c2(StepContext& context);
void upgrade_9888256c6a18(StepContext& context);  // universe 3 -> 4 (populated_by)
void downgrade_9888256c6a18(StepContext& context);
void upgrade_2a8a32e1bec3(StepContext& context);  // universe 4 -> 5 (instrument name 16 -> 32)
void preflight_2a8a32e1bec3(StepContext& context);
void downgrade_2a8a32e1bec3(StepContext& context);
void upgrade_1fae088c80b6(StepContext& context);  // universe 5 -> 6 (day_obs and group tables)
void upgrade_352c30854bb0(StepContext& context);  // universe 6 -> 7 (exposure.can_see_sky)
void downgrade_352c30854bb0(StepContext& context);
void upgrade_aa7a2f893cba(StepContext& context);  // universe 7 -> 8 (ssp_hypothesis_table, _bundle, ssp_balanced_index)
void downgrade_aa7a2f893cba(StepContext& context);

// dimensions-config-patches: fixes outside the universe's own history, recorded in migrate-patch-config rows.
void upgrade_ffe757e1ab0f(StepContext& context);  // daf_butler v6-patch1 (visit -> day_obs foreign key)
void preflight_ffe757e1ab0f(StepContext& context);

// obscore-config: the obscore table described by config:obscore.json.
void upgrade_4fe28ef5030f(StepContext& context);  // none -> namespace embargo version 1
void preflight_4fe28ef5030f(StepContext& context);
void downgrade_4fe28ef5030f(StepContext& context);

// One-shot trees (migrations/oneshot/<type>/): a manager type moving to another class.
void upgrade_8c57494cabcc(StepContext& context);  // collections/name_2.0.0_to_int_2.0.0: NameKey -> SynthIntKey
void upgrade_2101fbf51ad3(StepContext& context);  // datasets/int_1.0.0_to_uuid_1.0.0: integer ids -> UUIDs

}  // namespace butler_migrate::migrations

namespace butler_migrate {
namespace {

using migrations::revision;

// Prose of the one-shot revision 93341d68b814 between its message and "Revision ID:", as the recorded
// `show-history --one-shot -v` output prints it (fixtures/_global/42_*.txt).
constexpr const char* kEmptyStartExtraDoc =
    "This is an empty migration, it is used as a starting revision for a special\n"
    "one-shot migration from NameKeyCollectionManager 2.0.0 to\n"
    "SynthIntKeyCollectionManager 2.0.0.";

// Within a tree, rows go root first. A one-shot step's butler.yaml class is written as daf_butler's own
// default registry configuration names it. Ids that upstream derives from (tree, manager, version) are checked
// against that formula when the catalogue is built.
std::vector<Revision> build_catalogue() {
    return {
        // attributes
        revision("attributes", "f0a3531f97ca").labels({"attributes"})
            .message("This is an initial pseudo-revision of the 'attributes' tree.")
            .created("2021-05-04 16:30:15.021347"),
        revision("attributes", "f22a777cf382").after("f0a3531f97ca")
            .labels({"attributes-DefaultButlerAttributeManager"})
            .manager("DefaultButlerAttributeManager", "1.0.0")
            .message("Migration script for DefaultButlerAttributeManager 1.0.0.")
            .created("2021-05-04 16:30:16.571429"),
        revision("attributes", "c0e4f9ab4a5d").after("f22a777cf382")
            .manager("DefaultButlerAttributeManager", "1.0.1")
            .message("Migration script for DefaultButlerAttributeManager 1.0.1.")
            .created("2023-03-21 16:38:41.523277")
            .upgrade(&migrations::upgrade_c0e4f9ab4a5d),
        // collections
        revision("collections", "8d2e9de2f21f").labels({"collections"})
            .message("This is an initial pseudo-revision of the 'collections' tree.")
            .created("2021-05-04 16:30:18.164583"),
        revision("collections", "a56af31bd899").after("8d2e9de2f21f")
            .labels({"collections-NameKeyCollectionManager"})
            .manager("NameKeyCollectionManager", "0.1.0")
            .message("Migration script for NameKeyCollectionManager 0.1.0.")
            .created("2021-05-04 16:30:19.728318"),
        revision("collections", "3ce2d3adf1f5").after("a56af31bd899")
            .manager("NameKeyCollectionManager", "0.2.0")
            .message("Migration script for NameKeyCollectionManager 0.2.0.")
            .created("2021-05-04 16:30:21.199073"),
        revision("collections", "e866114194e1").after("3ce2d3adf1f5")
            .manager("NameKeyCollectionManager", "0.3.0")
            .message("Migration script for NameKeyCollectionManager 0.3.0.")
            .created("2021-05-04 16:30:22.520808"),
        revision("collections", "5e75e5391603").after("e866114194e1")
            .manager("NameKeyCollectionManager", "1.0.0")
            .message("Migration script for NameKeyCollectionManager 1.0.0.")
            .created("2021-05-04 16:30:23.980922"),
        revision("collections", "93341d68b814").after("5e75e5391603")
            .manager("NameKeyCollectionManager", "2.0.0")
            .message("Migration script for NameKeyCollectionManager 2.0.0.")
            .created("2021-05-04 16:30:25.367976"),
        revision("collections", "079a1bc77f25").after("8d2e9de2f21f")
            .labels({"collections-SynthIntKeyCollectionManager"})
            .manager("SynthIntKeyCollectionManager", "0.1.0")
            .message("Migration script for SynthIntKeyCollectionManager 0.1.0.")
            .created("2021-05-04 16:30:26.623802"),
        revision("collections", "1a93ca89bc27").after("079a1bc77f25")
            .manager("SynthIntKeyCollectionManager", "0.2.0")
            .message("Migration script for SynthIntKeyCollectionManager 0.2.0.")
            .created("2021-05-04 16:30:27.981554"),
        revision("collections", "b4073b638219").after("1a93ca89bc27")
            .manager("SynthIntKeyCollectionManager", "0.3.0")
            .message("Migration script for SynthIntKeyCollectionManager 0.3.0.")
            .created("2021-05-04 16:30:29.269649"),
        revision("collections", "97a6aabd8998").after("b4073b638219")
            .manager("SynthIntKeyCollectionManager", "1.0.0")
            .message("Migration script for SynthIntKeyCollectionManager 1.0.0.")
            .created("2021-05-04 16:30:30.631728"),
        revision("collections", "8c57494cabcc").after("97a6aabd8998")
            .manager("SynthIntKeyCollectionManager", "2.0.0")
            .message("Migration script for SynthIntKeyCollectionManager 2.0.0.")
            .created("2021-05-04 16:30:32.047817"),
        // datasets
        revision("datasets", "059cc7b7ef13").labels({"datasets"})
            .message("This is an initial pseudo-revision of the 'datasets' tree.")
            .created("2021-05-04 16:30:46.028363"),
        revision("datasets", "eb5a3cc76666").after("059cc7b7ef13")
            .labels({"datasets-ByDimensionsDatasetRecordStorageManager"})
            .manager("ByDimensionsDatasetRecordStorageManager", "0.1.0")
            .message("Migration script for ByDimensionsDatasetRecordStorageManager 0.1.0.")
            .created("2021-05-04 16:30:47.418654"),
        revision("datasets", "38a9414ea7a2").after("eb5a3cc76666")
            .manager("ByDimensionsDatasetRecordStorageManager", "0.2.0")
            .message("Migration script for ByDimensionsDatasetRecordStorageManager 0.2.0.")
            .created("2021-05-04 16:30:48.982742"),
        revision("datasets", "576045cb7831").after("38a9414ea7a2")
            .manager("ByDimensionsDatasetRecordStorageManager", "0.3.0")
            .message("Migration script for ByDimensionsDatasetRecordStorageManager 0.3.0.")
            .created("2021-05-04 16:30:50.476981"),
        revision("datasets", "635083325f20").after("576045cb7831")
            .manager("ByDimensionsDatasetRecordStorageManager", "1.0.0")
            .message("Migration script for ByDimensionsDatasetRecordStorageManager 1.0.0.")
            .created("2021-05-04 16:30:51.847700"),
        revision("datasets", "2101fbf51ad3").after("059cc7b7ef13")
            .labels({"datasets-ByDimensionsDatasetRecordStorageManagerUUID"})
            .manager("ByDimensionsDatasetRecordStorageManagerUUID", "1.0.0")
            .message("Migration script for ByDimensionsDatasetRecordStorageManagerUUID 1.0.0.")
            .created("2021-05-04 16:30:53.171818"),
        revision("datasets", "4e2d7a28475b").after("2101fbf51ad3")
            .manager("ByDimensionsDatasetRecordStorageManagerUUID", "2.0.0")
            .message("Migration script for ByDimensionsDatasetRecordStorageManagerUUID 2.0.0.")
            .created("2023-03-31 22:25:32.651155")
            .upgrade(&migrations::upgrade_4e2d7a28475b)
            .downgrade(&migrations::downgrade_4e2d7a28475b)
            .alters({"dataset"}),
        // datastores
        revision("datastores", "6e7967ca2f9c").labels({"datastores"})
            .message("This is an initial pseudo-revision of the 'datastores' tree.")
            .created("2021-05-04 16:30:58.787987"),
        revision("datastores", "bb8b5df7ff80").after("6e7967ca2f9c")
            .labels({"datastores-MonolithicDatastoreRegistryBridgeManager"})
            .manager("MonolithicDatastoreRegistryBridgeManager", "0.1.0")
            .message("Migration script for MonolithicDatastoreRegistryBridgeManager 0.1.0.")
            .created("2021-05-04 16:31:00.262139"),
        revision("datastores", "a07b3b60e369").after("bb8b5df7ff80")
            .manager("MonolithicDatastoreRegistryBridgeManager", "0.2.0")
            .message("Migration script for MonolithicDatastoreRegistryBridgeManager 0.2.0.")
            .created("2021-05-04 16:31:01.640821"),
        revision("datastores", "a81dddabd837").after("a07b3b60e369")
            .manager("MonolithicDatastoreRegistryBridgeManager", "0.2.1")
            .message("Migration script for MonolithicDatastoreRegistryBridgeManager 0.2.1.")
            .created("2025-05-20 14:57:52.486966")
            .upgrade(&migrations::upgrade_a81dddabd837)
            .downgrade(&migrations::downgrade_a81dddabd837)
            .alters({"dataset_location_trash"}),
        // dimensions
        revision("dimensions", "6166dfbb5324").labels({"dimensions"})
            .message("This is an initial pseudo-revision of the 'dimensions' tree.")
            .created("2021-05-04 16:30:33.516669"),
        revision("dimensions", "c2671338a42f").after("6166dfbb5324")
            .labels({"dimensions-StaticDimensionRecordStorageManager"})
            .manager("StaticDimensionRecordStorageManager", "0.1.0")
            .message("Migration script for StaticDimensionRecordStorageManager 0.1.0.")
            .created("2021-05-04 16:30:34.869493"),
        revision("dimensions", "4f4f243fea82").after("c2671338a42f")
            .manager("StaticDimensionRecordStorageManager", "0.2.0")
            .message("Migration script for StaticDimensionRecordStorageManager 0.2.0.")
            .created("2021-05-04 16:30:36.257007"),
        revision("dimensions", "2dea9d903dde").after("4f4f243fea82")
            .manager("StaticDimensionRecordStorageManager", "1.2.0")
            .message("Migration script for StaticDimensionRecordStorageManager 1.2.0.")
            .created("2021-05-04 16:30:37.684922"),
        revision("dimensions", "36d66ca4d7a3").after("2dea9d903dde")
            .manager("StaticDimensionRecordStorageManager", "2.2.0")
            .message("Migration script for StaticDimensionRecordStorageManager 2.2.0.")
            .created("2021-05-04 16:30:39.090992"),
        revision("dimensions", "3859eac451aa").after("36d66ca4d7a3")
            .manager("StaticDimensionRecordStorageManager", "3.2.0")
            .message("Migration script for StaticDimensionRecordStorageManager 3.2.0.")
            .created("2021-05-04 16:30:40.488941"),
        revision("dimensions", "e45766f0daea").after("3859eac451aa")
            .manager("StaticDimensionRecordStorageManager", "4.0.0")
            .message("Migration script for StaticDimensionRecordStorageManager 4.0.0.")
            .created("2021-05-04 16:30:41.803972"),
        revision("dimensions", "a1e0fefed6c7").after("e45766f0daea")
            .manager("StaticDimensionRecordStorageManager", "5.0.0")
            .message("Migration script for StaticDimensionRecordStorageManager 5.0.0.")
            .created("2021-05-04 16:30:43.209645"),
        revision("dimensions", "87a30df8c8c5").after("a1e0fefed6c7")
            .manager("StaticDimensionRecordStorageManager", "6.0.0")
            .message("Migration script for StaticDimensionRecordStorageManager 6.0.0.")
            .created("2021-05-04 16:30:44.616525"),
        revision("dimensions", "1601d5973bf8").after("87a30df8c8c5")
            .manager("StaticDimensionRecordStorageManager", "6.0.1")
            .message("Migration script for StaticDimensionRecordStorageManager 6.0.1.")
            .created("2021-09-01 09:43:25.448091")
            .upgrade(&migrations::upgrade_1601d5973bf8)
            .downgrade(&migrations::downgrade_1601d5973bf8)
            .alters({"%_skypix_overlap"}),
        revision("dimensions", "035dcf13ef18").after("1601d5973bf8")
            .manager("StaticDimensionRecordStorageManager", "6.0.2")
            .message("Migration script for StaticDimensionRecordStorageManager 6.0.2.")
            .created("2022-05-19 15:40:18.561744")
            .upgrade(&migrations::upgrade_035dcf13ef18)
            .downgrade(&migrations::downgrade_035dcf13ef18)
            .upgrade_preflight(&migrations::preflight_upgrade_035dcf13ef18)
            .downgrade_preflight(&migrations::preflight_downgrade_035dcf13ef18),
        // dimensions-config
        revision("dimensions-config", "3e2891b82110").labels({"dimensions-config"})
            .message("This is an initial pseudo-revision of the 'dimensions-config' tree.")
            .created("2022-05-13 14:37:42.026701"),
        revision("dimensions-config", "f3bcee34f344").after("3e2891b82110")
            .labels({"dimensions-config-daf_butler"})
            .manager("daf_butler", "0")
            .message("Migration script for dimensions.yaml namespace=daf_butler version=0.")
            .created("2022-05-13 14:38:32.175603"),
        revision("dimensions-config", "380002bcbb26").after("f3bcee34f344")
            .manager("daf_butler", "1")
            .message("Migration script for dimensions.yaml namespace=daf_butler version=1.")
            .created("2022-05-13 14:38:35.806960")
            .upgrade(&migrations::upgrade_380002bcbb26)
            .downgrade(&migrations::downgrade_380002bcbb26)
            .upgrade_preflight(&migrations::universe_steps::check_universe_files)
            .downgrade_preflight(&migrations::universe_steps::check_universe_files),
        revision("dimensions-config", "bf6308af80aa").after("380002bcbb26")
            .manager("daf_butler", "2")
            .message("Migration script for dimensions.yaml namespace=daf_butler version=2.")
            .created("2022-05-16 12:11:17.906600")
            .upgrade(&migrations::upgrade_bf6308af80aa)
            .upgrade_preflight(&migrations::universe_steps::check_universe_files)
            .downgrade_preflight(&migrations::universe_steps::check_universe_files)
            .alters({"exposure", "instrument", "visit", "visit_definition", "visit_system", "visit_system_membership"}),
        revision("dimensions-config", "c5ae3a2cd7c2").after("bf6308af80aa")
            .manager("daf_butler", "3")
            .message("Migration script for dimensions.yaml namespace=daf_butler version=3.")
            .created("2022-11-25 12:04:18.424257")
            .upgrade(&migrations::upgrade_c5ae3a2cd7c2)
            .downgrade(&migrations::downgrade_c5ae3a2cd7c2)
            .upgrade_preflight(&migrations::universe_steps::check_universe_files)
            .downgrade_preflight(&migrations::universe_steps::check_universe_files)
            .alters({"exposure", "visit"}),
        revision("dimensions-config", "9888256c6a18").after("c5ae3a2cd7c2")
            .manager("daf_butler", "4")
            .message("Migration script for dimensions.yaml namespace=daf_butler version=4.")
            .created("2023-12-04 18:16:25.375102")
            .upgrade(&migrations::upgrade_9888256c6a18)
            .downgrade(&migrations::downgrade_9888256c6a18)
            .upgrade_preflight(&migrations::universe_steps::check_universe_files)
            .downgrade_preflight(&migrations::universe_steps::check_universe_files),
        revision("dimensions-config", "2a8a32e1bec3").after("9888256c6a18")
            .manager("daf_butler", "5")
            .message("Migration script for dimensions.yaml namespace=daf_butler version=5.")
            .created("2024-02-20 14:49:26.435042")
            .upgrade(&migrations::upgrade_2a8a32e1bec3)
            .downgrade(&migrations::downgrade_2a8a32e1bec3)
            .upgrade_preflight(&migrations::preflight_2a8a32e1bec3)
            .downgrade_preflight(&migrations::preflight_2a8a32e1bec3),
        revision("dimensions-config", "1fae088c80b6").after("2a8a32e1bec3")
            .manager("daf_butler", "6")
            .message("Migration script for dimensions.yaml namespace=daf_butler version=6.")
            .created("2024-03-12 14:35:38.888572")
            .upgrade(&migrations::upgrade_1fae088c80b6)
            .upgrade_preflight(&migrations::universe_steps::check_universe_files)
            .downgrade_preflight(&migrations::universe_steps::check_universe_files)
            .alters({"day_obs", "group", "exposure"}),
        revision("dimensions-config", "352c30854bb0").after("1fae088c80b6")
            .manager("daf_butler", "7")
            .message("Migration script for dimensions.yaml namespace=daf_butler version=7.")
            .created("2024-03-28 12:14:53.021101")
            .upgrade(&migrations::upgrade_352c30854bb0)
            .downgrade(&migrations::downgrade_352c30854bb0)
            .upgrade_preflight(&migrations::universe_steps::check_universe_files)
            .downgrade_preflight(&migrations::universe_steps::check_universe_files)
            .alters({"exposure"}),
        revision("dimensions-config", "aa7a2f893cba").after("352c30854bb0")
            .manager("daf_butler", "8")
            .message("Migration script for dimensions.yaml namespace=daf_butler version=8.")
            .created("2026-05-05 15:24:24.546869")
            .upgrade(&migrations::upgrade_aa7a2f893cba)
            .downgrade(&migrations::downgrade_aa7a2f893cba)
            .upgrade_preflight(&migrations::universe_steps::check_universe_files)
            .downgrade_preflight(&migrations::universe_steps::check_universe_files)
            .alters({"ssp_hypothesis_table", "ssp_hypothesis_bundle", "ssp_balanced_index"}),
        // dimensions-config-patches (DM-55966, upstream c70930da / 89827c5a)
        revision("dimensions-config-patches", "8a1a1665cc96").labels({"dimensions-config-patches"})
            .message("This is an initial pseudo-revision of the 'dimensions-config-patches' tree.")
            .created("2026-09-12 14:26:21.599357")
            .upgrade_does_nothing(),
        revision("dimensions-config-patches", "ffe757e1ab0f").after("8a1a1665cc96")
            .labels({"dimensions-config-patches-daf_butler"})
            .depends_on({"1fae088c80b6"})
            .manager("daf_butler", "v6-patch1")
            .message("Patch script for dimensions.yaml, namespace=daf_butler version=v6-patch1.")
            .created("2026-09-12 14:26:23.462846")
            .upgrade(&migrations::upgrade_ffe757e1ab0f)
            .alters({"visit"})
            .upgrade_preflight(&migrations::preflight_ffe757e1ab0f),
        // obscore
        revision("obscore", "8b8e030aba2b").labels({"obscore"})
            .message("This is an initial pseudo-revision of the 'obscore' tree.")
            .created("2022-10-27 16:03:57.771563"),
        revision("obscore", "a0d766f99876").after("8b8e030aba2b")
            .labels({"obscore-ObsCoreLiveTableManager"})
            .manager("ObsCoreLiveTableManager", "0.0.1")
            .message("Migration script for ObsCoreLiveTableManager 0.0.1.")
            .created("2022-10-27 16:05:17.523936")
            .upgrade(&migrations::upgrade_a0d766f99876)
            .downgrade(&migrations::downgrade_a0d766f99876),
        // obscore-config
        revision("obscore-config", "2daeabfb5019").labels({"obscore-config"})
            .message("This is an initial pseudo-revision of the 'obscore-config' tree.")
            .created("2022-10-28 10:48:54.550498"),
        revision("obscore-config", "4fe28ef5030f").after("2daeabfb5019")
            .labels({"obscore-config-embargo"})
            .manager("embargo", "1")
            .message("Migration script for obscore-config namespace=embargo version=1.")
            .created("2023-02-02 10:28:46.217250")
            .upgrade(&migrations::upgrade_4fe28ef5030f)
            .downgrade(&migrations::downgrade_4fe28ef5030f)
            .upgrade_preflight(&migrations::preflight_4fe28ef5030f),
        // opaque
        revision("opaque", "c2c46f409743").labels({"opaque"})
            .message("This is an initial pseudo-revision of the 'opaque' tree.")
            .created("2021-05-04 16:30:54.602018"),
        revision("opaque", "61f6b63d296d").after("c2c46f409743")
            .labels({"opaque-ByNameOpaqueTableStorageManager"})
            .manager("ByNameOpaqueTableStorageManager", "0.1.0")
            .message("Migration script for ByNameOpaqueTableStorageManager 0.1.0.")
            .created("2021-05-04 16:30:55.896538"),
        revision("opaque", "77e5b803ad3f").after("61f6b63d296d")
            .manager("ByNameOpaqueTableStorageManager", "0.2.0")
            .message("Migration script for ByNameOpaqueTableStorageManager 0.2.0.")
            .created("2021-05-04 16:30:57.345621"),
        // collections/name_2.0.0_to_int_2.0.0
        revision("collections/name_2.0.0_to_int_2.0.0", "8d2e9de2f21f").labels({"collections"})
            .message("Initial pseudo-revision of the 'collections/name_2.0.0_to_int_2.0.0' tree.")
            .created("2023-12-08 11:23:50.049922"),
        revision("collections/name_2.0.0_to_int_2.0.0", "93341d68b814").after("8d2e9de2f21f")
            .manager("NameKeyCollectionManager", "2.0.0")
            .message("Migration script for NameKeyCollectionManager 2.0.0.")
            .extra_doc(kEmptyStartExtraDoc)
            .created("2023-12-08 11:25:19.172876"),
        revision("collections/name_2.0.0_to_int_2.0.0", "8c57494cabcc").after("93341d68b814")
            .manager("SynthIntKeyCollectionManager", "2.0.0")
            .message("Migration script for SynthIntKeyCollectionManager 2.0.0.")
            .created("2023-12-08 11:25:33.984476")
            .upgrade(&migrations::upgrade_8c57494cabcc)
            .butler_yaml_class(
                "lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager")
            .downgrade_does_nothing()
            .alters({"dataset", "collection", "collection_chain", "run", "collection_summary_%", "dataset_calibs_%", "dataset_tags_%"}),
        // datasets/int_1.0.0_to_uuid_1.0.0
        revision("datasets/int_1.0.0_to_uuid_1.0.0", "059cc7b7ef13").labels({"datasets"})
            .message("This is an initial pseudo-revision of the 'datasets/int_1.0.0_to_uuid_1.0.0' tree.")
            .created("2021-05-04 16:31:03.072812"),
        revision("datasets/int_1.0.0_to_uuid_1.0.0", "635083325f20").after("059cc7b7ef13")
            .manager("ByDimensionsDatasetRecordStorageManager", "1.0.0")
            .message("Migration script for ByDimensionsDatasetRecordStorageManager 1.0.0.")
            .created("2021-05-04 16:31:04.471227"),
        revision("datasets/int_1.0.0_to_uuid_1.0.0", "2101fbf51ad3").after("635083325f20")
            .manager("ByDimensionsDatasetRecordStorageManagerUUID", "1.0.0")
            .message("Migration script for ByDimensionsDatasetRecordStorageManagerUUID 1.0.0.")
            .created("2021-05-04 16:31:05.926989")
            .upgrade(&migrations::upgrade_2101fbf51ad3)
            .butler_yaml_class(
                "lsst.daf.butler.registry.datasets.byDimensions.ByDimensionsDatasetRecordStorageManagerUUID")
            .alters({"dataset", "dataset_tags_%", "dataset_calibs_%", "dataset_location", "dataset_location_trash", "file_datastore_records"}),
    };
}

}  // namespace

const Catalogue& compiled_catalogue() {
    static const Catalogue catalogue(build_catalogue());
    return catalogue;
}

}  // namespace butler_migrate

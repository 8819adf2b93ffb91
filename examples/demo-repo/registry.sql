-- The demo Butler registry: a small SQLite registry of a fictional camera "DemoCam", in the state an old
-- daf_butler (dimension universe 7) would have left it, never touched by butler-migrate (no alembic_version).
-- Managers: attributes 1.0.0 (schema digests still stored), dimensions 6.0.1 (implied-dimension columns still
-- nullable), collections SynthIntKey 2.0.0, datasets UUID 1.0.0 (ingest_date TIMESTAMP), datastores bridge
-- 0.2.0 (trash PK datastore_name first), opaque 0.2.0. Load with: sqlite3 gen3.sqlite3 < registry.sql
-- Naming follows daf_butler: <table>_fkidx_<cols>, <table>_idx_<cols>, <table>_unq_<cols>,
-- fkey_<table>_<target>_<target cols>_<cols>, <table>_len_<col> checks on VARCHAR(n <= 32), unnamed PKs.

BEGIN TRANSACTION;

-- ---------------------------------------------------------------- attributes (DefaultButlerAttributeManager 1.0.0)

CREATE TABLE butler_attributes (
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (name)
);

-- Row order matters to `stamp --dry-run` (it lists managers in the order the rows come back).
INSERT INTO butler_attributes (name, value) VALUES
    ('config:registry.managers.attributes', 'lsst.daf.butler.registry.attributes.DefaultButlerAttributeManager'),
    ('config:registry.managers.dimensions', 'lsst.daf.butler.registry.dimensions.static.StaticDimensionRecordStorageManager'),
    ('config:registry.managers.collections', 'lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager'),
    ('config:registry.managers.datasets', 'lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID'),
    ('config:registry.managers.opaque', 'lsst.daf.butler.registry.opaque.ByNameOpaqueTableStorageManager'),
    ('config:registry.managers.datastores', 'lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager'),
    ('version:lsst.daf.butler.registry.attributes.DefaultButlerAttributeManager', '1.0.0'),
    ('schema_digest:lsst.daf.butler.registry.attributes.DefaultButlerAttributeManager', '9839b80baa650b949ba78354ebe453f7'),
    ('version:lsst.daf.butler.registry.dimensions.static.StaticDimensionRecordStorageManager', '6.0.1'),
    ('schema_digest:lsst.daf.butler.registry.dimensions.static.StaticDimensionRecordStorageManager', '9e736b87de83e245a0941c519ca090a7'),
    ('version:lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager', '2.0.0'),
    ('schema_digest:lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager', '8f0a5e64161ba5a46143e013c6bb1962'),
    ('version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID', '1.0.0'),
    ('schema_digest:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID', 'ffcfd7bc55e868d92aa8e21e6f0e8e56'),
    ('version:lsst.daf.butler.registry.opaque.ByNameOpaqueTableStorageManager', '0.2.0'),
    ('schema_digest:lsst.daf.butler.registry.opaque.ByNameOpaqueTableStorageManager', 'bfda1b8a193f678357095b607e5ef1ad'),
    ('version:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager', '0.2.0'),
    ('schema_digest:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager', '6127c7625ee2215d20ba509f48fc4415');

-- A trimmed dimension universe 7 (namespace daf_butler), one line in Python json.dumps style.
INSERT INTO butler_attributes (name, value) VALUES
    ('config:dimensions.json', '{"version": 8, "namespace": "daf_butler", "skypix": {"common": "htm7", "htm": {"class": "lsst.sphgeom.HtmPixelization", "max_level": 24}, "healpix": {"class": "lsst.sphgeom.HealpixPixelization", "max_level": 17}}, "elements": {"instrument": {"keys": [{"name": "name", "type": "string", "length": 32}], "requires": [], "implies": [], "metadata": [{"name": "visit_max", "type": "int"}, {"name": "visit_system", "type": "int"}, {"name": "exposure_max", "type": "int"}, {"name": "detector_max", "type": "int"}, {"name": "class_name", "type": "string", "length": 64}]}, "physical_filter": {"keys": [{"name": "name", "type": "string", "length": 32}], "requires": ["instrument"], "implies": ["band"], "metadata": []}, "day_obs": {"keys": [{"name": "id", "type": "int"}], "requires": ["instrument"], "implies": [], "metadata": []}, "group": {"keys": [{"name": "name", "type": "string", "length": 64}], "requires": ["instrument"], "implies": [], "metadata": []}, "exposure": {"keys": [{"name": "id", "type": "int"}, {"name": "obs_id", "type": "string", "length": 64}], "requires": ["instrument"], "implies": ["physical_filter", "group", "day_obs"], "metadata": [{"name": "exposure_time", "type": "float"}, {"name": "dark_time", "type": "float"}, {"name": "observation_type", "type": "string", "length": 16}, {"name": "observation_reason", "type": "string", "length": 68}, {"name": "seq_num", "type": "int"}, {"name": "seq_start", "type": "int"}, {"name": "seq_end", "type": "int"}, {"name": "target_name", "type": "string", "length": 64}, {"name": "science_program", "type": "string", "length": 64}, {"name": "tracking_ra", "type": "float"}, {"name": "tracking_dec", "type": "float"}, {"name": "sky_angle", "type": "float"}, {"name": "azimuth", "type": "float"}, {"name": "zenith_angle", "type": "float"}, {"name": "has_simulated", "type": "bool"}, {"name": "can_see_sky", "type": "bool"}]}, "visit": {"keys": [{"name": "id", "type": "int"}, {"name": "name", "type": "string", "length": 64}], "requires": ["instrument"], "implies": ["physical_filter", "day_obs"], "metadata": [{"name": "seq_num", "type": "int"}, {"name": "exposure_time", "type": "float"}, {"name": "target_name", "type": "string", "length": 64}, {"name": "observation_reason", "type": "string", "length": 68}, {"name": "science_program", "type": "string", "length": 64}, {"name": "azimuth", "type": "float"}, {"name": "zenith_angle", "type": "float"}]}, "visit_system": {"keys": [{"name": "id", "type": "int"}, {"name": "name", "type": "string", "length": 32}], "requires": ["instrument"], "implies": [], "metadata": []}, "visit_definition": {"keys": [], "requires": ["exposure", "visit"], "implies": [], "metadata": []}, "visit_system_membership": {"keys": [], "requires": ["visit", "visit_system"], "implies": [], "metadata": []}, "skymap": {"keys": [{"name": "name", "type": "string", "length": 64}, {"name": "hash", "type": "hash", "nbytes": 40}], "requires": [], "implies": [], "metadata": [{"name": "tract_max", "type": "int"}, {"name": "patch_nx_max", "type": "int"}, {"name": "patch_ny_max", "type": "int"}]}, "tract": {"keys": [{"name": "id", "type": "int"}], "requires": ["skymap"], "implies": [], "metadata": []}, "patch": {"keys": [{"name": "id", "type": "int"}], "requires": ["skymap", "tract"], "implies": [], "metadata": [{"name": "cell_x", "type": "int"}, {"name": "cell_y", "type": "int"}]}, "detector": {"keys": [{"name": "id", "type": "int"}, {"name": "full_name", "type": "string", "length": 32}], "requires": ["instrument"], "implies": [], "metadata": [{"name": "name_in_raft", "type": "string", "length": 32}, {"name": "raft", "type": "string", "length": 32}, {"name": "purpose", "type": "string", "length": 32}]}}, "topology": {}, "packers": {}}');

-- ---------------------------------------------------------------- dimensions (StaticDimensionRecordStorageManager 6.0.1)

CREATE TABLE instrument (
    name VARCHAR(32) NOT NULL,
    visit_max BIGINT,
    visit_system BIGINT,
    exposure_max BIGINT,
    detector_max BIGINT,
    class_name TEXT,
    PRIMARY KEY (name),
    CONSTRAINT instrument_len_name CHECK (length("name")<=32 AND length("name")>=1)
);

CREATE TABLE physical_filter (
    instrument VARCHAR(32) NOT NULL,
    name VARCHAR(32) NOT NULL,
    band VARCHAR(32),
    PRIMARY KEY (instrument, name),
    CONSTRAINT physical_filter_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT physical_filter_len_name CHECK (length("name")<=32 AND length("name")>=1),
    CONSTRAINT physical_filter_len_band CHECK (length("band")<=32 AND length("band")>=1),
    CONSTRAINT fkey_physical_filter_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name)
);
CREATE INDEX physical_filter_fkidx_instrument ON physical_filter (instrument);

CREATE TABLE detector (
    instrument VARCHAR(32) NOT NULL,
    id BIGINT NOT NULL,
    full_name VARCHAR(32) NOT NULL,
    name_in_raft VARCHAR(32),
    raft VARCHAR(32),
    purpose VARCHAR(32),
    PRIMARY KEY (instrument, id),
    CONSTRAINT detector_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT detector_len_full_name CHECK (length("full_name")<=32 AND length("full_name")>=1),
    CONSTRAINT detector_len_name_in_raft CHECK (length("name_in_raft")<=32 AND length("name_in_raft")>=1),
    CONSTRAINT detector_len_raft CHECK (length("raft")<=32 AND length("raft")>=1),
    CONSTRAINT detector_len_purpose CHECK (length("purpose")<=32 AND length("purpose")>=1),
    CONSTRAINT detector_unq_instrument_full_name UNIQUE (instrument, full_name),
    CONSTRAINT fkey_detector_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name)
);
CREATE INDEX detector_fkidx_instrument ON detector (instrument);

CREATE TABLE day_obs (
    instrument VARCHAR(32) NOT NULL,
    id BIGINT NOT NULL,
    timespan_begin BIGINT,
    timespan_end BIGINT,
    PRIMARY KEY (instrument, id),
    CONSTRAINT day_obs_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT fkey_day_obs_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name)
);
CREATE INDEX day_obs_fkidx_instrument ON day_obs (instrument);

-- "group" is an SQL keyword: the table and every column of that name must be quoted.
CREATE TABLE "group" (
    instrument VARCHAR(32) NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (instrument, name),
    CONSTRAINT group_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT fkey_group_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name)
);
CREATE INDEX group_fkidx_instrument ON "group" (instrument);

-- physical_filter, "group" and day_obs are implied by exposure: nullable until dimensions 6.0.2.
CREATE TABLE exposure (
    instrument VARCHAR(32) NOT NULL,
    id BIGINT NOT NULL,
    obs_id TEXT NOT NULL,
    physical_filter VARCHAR(32),
    "group" TEXT,
    day_obs BIGINT,
    exposure_time FLOAT,
    dark_time FLOAT,
    observation_type VARCHAR(16),
    observation_reason TEXT,
    seq_num BIGINT,
    seq_start BIGINT,
    seq_end BIGINT,
    target_name TEXT,
    science_program TEXT,
    tracking_ra FLOAT,
    tracking_dec FLOAT,
    sky_angle FLOAT,
    azimuth FLOAT,
    zenith_angle FLOAT,
    has_simulated BOOLEAN,
    can_see_sky BOOLEAN,
    timespan_begin BIGINT,
    timespan_end BIGINT,
    PRIMARY KEY (instrument, id),
    CONSTRAINT exposure_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT exposure_len_physical_filter CHECK (length("physical_filter")<=32 AND length("physical_filter")>=1),
    CONSTRAINT exposure_len_observation_type CHECK (length("observation_type")<=16 AND length("observation_type")>=1),
    CONSTRAINT exposure_unq_instrument_obs_id UNIQUE (instrument, obs_id),
    CONSTRAINT fkey_exposure_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name),
    CONSTRAINT fkey_exposure_physical_filter_instrument_name_instrument_physical_filter FOREIGN KEY (instrument, physical_filter) REFERENCES physical_filter (instrument, name),
    CONSTRAINT fkey_exposure_group_instrument_name_instrument_group FOREIGN KEY (instrument, "group") REFERENCES "group" (instrument, name),
    CONSTRAINT fkey_exposure_day_obs_instrument_id_instrument_day_obs FOREIGN KEY (instrument, day_obs) REFERENCES day_obs (instrument, id)
);
CREATE INDEX exposure_fkidx_instrument ON exposure (instrument);
CREATE INDEX exposure_fkidx_instrument_physical_filter ON exposure (instrument, physical_filter);
CREATE INDEX exposure_fkidx_instrument_group ON exposure (instrument, "group");
CREATE INDEX exposure_fkidx_instrument_day_obs ON exposure (instrument, day_obs);

-- physical_filter and day_obs are implied by visit: nullable until dimensions 6.0.2.
CREATE TABLE visit (
    instrument VARCHAR(32) NOT NULL,
    id BIGINT NOT NULL,
    name TEXT NOT NULL,
    physical_filter VARCHAR(32),
    day_obs BIGINT,
    seq_num BIGINT,
    exposure_time FLOAT,
    target_name TEXT,
    observation_reason TEXT,
    science_program TEXT,
    azimuth FLOAT,
    zenith_angle FLOAT,
    region TEXT,
    timespan_begin BIGINT,
    timespan_end BIGINT,
    PRIMARY KEY (instrument, id),
    CONSTRAINT visit_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT visit_len_physical_filter CHECK (length("physical_filter")<=32 AND length("physical_filter")>=1),
    CONSTRAINT visit_unq_instrument_name UNIQUE (instrument, name),
    CONSTRAINT fkey_visit_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name),
    CONSTRAINT fkey_visit_physical_filter_instrument_name_instrument_physical_filter FOREIGN KEY (instrument, physical_filter) REFERENCES physical_filter (instrument, name),
    CONSTRAINT fkey_visit_day_obs_instrument_id_instrument_day_obs FOREIGN KEY (instrument, day_obs) REFERENCES day_obs (instrument, id)
);
CREATE INDEX visit_fkidx_instrument ON visit (instrument);
CREATE INDEX visit_fkidx_instrument_physical_filter ON visit (instrument, physical_filter);
CREATE INDEX visit_fkidx_instrument_day_obs ON visit (instrument, day_obs);

CREATE TABLE visit_system (
    instrument VARCHAR(32) NOT NULL,
    id BIGINT NOT NULL,
    name VARCHAR(32) NOT NULL,
    PRIMARY KEY (instrument, id),
    CONSTRAINT visit_system_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT visit_system_len_name CHECK (length("name")<=32 AND length("name")>=1),
    CONSTRAINT visit_system_unq_instrument_name UNIQUE (instrument, name),
    CONSTRAINT fkey_visit_system_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name)
);
CREATE INDEX visit_system_fkidx_instrument ON visit_system (instrument);

CREATE TABLE visit_definition (
    instrument VARCHAR(32) NOT NULL,
    exposure BIGINT NOT NULL,
    visit BIGINT NOT NULL,
    PRIMARY KEY (instrument, exposure, visit),
    CONSTRAINT visit_definition_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT fkey_visit_definition_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name),
    CONSTRAINT fkey_visit_definition_exposure_instrument_id_instrument_exposure FOREIGN KEY (instrument, exposure) REFERENCES exposure (instrument, id),
    CONSTRAINT fkey_visit_definition_visit_instrument_id_instrument_visit FOREIGN KEY (instrument, visit) REFERENCES visit (instrument, id)
);
CREATE INDEX visit_definition_fkidx_instrument ON visit_definition (instrument);
CREATE INDEX visit_definition_fkidx_instrument_exposure ON visit_definition (instrument, exposure);
CREATE INDEX visit_definition_fkidx_instrument_visit ON visit_definition (instrument, visit);

CREATE TABLE visit_system_membership (
    instrument VARCHAR(32) NOT NULL,
    visit_system BIGINT NOT NULL,
    visit BIGINT NOT NULL,
    PRIMARY KEY (instrument, visit_system, visit),
    CONSTRAINT visit_system_membership_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT fkey_visit_system_membership_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name),
    CONSTRAINT fkey_visit_system_membership_visit_system_instrument_id_instrument_visit_system FOREIGN KEY (instrument, visit_system) REFERENCES visit_system (instrument, id),
    CONSTRAINT fkey_visit_system_membership_visit_instrument_id_instrument_visit FOREIGN KEY (instrument, visit) REFERENCES visit (instrument, id)
);
CREATE INDEX visit_system_membership_fkidx_instrument ON visit_system_membership (instrument);
CREATE INDEX visit_system_membership_fkidx_instrument_visit_system ON visit_system_membership (instrument, visit_system);
CREATE INDEX visit_system_membership_fkidx_instrument_visit ON visit_system_membership (instrument, visit);

CREATE TABLE skymap (
    name TEXT NOT NULL,
    hash TEXT NOT NULL,
    tract_max BIGINT,
    patch_nx_max BIGINT,
    patch_ny_max BIGINT,
    PRIMARY KEY (name),
    CONSTRAINT skymap_unq_hash UNIQUE (hash)
);

CREATE TABLE tract (
    skymap TEXT NOT NULL,
    id BIGINT NOT NULL,
    region TEXT,
    PRIMARY KEY (skymap, id),
    CONSTRAINT fkey_tract_skymap_name_skymap FOREIGN KEY (skymap) REFERENCES skymap (name)
);
CREATE INDEX tract_fkidx_skymap ON tract (skymap);

CREATE TABLE patch (
    skymap TEXT NOT NULL,
    tract BIGINT NOT NULL,
    id BIGINT NOT NULL,
    cell_x BIGINT NOT NULL,
    cell_y BIGINT NOT NULL,
    region TEXT,
    PRIMARY KEY (skymap, tract, id),
    CONSTRAINT fkey_patch_skymap_name_skymap FOREIGN KEY (skymap) REFERENCES skymap (name),
    CONSTRAINT fkey_patch_tract_skymap_id_skymap_tract FOREIGN KEY (skymap, tract) REFERENCES tract (skymap, id)
);
CREATE INDEX patch_fkidx_skymap ON patch (skymap);
CREATE INDEX patch_fkidx_skymap_tract ON patch (skymap, tract);

-- Sky-pixel overlaps of the spatial elements. The four <table>_idx_skypix_system_skypix_level_skypix_index_...
-- indexes are what dimensions 6.0.1 added (and what a downgrade to 6.0.0 drops).
CREATE TABLE tract_skypix_overlap (
    skypix_system VARCHAR(16) NOT NULL,
    skypix_level SMALLINT NOT NULL,
    skymap TEXT NOT NULL,
    tract BIGINT NOT NULL,
    skypix_index BIGINT NOT NULL,
    PRIMARY KEY (skypix_system, skypix_level, skymap, tract, skypix_index),
    CONSTRAINT tract_skypix_overlap_len_skypix_system CHECK (length("skypix_system")<=16 AND length("skypix_system")>=1),
    CONSTRAINT fkey_tract_skypix_overlap_skymap_name_skymap FOREIGN KEY (skymap) REFERENCES skymap (name),
    CONSTRAINT fkey_tract_skypix_overlap_tract_skymap_id_skymap_tract FOREIGN KEY (skymap, tract) REFERENCES tract (skymap, id)
);
CREATE INDEX tract_skypix_overlap_fkidx_skymap ON tract_skypix_overlap (skymap);
CREATE INDEX tract_skypix_overlap_fkidx_skymap_tract ON tract_skypix_overlap (skymap, tract);
CREATE INDEX tract_skypix_overlap_idx_skypix_system_skypix_level_skypix_index_skymap_tract ON tract_skypix_overlap (skypix_system, skypix_level, skypix_index, skymap, tract);

CREATE TABLE patch_skypix_overlap (
    skypix_system VARCHAR(16) NOT NULL,
    skypix_level SMALLINT NOT NULL,
    skymap TEXT NOT NULL,
    tract BIGINT NOT NULL,
    patch BIGINT NOT NULL,
    skypix_index BIGINT NOT NULL,
    PRIMARY KEY (skypix_system, skypix_level, skymap, tract, patch, skypix_index),
    CONSTRAINT patch_skypix_overlap_len_skypix_system CHECK (length("skypix_system")<=16 AND length("skypix_system")>=1),
    CONSTRAINT fkey_patch_skypix_overlap_skymap_name_skymap FOREIGN KEY (skymap) REFERENCES skymap (name),
    CONSTRAINT fkey_patch_skypix_overlap_tract_skymap_id_skymap_tract FOREIGN KEY (skymap, tract) REFERENCES tract (skymap, id),
    CONSTRAINT fkey_patch_skypix_overlap_patch_skymap_tract_id_skymap_tract_patch FOREIGN KEY (skymap, tract, patch) REFERENCES patch (skymap, tract, id)
);
CREATE INDEX patch_skypix_overlap_fkidx_skymap ON patch_skypix_overlap (skymap);
CREATE INDEX patch_skypix_overlap_fkidx_skymap_tract ON patch_skypix_overlap (skymap, tract);
CREATE INDEX patch_skypix_overlap_fkidx_skymap_tract_patch ON patch_skypix_overlap (skymap, tract, patch);
CREATE INDEX patch_skypix_overlap_idx_skypix_system_skypix_level_skypix_index_skymap_tract_patch ON patch_skypix_overlap (skypix_system, skypix_level, skypix_index, skymap, tract, patch);

CREATE TABLE visit_skypix_overlap (
    skypix_system VARCHAR(16) NOT NULL,
    skypix_level SMALLINT NOT NULL,
    instrument VARCHAR(32) NOT NULL,
    visit BIGINT NOT NULL,
    skypix_index BIGINT NOT NULL,
    PRIMARY KEY (skypix_system, skypix_level, instrument, visit, skypix_index),
    CONSTRAINT visit_skypix_overlap_len_skypix_system CHECK (length("skypix_system")<=16 AND length("skypix_system")>=1),
    CONSTRAINT visit_skypix_overlap_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT fkey_visit_skypix_overlap_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name),
    CONSTRAINT fkey_visit_skypix_overlap_visit_instrument_id_instrument_visit FOREIGN KEY (instrument, visit) REFERENCES visit (instrument, id)
);
CREATE INDEX visit_skypix_overlap_fkidx_instrument ON visit_skypix_overlap (instrument);
CREATE INDEX visit_skypix_overlap_fkidx_instrument_visit ON visit_skypix_overlap (instrument, visit);
CREATE INDEX visit_skypix_overlap_idx_skypix_system_skypix_level_skypix_index_instrument_visit ON visit_skypix_overlap (skypix_system, skypix_level, skypix_index, instrument, visit);

CREATE TABLE visit_detector_region_skypix_overlap (
    skypix_system VARCHAR(16) NOT NULL,
    skypix_level SMALLINT NOT NULL,
    instrument VARCHAR(32) NOT NULL,
    detector BIGINT NOT NULL,
    visit BIGINT NOT NULL,
    skypix_index BIGINT NOT NULL,
    PRIMARY KEY (skypix_system, skypix_level, instrument, detector, visit, skypix_index),
    CONSTRAINT visit_detector_region_skypix_overlap_len_skypix_system CHECK (length("skypix_system")<=16 AND length("skypix_system")>=1),
    CONSTRAINT visit_detector_region_skypix_overlap_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT fkey_visit_detector_region_skypix_overlap_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name),
    CONSTRAINT fkey_visit_detector_region_skypix_overlap_detector_instrument_id_instrument_detector FOREIGN KEY (instrument, detector) REFERENCES detector (instrument, id),
    CONSTRAINT fkey_visit_detector_region_skypix_overlap_visit_instrument_id_instrument_visit FOREIGN KEY (instrument, visit) REFERENCES visit (instrument, id)
);
CREATE INDEX visit_detector_region_skypix_overlap_fkidx_instrument ON visit_detector_region_skypix_overlap (instrument);
CREATE INDEX visit_detector_region_skypix_overlap_fkidx_instrument_detector ON visit_detector_region_skypix_overlap (instrument, detector);
CREATE INDEX visit_detector_region_skypix_overlap_fkidx_instrument_visit ON visit_detector_region_skypix_overlap (instrument, visit);
CREATE INDEX visit_detector_region_skypix_overlap_idx_skypix_system_skypix_level_skypix_index_instrument_detector_visit ON visit_detector_region_skypix_overlap (skypix_system, skypix_level, skypix_index, instrument, detector, visit);

-- Dimension sets of the dataset types: dataset_type.dimensions_key points here.
CREATE TABLE dimension_graph_key (
    id INTEGER NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE dimension_graph_definition (
    dimension_graph_id BIGINT NOT NULL,
    dimension_name TEXT NOT NULL,
    PRIMARY KEY (dimension_graph_id, dimension_name),
    CONSTRAINT fkey_dimension_graph_definition_dimension_graph_key_id_dimension_graph_id FOREIGN KEY (dimension_graph_id) REFERENCES dimension_graph_key (id) ON DELETE CASCADE
);
CREATE INDEX dimension_graph_definition_fkidx_dimension_graph_id ON dimension_graph_definition (dimension_graph_id);

INSERT INTO instrument (name, visit_max, visit_system, exposure_max, detector_max, class_name) VALUES
    ('DemoCam', 1000000000000, 1, 1000000000000, 3, 'lsst.obs.demo.DemoCam');

INSERT INTO physical_filter (instrument, name, band) VALUES
    ('DemoCam', 'DemoCam-g', 'g'),
    ('DemoCam', 'DemoCam-r', 'r');

INSERT INTO detector (instrument, id, full_name, name_in_raft, raft, purpose) VALUES
    ('DemoCam', 0, 'R00_S00', 'S00', 'R00', 'SCIENCE'),
    ('DemoCam', 1, 'R00_S01', 'S01', 'R00', 'SCIENCE'),
    ('DemoCam', 2, 'R00_SW0', 'SW0', 'R00', 'WAVEFRONT');

-- Observing days roll over at noon TAI; timespans are TAI nanoseconds since 1970-01-01.
INSERT INTO day_obs (instrument, id, timespan_begin, timespan_end) VALUES
    ('DemoCam', 20240304, 1709553600000000000, 1709640000000000000),
    ('DemoCam', 20240305, 1709640000000000000, 1709726400000000000);

INSERT INTO "group" (instrument, name) VALUES
    ('DemoCam', '2024-03-05T03:12:00'),
    ('DemoCam', '2024-03-06T04:40:00');

-- Two snaps per visit: night 1 in g, night 2 in r.
INSERT INTO exposure (instrument, id, obs_id, physical_filter, "group", day_obs, exposure_time, dark_time,
                      observation_type, observation_reason, seq_num, seq_start, seq_end, target_name,
                      science_program, tracking_ra, tracking_dec, sky_angle, azimuth, zenith_angle,
                      has_simulated, can_see_sky, timespan_begin, timespan_end) VALUES
    ('DemoCam', 202403040011, 'DC_O_20240304_000011', 'DemoCam-g', '2024-03-05T03:12:00', 20240304, 30.0, 30.2,
     'science', 'science', 11, 11, 12, 'demo_field', 'DEMO-2024A', 150.125, 2.2, 90.0, 183.4, 31.5,
     0, 1, 1709608320000000000, 1709608350000000000),
    ('DemoCam', 202403040012, 'DC_O_20240304_000012', 'DemoCam-g', '2024-03-05T03:12:00', 20240304, 30.0, 30.2,
     'science', 'science', 12, 11, 12, 'demo_field', 'DEMO-2024A', 150.125, 2.2, 90.0, 183.6, 31.5,
     0, 1, 1709608355000000000, 1709608385000000000),
    ('DemoCam', 202403050021, 'DC_O_20240305_000021', 'DemoCam-r', '2024-03-06T04:40:00', 20240305, 30.0, 30.2,
     'science', 'science', 21, 21, 22, 'demo_field', 'DEMO-2024A', 150.25, 2.3, 90.0, 201.0, 38.25,
     0, 1, 1709700000000000000, 1709700030000000000),
    ('DemoCam', 202403050022, 'DC_O_20240305_000022', 'DemoCam-r', '2024-03-06T04:40:00', 20240305, 30.0, 30.2,
     'science', 'science', 22, 21, 22, 'demo_field', 'DEMO-2024A', 150.25, 2.3, 90.0, 201.2, 38.5,
     0, 1, 1709700035000000000, 1709700065000000000);

INSERT INTO visit (instrument, id, name, physical_filter, day_obs, seq_num, exposure_time, target_name,
                   observation_reason, science_program, azimuth, zenith_angle, region, timespan_begin, timespan_end) VALUES
    ('DemoCam', 202403040011, 'DC_V_20240304_000011', 'DemoCam-g', 20240304, 11, 60.0, 'demo_field',
     'science', 'DEMO-2024A', 183.5, 31.5, NULL, 1709608320000000000, 1709608385000000000),
    ('DemoCam', 202403050021, 'DC_V_20240305_000021', 'DemoCam-r', 20240305, 21, 60.0, 'demo_field',
     'science', 'DEMO-2024A', 201.1, 38.375, NULL, 1709700000000000000, 1709700065000000000);

INSERT INTO visit_system (instrument, id, name) VALUES
    ('DemoCam', 0, 'one-to-one'),
    ('DemoCam', 1, 'by-group-metadata');

INSERT INTO visit_definition (instrument, exposure, visit) VALUES
    ('DemoCam', 202403040011, 202403040011),
    ('DemoCam', 202403040012, 202403040011),
    ('DemoCam', 202403050021, 202403050021),
    ('DemoCam', 202403050022, 202403050021);

INSERT INTO visit_system_membership (instrument, visit_system, visit) VALUES
    ('DemoCam', 1, 202403040011),
    ('DemoCam', 1, 202403050021);

INSERT INTO skymap (name, hash, tract_max, patch_nx_max, patch_ny_max) VALUES
    ('demo_rings', 'Zm9yIGRlbW8gdXNlIG9ubHk=', 100, 2, 2);

INSERT INTO tract (skymap, id, region) VALUES
    ('demo_rings', 42, NULL);

INSERT INTO patch (skymap, tract, id, cell_x, cell_y, region) VALUES
    ('demo_rings', 42, 0, 0, 0, NULL),
    ('demo_rings', 42, 1, 1, 0, NULL),
    ('demo_rings', 42, 2, 0, 1, NULL),
    ('demo_rings', 42, 3, 1, 1, NULL);

INSERT INTO tract_skypix_overlap (skypix_system, skypix_level, skymap, tract, skypix_index) VALUES
    ('htm', 7, 'demo_rings', 42, 150020),
    ('htm', 7, 'demo_rings', 42, 150021);

INSERT INTO patch_skypix_overlap (skypix_system, skypix_level, skymap, tract, patch, skypix_index) VALUES
    ('htm', 7, 'demo_rings', 42, 0, 150020),
    ('htm', 7, 'demo_rings', 42, 1, 150020),
    ('htm', 7, 'demo_rings', 42, 2, 150021),
    ('htm', 7, 'demo_rings', 42, 3, 150021);

INSERT INTO visit_skypix_overlap (skypix_system, skypix_level, instrument, visit, skypix_index) VALUES
    ('htm', 7, 'DemoCam', 202403040011, 150020),
    ('htm', 7, 'DemoCam', 202403050021, 150021);

INSERT INTO visit_detector_region_skypix_overlap (skypix_system, skypix_level, instrument, detector, visit, skypix_index) VALUES
    ('htm', 7, 'DemoCam', 0, 202403040011, 150020),
    ('htm', 7, 'DemoCam', 1, 202403040011, 150020),
    ('htm', 7, 'DemoCam', 0, 202403050021, 150021),
    ('htm', 7, 'DemoCam', 1, 202403050021, 150021);

INSERT INTO dimension_graph_key (id) VALUES (1), (2);

INSERT INTO dimension_graph_definition (dimension_graph_id, dimension_name) VALUES
    (1, 'instrument'), (1, 'detector'), (1, 'exposure'),
    (2, 'instrument'), (2, 'detector'), (2, 'visit');

-- ---------------------------------------------------------------- collections (SynthIntKeyCollectionManager 2.0.0)

-- collection.type: 1 RUN, 2 TAGGED, 3 CHAINED, 4 CALIBRATION.
CREATE TABLE collection (
    collection_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    type SMALLINT NOT NULL,
    doc TEXT,
    PRIMARY KEY (collection_id),
    CONSTRAINT collection_unq_name UNIQUE (name)
);

CREATE TABLE run (
    collection_id BIGINT NOT NULL,
    host TEXT,
    timespan_begin BIGINT,
    timespan_end BIGINT,
    PRIMARY KEY (collection_id),
    CONSTRAINT fkey_run_collection_collection_id_collection_id FOREIGN KEY (collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE
);

CREATE TABLE collection_chain (
    parent BIGINT NOT NULL,
    position SMALLINT NOT NULL,
    child BIGINT NOT NULL,
    PRIMARY KEY (parent, position),
    CONSTRAINT fkey_collection_chain_collection_collection_id_parent FOREIGN KEY (parent) REFERENCES collection (collection_id) ON DELETE CASCADE,
    CONSTRAINT fkey_collection_chain_collection_collection_id_child FOREIGN KEY (child) REFERENCES collection (collection_id)
);
CREATE INDEX collection_chain_fkidx_parent ON collection_chain (parent);
CREATE INDEX collection_chain_fkidx_child ON collection_chain (child);

INSERT INTO collection (collection_id, name, type, doc) VALUES
    (1, 'DemoCam/raw/all', 1, NULL),
    (2, 'DemoCam/runs/calexp-20240306', 1, NULL),
    (3, 'DemoCam/tagged/best-seeing', 2, 'Calexps picked by hand for the demo.'),
    (4, 'DemoCam/defaults', 3, 'Default search path: calibrated exposures first, then raws.');

INSERT INTO run (collection_id, host, timespan_begin, timespan_end) VALUES
    (1, NULL, NULL, NULL),
    (2, NULL, NULL, NULL);

INSERT INTO collection_chain (parent, position, child) VALUES
    (4, 0, 2),
    (4, 1, 1);

-- ---------------------------------------------------------------- datasets (ByDimensionsDatasetRecordStorageManagerUUID 1.0.0)

CREATE TABLE dataset_type (
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    storage_class TEXT NOT NULL,
    dimensions_key BIGINT NOT NULL,
    tag_association_table TEXT NOT NULL,
    calibration_association_table TEXT,
    PRIMARY KEY (id),
    CONSTRAINT dataset_type_unq_name UNIQUE (name)
);

-- ingest_date is a UTC TIMESTAMP until datasets 2.0.0 turns it into TAI nanoseconds.
CREATE TABLE dataset (
    id CHAR(32) NOT NULL,
    dataset_type_id BIGINT NOT NULL,
    ingest_date TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    run_id BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES dataset_type (id),
    CONSTRAINT fkey_dataset_run_collection_id_run_id FOREIGN KEY (run_id) REFERENCES run (collection_id) ON DELETE CASCADE
);
CREATE INDEX dataset_fkidx_dataset_type_id ON dataset (dataset_type_id);
CREATE INDEX dataset_fkidx_run_id ON dataset (run_id);

-- Which dataset types and governor values each collection holds (the tag tables point here).
CREATE TABLE collection_summary_dataset_type (
    collection_id BIGINT NOT NULL,
    dataset_type_id BIGINT NOT NULL,
    PRIMARY KEY (collection_id, dataset_type_id),
    CONSTRAINT fkey_collection_summary_dataset_type_collection_collection_id_collection_id FOREIGN KEY (collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE,
    CONSTRAINT fkey_collection_summary_dataset_type_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES dataset_type (id) ON DELETE CASCADE
);
CREATE INDEX collection_summary_dataset_type_fkidx_collection_id ON collection_summary_dataset_type (collection_id);
CREATE INDEX collection_summary_dataset_type_fkidx_dataset_type_id ON collection_summary_dataset_type (dataset_type_id);

CREATE TABLE collection_summary_instrument (
    collection_id BIGINT NOT NULL,
    instrument VARCHAR(32) NOT NULL,
    PRIMARY KEY (collection_id, instrument),
    CONSTRAINT collection_summary_instrument_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT fkey_collection_summary_instrument_collection_collection_id_collection_id FOREIGN KEY (collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE,
    CONSTRAINT fkey_collection_summary_instrument_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name)
);
CREATE INDEX collection_summary_instrument_fkidx_collection_id ON collection_summary_instrument (collection_id);
CREATE INDEX collection_summary_instrument_fkidx_instrument ON collection_summary_instrument (instrument);

CREATE TABLE collection_summary_skymap (
    collection_id BIGINT NOT NULL,
    skymap TEXT NOT NULL,
    PRIMARY KEY (collection_id, skymap),
    CONSTRAINT fkey_collection_summary_skymap_collection_collection_id_collection_id FOREIGN KEY (collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE,
    CONSTRAINT fkey_collection_summary_skymap_skymap_name_skymap FOREIGN KEY (skymap) REFERENCES skymap (name)
);
CREATE INDEX collection_summary_skymap_fkidx_collection_id ON collection_summary_skymap (collection_id);
CREATE INDEX collection_summary_skymap_fkidx_skymap ON collection_summary_skymap (skymap);

-- Tag table of the dimension set {instrument, detector, exposure} (dimensions_key 1): raw.
CREATE TABLE dataset_tags_00000001 (
    dataset_type_id BIGINT NOT NULL,
    dataset_id CHAR(32) NOT NULL,
    collection_id BIGINT NOT NULL,
    instrument VARCHAR(32) NOT NULL,
    detector BIGINT NOT NULL,
    exposure BIGINT NOT NULL,
    PRIMARY KEY (dataset_id, collection_id),
    CONSTRAINT dataset_tags_00000001_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT dataset_tags_00000001_unq_dataset_type_id_collection_id_instrument_detector_exposure UNIQUE (dataset_type_id, collection_id, instrument, detector, exposure),
    CONSTRAINT fkey_dataset_tags_00000001_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES dataset_type (id),
    CONSTRAINT fkey_dataset_tags_00000001_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES dataset (id) ON DELETE CASCADE,
    CONSTRAINT fkey_dataset_tags_00000001_collection_collection_id_collection_id FOREIGN KEY (collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE,
    CONSTRAINT fkey_dataset_tags_00000001_collection_summary_dataset_type_collection_id_dataset_type_id_collection_id_dataset_type_id FOREIGN KEY (collection_id, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_id, dataset_type_id),
    CONSTRAINT fkey_dataset_tags_00000001_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name),
    CONSTRAINT fkey_dataset_tags_00000001_collection_summary_instrument_collection_id_instrument_collection_id_instrument FOREIGN KEY (collection_id, instrument) REFERENCES collection_summary_instrument (collection_id, instrument),
    CONSTRAINT fkey_dataset_tags_00000001_detector_instrument_id_instrument_detector FOREIGN KEY (instrument, detector) REFERENCES detector (instrument, id),
    CONSTRAINT fkey_dataset_tags_00000001_exposure_instrument_id_instrument_exposure FOREIGN KEY (instrument, exposure) REFERENCES exposure (instrument, id)
);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_type_id ON dataset_tags_00000001 (dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_id ON dataset_tags_00000001 (dataset_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_id ON dataset_tags_00000001 (collection_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_id_dataset_type_id ON dataset_tags_00000001 (collection_id, dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_instrument ON dataset_tags_00000001 (instrument);
CREATE INDEX dataset_tags_00000001_fkidx_collection_id_instrument ON dataset_tags_00000001 (collection_id, instrument);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_detector ON dataset_tags_00000001 (instrument, detector);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_exposure ON dataset_tags_00000001 (instrument, exposure);

-- Tag table of the dimension set {instrument, detector, visit} (dimensions_key 2): calexp.
CREATE TABLE dataset_tags_00000002 (
    dataset_type_id BIGINT NOT NULL,
    dataset_id CHAR(32) NOT NULL,
    collection_id BIGINT NOT NULL,
    instrument VARCHAR(32) NOT NULL,
    detector BIGINT NOT NULL,
    visit BIGINT NOT NULL,
    PRIMARY KEY (dataset_id, collection_id),
    CONSTRAINT dataset_tags_00000002_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1),
    CONSTRAINT dataset_tags_00000002_unq_dataset_type_id_collection_id_instrument_detector_visit UNIQUE (dataset_type_id, collection_id, instrument, detector, visit),
    CONSTRAINT fkey_dataset_tags_00000002_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES dataset_type (id),
    CONSTRAINT fkey_dataset_tags_00000002_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES dataset (id) ON DELETE CASCADE,
    CONSTRAINT fkey_dataset_tags_00000002_collection_collection_id_collection_id FOREIGN KEY (collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE,
    CONSTRAINT fkey_dataset_tags_00000002_collection_summary_dataset_type_collection_id_dataset_type_id_collection_id_dataset_type_id FOREIGN KEY (collection_id, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_id, dataset_type_id),
    CONSTRAINT fkey_dataset_tags_00000002_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument (name),
    CONSTRAINT fkey_dataset_tags_00000002_collection_summary_instrument_collection_id_instrument_collection_id_instrument FOREIGN KEY (collection_id, instrument) REFERENCES collection_summary_instrument (collection_id, instrument),
    CONSTRAINT fkey_dataset_tags_00000002_detector_instrument_id_instrument_detector FOREIGN KEY (instrument, detector) REFERENCES detector (instrument, id),
    CONSTRAINT fkey_dataset_tags_00000002_visit_instrument_id_instrument_visit FOREIGN KEY (instrument, visit) REFERENCES visit (instrument, id)
);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_type_id ON dataset_tags_00000002 (dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_id ON dataset_tags_00000002 (dataset_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_id ON dataset_tags_00000002 (collection_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_id_dataset_type_id ON dataset_tags_00000002 (collection_id, dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_instrument ON dataset_tags_00000002 (instrument);
CREATE INDEX dataset_tags_00000002_fkidx_collection_id_instrument ON dataset_tags_00000002 (collection_id, instrument);
CREATE INDEX dataset_tags_00000002_fkidx_instrument_detector ON dataset_tags_00000002 (instrument, detector);
CREATE INDEX dataset_tags_00000002_fkidx_instrument_visit ON dataset_tags_00000002 (instrument, visit);

INSERT INTO dataset_type (id, name, storage_class, dimensions_key, tag_association_table, calibration_association_table) VALUES
    (1, 'raw', 'Exposure', 1, 'dataset_tags_00000001', NULL),
    (2, 'calexp', 'ExposureF', 2, 'dataset_tags_00000002', NULL);

INSERT INTO dataset (id, dataset_type_id, ingest_date, run_id) VALUES
    ('11e307106b9d4a62adbac21860938dc0', 1, '2024-03-05 12:34:56.123456', 1),
    ('97342405d27a459f83fab70a6958f3ca', 1, '2024-03-05 12:34:56.123456', 1),
    ('d6f2cb1b77f74caa8ad42257624f5178', 1, '2024-03-05 12:34:57.480211', 1),
    ('537b862e115e4a31b5ae9f067a5043e8', 1, '2024-03-05 12:34:57.480211', 1),
    ('b7a7a4f4ac6048dda9c44aca3cb97836', 1, '2024-03-06 12:05:41.902377', 1),
    ('4f2caa65fdbb4429a4ed7949d86ec36a', 1, '2024-03-06 12:05:41.902377', 1),
    ('959404566ea14d199c80ccf36af281b4', 1, '2024-03-06 12:05:43.015940', 1),
    ('4ea820904ea041f981ccd52138fdb651', 1, '2024-03-06 12:05:43.015940', 1),
    ('62174cde77d940a2aafb837acd2d28ff', 2, '2024-03-06 18:22:07.000001', 2),
    ('08b965add5fc449a9e4b9227be76f6e8', 2, '2024-03-06 18:22:09.654320', 2),
    ('d6044fb0fe7549c7b6de3eaa570722f7', 2, '2024-03-06 18:23:30.250000', 2),
    ('125a000d7d5348c2a0c3c63a093d40fc', 2, '2024-03-06 18:23:31.999999', 2);

INSERT INTO collection_summary_dataset_type (collection_id, dataset_type_id) VALUES
    (1, 1),
    (2, 2),
    (3, 2);

INSERT INTO collection_summary_instrument (collection_id, instrument) VALUES
    (1, 'DemoCam'),
    (2, 'DemoCam'),
    (3, 'DemoCam');

INSERT INTO dataset_tags_00000001 (dataset_type_id, dataset_id, collection_id, instrument, detector, exposure) VALUES
    (1, '11e307106b9d4a62adbac21860938dc0', 1, 'DemoCam', 0, 202403040011),
    (1, '97342405d27a459f83fab70a6958f3ca', 1, 'DemoCam', 1, 202403040011),
    (1, 'd6f2cb1b77f74caa8ad42257624f5178', 1, 'DemoCam', 0, 202403040012),
    (1, '537b862e115e4a31b5ae9f067a5043e8', 1, 'DemoCam', 1, 202403040012),
    (1, 'b7a7a4f4ac6048dda9c44aca3cb97836', 1, 'DemoCam', 0, 202403050021),
    (1, '4f2caa65fdbb4429a4ed7949d86ec36a', 1, 'DemoCam', 1, 202403050021),
    (1, '959404566ea14d199c80ccf36af281b4', 1, 'DemoCam', 0, 202403050022),
    (1, '4ea820904ea041f981ccd52138fdb651', 1, 'DemoCam', 1, 202403050022);

-- The RUN holds all four calexps; the TAGGED collection holds the detector-0 ones.
INSERT INTO dataset_tags_00000002 (dataset_type_id, dataset_id, collection_id, instrument, detector, visit) VALUES
    (2, '62174cde77d940a2aafb837acd2d28ff', 2, 'DemoCam', 0, 202403040011),
    (2, '08b965add5fc449a9e4b9227be76f6e8', 2, 'DemoCam', 1, 202403040011),
    (2, 'd6044fb0fe7549c7b6de3eaa570722f7', 2, 'DemoCam', 0, 202403050021),
    (2, '125a000d7d5348c2a0c3c63a093d40fc', 2, 'DemoCam', 1, 202403050021),
    (2, '62174cde77d940a2aafb837acd2d28ff', 3, 'DemoCam', 0, 202403040011),
    (2, 'd6044fb0fe7549c7b6de3eaa570722f7', 3, 'DemoCam', 0, 202403050021);

-- ---------------------------------------------------------------- opaque (ByNameOpaqueTableStorageManager 0.2.0)

CREATE TABLE opaque_meta (
    table_name TEXT NOT NULL,
    PRIMARY KEY (table_name)
);

-- The file datastore's own records; component '__NULL_STRING__' means "the whole dataset".
CREATE TABLE file_datastore_records (
    dataset_id CHAR(32) NOT NULL,
    path TEXT NOT NULL,
    formatter TEXT NOT NULL,
    storage_class TEXT NOT NULL,
    component VARCHAR(32) NOT NULL,
    checksum TEXT,
    file_size BIGINT,
    PRIMARY KEY (dataset_id, component),
    CONSTRAINT file_datastore_records_len_component CHECK (length("component")<=32 AND length("component")>=1)
);
CREATE INDEX file_datastore_records_idx_path ON file_datastore_records (path);

INSERT INTO opaque_meta (table_name) VALUES
    ('file_datastore_records');

INSERT INTO file_datastore_records (dataset_id, path, formatter, storage_class, component, checksum, file_size) VALUES
    ('11e307106b9d4a62adbac21860938dc0', 'DemoCam/raw/all/raw/20240304/raw_DemoCam_202403040011_R00_S00.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'Exposure', '__NULL_STRING__', NULL, 18161280),
    ('97342405d27a459f83fab70a6958f3ca', 'DemoCam/raw/all/raw/20240304/raw_DemoCam_202403040011_R00_S01.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'Exposure', '__NULL_STRING__', NULL, 18161280),
    ('d6f2cb1b77f74caa8ad42257624f5178', 'DemoCam/raw/all/raw/20240304/raw_DemoCam_202403040012_R00_S00.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'Exposure', '__NULL_STRING__', NULL, 18161280),
    ('537b862e115e4a31b5ae9f067a5043e8', 'DemoCam/raw/all/raw/20240304/raw_DemoCam_202403040012_R00_S01.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'Exposure', '__NULL_STRING__', NULL, 18161280),
    ('b7a7a4f4ac6048dda9c44aca3cb97836', 'DemoCam/raw/all/raw/20240305/raw_DemoCam_202403050021_R00_S00.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'Exposure', '__NULL_STRING__', NULL, 18161280),
    ('4f2caa65fdbb4429a4ed7949d86ec36a', 'DemoCam/raw/all/raw/20240305/raw_DemoCam_202403050021_R00_S01.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'Exposure', '__NULL_STRING__', NULL, 18161280),
    ('959404566ea14d199c80ccf36af281b4', 'DemoCam/raw/all/raw/20240305/raw_DemoCam_202403050022_R00_S00.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'Exposure', '__NULL_STRING__', NULL, 18161280),
    ('4ea820904ea041f981ccd52138fdb651', 'DemoCam/raw/all/raw/20240305/raw_DemoCam_202403050022_R00_S01.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'Exposure', '__NULL_STRING__', NULL, 18161280),
    ('62174cde77d940a2aafb837acd2d28ff', 'DemoCam/runs/calexp-20240306/calexp/20240304/calexp_DemoCam_202403040011_R00_S00.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'ExposureF', '__NULL_STRING__', NULL, 54432000),
    ('08b965add5fc449a9e4b9227be76f6e8', 'DemoCam/runs/calexp-20240306/calexp/20240304/calexp_DemoCam_202403040011_R00_S01.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'ExposureF', '__NULL_STRING__', NULL, 54432000),
    ('d6044fb0fe7549c7b6de3eaa570722f7', 'DemoCam/runs/calexp-20240306/calexp/20240305/calexp_DemoCam_202403050021_R00_S00.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'ExposureF', '__NULL_STRING__', NULL, 54432000),
    ('125a000d7d5348c2a0c3c63a093d40fc', 'DemoCam/runs/calexp-20240306/calexp/20240305/calexp_DemoCam_202403050021_R00_S01.fits', 'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'ExposureF', '__NULL_STRING__', NULL, 54432000);

-- ---------------------------------------------------------------- datastores (MonolithicDatastoreRegistryBridgeManager 0.2.0)

CREATE TABLE dataset_location (
    datastore_name TEXT NOT NULL,
    dataset_id CHAR(32) NOT NULL,
    PRIMARY KEY (datastore_name, dataset_id),
    CONSTRAINT fkey_dataset_location_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES dataset (id)
);
CREATE INDEX dataset_location_fkidx_dataset_id ON dataset_location (dataset_id);

-- Primary key in the 0.2.0 order (datastore_name first); datastores 0.2.1 swaps it.
CREATE TABLE dataset_location_trash (
    datastore_name TEXT NOT NULL,
    dataset_id CHAR(32) NOT NULL,
    PRIMARY KEY (datastore_name, dataset_id)
);

-- Every dataset is stored except the last calexp, which was unstored and waits in the trash.
INSERT INTO dataset_location (datastore_name, dataset_id) VALUES
    ('FileDatastore@<butlerRoot>', '11e307106b9d4a62adbac21860938dc0'),
    ('FileDatastore@<butlerRoot>', '97342405d27a459f83fab70a6958f3ca'),
    ('FileDatastore@<butlerRoot>', 'd6f2cb1b77f74caa8ad42257624f5178'),
    ('FileDatastore@<butlerRoot>', '537b862e115e4a31b5ae9f067a5043e8'),
    ('FileDatastore@<butlerRoot>', 'b7a7a4f4ac6048dda9c44aca3cb97836'),
    ('FileDatastore@<butlerRoot>', '4f2caa65fdbb4429a4ed7949d86ec36a'),
    ('FileDatastore@<butlerRoot>', '959404566ea14d199c80ccf36af281b4'),
    ('FileDatastore@<butlerRoot>', '4ea820904ea041f981ccd52138fdb651'),
    ('FileDatastore@<butlerRoot>', '62174cde77d940a2aafb837acd2d28ff'),
    ('FileDatastore@<butlerRoot>', '08b965add5fc449a9e4b9227be76f6e8'),
    ('FileDatastore@<butlerRoot>', 'd6044fb0fe7549c7b6de3eaa570722f7');

INSERT INTO dataset_location_trash (datastore_name, dataset_id) VALUES
    ('FileDatastore@<butlerRoot>', '125a000d7d5348c2a0c3c63a093d40fc');

COMMIT;

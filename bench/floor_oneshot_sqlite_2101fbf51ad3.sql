-- Least-work floor for one-shot datasets 2101fbf51ad3 on SQLite (sqlite3 shell), written from the end state the
-- step reaches (not from its statements): every dataset id becomes CHAR(32) hex, raw datasets their uuid5 (the
-- map make_registry --raw-id-map precomputes, @RAW_ID_MAP@, bulk-loaded), every other id a random uuid4 made
-- set-based, in dataset, dataset_calibs_*, dataset_tags_*, dataset_location, dataset_location_trash and
-- file_datastore_records (whose ids only the datastore tables know get a uuid4 as well). The map is a TEMP table
-- keyed by the integer id (INTEGER PRIMARY KEY). Each table is read once and written once with its final columns:
-- CREATE TABLE with the end state's text under alembic's batch name (_alembic_tmp_<table>; the RENAME makes
-- SQLite store it as CREATE TABLE "<table>", as in the end state), INSERT ... SELECT joined to the map in the
-- order of the new key, DROP of the old table, RENAME, then its secondary indexes. The schema digests are the
-- values the tool computes for this end state (deterministic). One transaction, default journal_mode /
-- synchronous (as the tool); foreign_keys off (sqlite3 shell default, as the tool sets it).
BEGIN;
CREATE TEMP TABLE dataset_key (id INTEGER PRIMARY KEY, uuid CHAR(32) NOT NULL);
.import --csv --schema temp @RAW_ID_MAP@ dataset_key
INSERT INTO temp.dataset_key (id, uuid)
    SELECT id, lower(hex(randomblob(6))) || '4' || substr(lower(hex(randomblob(2))), 2) || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || lower(hex(randomblob(6)))
    FROM dataset WHERE dataset_type_id NOT IN (SELECT id FROM dataset_type WHERE name = 'raw');
INSERT OR IGNORE INTO temp.dataset_key (id, uuid)
    SELECT r.dataset_id, lower(hex(randomblob(6))) || '4' || substr(lower(hex(randomblob(2))), 2) || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || lower(hex(randomblob(6)))
    FROM file_datastore_records r WHERE NOT EXISTS (SELECT 1 FROM temp.dataset_key k WHERE k.id = r.dataset_id);
INSERT OR IGNORE INTO temp.dataset_key (id, uuid)
    SELECT t.dataset_id, lower(hex(randomblob(6))) || '4' || substr(lower(hex(randomblob(2))), 2) || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || lower(hex(randomblob(6)))
    FROM dataset_location_trash t WHERE NOT EXISTS (SELECT 1 FROM temp.dataset_key k WHERE k.id = t.dataset_id);

CREATE TABLE _alembic_tmp_dataset (
	dataset_type_id BIGINT NOT NULL, 
	ingest_date TIMESTAMP DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	run_name TEXT NOT NULL, 
	id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_pkey PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_run_name_run_name FOREIGN KEY(run_name) REFERENCES run (name) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset (dataset_type_id, ingest_date, run_name, id)
    SELECT o.dataset_type_id, o.ingest_date, o.run_name, k.uuid
    FROM dataset o JOIN temp.dataset_key k ON k.id = o.id ORDER BY k.uuid;
DROP TABLE dataset;
ALTER TABLE _alembic_tmp_dataset RENAME TO dataset;
CREATE INDEX dataset_fkidx_dataset_type_id ON dataset (dataset_type_id);
CREATE INDEX dataset_fkidx_run_name ON dataset (run_name);

CREATE TABLE _alembic_tmp_dataset_calibs_00000002 (
	id INTEGER, 
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT NOT NULL, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	timespan_begin BIGINT DEFAULT 0 NOT NULL, 
	timespan_end BIGINT DEFAULT (4102444800000000000) NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_calibs_00000002_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_calibs_00000002_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_calibs_00000002_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT fkey_dataset_calibs_00000002_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_calibs_00000002_collection_summary_instrument_collection_name_instrument_collection_name_instrument FOREIGN KEY(collection_name, instrument) REFERENCES collection_summary_instrument (collection_name, instrument), 
	CONSTRAINT fkey_dataset_calibs_00000002_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT dataset_calibs_00000002_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT fkey_dataset_calibs_00000002_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset_calibs_00000002 (id, dataset_type_id, collection_name, instrument, detector, timespan_begin, timespan_end, dataset_id)
    SELECT o.id, o.dataset_type_id, o.collection_name, o.instrument, o.detector, o.timespan_begin, o.timespan_end, k.uuid
    FROM dataset_calibs_00000002 o JOIN temp.dataset_key k ON k.id = o.dataset_id ORDER BY o.id;
DROP TABLE dataset_calibs_00000002;
ALTER TABLE _alembic_tmp_dataset_calibs_00000002 RENAME TO dataset_calibs_00000002;
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name ON dataset_calibs_00000002 (collection_name);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name_dataset_type_id ON dataset_calibs_00000002 (collection_name, dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name_instrument ON dataset_calibs_00000002 (collection_name, instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_id ON dataset_calibs_00000002 (dataset_id);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_type_id ON dataset_calibs_00000002 (dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument ON dataset_calibs_00000002 (instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument_detector ON dataset_calibs_00000002 (instrument, detector);
CREATE INDEX dataset_calibs_00000002_idx_dataset_type_id_collection_name_instrument_detector_timespan_begin_timespan_end ON dataset_calibs_00000002 (dataset_type_id, collection_name, instrument, detector, timespan_begin, timespan_end);

CREATE TABLE _alembic_tmp_dataset_calibs_00000003 (
	id INTEGER, 
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT NOT NULL, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	physical_filter VARCHAR(32) NOT NULL, 
	timespan_begin BIGINT DEFAULT 0 NOT NULL, 
	timespan_end BIGINT DEFAULT (4102444800000000000) NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_calibs_00000003_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_calibs_00000003_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_calibs_00000003_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT fkey_dataset_calibs_00000003_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_calibs_00000003_collection_summary_instrument_collection_name_instrument_collection_name_instrument FOREIGN KEY(collection_name, instrument) REFERENCES collection_summary_instrument (collection_name, instrument), 
	CONSTRAINT fkey_dataset_calibs_00000003_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT fkey_dataset_calibs_00000003_physical_filter_instrument_name_instrument_physical_filter FOREIGN KEY(instrument, physical_filter) REFERENCES physical_filter (instrument, name), 
	CONSTRAINT dataset_calibs_00000003_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT dataset_calibs_00000003_len_physical_filter CHECK (length(physical_filter)<=32 AND length(physical_filter)>=1), 
	CONSTRAINT fkey_dataset_calibs_00000003_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset_calibs_00000003 (id, dataset_type_id, collection_name, instrument, detector, physical_filter, timespan_begin, timespan_end, dataset_id)
    SELECT o.id, o.dataset_type_id, o.collection_name, o.instrument, o.detector, o.physical_filter, o.timespan_begin, o.timespan_end, k.uuid
    FROM dataset_calibs_00000003 o JOIN temp.dataset_key k ON k.id = o.dataset_id ORDER BY o.id;
DROP TABLE dataset_calibs_00000003;
ALTER TABLE _alembic_tmp_dataset_calibs_00000003 RENAME TO dataset_calibs_00000003;
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name ON dataset_calibs_00000003 (collection_name);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name_dataset_type_id ON dataset_calibs_00000003 (collection_name, dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name_instrument ON dataset_calibs_00000003 (collection_name, instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_id ON dataset_calibs_00000003 (dataset_id);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_type_id ON dataset_calibs_00000003 (dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument ON dataset_calibs_00000003 (instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_detector ON dataset_calibs_00000003 (instrument, detector);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_physical_filter ON dataset_calibs_00000003 (instrument, physical_filter);
CREATE INDEX dataset_calibs_00000003_idx_dataset_type_id_collection_name_instrument_detector_physical_filter_timespan_begin_timespan_end ON dataset_calibs_00000003 (dataset_type_id, collection_name, instrument, detector, physical_filter, timespan_begin, timespan_end);

CREATE TABLE _alembic_tmp_dataset_tags_00000000 (
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_tags_00000000_pkey PRIMARY KEY (dataset_id, collection_name), 
	CONSTRAINT fkey_dataset_tags_00000000_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000000_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000000_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT dataset_tags_00000000_unq_dataset_type_id_collection_name UNIQUE (dataset_type_id, collection_name), 
	CONSTRAINT fkey_dataset_tags_00000000_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset_tags_00000000 (dataset_type_id, collection_name, dataset_id)
    SELECT o.dataset_type_id, o.collection_name, k.uuid
    FROM dataset_tags_00000000 o JOIN temp.dataset_key k ON k.id = o.dataset_id ORDER BY k.uuid, o.collection_name;
DROP TABLE dataset_tags_00000000;
ALTER TABLE _alembic_tmp_dataset_tags_00000000 RENAME TO dataset_tags_00000000;
CREATE INDEX dataset_tags_00000000_fkidx_collection_name ON dataset_tags_00000000 (collection_name);
CREATE INDEX dataset_tags_00000000_fkidx_collection_name_dataset_type_id ON dataset_tags_00000000 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_id ON dataset_tags_00000000 (dataset_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_type_id ON dataset_tags_00000000 (dataset_type_id);

CREATE TABLE _alembic_tmp_dataset_tags_00000001 (
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	exposure BIGINT NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_tags_00000001_pkey PRIMARY KEY (dataset_id, collection_name), 
	CONSTRAINT fkey_dataset_tags_00000001_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000001_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000001_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT fkey_dataset_tags_00000001_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_tags_00000001_collection_summary_instrument_collection_name_instrument_collection_name_instrument FOREIGN KEY(collection_name, instrument) REFERENCES collection_summary_instrument (collection_name, instrument), 
	CONSTRAINT fkey_dataset_tags_00000001_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT fkey_dataset_tags_00000001_exposure_instrument_id_instrument_exposure FOREIGN KEY(instrument, exposure) REFERENCES exposure (instrument, id), 
	CONSTRAINT dataset_tags_00000001_unq_dataset_type_id_collection_name_instrument_detector_exposure UNIQUE (dataset_type_id, collection_name, instrument, detector, exposure), 
	CONSTRAINT dataset_tags_00000001_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT fkey_dataset_tags_00000001_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset_tags_00000001 (dataset_type_id, collection_name, instrument, detector, exposure, dataset_id)
    SELECT o.dataset_type_id, o.collection_name, o.instrument, o.detector, o.exposure, k.uuid
    FROM dataset_tags_00000001 o JOIN temp.dataset_key k ON k.id = o.dataset_id ORDER BY k.uuid, o.collection_name;
DROP TABLE dataset_tags_00000001;
ALTER TABLE _alembic_tmp_dataset_tags_00000001 RENAME TO dataset_tags_00000001;
CREATE INDEX dataset_tags_00000001_fkidx_collection_name ON dataset_tags_00000001 (collection_name);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name_dataset_type_id ON dataset_tags_00000001 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name_instrument ON dataset_tags_00000001 (collection_name, instrument);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_id ON dataset_tags_00000001 (dataset_id);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_type_id ON dataset_tags_00000001 (dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_instrument ON dataset_tags_00000001 (instrument);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_detector ON dataset_tags_00000001 (instrument, detector);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_exposure ON dataset_tags_00000001 (instrument, exposure);

CREATE TABLE _alembic_tmp_dataset_tags_00000002 (
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_tags_00000002_pkey PRIMARY KEY (dataset_id, collection_name), 
	CONSTRAINT fkey_dataset_tags_00000002_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000002_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000002_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT fkey_dataset_tags_00000002_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_tags_00000002_collection_summary_instrument_collection_name_instrument_collection_name_instrument FOREIGN KEY(collection_name, instrument) REFERENCES collection_summary_instrument (collection_name, instrument), 
	CONSTRAINT fkey_dataset_tags_00000002_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT dataset_tags_00000002_unq_dataset_type_id_collection_name_instrument_detector UNIQUE (dataset_type_id, collection_name, instrument, detector), 
	CONSTRAINT dataset_tags_00000002_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT fkey_dataset_tags_00000002_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset_tags_00000002 (dataset_type_id, collection_name, instrument, detector, dataset_id)
    SELECT o.dataset_type_id, o.collection_name, o.instrument, o.detector, k.uuid
    FROM dataset_tags_00000002 o JOIN temp.dataset_key k ON k.id = o.dataset_id ORDER BY k.uuid, o.collection_name;
DROP TABLE dataset_tags_00000002;
ALTER TABLE _alembic_tmp_dataset_tags_00000002 RENAME TO dataset_tags_00000002;
CREATE INDEX dataset_tags_00000002_fkidx_collection_name ON dataset_tags_00000002 (collection_name);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name_dataset_type_id ON dataset_tags_00000002 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name_instrument ON dataset_tags_00000002 (collection_name, instrument);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_id ON dataset_tags_00000002 (dataset_id);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_type_id ON dataset_tags_00000002 (dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_instrument ON dataset_tags_00000002 (instrument);
CREATE INDEX dataset_tags_00000002_fkidx_instrument_detector ON dataset_tags_00000002 (instrument, detector);

CREATE TABLE _alembic_tmp_dataset_tags_00000003 (
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	physical_filter VARCHAR(32) NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_tags_00000003_pkey PRIMARY KEY (dataset_id, collection_name), 
	CONSTRAINT fkey_dataset_tags_00000003_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000003_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000003_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT fkey_dataset_tags_00000003_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_tags_00000003_collection_summary_instrument_collection_name_instrument_collection_name_instrument FOREIGN KEY(collection_name, instrument) REFERENCES collection_summary_instrument (collection_name, instrument), 
	CONSTRAINT fkey_dataset_tags_00000003_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT fkey_dataset_tags_00000003_physical_filter_instrument_name_instrument_physical_filter FOREIGN KEY(instrument, physical_filter) REFERENCES physical_filter (instrument, name), 
	CONSTRAINT dataset_tags_00000003_unq_dataset_type_id_collection_name_instrument_detector_physical_filter UNIQUE (dataset_type_id, collection_name, instrument, detector, physical_filter), 
	CONSTRAINT dataset_tags_00000003_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT dataset_tags_00000003_len_physical_filter CHECK (length(physical_filter)<=32 AND length(physical_filter)>=1), 
	CONSTRAINT fkey_dataset_tags_00000003_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset_tags_00000003 (dataset_type_id, collection_name, instrument, detector, physical_filter, dataset_id)
    SELECT o.dataset_type_id, o.collection_name, o.instrument, o.detector, o.physical_filter, k.uuid
    FROM dataset_tags_00000003 o JOIN temp.dataset_key k ON k.id = o.dataset_id ORDER BY k.uuid, o.collection_name;
DROP TABLE dataset_tags_00000003;
ALTER TABLE _alembic_tmp_dataset_tags_00000003 RENAME TO dataset_tags_00000003;
CREATE INDEX dataset_tags_00000003_fkidx_collection_name ON dataset_tags_00000003 (collection_name);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name_dataset_type_id ON dataset_tags_00000003 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name_instrument ON dataset_tags_00000003 (collection_name, instrument);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_id ON dataset_tags_00000003 (dataset_id);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_type_id ON dataset_tags_00000003 (dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_instrument ON dataset_tags_00000003 (instrument);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_detector ON dataset_tags_00000003 (instrument, detector);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_physical_filter ON dataset_tags_00000003 (instrument, physical_filter);

CREATE TABLE _alembic_tmp_dataset_location (
	datastore_name TEXT NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_location_pkey PRIMARY KEY (datastore_name, dataset_id), 
	CONSTRAINT fkey_dataset_location_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id)
);
INSERT INTO _alembic_tmp_dataset_location (datastore_name, dataset_id)
    SELECT o.datastore_name, k.uuid
    FROM dataset_location o JOIN temp.dataset_key k ON k.id = o.dataset_id ORDER BY o.datastore_name, k.uuid;
DROP TABLE dataset_location;
ALTER TABLE _alembic_tmp_dataset_location RENAME TO dataset_location;
CREATE INDEX dataset_location_fkidx_dataset_id ON dataset_location (dataset_id);

CREATE TABLE _alembic_tmp_dataset_location_trash (
	datastore_name TEXT NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_location_trash_pkey PRIMARY KEY (datastore_name, dataset_id)
);
INSERT INTO _alembic_tmp_dataset_location_trash (datastore_name, dataset_id)
    SELECT o.datastore_name, k.uuid
    FROM dataset_location_trash o JOIN temp.dataset_key k ON k.id = o.dataset_id ORDER BY o.datastore_name, k.uuid;
DROP TABLE dataset_location_trash;
ALTER TABLE _alembic_tmp_dataset_location_trash RENAME TO dataset_location_trash;

CREATE TABLE _alembic_tmp_file_datastore_records (
	path TEXT NOT NULL, 
	formatter TEXT NOT NULL, 
	storage_class TEXT NOT NULL, 
	component VARCHAR(32), 
	checksum TEXT, 
	file_size BIGINT, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT file_datastore_records_pkey PRIMARY KEY (dataset_id, component), 
	CONSTRAINT file_datastore_records_len_component CHECK (length(component)<=32 AND length(component)>=1)
);
INSERT INTO _alembic_tmp_file_datastore_records (path, formatter, storage_class, component, checksum, file_size, dataset_id)
    SELECT o.path, o.formatter, o.storage_class, o.component, o.checksum, o.file_size, k.uuid
    FROM file_datastore_records o JOIN temp.dataset_key k ON k.id = o.dataset_id ORDER BY k.uuid, o.component;
DROP TABLE file_datastore_records;
ALTER TABLE _alembic_tmp_file_datastore_records RENAME TO file_datastore_records;
CREATE INDEX file_datastore_records_idx_path ON file_datastore_records (path);

DROP TABLE temp.dataset_key;
DELETE FROM butler_attributes WHERE name IN ('version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManager', 'schema_digest:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManager');
UPDATE butler_attributes SET value = 'lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID' WHERE name = 'config:registry.managers.datasets';
INSERT INTO butler_attributes (name, value) VALUES ('version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID', '1.0.0'), ('schema_digest:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID', '9333c074dfc50902433dcc364976c7cb');
UPDATE butler_attributes SET value = '3558b84d12fa04082ffd6935e0488922' WHERE name = 'schema_digest:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager';
UPDATE alembic_version SET version_num = '2101fbf51ad3' WHERE version_num = '635083325f20';
COMMIT;

-- Traced statements of one-shot 2101fbf51ad3 on sqlite (not the floor: bench/floor_oneshot_*.sql is; timed with
-- TRACED=1 bench/run-oneshot.sh): the statements butler-migrate runs on a registry of
-- bench/make_registry --layout oneshot (written by bench/trace_to_floor.py from a trace of the tool).
-- The raw datasets' uuid5 ids, which the tool computes in C++ and inserts in batches, are bulk-loaded
-- from a precomputed map instead (@RAW_ID_MAP@, make_registry --raw-id-map): the floor is the database's
-- share of the work. Catalogue reads and the attribute rows' parameters are left out / written out
-- (the schema_digest values are placeholders, not the tool's).
BEGIN;
CREATE TABLE migration_id2uuid (
	id BIGINT NOT NULL, 
	uuid CHAR(32), 
	PRIMARY KEY (id)
);
.import --csv @RAW_ID_MAP@ migration_id2uuid
INSERT INTO "migration_id2uuid" (id, uuid) SELECT "dataset".id, (lower(hex(randomblob(6))) || '4' || substr(lower(hex(randomblob(2))), 2) || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || lower(hex(randomblob(6)))) FROM "dataset_type" JOIN "dataset" ON "dataset".dataset_type_id = "dataset_type".id JOIN "run" ON "dataset".run_name = "run".name JOIN "collection" ON "run".name = "collection".name JOIN "dataset_tags_00000000" t ON "dataset".id = t.dataset_id AND t.collection_name = "collection".name WHERE "dataset_type".name <> 'raw';
INSERT INTO "migration_id2uuid" (id, uuid) SELECT "dataset".id, (lower(hex(randomblob(6))) || '4' || substr(lower(hex(randomblob(2))), 2) || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || lower(hex(randomblob(6)))) FROM "dataset_type" JOIN "dataset" ON "dataset".dataset_type_id = "dataset_type".id JOIN "run" ON "dataset".run_name = "run".name JOIN "collection" ON "run".name = "collection".name JOIN "dataset_tags_00000001" t ON "dataset".id = t.dataset_id AND t.collection_name = "collection".name WHERE "dataset_type".name <> 'raw';
INSERT INTO "migration_id2uuid" (id, uuid) SELECT "dataset".id, (lower(hex(randomblob(6))) || '4' || substr(lower(hex(randomblob(2))), 2) || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || lower(hex(randomblob(6)))) FROM "dataset_type" JOIN "dataset" ON "dataset".dataset_type_id = "dataset_type".id JOIN "run" ON "dataset".run_name = "run".name JOIN "collection" ON "run".name = "collection".name JOIN "dataset_tags_00000002" t ON "dataset".id = t.dataset_id AND t.collection_name = "collection".name WHERE "dataset_type".name <> 'raw';
INSERT INTO "migration_id2uuid" (id, uuid) SELECT "dataset".id, (lower(hex(randomblob(6))) || '4' || substr(lower(hex(randomblob(2))), 2) || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || lower(hex(randomblob(6)))) FROM "dataset_type" JOIN "dataset" ON "dataset".dataset_type_id = "dataset_type".id JOIN "run" ON "dataset".run_name = "run".name JOIN "collection" ON "run".name = "collection".name JOIN "dataset_tags_00000003" t ON "dataset".id = t.dataset_id AND t.collection_name = "collection".name WHERE "dataset_type".name <> 'raw';
INSERT INTO "migration_id2uuid" (id, uuid) SELECT ids.dataset_id, (lower(hex(randomblob(6))) || '4' || substr(lower(hex(randomblob(2))), 2) || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || lower(hex(randomblob(6)))) FROM (SELECT dataset_id FROM "file_datastore_records" UNION SELECT dataset_id FROM "dataset_location_trash") ids WHERE ids.dataset_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "migration_id2uuid" m WHERE m.id = ids.dataset_id);
ALTER TABLE dataset ADD COLUMN id_uuid CHAR(32);
ALTER TABLE dataset_location_trash ADD COLUMN dataset_id_uuid CHAR(32);
ALTER TABLE file_datastore_records ADD COLUMN dataset_id_uuid CHAR(32);
ALTER TABLE dataset_calibs_00000002 ADD COLUMN dataset_id_uuid CHAR(32);
ALTER TABLE dataset_calibs_00000003 ADD COLUMN dataset_id_uuid CHAR(32);
ALTER TABLE dataset_location ADD COLUMN dataset_id_uuid CHAR(32);
ALTER TABLE dataset_tags_00000000 ADD COLUMN dataset_id_uuid CHAR(32);
ALTER TABLE dataset_tags_00000001 ADD COLUMN dataset_id_uuid CHAR(32);
ALTER TABLE dataset_tags_00000002 ADD COLUMN dataset_id_uuid CHAR(32);
ALTER TABLE dataset_tags_00000003 ADD COLUMN dataset_id_uuid CHAR(32);
UPDATE "dataset" SET id_uuid = (SELECT m.uuid FROM "migration_id2uuid" m WHERE m.id = "dataset".id);
UPDATE "dataset_location_trash" SET dataset_id_uuid = (SELECT m.uuid FROM "migration_id2uuid" m WHERE m.id = "dataset_location_trash".dataset_id);
UPDATE "file_datastore_records" SET dataset_id_uuid = (SELECT m.uuid FROM "migration_id2uuid" m WHERE m.id = "file_datastore_records".dataset_id);
UPDATE "dataset_calibs_00000002" SET dataset_id_uuid = (SELECT m.uuid FROM "migration_id2uuid" m WHERE m.id = "dataset_calibs_00000002".dataset_id);
UPDATE "dataset_calibs_00000003" SET dataset_id_uuid = (SELECT m.uuid FROM "migration_id2uuid" m WHERE m.id = "dataset_calibs_00000003".dataset_id);
UPDATE "dataset_location" SET dataset_id_uuid = (SELECT m.uuid FROM "migration_id2uuid" m WHERE m.id = "dataset_location".dataset_id);
UPDATE "dataset_tags_00000000" SET dataset_id_uuid = (SELECT m.uuid FROM "migration_id2uuid" m WHERE m.id = "dataset_tags_00000000".dataset_id);
UPDATE "dataset_tags_00000001" SET dataset_id_uuid = (SELECT m.uuid FROM "migration_id2uuid" m WHERE m.id = "dataset_tags_00000001".dataset_id);
UPDATE "dataset_tags_00000002" SET dataset_id_uuid = (SELECT m.uuid FROM "migration_id2uuid" m WHERE m.id = "dataset_tags_00000002".dataset_id);
UPDATE "dataset_tags_00000003" SET dataset_id_uuid = (SELECT m.uuid FROM "migration_id2uuid" m WHERE m.id = "dataset_tags_00000003".dataset_id);
CREATE TABLE _alembic_tmp_dataset_tags_00000003 (
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	physical_filter VARCHAR(32) NOT NULL, 
	dataset_id_uuid CHAR(32), 
	CONSTRAINT dataset_tags_00000003_pkey PRIMARY KEY (dataset_id_uuid, collection_name), 
	CONSTRAINT fkey_dataset_tags_00000003_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000003_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000003_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT fkey_dataset_tags_00000003_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_tags_00000003_collection_summary_instrument_collection_name_instrument_collection_name_instrument FOREIGN KEY(collection_name, instrument) REFERENCES collection_summary_instrument (collection_name, instrument), 
	CONSTRAINT fkey_dataset_tags_00000003_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT fkey_dataset_tags_00000003_physical_filter_instrument_name_instrument_physical_filter FOREIGN KEY(instrument, physical_filter) REFERENCES physical_filter (instrument, name), 
	CONSTRAINT dataset_tags_00000003_unq_dataset_type_id_collection_name_instrument_detector_physical_filter UNIQUE (dataset_type_id, collection_name, instrument, detector, physical_filter), 
	CONSTRAINT dataset_tags_00000003_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT dataset_tags_00000003_len_physical_filter CHECK (length(physical_filter)<=32 AND length(physical_filter)>=1)
);
INSERT INTO _alembic_tmp_dataset_tags_00000003 (dataset_type_id, collection_name, instrument, detector, physical_filter, dataset_id_uuid) SELECT dataset_tags_00000003.dataset_type_id, dataset_tags_00000003.collection_name, dataset_tags_00000003.instrument, dataset_tags_00000003.detector, dataset_tags_00000003.physical_filter, dataset_tags_00000003.dataset_id_uuid 
FROM dataset_tags_00000003;
DROP TABLE dataset_tags_00000003;
ALTER TABLE _alembic_tmp_dataset_tags_00000003 RENAME TO dataset_tags_00000003;
CREATE INDEX dataset_tags_00000003_fkidx_collection_name ON dataset_tags_00000003 (collection_name);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name_dataset_type_id ON dataset_tags_00000003 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name_instrument ON dataset_tags_00000003 (collection_name, instrument);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_type_id ON dataset_tags_00000003 (dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_instrument ON dataset_tags_00000003 (instrument);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_detector ON dataset_tags_00000003 (instrument, detector);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_physical_filter ON dataset_tags_00000003 (instrument, physical_filter);
CREATE TABLE _alembic_tmp_dataset_tags_00000002 (
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	dataset_id_uuid CHAR(32), 
	CONSTRAINT dataset_tags_00000002_pkey PRIMARY KEY (dataset_id_uuid, collection_name), 
	CONSTRAINT fkey_dataset_tags_00000002_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000002_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000002_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT fkey_dataset_tags_00000002_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_tags_00000002_collection_summary_instrument_collection_name_instrument_collection_name_instrument FOREIGN KEY(collection_name, instrument) REFERENCES collection_summary_instrument (collection_name, instrument), 
	CONSTRAINT fkey_dataset_tags_00000002_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT dataset_tags_00000002_unq_dataset_type_id_collection_name_instrument_detector UNIQUE (dataset_type_id, collection_name, instrument, detector), 
	CONSTRAINT dataset_tags_00000002_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1)
);
INSERT INTO _alembic_tmp_dataset_tags_00000002 (dataset_type_id, collection_name, instrument, detector, dataset_id_uuid) SELECT dataset_tags_00000002.dataset_type_id, dataset_tags_00000002.collection_name, dataset_tags_00000002.instrument, dataset_tags_00000002.detector, dataset_tags_00000002.dataset_id_uuid 
FROM dataset_tags_00000002;
DROP TABLE dataset_tags_00000002;
ALTER TABLE _alembic_tmp_dataset_tags_00000002 RENAME TO dataset_tags_00000002;
CREATE INDEX dataset_tags_00000002_fkidx_collection_name ON dataset_tags_00000002 (collection_name);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name_dataset_type_id ON dataset_tags_00000002 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name_instrument ON dataset_tags_00000002 (collection_name, instrument);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_type_id ON dataset_tags_00000002 (dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_instrument ON dataset_tags_00000002 (instrument);
CREATE INDEX dataset_tags_00000002_fkidx_instrument_detector ON dataset_tags_00000002 (instrument, detector);
CREATE TABLE _alembic_tmp_dataset_tags_00000001 (
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	exposure BIGINT NOT NULL, 
	dataset_id_uuid CHAR(32), 
	CONSTRAINT dataset_tags_00000001_pkey PRIMARY KEY (dataset_id_uuid, collection_name), 
	CONSTRAINT fkey_dataset_tags_00000001_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000001_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000001_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT fkey_dataset_tags_00000001_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_tags_00000001_collection_summary_instrument_collection_name_instrument_collection_name_instrument FOREIGN KEY(collection_name, instrument) REFERENCES collection_summary_instrument (collection_name, instrument), 
	CONSTRAINT fkey_dataset_tags_00000001_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT fkey_dataset_tags_00000001_exposure_instrument_id_instrument_exposure FOREIGN KEY(instrument, exposure) REFERENCES exposure (instrument, id), 
	CONSTRAINT dataset_tags_00000001_unq_dataset_type_id_collection_name_instrument_detector_exposure UNIQUE (dataset_type_id, collection_name, instrument, detector, exposure), 
	CONSTRAINT dataset_tags_00000001_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1)
);
INSERT INTO _alembic_tmp_dataset_tags_00000001 (dataset_type_id, collection_name, instrument, detector, exposure, dataset_id_uuid) SELECT dataset_tags_00000001.dataset_type_id, dataset_tags_00000001.collection_name, dataset_tags_00000001.instrument, dataset_tags_00000001.detector, dataset_tags_00000001.exposure, dataset_tags_00000001.dataset_id_uuid 
FROM dataset_tags_00000001;
DROP TABLE dataset_tags_00000001;
ALTER TABLE _alembic_tmp_dataset_tags_00000001 RENAME TO dataset_tags_00000001;
CREATE INDEX dataset_tags_00000001_fkidx_collection_name ON dataset_tags_00000001 (collection_name);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name_dataset_type_id ON dataset_tags_00000001 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name_instrument ON dataset_tags_00000001 (collection_name, instrument);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_type_id ON dataset_tags_00000001 (dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_instrument ON dataset_tags_00000001 (instrument);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_detector ON dataset_tags_00000001 (instrument, detector);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_exposure ON dataset_tags_00000001 (instrument, exposure);
CREATE TABLE _alembic_tmp_dataset_tags_00000000 (
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT, 
	dataset_id_uuid CHAR(32), 
	CONSTRAINT dataset_tags_00000000_pkey PRIMARY KEY (dataset_id_uuid, collection_name), 
	CONSTRAINT fkey_dataset_tags_00000000_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000000_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000000_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT dataset_tags_00000000_unq_dataset_type_id_collection_name UNIQUE (dataset_type_id, collection_name)
);
INSERT INTO _alembic_tmp_dataset_tags_00000000 (dataset_type_id, collection_name, dataset_id_uuid) SELECT dataset_tags_00000000.dataset_type_id, dataset_tags_00000000.collection_name, dataset_tags_00000000.dataset_id_uuid 
FROM dataset_tags_00000000;
DROP TABLE dataset_tags_00000000;
ALTER TABLE _alembic_tmp_dataset_tags_00000000 RENAME TO dataset_tags_00000000;
CREATE INDEX dataset_tags_00000000_fkidx_collection_name ON dataset_tags_00000000 (collection_name);
CREATE INDEX dataset_tags_00000000_fkidx_collection_name_dataset_type_id ON dataset_tags_00000000 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_type_id ON dataset_tags_00000000 (dataset_type_id);
CREATE TABLE _alembic_tmp_dataset_location (
	datastore_name TEXT NOT NULL, 
	dataset_id_uuid CHAR(32), 
	CONSTRAINT dataset_location_pkey PRIMARY KEY (datastore_name, dataset_id_uuid)
);
INSERT INTO _alembic_tmp_dataset_location (datastore_name, dataset_id_uuid) SELECT dataset_location.datastore_name, dataset_location.dataset_id_uuid 
FROM dataset_location;
DROP TABLE dataset_location;
ALTER TABLE _alembic_tmp_dataset_location RENAME TO dataset_location;
CREATE TABLE _alembic_tmp_dataset_calibs_00000003 (
	id INTEGER, 
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT NOT NULL, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	physical_filter VARCHAR(32) NOT NULL, 
	timespan_begin BIGINT DEFAULT 0 NOT NULL, 
	timespan_end BIGINT DEFAULT (4102444800000000000) NOT NULL, 
	dataset_id_uuid CHAR(32), 
	PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_calibs_00000003_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_calibs_00000003_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_calibs_00000003_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT fkey_dataset_calibs_00000003_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_calibs_00000003_collection_summary_instrument_collection_name_instrument_collection_name_instrument FOREIGN KEY(collection_name, instrument) REFERENCES collection_summary_instrument (collection_name, instrument), 
	CONSTRAINT fkey_dataset_calibs_00000003_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT fkey_dataset_calibs_00000003_physical_filter_instrument_name_instrument_physical_filter FOREIGN KEY(instrument, physical_filter) REFERENCES physical_filter (instrument, name), 
	CONSTRAINT dataset_calibs_00000003_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT dataset_calibs_00000003_len_physical_filter CHECK (length(physical_filter)<=32 AND length(physical_filter)>=1)
);
INSERT INTO _alembic_tmp_dataset_calibs_00000003 (id, dataset_type_id, collection_name, instrument, detector, physical_filter, timespan_begin, timespan_end, dataset_id_uuid) SELECT dataset_calibs_00000003.id, dataset_calibs_00000003.dataset_type_id, dataset_calibs_00000003.collection_name, dataset_calibs_00000003.instrument, dataset_calibs_00000003.detector, dataset_calibs_00000003.physical_filter, dataset_calibs_00000003.timespan_begin, dataset_calibs_00000003.timespan_end, dataset_calibs_00000003.dataset_id_uuid 
FROM dataset_calibs_00000003;
DROP TABLE dataset_calibs_00000003;
ALTER TABLE _alembic_tmp_dataset_calibs_00000003 RENAME TO dataset_calibs_00000003;
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name ON dataset_calibs_00000003 (collection_name);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name_dataset_type_id ON dataset_calibs_00000003 (collection_name, dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name_instrument ON dataset_calibs_00000003 (collection_name, instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_type_id ON dataset_calibs_00000003 (dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument ON dataset_calibs_00000003 (instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_detector ON dataset_calibs_00000003 (instrument, detector);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_physical_filter ON dataset_calibs_00000003 (instrument, physical_filter);
CREATE INDEX dataset_calibs_00000003_idx_dataset_type_id_collection_name_instrument_detector_physical_filter_timespan_begin_timespan_end ON dataset_calibs_00000003 (dataset_type_id, collection_name, instrument, detector, physical_filter, timespan_begin, timespan_end);
CREATE TABLE _alembic_tmp_dataset_calibs_00000002 (
	id INTEGER, 
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT NOT NULL, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	timespan_begin BIGINT DEFAULT 0 NOT NULL, 
	timespan_end BIGINT DEFAULT (4102444800000000000) NOT NULL, 
	dataset_id_uuid CHAR(32), 
	PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_calibs_00000002_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_calibs_00000002_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_calibs_00000002_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT fkey_dataset_calibs_00000002_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_calibs_00000002_collection_summary_instrument_collection_name_instrument_collection_name_instrument FOREIGN KEY(collection_name, instrument) REFERENCES collection_summary_instrument (collection_name, instrument), 
	CONSTRAINT fkey_dataset_calibs_00000002_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT dataset_calibs_00000002_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1)
);
INSERT INTO _alembic_tmp_dataset_calibs_00000002 (id, dataset_type_id, collection_name, instrument, detector, timespan_begin, timespan_end, dataset_id_uuid) SELECT dataset_calibs_00000002.id, dataset_calibs_00000002.dataset_type_id, dataset_calibs_00000002.collection_name, dataset_calibs_00000002.instrument, dataset_calibs_00000002.detector, dataset_calibs_00000002.timespan_begin, dataset_calibs_00000002.timespan_end, dataset_calibs_00000002.dataset_id_uuid 
FROM dataset_calibs_00000002;
DROP TABLE dataset_calibs_00000002;
ALTER TABLE _alembic_tmp_dataset_calibs_00000002 RENAME TO dataset_calibs_00000002;
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name ON dataset_calibs_00000002 (collection_name);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name_dataset_type_id ON dataset_calibs_00000002 (collection_name, dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name_instrument ON dataset_calibs_00000002 (collection_name, instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_type_id ON dataset_calibs_00000002 (dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument ON dataset_calibs_00000002 (instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument_detector ON dataset_calibs_00000002 (instrument, detector);
CREATE INDEX dataset_calibs_00000002_idx_dataset_type_id_collection_name_instrument_detector_timespan_begin_timespan_end ON dataset_calibs_00000002 (dataset_type_id, collection_name, instrument, detector, timespan_begin, timespan_end);
CREATE TABLE _alembic_tmp_file_datastore_records (
	path TEXT NOT NULL, 
	formatter TEXT NOT NULL, 
	storage_class TEXT NOT NULL, 
	component VARCHAR(32), 
	checksum TEXT, 
	file_size BIGINT, 
	dataset_id_uuid CHAR(32), 
	CONSTRAINT file_datastore_records_pkey PRIMARY KEY (dataset_id_uuid, component), 
	CONSTRAINT file_datastore_records_len_component CHECK (length(component)<=32 AND length(component)>=1)
);
INSERT INTO _alembic_tmp_file_datastore_records (path, formatter, storage_class, component, checksum, file_size, dataset_id_uuid) SELECT file_datastore_records.path, file_datastore_records.formatter, file_datastore_records.storage_class, file_datastore_records.component, file_datastore_records.checksum, file_datastore_records.file_size, file_datastore_records.dataset_id_uuid 
FROM file_datastore_records;
DROP TABLE file_datastore_records;
ALTER TABLE _alembic_tmp_file_datastore_records RENAME TO file_datastore_records;
CREATE INDEX file_datastore_records_idx_path ON file_datastore_records (path);
CREATE TABLE _alembic_tmp_dataset_location_trash (
	datastore_name TEXT NOT NULL, 
	dataset_id_uuid CHAR(32), 
	CONSTRAINT dataset_location_trash_pkey PRIMARY KEY (datastore_name, dataset_id_uuid)
);
INSERT INTO _alembic_tmp_dataset_location_trash (datastore_name, dataset_id_uuid) SELECT dataset_location_trash.datastore_name, dataset_location_trash.dataset_id_uuid 
FROM dataset_location_trash;
DROP TABLE dataset_location_trash;
ALTER TABLE _alembic_tmp_dataset_location_trash RENAME TO dataset_location_trash;
CREATE TABLE _alembic_tmp_dataset (
	dataset_type_id BIGINT NOT NULL, 
	ingest_date TIMESTAMP DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	run_name TEXT NOT NULL, 
	id_uuid CHAR(32), 
	CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_run_name_run_name FOREIGN KEY(run_name) REFERENCES run (name) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset (dataset_type_id, ingest_date, run_name, id_uuid) SELECT dataset.dataset_type_id, dataset.ingest_date, dataset.run_name, dataset.id_uuid 
FROM dataset;
DROP TABLE dataset;
ALTER TABLE _alembic_tmp_dataset RENAME TO dataset;
CREATE INDEX dataset_fkidx_dataset_type_id ON dataset (dataset_type_id);
CREATE INDEX dataset_fkidx_run_name ON dataset (run_name);
CREATE TABLE _alembic_tmp_dataset (
	dataset_type_id BIGINT NOT NULL, 
	ingest_date TIMESTAMP DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	run_name TEXT NOT NULL, 
	id CHAR(32) NOT NULL, 
	CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_run_name_run_name FOREIGN KEY(run_name) REFERENCES run (name) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset (dataset_type_id, ingest_date, run_name, id) SELECT dataset.dataset_type_id, dataset.ingest_date, dataset.run_name, dataset.id_uuid 
FROM dataset;
DROP TABLE dataset;
ALTER TABLE _alembic_tmp_dataset RENAME TO dataset;
CREATE INDEX dataset_fkidx_dataset_type_id ON dataset (dataset_type_id);
CREATE INDEX dataset_fkidx_run_name ON dataset (run_name);
CREATE TABLE _alembic_tmp_dataset_location_trash (
	datastore_name TEXT NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_location_trash_pkey PRIMARY KEY (datastore_name, dataset_id)
);
INSERT INTO _alembic_tmp_dataset_location_trash (datastore_name, dataset_id) SELECT dataset_location_trash.datastore_name, dataset_location_trash.dataset_id_uuid 
FROM dataset_location_trash;
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
INSERT INTO _alembic_tmp_file_datastore_records (path, formatter, storage_class, component, checksum, file_size, dataset_id) SELECT file_datastore_records.path, file_datastore_records.formatter, file_datastore_records.storage_class, file_datastore_records.component, file_datastore_records.checksum, file_datastore_records.file_size, file_datastore_records.dataset_id_uuid 
FROM file_datastore_records;
DROP TABLE file_datastore_records;
ALTER TABLE _alembic_tmp_file_datastore_records RENAME TO file_datastore_records;
CREATE INDEX file_datastore_records_idx_path ON file_datastore_records (path);
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
	CONSTRAINT dataset_calibs_00000002_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1)
);
INSERT INTO _alembic_tmp_dataset_calibs_00000002 (id, dataset_type_id, collection_name, instrument, detector, timespan_begin, timespan_end, dataset_id) SELECT dataset_calibs_00000002.id, dataset_calibs_00000002.dataset_type_id, dataset_calibs_00000002.collection_name, dataset_calibs_00000002.instrument, dataset_calibs_00000002.detector, dataset_calibs_00000002.timespan_begin, dataset_calibs_00000002.timespan_end, dataset_calibs_00000002.dataset_id_uuid 
FROM dataset_calibs_00000002;
DROP TABLE dataset_calibs_00000002;
ALTER TABLE _alembic_tmp_dataset_calibs_00000002 RENAME TO dataset_calibs_00000002;
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name ON dataset_calibs_00000002 (collection_name);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name_dataset_type_id ON dataset_calibs_00000002 (collection_name, dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name_instrument ON dataset_calibs_00000002 (collection_name, instrument);
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
	CONSTRAINT dataset_calibs_00000003_len_physical_filter CHECK (length(physical_filter)<=32 AND length(physical_filter)>=1)
);
INSERT INTO _alembic_tmp_dataset_calibs_00000003 (id, dataset_type_id, collection_name, instrument, detector, physical_filter, timespan_begin, timespan_end, dataset_id) SELECT dataset_calibs_00000003.id, dataset_calibs_00000003.dataset_type_id, dataset_calibs_00000003.collection_name, dataset_calibs_00000003.instrument, dataset_calibs_00000003.detector, dataset_calibs_00000003.physical_filter, dataset_calibs_00000003.timespan_begin, dataset_calibs_00000003.timespan_end, dataset_calibs_00000003.dataset_id_uuid 
FROM dataset_calibs_00000003;
DROP TABLE dataset_calibs_00000003;
ALTER TABLE _alembic_tmp_dataset_calibs_00000003 RENAME TO dataset_calibs_00000003;
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name ON dataset_calibs_00000003 (collection_name);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name_dataset_type_id ON dataset_calibs_00000003 (collection_name, dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name_instrument ON dataset_calibs_00000003 (collection_name, instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_type_id ON dataset_calibs_00000003 (dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument ON dataset_calibs_00000003 (instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_detector ON dataset_calibs_00000003 (instrument, detector);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_physical_filter ON dataset_calibs_00000003 (instrument, physical_filter);
CREATE INDEX dataset_calibs_00000003_idx_dataset_type_id_collection_name_instrument_detector_physical_filter_timespan_begin_timespan_end ON dataset_calibs_00000003 (dataset_type_id, collection_name, instrument, detector, physical_filter, timespan_begin, timespan_end);
CREATE TABLE _alembic_tmp_dataset_location (
	datastore_name TEXT NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_location_pkey PRIMARY KEY (datastore_name, dataset_id)
);
INSERT INTO _alembic_tmp_dataset_location (datastore_name, dataset_id) SELECT dataset_location.datastore_name, dataset_location.dataset_id_uuid 
FROM dataset_location;
DROP TABLE dataset_location;
ALTER TABLE _alembic_tmp_dataset_location RENAME TO dataset_location;
CREATE TABLE _alembic_tmp_dataset_tags_00000000 (
	dataset_type_id BIGINT NOT NULL, 
	collection_name TEXT, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_tags_00000000_pkey PRIMARY KEY (dataset_id, collection_name), 
	CONSTRAINT fkey_dataset_tags_00000000_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000000_collection_name_collection_name FOREIGN KEY(collection_name) REFERENCES collection (name) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000000_collection_summary_dataset_type_collection_name_dataset_type_id_collection_name_dataset_type_id FOREIGN KEY(collection_name, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_name, dataset_type_id), 
	CONSTRAINT dataset_tags_00000000_unq_dataset_type_id_collection_name UNIQUE (dataset_type_id, collection_name)
);
INSERT INTO _alembic_tmp_dataset_tags_00000000 (dataset_type_id, collection_name, dataset_id) SELECT dataset_tags_00000000.dataset_type_id, dataset_tags_00000000.collection_name, dataset_tags_00000000.dataset_id_uuid 
FROM dataset_tags_00000000;
DROP TABLE dataset_tags_00000000;
ALTER TABLE _alembic_tmp_dataset_tags_00000000 RENAME TO dataset_tags_00000000;
CREATE INDEX dataset_tags_00000000_fkidx_collection_name ON dataset_tags_00000000 (collection_name);
CREATE INDEX dataset_tags_00000000_fkidx_collection_name_dataset_type_id ON dataset_tags_00000000 (collection_name, dataset_type_id);
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
	CONSTRAINT dataset_tags_00000001_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1)
);
INSERT INTO _alembic_tmp_dataset_tags_00000001 (dataset_type_id, collection_name, instrument, detector, exposure, dataset_id) SELECT dataset_tags_00000001.dataset_type_id, dataset_tags_00000001.collection_name, dataset_tags_00000001.instrument, dataset_tags_00000001.detector, dataset_tags_00000001.exposure, dataset_tags_00000001.dataset_id_uuid 
FROM dataset_tags_00000001;
DROP TABLE dataset_tags_00000001;
ALTER TABLE _alembic_tmp_dataset_tags_00000001 RENAME TO dataset_tags_00000001;
CREATE INDEX dataset_tags_00000001_fkidx_collection_name ON dataset_tags_00000001 (collection_name);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name_dataset_type_id ON dataset_tags_00000001 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name_instrument ON dataset_tags_00000001 (collection_name, instrument);
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
	CONSTRAINT dataset_tags_00000002_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1)
);
INSERT INTO _alembic_tmp_dataset_tags_00000002 (dataset_type_id, collection_name, instrument, detector, dataset_id) SELECT dataset_tags_00000002.dataset_type_id, dataset_tags_00000002.collection_name, dataset_tags_00000002.instrument, dataset_tags_00000002.detector, dataset_tags_00000002.dataset_id_uuid 
FROM dataset_tags_00000002;
DROP TABLE dataset_tags_00000002;
ALTER TABLE _alembic_tmp_dataset_tags_00000002 RENAME TO dataset_tags_00000002;
CREATE INDEX dataset_tags_00000002_fkidx_collection_name ON dataset_tags_00000002 (collection_name);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name_dataset_type_id ON dataset_tags_00000002 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name_instrument ON dataset_tags_00000002 (collection_name, instrument);
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
	CONSTRAINT dataset_tags_00000003_len_physical_filter CHECK (length(physical_filter)<=32 AND length(physical_filter)>=1)
);
INSERT INTO _alembic_tmp_dataset_tags_00000003 (dataset_type_id, collection_name, instrument, detector, physical_filter, dataset_id) SELECT dataset_tags_00000003.dataset_type_id, dataset_tags_00000003.collection_name, dataset_tags_00000003.instrument, dataset_tags_00000003.detector, dataset_tags_00000003.physical_filter, dataset_tags_00000003.dataset_id_uuid 
FROM dataset_tags_00000003;
DROP TABLE dataset_tags_00000003;
ALTER TABLE _alembic_tmp_dataset_tags_00000003 RENAME TO dataset_tags_00000003;
CREATE INDEX dataset_tags_00000003_fkidx_collection_name ON dataset_tags_00000003 (collection_name);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name_dataset_type_id ON dataset_tags_00000003 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name_instrument ON dataset_tags_00000003 (collection_name, instrument);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_type_id ON dataset_tags_00000003 (dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_instrument ON dataset_tags_00000003 (instrument);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_detector ON dataset_tags_00000003 (instrument, detector);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_physical_filter ON dataset_tags_00000003 (instrument, physical_filter);
CREATE TABLE _alembic_tmp_dataset (
	dataset_type_id BIGINT NOT NULL, 
	ingest_date TIMESTAMP DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	run_name TEXT NOT NULL, 
	id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_pkey PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_run_name_run_name FOREIGN KEY(run_name) REFERENCES run (name) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset (dataset_type_id, ingest_date, run_name, id) SELECT dataset.dataset_type_id, dataset.ingest_date, dataset.run_name, dataset.id 
FROM dataset;
DROP TABLE dataset;
ALTER TABLE _alembic_tmp_dataset RENAME TO dataset;
CREATE INDEX dataset_fkidx_dataset_type_id ON dataset (dataset_type_id);
CREATE INDEX dataset_fkidx_run_name ON dataset (run_name);
CREATE TABLE _alembic_tmp_dataset_location_trash (
	datastore_name TEXT NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_location_trash_pkey PRIMARY KEY (datastore_name, dataset_id)
);
INSERT INTO _alembic_tmp_dataset_location_trash (datastore_name, dataset_id) SELECT dataset_location_trash.datastore_name, dataset_location_trash.dataset_id 
FROM dataset_location_trash;
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
INSERT INTO _alembic_tmp_file_datastore_records (path, formatter, storage_class, component, checksum, file_size, dataset_id) SELECT file_datastore_records.path, file_datastore_records.formatter, file_datastore_records.storage_class, file_datastore_records.component, file_datastore_records.checksum, file_datastore_records.file_size, file_datastore_records.dataset_id 
FROM file_datastore_records;
DROP TABLE file_datastore_records;
ALTER TABLE _alembic_tmp_file_datastore_records RENAME TO file_datastore_records;
CREATE INDEX file_datastore_records_idx_path ON file_datastore_records (path);
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
INSERT INTO _alembic_tmp_dataset_calibs_00000002 (id, dataset_type_id, collection_name, instrument, detector, timespan_begin, timespan_end, dataset_id) SELECT dataset_calibs_00000002.id, dataset_calibs_00000002.dataset_type_id, dataset_calibs_00000002.collection_name, dataset_calibs_00000002.instrument, dataset_calibs_00000002.detector, dataset_calibs_00000002.timespan_begin, dataset_calibs_00000002.timespan_end, dataset_calibs_00000002.dataset_id 
FROM dataset_calibs_00000002;
DROP TABLE dataset_calibs_00000002;
ALTER TABLE _alembic_tmp_dataset_calibs_00000002 RENAME TO dataset_calibs_00000002;
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name ON dataset_calibs_00000002 (collection_name);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name_dataset_type_id ON dataset_calibs_00000002 (collection_name, dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name_instrument ON dataset_calibs_00000002 (collection_name, instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_type_id ON dataset_calibs_00000002 (dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument ON dataset_calibs_00000002 (instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument_detector ON dataset_calibs_00000002 (instrument, detector);
CREATE INDEX dataset_calibs_00000002_idx_dataset_type_id_collection_name_instrument_detector_timespan_begin_timespan_end ON dataset_calibs_00000002 (dataset_type_id, collection_name, instrument, detector, timespan_begin, timespan_end);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_id ON dataset_calibs_00000002 (dataset_id);
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
INSERT INTO _alembic_tmp_dataset_calibs_00000003 (id, dataset_type_id, collection_name, instrument, detector, physical_filter, timespan_begin, timespan_end, dataset_id) SELECT dataset_calibs_00000003.id, dataset_calibs_00000003.dataset_type_id, dataset_calibs_00000003.collection_name, dataset_calibs_00000003.instrument, dataset_calibs_00000003.detector, dataset_calibs_00000003.physical_filter, dataset_calibs_00000003.timespan_begin, dataset_calibs_00000003.timespan_end, dataset_calibs_00000003.dataset_id 
FROM dataset_calibs_00000003;
DROP TABLE dataset_calibs_00000003;
ALTER TABLE _alembic_tmp_dataset_calibs_00000003 RENAME TO dataset_calibs_00000003;
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name ON dataset_calibs_00000003 (collection_name);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name_dataset_type_id ON dataset_calibs_00000003 (collection_name, dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name_instrument ON dataset_calibs_00000003 (collection_name, instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_type_id ON dataset_calibs_00000003 (dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument ON dataset_calibs_00000003 (instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_detector ON dataset_calibs_00000003 (instrument, detector);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_physical_filter ON dataset_calibs_00000003 (instrument, physical_filter);
CREATE INDEX dataset_calibs_00000003_idx_dataset_type_id_collection_name_instrument_detector_physical_filter_timespan_begin_timespan_end ON dataset_calibs_00000003 (dataset_type_id, collection_name, instrument, detector, physical_filter, timespan_begin, timespan_end);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_id ON dataset_calibs_00000003 (dataset_id);
CREATE TABLE _alembic_tmp_dataset_location (
	datastore_name TEXT NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_location_pkey PRIMARY KEY (datastore_name, dataset_id), 
	CONSTRAINT fkey_dataset_location_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id)
);
INSERT INTO _alembic_tmp_dataset_location (datastore_name, dataset_id) SELECT dataset_location.datastore_name, dataset_location.dataset_id 
FROM dataset_location;
DROP TABLE dataset_location;
ALTER TABLE _alembic_tmp_dataset_location RENAME TO dataset_location;
CREATE INDEX dataset_location_fkidx_dataset_id ON dataset_location (dataset_id);
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
INSERT INTO _alembic_tmp_dataset_tags_00000000 (dataset_type_id, collection_name, dataset_id) SELECT dataset_tags_00000000.dataset_type_id, dataset_tags_00000000.collection_name, dataset_tags_00000000.dataset_id 
FROM dataset_tags_00000000;
DROP TABLE dataset_tags_00000000;
ALTER TABLE _alembic_tmp_dataset_tags_00000000 RENAME TO dataset_tags_00000000;
CREATE INDEX dataset_tags_00000000_fkidx_collection_name ON dataset_tags_00000000 (collection_name);
CREATE INDEX dataset_tags_00000000_fkidx_collection_name_dataset_type_id ON dataset_tags_00000000 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_type_id ON dataset_tags_00000000 (dataset_type_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_id ON dataset_tags_00000000 (dataset_id);
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
INSERT INTO _alembic_tmp_dataset_tags_00000001 (dataset_type_id, collection_name, instrument, detector, exposure, dataset_id) SELECT dataset_tags_00000001.dataset_type_id, dataset_tags_00000001.collection_name, dataset_tags_00000001.instrument, dataset_tags_00000001.detector, dataset_tags_00000001.exposure, dataset_tags_00000001.dataset_id 
FROM dataset_tags_00000001;
DROP TABLE dataset_tags_00000001;
ALTER TABLE _alembic_tmp_dataset_tags_00000001 RENAME TO dataset_tags_00000001;
CREATE INDEX dataset_tags_00000001_fkidx_collection_name ON dataset_tags_00000001 (collection_name);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name_dataset_type_id ON dataset_tags_00000001 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name_instrument ON dataset_tags_00000001 (collection_name, instrument);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_type_id ON dataset_tags_00000001 (dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_instrument ON dataset_tags_00000001 (instrument);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_detector ON dataset_tags_00000001 (instrument, detector);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_exposure ON dataset_tags_00000001 (instrument, exposure);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_id ON dataset_tags_00000001 (dataset_id);
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
INSERT INTO _alembic_tmp_dataset_tags_00000002 (dataset_type_id, collection_name, instrument, detector, dataset_id) SELECT dataset_tags_00000002.dataset_type_id, dataset_tags_00000002.collection_name, dataset_tags_00000002.instrument, dataset_tags_00000002.detector, dataset_tags_00000002.dataset_id 
FROM dataset_tags_00000002;
DROP TABLE dataset_tags_00000002;
ALTER TABLE _alembic_tmp_dataset_tags_00000002 RENAME TO dataset_tags_00000002;
CREATE INDEX dataset_tags_00000002_fkidx_collection_name ON dataset_tags_00000002 (collection_name);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name_dataset_type_id ON dataset_tags_00000002 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name_instrument ON dataset_tags_00000002 (collection_name, instrument);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_type_id ON dataset_tags_00000002 (dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_instrument ON dataset_tags_00000002 (instrument);
CREATE INDEX dataset_tags_00000002_fkidx_instrument_detector ON dataset_tags_00000002 (instrument, detector);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_id ON dataset_tags_00000002 (dataset_id);
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
INSERT INTO _alembic_tmp_dataset_tags_00000003 (dataset_type_id, collection_name, instrument, detector, physical_filter, dataset_id) SELECT dataset_tags_00000003.dataset_type_id, dataset_tags_00000003.collection_name, dataset_tags_00000003.instrument, dataset_tags_00000003.detector, dataset_tags_00000003.physical_filter, dataset_tags_00000003.dataset_id 
FROM dataset_tags_00000003;
DROP TABLE dataset_tags_00000003;
ALTER TABLE _alembic_tmp_dataset_tags_00000003 RENAME TO dataset_tags_00000003;
CREATE INDEX dataset_tags_00000003_fkidx_collection_name ON dataset_tags_00000003 (collection_name);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name_dataset_type_id ON dataset_tags_00000003 (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name_instrument ON dataset_tags_00000003 (collection_name, instrument);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_type_id ON dataset_tags_00000003 (dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_instrument ON dataset_tags_00000003 (instrument);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_detector ON dataset_tags_00000003 (instrument, detector);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_physical_filter ON dataset_tags_00000003 (instrument, physical_filter);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_id ON dataset_tags_00000003 (dataset_id);
DROP TABLE "migration_id2uuid";
;
DELETE FROM butler_attributes WHERE name = 'version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManager';
DELETE FROM butler_attributes WHERE name = 'schema_digest:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManager';
UPDATE butler_attributes SET value = 'lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID' WHERE name = 'config:registry.managers.datasets';
INSERT INTO butler_attributes (name, value) VALUES ('version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID', '1.0.0');
INSERT INTO butler_attributes (name, value) VALUES ('schema_digest:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID', '00000000000000000000000000000000');
UPDATE butler_attributes SET value = '00000000000000000000000000000000' WHERE name = 'schema_digest:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager';
UPDATE alembic_version SET version_num = '2101fbf51ad3' WHERE version_num = '635083325f20';
COMMIT;

-- Least-work floor for one-shot datasets 2101fbf51ad3 on PostgreSQL (psql, registry schema "bench"), written from
-- the end state the step reaches (not from its statements): every dataset id becomes a UUID, raw datasets their
-- uuid5 (the map make_registry --raw-id-map precomputes, @RAW_ID_MAP@, bulk-loaded with \copy), every other id
-- a random uuid4 (gen_random_uuid(), set-based), in dataset, dataset_calibs_*, dataset_tags_*, dataset_location,
-- dataset_location_trash and file_datastore_records (ids only the datastore tables know get a uuid4 as well);
-- dataset_seq_id goes, dataset.id gets its comment. The map is a TEMP table, its primary key built after the
-- load. Each migrated table is read once and written once: a new table with the end state's columns (pg_dump's
-- text) filled by INSERT ... SELECT joined to the map, the old tables dropped, the new ones renamed, then the
-- end state's primary keys, unique constraints, indexes and foreign keys (exact names) built on the loaded
-- tables. The schema digests are the values the tool computes for this end state (deterministic). One
-- transaction; the server's durability settings.
BEGIN;
CREATE TEMP TABLE dataset_key (id bigint NOT NULL, uuid uuid NOT NULL);
\copy dataset_key (id, uuid) FROM '@RAW_ID_MAP@' WITH (FORMAT csv)
INSERT INTO dataset_key (id, uuid)
    SELECT id, gen_random_uuid() FROM bench.dataset
    WHERE dataset_type_id NOT IN (SELECT id FROM bench.dataset_type WHERE name = 'raw');
INSERT INTO dataset_key (id, uuid)
    SELECT ids.dataset_id, gen_random_uuid()
    FROM (SELECT dataset_id FROM bench.file_datastore_records UNION SELECT dataset_id FROM bench.dataset_location_trash) ids
    WHERE NOT EXISTS (SELECT 1 FROM bench.dataset d WHERE d.id = ids.dataset_id);
ALTER TABLE dataset_key ADD PRIMARY KEY (id);
ANALYZE dataset_key;

CREATE TABLE bench._new_dataset (
    dataset_type_id bigint NOT NULL,
    ingest_date timestamp without time zone DEFAULT now() NOT NULL,
    run_name text NOT NULL,
    id uuid NOT NULL
);
INSERT INTO bench._new_dataset (dataset_type_id, ingest_date, run_name, id)
    SELECT o.dataset_type_id, o.ingest_date, o.run_name, k.uuid
    FROM bench.dataset o JOIN dataset_key k ON k.id = o.id;

CREATE TABLE bench._new_dataset_calibs_00000002 (
    id bigint NOT NULL,
    dataset_type_id bigint NOT NULL,
    collection_name text NOT NULL,
    instrument character varying(16) NOT NULL,
    detector bigint NOT NULL,
    timespan int8range DEFAULT '(,)'::int8range NOT NULL,
    dataset_id uuid NOT NULL
);
INSERT INTO bench._new_dataset_calibs_00000002 (id, dataset_type_id, collection_name, instrument, detector, timespan, dataset_id)
    SELECT o.id, o.dataset_type_id, o.collection_name, o.instrument, o.detector, o.timespan, k.uuid
    FROM bench.dataset_calibs_00000002 o JOIN dataset_key k ON k.id = o.dataset_id;

CREATE TABLE bench._new_dataset_calibs_00000003 (
    id bigint NOT NULL,
    dataset_type_id bigint NOT NULL,
    collection_name text NOT NULL,
    instrument character varying(16) NOT NULL,
    detector bigint NOT NULL,
    physical_filter character varying(32) NOT NULL,
    timespan int8range DEFAULT '(,)'::int8range NOT NULL,
    dataset_id uuid NOT NULL
);
INSERT INTO bench._new_dataset_calibs_00000003 (id, dataset_type_id, collection_name, instrument, detector, physical_filter, timespan, dataset_id)
    SELECT o.id, o.dataset_type_id, o.collection_name, o.instrument, o.detector, o.physical_filter, o.timespan, k.uuid
    FROM bench.dataset_calibs_00000003 o JOIN dataset_key k ON k.id = o.dataset_id;

CREATE TABLE bench._new_dataset_location (
    datastore_name text NOT NULL,
    dataset_id uuid NOT NULL
);
INSERT INTO bench._new_dataset_location (datastore_name, dataset_id)
    SELECT o.datastore_name, k.uuid
    FROM bench.dataset_location o JOIN dataset_key k ON k.id = o.dataset_id;

CREATE TABLE bench._new_dataset_location_trash (
    datastore_name text NOT NULL,
    dataset_id uuid NOT NULL
);
INSERT INTO bench._new_dataset_location_trash (datastore_name, dataset_id)
    SELECT o.datastore_name, k.uuid
    FROM bench.dataset_location_trash o JOIN dataset_key k ON k.id = o.dataset_id;

CREATE TABLE bench._new_dataset_tags_00000000 (
    dataset_type_id bigint NOT NULL,
    collection_name text NOT NULL,
    dataset_id uuid NOT NULL
);
INSERT INTO bench._new_dataset_tags_00000000 (dataset_type_id, collection_name, dataset_id)
    SELECT o.dataset_type_id, o.collection_name, k.uuid
    FROM bench.dataset_tags_00000000 o JOIN dataset_key k ON k.id = o.dataset_id;

CREATE TABLE bench._new_dataset_tags_00000001 (
    dataset_type_id bigint NOT NULL,
    collection_name text NOT NULL,
    instrument character varying(16) NOT NULL,
    detector bigint NOT NULL,
    exposure bigint NOT NULL,
    dataset_id uuid NOT NULL
);
INSERT INTO bench._new_dataset_tags_00000001 (dataset_type_id, collection_name, instrument, detector, exposure, dataset_id)
    SELECT o.dataset_type_id, o.collection_name, o.instrument, o.detector, o.exposure, k.uuid
    FROM bench.dataset_tags_00000001 o JOIN dataset_key k ON k.id = o.dataset_id;

CREATE TABLE bench._new_dataset_tags_00000002 (
    dataset_type_id bigint NOT NULL,
    collection_name text NOT NULL,
    instrument character varying(16) NOT NULL,
    detector bigint NOT NULL,
    dataset_id uuid NOT NULL
);
INSERT INTO bench._new_dataset_tags_00000002 (dataset_type_id, collection_name, instrument, detector, dataset_id)
    SELECT o.dataset_type_id, o.collection_name, o.instrument, o.detector, k.uuid
    FROM bench.dataset_tags_00000002 o JOIN dataset_key k ON k.id = o.dataset_id;

CREATE TABLE bench._new_dataset_tags_00000003 (
    dataset_type_id bigint NOT NULL,
    collection_name text NOT NULL,
    instrument character varying(16) NOT NULL,
    detector bigint NOT NULL,
    physical_filter character varying(32) NOT NULL,
    dataset_id uuid NOT NULL
);
INSERT INTO bench._new_dataset_tags_00000003 (dataset_type_id, collection_name, instrument, detector, physical_filter, dataset_id)
    SELECT o.dataset_type_id, o.collection_name, o.instrument, o.detector, o.physical_filter, k.uuid
    FROM bench.dataset_tags_00000003 o JOIN dataset_key k ON k.id = o.dataset_id;

CREATE TABLE bench._new_file_datastore_records (
    path text NOT NULL,
    formatter text NOT NULL,
    storage_class text NOT NULL,
    component character varying(32) NOT NULL,
    checksum text,
    file_size bigint,
    dataset_id uuid NOT NULL
);
INSERT INTO bench._new_file_datastore_records (path, formatter, storage_class, component, checksum, file_size, dataset_id)
    SELECT o.path, o.formatter, o.storage_class, o.component, o.checksum, o.file_size, k.uuid
    FROM bench.file_datastore_records o JOIN dataset_key k ON k.id = o.dataset_id;

DROP TABLE bench.dataset, bench.dataset_calibs_00000002, bench.dataset_calibs_00000003, bench.dataset_location, bench.dataset_location_trash, bench.dataset_tags_00000000, bench.dataset_tags_00000001, bench.dataset_tags_00000002, bench.dataset_tags_00000003, bench.file_datastore_records;
DROP SEQUENCE bench.dataset_seq_id;
ALTER TABLE bench._new_dataset RENAME TO dataset;
ALTER TABLE bench._new_dataset_calibs_00000002 RENAME TO dataset_calibs_00000002;
ALTER TABLE bench._new_dataset_calibs_00000003 RENAME TO dataset_calibs_00000003;
ALTER TABLE bench._new_dataset_location RENAME TO dataset_location;
ALTER TABLE bench._new_dataset_location_trash RENAME TO dataset_location_trash;
ALTER TABLE bench._new_dataset_tags_00000000 RENAME TO dataset_tags_00000000;
ALTER TABLE bench._new_dataset_tags_00000001 RENAME TO dataset_tags_00000001;
ALTER TABLE bench._new_dataset_tags_00000002 RENAME TO dataset_tags_00000002;
ALTER TABLE bench._new_dataset_tags_00000003 RENAME TO dataset_tags_00000003;
ALTER TABLE bench._new_file_datastore_records RENAME TO file_datastore_records;

ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT dataset_calibs_00000002_pkey PRIMARY KEY (id);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT dataset_calibs_00000003_pkey PRIMARY KEY (id);
ALTER TABLE ONLY bench.dataset_location ADD CONSTRAINT dataset_location_pkey PRIMARY KEY (datastore_name, dataset_id);
ALTER TABLE ONLY bench.dataset_location_trash ADD CONSTRAINT dataset_location_trash_pkey PRIMARY KEY (datastore_name, dataset_id);
ALTER TABLE ONLY bench.dataset ADD CONSTRAINT dataset_pkey PRIMARY KEY (id);
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT dataset_tags_00000000_pkey PRIMARY KEY (dataset_id, collection_name);
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT dataset_tags_00000000_unq_dataset_type_id_collection_name UNIQUE (dataset_type_id, collection_name);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT dataset_tags_00000001_pkey PRIMARY KEY (dataset_id, collection_name);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT dataset_tags_00000001_unq_dataset_type_id_collection_n_9b145dd6 UNIQUE (dataset_type_id, collection_name, instrument, detector, exposure);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT dataset_tags_00000002_pkey PRIMARY KEY (dataset_id, collection_name);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT dataset_tags_00000002_unq_dataset_type_id_collection_n_0469956f UNIQUE (dataset_type_id, collection_name, instrument, detector);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT dataset_tags_00000003_pkey PRIMARY KEY (dataset_id, collection_name);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT dataset_tags_00000003_unq_dataset_type_id_collection_n_a3cbc12d UNIQUE (dataset_type_id, collection_name, instrument, detector, physical_filter);
ALTER TABLE ONLY bench.file_datastore_records ADD CONSTRAINT file_datastore_records_pkey PRIMARY KEY (dataset_id, component);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name ON bench.dataset_calibs_00000002 USING btree (collection_name);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name_dataset_type_id ON bench.dataset_calibs_00000002 USING btree (collection_name, dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_name_instrument ON bench.dataset_calibs_00000002 USING btree (collection_name, instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_id ON bench.dataset_calibs_00000002 USING btree (dataset_id);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_type_id ON bench.dataset_calibs_00000002 USING btree (dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument ON bench.dataset_calibs_00000002 USING btree (instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument_detector ON bench.dataset_calibs_00000002 USING btree (instrument, detector);
CREATE INDEX dataset_calibs_00000002_idx_dataset_type_id_collection_b5e86c3d ON bench.dataset_calibs_00000002 USING btree (dataset_type_id, collection_name, instrument, detector, timespan);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name ON bench.dataset_calibs_00000003 USING btree (collection_name);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name_dataset_type_id ON bench.dataset_calibs_00000003 USING btree (collection_name, dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_name_instrument ON bench.dataset_calibs_00000003 USING btree (collection_name, instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_id ON bench.dataset_calibs_00000003 USING btree (dataset_id);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_type_id ON bench.dataset_calibs_00000003 USING btree (dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument ON bench.dataset_calibs_00000003 USING btree (instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_detector ON bench.dataset_calibs_00000003 USING btree (instrument, detector);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_physical_filter ON bench.dataset_calibs_00000003 USING btree (instrument, physical_filter);
CREATE INDEX dataset_calibs_00000003_idx_dataset_type_id_collection_986e5447 ON bench.dataset_calibs_00000003 USING btree (dataset_type_id, collection_name, instrument, detector, physical_filter, timespan);
CREATE INDEX dataset_fkidx_dataset_type_id ON bench.dataset USING btree (dataset_type_id);
CREATE INDEX dataset_fkidx_run_name ON bench.dataset USING btree (run_name);
CREATE INDEX dataset_location_fkidx_dataset_id ON bench.dataset_location USING btree (dataset_id);
CREATE INDEX dataset_tags_00000000_fkidx_collection_name ON bench.dataset_tags_00000000 USING btree (collection_name);
CREATE INDEX dataset_tags_00000000_fkidx_collection_name_dataset_type_id ON bench.dataset_tags_00000000 USING btree (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_id ON bench.dataset_tags_00000000 USING btree (dataset_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_type_id ON bench.dataset_tags_00000000 USING btree (dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name ON bench.dataset_tags_00000001 USING btree (collection_name);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name_dataset_type_id ON bench.dataset_tags_00000001 USING btree (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_name_instrument ON bench.dataset_tags_00000001 USING btree (collection_name, instrument);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_id ON bench.dataset_tags_00000001 USING btree (dataset_id);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_type_id ON bench.dataset_tags_00000001 USING btree (dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_instrument ON bench.dataset_tags_00000001 USING btree (instrument);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_detector ON bench.dataset_tags_00000001 USING btree (instrument, detector);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_exposure ON bench.dataset_tags_00000001 USING btree (instrument, exposure);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name ON bench.dataset_tags_00000002 USING btree (collection_name);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name_dataset_type_id ON bench.dataset_tags_00000002 USING btree (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_name_instrument ON bench.dataset_tags_00000002 USING btree (collection_name, instrument);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_id ON bench.dataset_tags_00000002 USING btree (dataset_id);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_type_id ON bench.dataset_tags_00000002 USING btree (dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_instrument ON bench.dataset_tags_00000002 USING btree (instrument);
CREATE INDEX dataset_tags_00000002_fkidx_instrument_detector ON bench.dataset_tags_00000002 USING btree (instrument, detector);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name ON bench.dataset_tags_00000003 USING btree (collection_name);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name_dataset_type_id ON bench.dataset_tags_00000003 USING btree (collection_name, dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_collection_name_instrument ON bench.dataset_tags_00000003 USING btree (collection_name, instrument);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_id ON bench.dataset_tags_00000003 USING btree (dataset_id);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_type_id ON bench.dataset_tags_00000003 USING btree (dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_instrument ON bench.dataset_tags_00000003 USING btree (instrument);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_detector ON bench.dataset_tags_00000003 USING btree (instrument, detector);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_physical_filter ON bench.dataset_tags_00000003 USING btree (instrument, physical_filter);
CREATE INDEX file_datastore_records_idx_path ON bench.file_datastore_records USING btree (path);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_collection_name_collection_name FOREIGN KEY (collection_name) REFERENCES bench.collection(name) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_collection_summary_datase_7949e78b FOREIGN KEY (collection_name, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_name, dataset_type_id);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_collection_summary_instru_2f66305c FOREIGN KEY (collection_name, instrument) REFERENCES bench.collection_summary_instrument(collection_name, instrument);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_detector_instrument_id_in_f7edb631 FOREIGN KEY (instrument, detector) REFERENCES bench.detector(instrument, id);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_collection_name_collection_name FOREIGN KEY (collection_name) REFERENCES bench.collection(name) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_collection_summary_datase_a4c103d7 FOREIGN KEY (collection_name, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_name, dataset_type_id);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_collection_summary_instru_73194c88 FOREIGN KEY (collection_name, instrument) REFERENCES bench.collection_summary_instrument(collection_name, instrument);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_detector_instrument_id_in_4010997a FOREIGN KEY (instrument, detector) REFERENCES bench.detector(instrument, id);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_physical_filter_instrumen_d192779a FOREIGN KEY (instrument, physical_filter) REFERENCES bench.physical_filter(instrument, name);
ALTER TABLE ONLY bench.dataset ADD CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_location ADD CONSTRAINT fkey_dataset_location_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id);
ALTER TABLE ONLY bench.dataset ADD CONSTRAINT fkey_dataset_run_name_run_name FOREIGN KEY (run_name) REFERENCES bench.run(name) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT fkey_dataset_tags_00000000_collection_name_collection_name FOREIGN KEY (collection_name) REFERENCES bench.collection(name) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT fkey_dataset_tags_00000000_collection_summary_dataset__ef27653b FOREIGN KEY (collection_name, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_name, dataset_type_id);
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT fkey_dataset_tags_00000000_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT fkey_dataset_tags_00000000_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_collection_name_collection_name FOREIGN KEY (collection_name) REFERENCES bench.collection(name) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_collection_summary_dataset__9ea5fa76 FOREIGN KEY (collection_name, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_name, dataset_type_id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_collection_summary_instrume_7c0d5292 FOREIGN KEY (collection_name, instrument) REFERENCES bench.collection_summary_instrument(collection_name, instrument);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_detector_instrument_id_inst_e7adeffb FOREIGN KEY (instrument, detector) REFERENCES bench.detector(instrument, id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_exposure_instrument_id_inst_18d8c40e FOREIGN KEY (instrument, exposure) REFERENCES bench.exposure(instrument, id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_collection_name_collection_name FOREIGN KEY (collection_name) REFERENCES bench.collection(name) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_collection_summary_dataset__578b4029 FOREIGN KEY (collection_name, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_name, dataset_type_id);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_collection_summary_instrume_843a2b26 FOREIGN KEY (collection_name, instrument) REFERENCES bench.collection_summary_instrument(collection_name, instrument);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_detector_instrument_id_inst_a52a35eb FOREIGN KEY (instrument, detector) REFERENCES bench.detector(instrument, id);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_collection_name_collection_name FOREIGN KEY (collection_name) REFERENCES bench.collection(name) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_collection_summary_dataset__7b118395 FOREIGN KEY (collection_name, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_name, dataset_type_id);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_collection_summary_instrume_c7313cd6 FOREIGN KEY (collection_name, instrument) REFERENCES bench.collection_summary_instrument(collection_name, instrument);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_detector_instrument_id_inst_f3a58df1 FOREIGN KEY (instrument, detector) REFERENCES bench.detector(instrument, id);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_physical_filter_instrument__925f24f3 FOREIGN KEY (instrument, physical_filter) REFERENCES bench.physical_filter(instrument, name);
COMMENT ON COLUMN bench.dataset.id IS 'A unique field used as the primary key for dataset.';

DROP TABLE dataset_key;
DELETE FROM bench.butler_attributes WHERE name IN ('version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManager', 'schema_digest:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManager');
UPDATE bench.butler_attributes SET value = 'lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID' WHERE name = 'config:registry.managers.datasets';
INSERT INTO bench.butler_attributes (name, value) VALUES ('version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID', '1.0.0'), ('schema_digest:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID', 'b18d39e30b286538cbb8be28042a4e86');
UPDATE bench.butler_attributes SET value = '71d2aa0e9873e78d51808aa5e09c5bea' WHERE name = 'schema_digest:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager';
UPDATE bench.alembic_version SET version_num = '2101fbf51ad3' WHERE version_num = '635083325f20';
COMMIT;

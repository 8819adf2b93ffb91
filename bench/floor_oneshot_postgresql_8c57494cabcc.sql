-- Least-work floor for one-shot collections 8c57494cabcc on PostgreSQL (psql, registry schema "bench"), written
-- from the end state the step reaches (not from its statements): sequence collection_seq_collection_id, every
-- collection numbered by it in heap order (collection_id), and run, dataset, collection_chain,
-- collection_summary_*, dataset_calibs_* and dataset_tags_* holding the id where they held the name. The
-- name -> id map is a TEMP table with a primary key. Each migrated table is read once and written once: a new
-- table with the end state's columns (pg_dump's text) filled by INSERT ... SELECT joined to the map, the old
-- tables dropped, the new ones renamed, then the end state's primary keys, unique constraints, indexes and
-- foreign keys (exact names) built on the loaded tables. dataset_location's foreign key to dataset (unchanged)
-- goes with the old dataset table and is added again (so validated again): the price of rewriting dataset once
-- instead of updating it in place. One transaction; the server's durability settings.
BEGIN;
CREATE SEQUENCE bench.collection_seq_collection_id;
CREATE TEMP TABLE collection_key (name text PRIMARY KEY, id bigint NOT NULL);
INSERT INTO collection_key (name, id) SELECT name, nextval('bench.collection_seq_collection_id') FROM bench.collection;
ANALYZE collection_key;

CREATE TABLE bench._new_collection (
    name text NOT NULL,
    type smallint NOT NULL,
    doc text,
    collection_id bigint NOT NULL
);
INSERT INTO bench._new_collection (name, type, doc, collection_id)
    SELECT o.name, o.type, o.doc, k.id
    FROM bench.collection o JOIN collection_key k ON k.name = o.name;

CREATE TABLE bench._new_collection_chain (
    "position" smallint NOT NULL,
    parent bigint NOT NULL,
    child bigint NOT NULL
);
INSERT INTO bench._new_collection_chain ("position", parent, child)
    SELECT o."position", p.id, k.id
    FROM bench.collection_chain o JOIN collection_key p ON p.name = o.parent JOIN collection_key k ON k.name = o.child;

CREATE TABLE bench._new_collection_summary_dataset_type (
    dataset_type_id bigint NOT NULL,
    collection_id bigint NOT NULL
);
INSERT INTO bench._new_collection_summary_dataset_type (dataset_type_id, collection_id)
    SELECT o.dataset_type_id, k.id
    FROM bench.collection_summary_dataset_type o JOIN collection_key k ON k.name = o.collection_name;

CREATE TABLE bench._new_collection_summary_instrument (
    instrument character varying(16) NOT NULL,
    collection_id bigint NOT NULL
);
INSERT INTO bench._new_collection_summary_instrument (instrument, collection_id)
    SELECT o.instrument, k.id
    FROM bench.collection_summary_instrument o JOIN collection_key k ON k.name = o.collection_name;

CREATE TABLE bench._new_dataset (
    id bigint NOT NULL,
    dataset_type_id bigint NOT NULL,
    ingest_date timestamp without time zone DEFAULT now() NOT NULL,
    run_id bigint NOT NULL
);
INSERT INTO bench._new_dataset (id, dataset_type_id, ingest_date, run_id)
    SELECT o.id, o.dataset_type_id, o.ingest_date, k.id
    FROM bench.dataset o JOIN collection_key k ON k.name = o.run_name;

CREATE TABLE bench._new_dataset_calibs_00000002 (
    id bigint NOT NULL,
    dataset_type_id bigint NOT NULL,
    dataset_id bigint NOT NULL,
    instrument character varying(16) NOT NULL,
    detector bigint NOT NULL,
    timespan int8range DEFAULT '(,)'::int8range NOT NULL,
    collection_id bigint NOT NULL
);
INSERT INTO bench._new_dataset_calibs_00000002 (id, dataset_type_id, dataset_id, instrument, detector, timespan, collection_id)
    SELECT o.id, o.dataset_type_id, o.dataset_id, o.instrument, o.detector, o.timespan, k.id
    FROM bench.dataset_calibs_00000002 o JOIN collection_key k ON k.name = o.collection_name;

CREATE TABLE bench._new_dataset_calibs_00000003 (
    id bigint NOT NULL,
    dataset_type_id bigint NOT NULL,
    dataset_id bigint NOT NULL,
    instrument character varying(16) NOT NULL,
    detector bigint NOT NULL,
    physical_filter character varying(32) NOT NULL,
    timespan int8range DEFAULT '(,)'::int8range NOT NULL,
    collection_id bigint NOT NULL
);
INSERT INTO bench._new_dataset_calibs_00000003 (id, dataset_type_id, dataset_id, instrument, detector, physical_filter, timespan, collection_id)
    SELECT o.id, o.dataset_type_id, o.dataset_id, o.instrument, o.detector, o.physical_filter, o.timespan, k.id
    FROM bench.dataset_calibs_00000003 o JOIN collection_key k ON k.name = o.collection_name;

CREATE TABLE bench._new_dataset_tags_00000000 (
    dataset_type_id bigint NOT NULL,
    dataset_id bigint NOT NULL,
    collection_id bigint NOT NULL
);
INSERT INTO bench._new_dataset_tags_00000000 (dataset_type_id, dataset_id, collection_id)
    SELECT o.dataset_type_id, o.dataset_id, k.id
    FROM bench.dataset_tags_00000000 o JOIN collection_key k ON k.name = o.collection_name;

CREATE TABLE bench._new_dataset_tags_00000001 (
    dataset_type_id bigint NOT NULL,
    dataset_id bigint NOT NULL,
    instrument character varying(16) NOT NULL,
    detector bigint NOT NULL,
    exposure bigint NOT NULL,
    collection_id bigint NOT NULL
);
INSERT INTO bench._new_dataset_tags_00000001 (dataset_type_id, dataset_id, instrument, detector, exposure, collection_id)
    SELECT o.dataset_type_id, o.dataset_id, o.instrument, o.detector, o.exposure, k.id
    FROM bench.dataset_tags_00000001 o JOIN collection_key k ON k.name = o.collection_name;

CREATE TABLE bench._new_dataset_tags_00000002 (
    dataset_type_id bigint NOT NULL,
    dataset_id bigint NOT NULL,
    instrument character varying(16) NOT NULL,
    detector bigint NOT NULL,
    collection_id bigint NOT NULL
);
INSERT INTO bench._new_dataset_tags_00000002 (dataset_type_id, dataset_id, instrument, detector, collection_id)
    SELECT o.dataset_type_id, o.dataset_id, o.instrument, o.detector, k.id
    FROM bench.dataset_tags_00000002 o JOIN collection_key k ON k.name = o.collection_name;

CREATE TABLE bench._new_dataset_tags_00000003 (
    dataset_type_id bigint NOT NULL,
    dataset_id bigint NOT NULL,
    instrument character varying(16) NOT NULL,
    detector bigint NOT NULL,
    physical_filter character varying(32) NOT NULL,
    collection_id bigint NOT NULL
);
INSERT INTO bench._new_dataset_tags_00000003 (dataset_type_id, dataset_id, instrument, detector, physical_filter, collection_id)
    SELECT o.dataset_type_id, o.dataset_id, o.instrument, o.detector, o.physical_filter, k.id
    FROM bench.dataset_tags_00000003 o JOIN collection_key k ON k.name = o.collection_name;

CREATE TABLE bench._new_run (
    host text,
    timespan int8range,
    collection_id bigint NOT NULL
);
INSERT INTO bench._new_run (host, timespan, collection_id)
    SELECT o.host, o.timespan, k.id
    FROM bench.run o JOIN collection_key k ON k.name = o.name;

ALTER TABLE bench.dataset_location DROP CONSTRAINT fkey_dataset_location_dataset_id_dataset_id;
DROP TABLE bench.collection, bench.collection_chain, bench.collection_summary_dataset_type, bench.collection_summary_instrument, bench.dataset, bench.dataset_calibs_00000002, bench.dataset_calibs_00000003, bench.dataset_tags_00000000, bench.dataset_tags_00000001, bench.dataset_tags_00000002, bench.dataset_tags_00000003, bench.run;
ALTER TABLE bench._new_collection RENAME TO collection;
ALTER TABLE bench._new_collection_chain RENAME TO collection_chain;
ALTER TABLE bench._new_collection_summary_dataset_type RENAME TO collection_summary_dataset_type;
ALTER TABLE bench._new_collection_summary_instrument RENAME TO collection_summary_instrument;
ALTER TABLE bench._new_dataset RENAME TO dataset;
ALTER TABLE bench._new_dataset_calibs_00000002 RENAME TO dataset_calibs_00000002;
ALTER TABLE bench._new_dataset_calibs_00000003 RENAME TO dataset_calibs_00000003;
ALTER TABLE bench._new_dataset_tags_00000000 RENAME TO dataset_tags_00000000;
ALTER TABLE bench._new_dataset_tags_00000001 RENAME TO dataset_tags_00000001;
ALTER TABLE bench._new_dataset_tags_00000002 RENAME TO dataset_tags_00000002;
ALTER TABLE bench._new_dataset_tags_00000003 RENAME TO dataset_tags_00000003;
ALTER TABLE bench._new_run RENAME TO run;

ALTER TABLE ONLY bench.collection_chain ADD CONSTRAINT collection_chain_pkey PRIMARY KEY (parent, "position");
ALTER TABLE ONLY bench.collection ADD CONSTRAINT collection_pkey PRIMARY KEY (collection_id);
ALTER TABLE ONLY bench.collection_summary_dataset_type ADD CONSTRAINT collection_summary_dataset_type_pkey PRIMARY KEY (collection_id, dataset_type_id);
ALTER TABLE ONLY bench.collection_summary_instrument ADD CONSTRAINT collection_summary_instrument_pkey PRIMARY KEY (collection_id, instrument);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT dataset_calibs_00000002_pkey PRIMARY KEY (id);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT dataset_calibs_00000003_pkey PRIMARY KEY (id);
ALTER TABLE ONLY bench.dataset ADD CONSTRAINT dataset_pkey PRIMARY KEY (id);
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT dataset_tags_00000000_pkey PRIMARY KEY (dataset_id, collection_id);
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT dataset_tags_00000000_unq_dataset_type_id_collection_id UNIQUE (dataset_type_id, collection_id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT dataset_tags_00000001_pkey PRIMARY KEY (dataset_id, collection_id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT dataset_tags_00000001_unq_dataset_type_id_collection_i_48a667f4 UNIQUE (dataset_type_id, collection_id, instrument, detector, exposure);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT dataset_tags_00000002_pkey PRIMARY KEY (dataset_id, collection_id);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT dataset_tags_00000002_unq_dataset_type_id_collection_i_01265326 UNIQUE (dataset_type_id, collection_id, instrument, detector);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT dataset_tags_00000003_pkey PRIMARY KEY (dataset_id, collection_id);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT dataset_tags_00000003_unq_dataset_type_id_collection_i_989f751e UNIQUE (dataset_type_id, collection_id, instrument, detector, physical_filter);
ALTER TABLE ONLY bench.run ADD CONSTRAINT run_pkey PRIMARY KEY (collection_id);
CREATE INDEX collection_chain_fkidx_child ON bench.collection_chain USING btree (child);
CREATE INDEX collection_chain_fkidx_parent ON bench.collection_chain USING btree (parent);
CREATE INDEX collection_summary_dataset_type_fkidx_collection_id ON bench.collection_summary_dataset_type USING btree (collection_id);
CREATE INDEX collection_summary_dataset_type_fkidx_dataset_type_id ON bench.collection_summary_dataset_type USING btree (dataset_type_id);
CREATE INDEX collection_summary_instrument_fkidx_collection_id ON bench.collection_summary_instrument USING btree (collection_id);
CREATE INDEX collection_summary_instrument_fkidx_instrument ON bench.collection_summary_instrument USING btree (instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_id ON bench.dataset_calibs_00000002 USING btree (collection_id);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_id_dataset_type_id ON bench.dataset_calibs_00000002 USING btree (collection_id, dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_id_instrument ON bench.dataset_calibs_00000002 USING btree (collection_id, instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_id ON bench.dataset_calibs_00000002 USING btree (dataset_id);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_type_id ON bench.dataset_calibs_00000002 USING btree (dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument ON bench.dataset_calibs_00000002 USING btree (instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument_detector ON bench.dataset_calibs_00000002 USING btree (instrument, detector);
CREATE INDEX dataset_calibs_00000002_idx_dataset_type_id_collection_d1cb642b ON bench.dataset_calibs_00000002 USING btree (dataset_type_id, collection_id, instrument, detector, timespan);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_id ON bench.dataset_calibs_00000003 USING btree (collection_id);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_id_dataset_type_id ON bench.dataset_calibs_00000003 USING btree (collection_id, dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_id_instrument ON bench.dataset_calibs_00000003 USING btree (collection_id, instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_id ON bench.dataset_calibs_00000003 USING btree (dataset_id);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_type_id ON bench.dataset_calibs_00000003 USING btree (dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument ON bench.dataset_calibs_00000003 USING btree (instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_detector ON bench.dataset_calibs_00000003 USING btree (instrument, detector);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_physical_filter ON bench.dataset_calibs_00000003 USING btree (instrument, physical_filter);
CREATE INDEX dataset_calibs_00000003_idx_dataset_type_id_collection_e71685b8 ON bench.dataset_calibs_00000003 USING btree (dataset_type_id, collection_id, instrument, detector, physical_filter, timespan);
CREATE INDEX dataset_fkidx_dataset_type_id ON bench.dataset USING btree (dataset_type_id);
CREATE INDEX dataset_fkidx_run_id ON bench.dataset USING btree (run_id);
CREATE INDEX dataset_tags_00000000_fkidx_collection_id ON bench.dataset_tags_00000000 USING btree (collection_id);
CREATE INDEX dataset_tags_00000000_fkidx_collection_id_dataset_type_id ON bench.dataset_tags_00000000 USING btree (collection_id, dataset_type_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_id ON bench.dataset_tags_00000000 USING btree (dataset_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_type_id ON bench.dataset_tags_00000000 USING btree (dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_id ON bench.dataset_tags_00000001 USING btree (collection_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_id_dataset_type_id ON bench.dataset_tags_00000001 USING btree (collection_id, dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_id_instrument ON bench.dataset_tags_00000001 USING btree (collection_id, instrument);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_id ON bench.dataset_tags_00000001 USING btree (dataset_id);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_type_id ON bench.dataset_tags_00000001 USING btree (dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_instrument ON bench.dataset_tags_00000001 USING btree (instrument);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_detector ON bench.dataset_tags_00000001 USING btree (instrument, detector);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_exposure ON bench.dataset_tags_00000001 USING btree (instrument, exposure);
CREATE INDEX dataset_tags_00000002_fkidx_collection_id ON bench.dataset_tags_00000002 USING btree (collection_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_id_dataset_type_id ON bench.dataset_tags_00000002 USING btree (collection_id, dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_id_instrument ON bench.dataset_tags_00000002 USING btree (collection_id, instrument);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_id ON bench.dataset_tags_00000002 USING btree (dataset_id);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_type_id ON bench.dataset_tags_00000002 USING btree (dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_instrument ON bench.dataset_tags_00000002 USING btree (instrument);
CREATE INDEX dataset_tags_00000002_fkidx_instrument_detector ON bench.dataset_tags_00000002 USING btree (instrument, detector);
CREATE INDEX dataset_tags_00000003_fkidx_collection_id ON bench.dataset_tags_00000003 USING btree (collection_id);
CREATE INDEX dataset_tags_00000003_fkidx_collection_id_dataset_type_id ON bench.dataset_tags_00000003 USING btree (collection_id, dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_collection_id_instrument ON bench.dataset_tags_00000003 USING btree (collection_id, instrument);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_id ON bench.dataset_tags_00000003 USING btree (dataset_id);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_type_id ON bench.dataset_tags_00000003 USING btree (dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_instrument ON bench.dataset_tags_00000003 USING btree (instrument);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_detector ON bench.dataset_tags_00000003 USING btree (instrument, detector);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_physical_filter ON bench.dataset_tags_00000003 USING btree (instrument, physical_filter);
ALTER TABLE ONLY bench.collection_chain ADD CONSTRAINT fkey_collection_chain_collection_collection_id_child FOREIGN KEY (child) REFERENCES bench.collection(collection_id);
ALTER TABLE ONLY bench.collection_chain ADD CONSTRAINT fkey_collection_chain_collection_collection_id_parent FOREIGN KEY (parent) REFERENCES bench.collection(collection_id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.collection_summary_dataset_type ADD CONSTRAINT fkey_collection_summary_dataset_type_collection_collec_4090d073 FOREIGN KEY (collection_id) REFERENCES bench.collection(collection_id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.collection_summary_dataset_type ADD CONSTRAINT fkey_collection_summary_dataset_type_dataset_type_id_d_d646a15d FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.collection_summary_instrument ADD CONSTRAINT fkey_collection_summary_instrument_collection_collecti_f2cc1228 FOREIGN KEY (collection_id) REFERENCES bench.collection(collection_id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.collection_summary_instrument ADD CONSTRAINT fkey_collection_summary_instrument_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_collection_collection_id__ef79646a FOREIGN KEY (collection_id) REFERENCES bench.collection(collection_id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_collection_summary_datase_11a40d43 FOREIGN KEY (collection_id, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_id, dataset_type_id);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_collection_summary_instru_3c68d7f8 FOREIGN KEY (collection_id, instrument) REFERENCES bench.collection_summary_instrument(collection_id, instrument);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_detector_instrument_id_in_f7edb631 FOREIGN KEY (instrument, detector) REFERENCES bench.detector(instrument, id);
ALTER TABLE ONLY bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_collection_collection_id__b29b62f6 FOREIGN KEY (collection_id) REFERENCES bench.collection(collection_id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_collection_summary_datase_886f077e FOREIGN KEY (collection_id, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_id, dataset_type_id);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_collection_summary_instru_721e510e FOREIGN KEY (collection_id, instrument) REFERENCES bench.collection_summary_instrument(collection_id, instrument);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_detector_instrument_id_in_4010997a FOREIGN KEY (instrument, detector) REFERENCES bench.detector(instrument, id);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_physical_filter_instrumen_d192779a FOREIGN KEY (instrument, physical_filter) REFERENCES bench.physical_filter(instrument, name);
ALTER TABLE ONLY bench.dataset ADD CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_location ADD CONSTRAINT fkey_dataset_location_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id);
ALTER TABLE ONLY bench.dataset ADD CONSTRAINT fkey_dataset_run_collection_id_run_id FOREIGN KEY (run_id) REFERENCES bench.run(collection_id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT fkey_dataset_tags_00000000_collection_collection_id_co_adfc1a2d FOREIGN KEY (collection_id) REFERENCES bench.collection(collection_id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT fkey_dataset_tags_00000000_collection_summary_dataset__7d6f77ec FOREIGN KEY (collection_id, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_id, dataset_type_id);
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT fkey_dataset_tags_00000000_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000000 ADD CONSTRAINT fkey_dataset_tags_00000000_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_collection_collection_id_co_fee98a52 FOREIGN KEY (collection_id) REFERENCES bench.collection(collection_id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_collection_summary_dataset__a5a0c112 FOREIGN KEY (collection_id, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_id, dataset_type_id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_collection_summary_instrume_29fdd7ef FOREIGN KEY (collection_id, instrument) REFERENCES bench.collection_summary_instrument(collection_id, instrument);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_detector_instrument_id_inst_e7adeffb FOREIGN KEY (instrument, detector) REFERENCES bench.detector(instrument, id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_exposure_instrument_id_inst_18d8c40e FOREIGN KEY (instrument, exposure) REFERENCES bench.exposure(instrument, id);
ALTER TABLE ONLY bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_collection_collection_id_co_e172bb21 FOREIGN KEY (collection_id) REFERENCES bench.collection(collection_id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_collection_summary_dataset__e24839b3 FOREIGN KEY (collection_id, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_id, dataset_type_id);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_collection_summary_instrume_193cf84f FOREIGN KEY (collection_id, instrument) REFERENCES bench.collection_summary_instrument(collection_id, instrument);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_detector_instrument_id_inst_a52a35eb FOREIGN KEY (instrument, detector) REFERENCES bench.detector(instrument, id);
ALTER TABLE ONLY bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_collection_collection_id_co_68279f2d FOREIGN KEY (collection_id) REFERENCES bench.collection(collection_id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_collection_summary_dataset__acb89d4e FOREIGN KEY (collection_id, dataset_type_id) REFERENCES bench.collection_summary_dataset_type(collection_id, dataset_type_id);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_collection_summary_instrume_d6fd80ff FOREIGN KEY (collection_id, instrument) REFERENCES bench.collection_summary_instrument(collection_id, instrument);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_dataset_id_dataset_id FOREIGN KEY (dataset_id) REFERENCES bench.dataset(id) ON DELETE CASCADE;
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_dataset_type_id_dataset_type_id FOREIGN KEY (dataset_type_id) REFERENCES bench.dataset_type(id);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_detector_instrument_id_inst_f3a58df1 FOREIGN KEY (instrument, detector) REFERENCES bench.detector(instrument, id);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES bench.instrument(name);
ALTER TABLE ONLY bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_physical_filter_instrument__925f24f3 FOREIGN KEY (instrument, physical_filter) REFERENCES bench.physical_filter(instrument, name);
ALTER TABLE ONLY bench.run ADD CONSTRAINT fkey_run_collection_collection_id_collection_id FOREIGN KEY (collection_id) REFERENCES bench.collection(collection_id) ON DELETE CASCADE;

DROP TABLE collection_key;
DELETE FROM bench.butler_attributes WHERE name = 'version:lsst.daf.butler.registry.collections.nameKey.NameKeyCollectionManager';
UPDATE bench.butler_attributes SET value = 'lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager' WHERE name = 'config:registry.managers.collections';
INSERT INTO bench.butler_attributes (name, value) VALUES ('version:lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager', '2.0.0');
UPDATE bench.alembic_version SET version_num = '8c57494cabcc' WHERE version_num = '93341d68b814';
COMMIT;

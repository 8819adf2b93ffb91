-- Least-work floor for one-shot collections 8c57494cabcc on SQLite (sqlite3 shell), written from the end state
-- the step reaches (not from its statements): collections get collection_id 1, 2, ... in rowid order; run,
-- dataset, collection_chain, collection_summary_*, dataset_calibs_* and dataset_tags_* hold the id where they
-- held the name. Each of these tables is read once and written once with its final columns: CREATE TABLE with
-- the end state's text under alembic's batch name (_alembic_tmp_<table>; the RENAME makes SQLite store it as
-- CREATE TABLE "<table>", as in the end state), INSERT ... SELECT joined to the name -> id map (a TEMP table
-- keyed by name) in the order of the new key (dataset_tags_*: in table order, which already follows dataset_id,
-- the new key's first column; sorting by the whole key measured no faster), DROP of the old table, RENAME, then
-- its secondary indexes.
-- One transaction, default journal_mode / synchronous (as the tool); foreign_keys off (sqlite3 shell default,
-- as the tool sets it).
BEGIN;
CREATE TEMP TABLE collection_key (name TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO temp.collection_key (name, id) SELECT name, row_number() OVER (ORDER BY rowid) FROM collection;

CREATE TABLE _alembic_tmp_collection (
	name TEXT, 
	type SMALLINT NOT NULL, 
	doc TEXT, 
	collection_id BIGINT NOT NULL, 
	CONSTRAINT collection_pkey PRIMARY KEY (collection_id)
);
INSERT INTO _alembic_tmp_collection (name, type, doc, collection_id)
    SELECT o.name, o.type, o.doc, k.id
    FROM collection o JOIN temp.collection_key k ON k.name = o.name ORDER BY k.id;
DROP TABLE collection;
ALTER TABLE _alembic_tmp_collection RENAME TO collection;

CREATE TABLE _alembic_tmp_run (
	host TEXT, 
	timespan_begin BIGINT, 
	timespan_end BIGINT, 
	collection_id BIGINT NOT NULL, 
	CONSTRAINT run_pkey PRIMARY KEY (collection_id), 
	CONSTRAINT fkey_run_collection_collection_id_collection_id FOREIGN KEY(collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_run (host, timespan_begin, timespan_end, collection_id)
    SELECT o.host, o.timespan_begin, o.timespan_end, k.id
    FROM run o JOIN temp.collection_key k ON k.name = o.name ORDER BY k.id;
DROP TABLE run;
ALTER TABLE _alembic_tmp_run RENAME TO run;

CREATE TABLE _alembic_tmp_collection_chain (
	position SMALLINT, 
	parent BIGINT NOT NULL, 
	child BIGINT NOT NULL, 
	CONSTRAINT collection_chain_pkey PRIMARY KEY (parent, position), 
	CONSTRAINT fkey_collection_chain_collection_collection_id_parent FOREIGN KEY(parent) REFERENCES collection (collection_id) ON DELETE CASCADE, 
	CONSTRAINT fkey_collection_chain_collection_collection_id_child FOREIGN KEY(child) REFERENCES collection (collection_id)
);
INSERT INTO _alembic_tmp_collection_chain (position, parent, child)
    SELECT o.position, p.id, k.id
    FROM collection_chain o JOIN temp.collection_key p ON p.name = o.parent JOIN temp.collection_key k ON k.name = o.child ORDER BY p.id, o.position;
DROP TABLE collection_chain;
ALTER TABLE _alembic_tmp_collection_chain RENAME TO collection_chain;
CREATE INDEX collection_chain_fkidx_child ON collection_chain (child);
CREATE INDEX collection_chain_fkidx_parent ON collection_chain (parent);

CREATE TABLE _alembic_tmp_collection_summary_dataset_type (
	dataset_type_id BIGINT, 
	collection_id BIGINT NOT NULL, 
	CONSTRAINT collection_summary_dataset_type_pkey PRIMARY KEY (collection_id, dataset_type_id), 
	CONSTRAINT fkey_collection_summary_dataset_type_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id) ON DELETE CASCADE, 
	CONSTRAINT fkey_collection_summary_dataset_type_collection_collection_id_collection_id FOREIGN KEY(collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_collection_summary_dataset_type (dataset_type_id, collection_id)
    SELECT o.dataset_type_id, k.id
    FROM collection_summary_dataset_type o JOIN temp.collection_key k ON k.name = o.collection_name ORDER BY k.id, o.dataset_type_id;
DROP TABLE collection_summary_dataset_type;
ALTER TABLE _alembic_tmp_collection_summary_dataset_type RENAME TO collection_summary_dataset_type;
CREATE INDEX collection_summary_dataset_type_fkidx_collection_id ON collection_summary_dataset_type (collection_id);
CREATE INDEX collection_summary_dataset_type_fkidx_dataset_type_id ON collection_summary_dataset_type (dataset_type_id);

CREATE TABLE _alembic_tmp_collection_summary_instrument (
	instrument VARCHAR(16) NOT NULL, 
	collection_id BIGINT NOT NULL, 
	CONSTRAINT collection_summary_instrument_pkey PRIMARY KEY (collection_id, instrument), 
	CONSTRAINT fkey_collection_summary_instrument_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT collection_summary_instrument_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT fkey_collection_summary_instrument_collection_collection_id_collection_id FOREIGN KEY(collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_collection_summary_instrument (instrument, collection_id)
    SELECT o.instrument, k.id
    FROM collection_summary_instrument o JOIN temp.collection_key k ON k.name = o.collection_name ORDER BY k.id, o.instrument;
DROP TABLE collection_summary_instrument;
ALTER TABLE _alembic_tmp_collection_summary_instrument RENAME TO collection_summary_instrument;
CREATE INDEX collection_summary_instrument_fkidx_collection_id ON collection_summary_instrument (collection_id);
CREATE INDEX collection_summary_instrument_fkidx_instrument ON collection_summary_instrument (instrument);

CREATE TABLE _alembic_tmp_dataset (
	id INTEGER, 
	dataset_type_id BIGINT NOT NULL, 
	ingest_date TIMESTAMP DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	run_id BIGINT NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_run_collection_id_run_id FOREIGN KEY(run_id) REFERENCES run (collection_id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset (id, dataset_type_id, ingest_date, run_id)
    SELECT o.id, o.dataset_type_id, o.ingest_date, k.id
    FROM dataset o JOIN temp.collection_key k ON k.name = o.run_name ORDER BY o.id;
DROP TABLE dataset;
ALTER TABLE _alembic_tmp_dataset RENAME TO dataset;
CREATE INDEX dataset_fkidx_dataset_type_id ON dataset (dataset_type_id);
CREATE INDEX dataset_fkidx_run_id ON dataset (run_id);

CREATE TABLE _alembic_tmp_dataset_calibs_00000002 (
	id INTEGER, 
	dataset_type_id BIGINT NOT NULL, 
	dataset_id BIGINT NOT NULL, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	timespan_begin BIGINT DEFAULT 0 NOT NULL, 
	timespan_end BIGINT DEFAULT (4102444800000000000) NOT NULL, 
	collection_id BIGINT NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_calibs_00000002_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_calibs_00000002_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_calibs_00000002_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_calibs_00000002_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT dataset_calibs_00000002_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT fkey_dataset_calibs_00000002_collection_collection_id_collection_id FOREIGN KEY(collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_calibs_00000002_collection_summary_dataset_type_collection_id_dataset_type_id_collection_id_dataset_type_id FOREIGN KEY(collection_id, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_id, dataset_type_id), 
	CONSTRAINT fkey_dataset_calibs_00000002_collection_summary_instrument_collection_id_instrument_collection_id_instrument FOREIGN KEY(collection_id, instrument) REFERENCES collection_summary_instrument (collection_id, instrument)
);
INSERT INTO _alembic_tmp_dataset_calibs_00000002 (id, dataset_type_id, dataset_id, instrument, detector, timespan_begin, timespan_end, collection_id)
    SELECT o.id, o.dataset_type_id, o.dataset_id, o.instrument, o.detector, o.timespan_begin, o.timespan_end, k.id
    FROM dataset_calibs_00000002 o JOIN temp.collection_key k ON k.name = o.collection_name ORDER BY o.id;
DROP TABLE dataset_calibs_00000002;
ALTER TABLE _alembic_tmp_dataset_calibs_00000002 RENAME TO dataset_calibs_00000002;
CREATE INDEX dataset_calibs_00000002_fkidx_collection_id ON dataset_calibs_00000002 (collection_id);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_id_dataset_type_id ON dataset_calibs_00000002 (collection_id, dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_collection_id_instrument ON dataset_calibs_00000002 (collection_id, instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_id ON dataset_calibs_00000002 (dataset_id);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_type_id ON dataset_calibs_00000002 (dataset_type_id);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument ON dataset_calibs_00000002 (instrument);
CREATE INDEX dataset_calibs_00000002_fkidx_instrument_detector ON dataset_calibs_00000002 (instrument, detector);
CREATE INDEX dataset_calibs_00000002_idx_dataset_type_id_collection_id_instrument_detector_timespan_begin_timespan_end ON dataset_calibs_00000002 (dataset_type_id, collection_id, instrument, detector, timespan_begin, timespan_end);

CREATE TABLE _alembic_tmp_dataset_calibs_00000003 (
	id INTEGER, 
	dataset_type_id BIGINT NOT NULL, 
	dataset_id BIGINT NOT NULL, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	physical_filter VARCHAR(32) NOT NULL, 
	timespan_begin BIGINT DEFAULT 0 NOT NULL, 
	timespan_end BIGINT DEFAULT (4102444800000000000) NOT NULL, 
	collection_id BIGINT NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_calibs_00000003_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_calibs_00000003_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_calibs_00000003_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_calibs_00000003_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT fkey_dataset_calibs_00000003_physical_filter_instrument_name_instrument_physical_filter FOREIGN KEY(instrument, physical_filter) REFERENCES physical_filter (instrument, name), 
	CONSTRAINT dataset_calibs_00000003_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT dataset_calibs_00000003_len_physical_filter CHECK (length(physical_filter)<=32 AND length(physical_filter)>=1), 
	CONSTRAINT fkey_dataset_calibs_00000003_collection_collection_id_collection_id FOREIGN KEY(collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_calibs_00000003_collection_summary_dataset_type_collection_id_dataset_type_id_collection_id_dataset_type_id FOREIGN KEY(collection_id, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_id, dataset_type_id), 
	CONSTRAINT fkey_dataset_calibs_00000003_collection_summary_instrument_collection_id_instrument_collection_id_instrument FOREIGN KEY(collection_id, instrument) REFERENCES collection_summary_instrument (collection_id, instrument)
);
INSERT INTO _alembic_tmp_dataset_calibs_00000003 (id, dataset_type_id, dataset_id, instrument, detector, physical_filter, timespan_begin, timespan_end, collection_id)
    SELECT o.id, o.dataset_type_id, o.dataset_id, o.instrument, o.detector, o.physical_filter, o.timespan_begin, o.timespan_end, k.id
    FROM dataset_calibs_00000003 o JOIN temp.collection_key k ON k.name = o.collection_name ORDER BY o.id;
DROP TABLE dataset_calibs_00000003;
ALTER TABLE _alembic_tmp_dataset_calibs_00000003 RENAME TO dataset_calibs_00000003;
CREATE INDEX dataset_calibs_00000003_fkidx_collection_id ON dataset_calibs_00000003 (collection_id);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_id_dataset_type_id ON dataset_calibs_00000003 (collection_id, dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_collection_id_instrument ON dataset_calibs_00000003 (collection_id, instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_id ON dataset_calibs_00000003 (dataset_id);
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_type_id ON dataset_calibs_00000003 (dataset_type_id);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument ON dataset_calibs_00000003 (instrument);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_detector ON dataset_calibs_00000003 (instrument, detector);
CREATE INDEX dataset_calibs_00000003_fkidx_instrument_physical_filter ON dataset_calibs_00000003 (instrument, physical_filter);
CREATE INDEX dataset_calibs_00000003_idx_dataset_type_id_collection_id_instrument_detector_physical_filter_timespan_begin_timespan_end ON dataset_calibs_00000003 (dataset_type_id, collection_id, instrument, detector, physical_filter, timespan_begin, timespan_end);

CREATE TABLE _alembic_tmp_dataset_tags_00000000 (
	dataset_type_id BIGINT NOT NULL, 
	dataset_id BIGINT, 
	collection_id BIGINT NOT NULL, 
	CONSTRAINT dataset_tags_00000000_pkey PRIMARY KEY (dataset_id, collection_id), 
	CONSTRAINT fkey_dataset_tags_00000000_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000000_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000000_collection_collection_id_collection_id FOREIGN KEY(collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000000_collection_summary_dataset_type_collection_id_dataset_type_id_collection_id_dataset_type_id FOREIGN KEY(collection_id, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_id, dataset_type_id), 
	CONSTRAINT dataset_tags_00000000_unq_dataset_type_id_collection_id UNIQUE (dataset_type_id, collection_id)
);
INSERT INTO _alembic_tmp_dataset_tags_00000000 (dataset_type_id, dataset_id, collection_id)
    SELECT o.dataset_type_id, o.dataset_id, k.id
    FROM dataset_tags_00000000 o JOIN temp.collection_key k ON k.name = o.collection_name;
DROP TABLE dataset_tags_00000000;
ALTER TABLE _alembic_tmp_dataset_tags_00000000 RENAME TO dataset_tags_00000000;
CREATE INDEX dataset_tags_00000000_fkidx_collection_id ON dataset_tags_00000000 (collection_id);
CREATE INDEX dataset_tags_00000000_fkidx_collection_id_dataset_type_id ON dataset_tags_00000000 (collection_id, dataset_type_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_id ON dataset_tags_00000000 (dataset_id);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_type_id ON dataset_tags_00000000 (dataset_type_id);

CREATE TABLE _alembic_tmp_dataset_tags_00000001 (
	dataset_type_id BIGINT NOT NULL, 
	dataset_id BIGINT, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	exposure BIGINT NOT NULL, 
	collection_id BIGINT NOT NULL, 
	CONSTRAINT dataset_tags_00000001_pkey PRIMARY KEY (dataset_id, collection_id), 
	CONSTRAINT fkey_dataset_tags_00000001_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000001_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000001_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_tags_00000001_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT fkey_dataset_tags_00000001_exposure_instrument_id_instrument_exposure FOREIGN KEY(instrument, exposure) REFERENCES exposure (instrument, id), 
	CONSTRAINT dataset_tags_00000001_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT fkey_dataset_tags_00000001_collection_collection_id_collection_id FOREIGN KEY(collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000001_collection_summary_dataset_type_collection_id_dataset_type_id_collection_id_dataset_type_id FOREIGN KEY(collection_id, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_id, dataset_type_id), 
	CONSTRAINT fkey_dataset_tags_00000001_collection_summary_instrument_collection_id_instrument_collection_id_instrument FOREIGN KEY(collection_id, instrument) REFERENCES collection_summary_instrument (collection_id, instrument), 
	CONSTRAINT dataset_tags_00000001_unq_dataset_type_id_collection_id_instrument_detector_exposure UNIQUE (dataset_type_id, collection_id, instrument, detector, exposure)
);
INSERT INTO _alembic_tmp_dataset_tags_00000001 (dataset_type_id, dataset_id, instrument, detector, exposure, collection_id)
    SELECT o.dataset_type_id, o.dataset_id, o.instrument, o.detector, o.exposure, k.id
    FROM dataset_tags_00000001 o JOIN temp.collection_key k ON k.name = o.collection_name;
DROP TABLE dataset_tags_00000001;
ALTER TABLE _alembic_tmp_dataset_tags_00000001 RENAME TO dataset_tags_00000001;
CREATE INDEX dataset_tags_00000001_fkidx_collection_id ON dataset_tags_00000001 (collection_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_id_dataset_type_id ON dataset_tags_00000001 (collection_id, dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_collection_id_instrument ON dataset_tags_00000001 (collection_id, instrument);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_id ON dataset_tags_00000001 (dataset_id);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_type_id ON dataset_tags_00000001 (dataset_type_id);
CREATE INDEX dataset_tags_00000001_fkidx_instrument ON dataset_tags_00000001 (instrument);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_detector ON dataset_tags_00000001 (instrument, detector);
CREATE INDEX dataset_tags_00000001_fkidx_instrument_exposure ON dataset_tags_00000001 (instrument, exposure);

CREATE TABLE _alembic_tmp_dataset_tags_00000002 (
	dataset_type_id BIGINT NOT NULL, 
	dataset_id BIGINT, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	collection_id BIGINT NOT NULL, 
	CONSTRAINT dataset_tags_00000002_pkey PRIMARY KEY (dataset_id, collection_id), 
	CONSTRAINT fkey_dataset_tags_00000002_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000002_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000002_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_tags_00000002_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT dataset_tags_00000002_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT fkey_dataset_tags_00000002_collection_collection_id_collection_id FOREIGN KEY(collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000002_collection_summary_dataset_type_collection_id_dataset_type_id_collection_id_dataset_type_id FOREIGN KEY(collection_id, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_id, dataset_type_id), 
	CONSTRAINT fkey_dataset_tags_00000002_collection_summary_instrument_collection_id_instrument_collection_id_instrument FOREIGN KEY(collection_id, instrument) REFERENCES collection_summary_instrument (collection_id, instrument), 
	CONSTRAINT dataset_tags_00000002_unq_dataset_type_id_collection_id_instrument_detector UNIQUE (dataset_type_id, collection_id, instrument, detector)
);
INSERT INTO _alembic_tmp_dataset_tags_00000002 (dataset_type_id, dataset_id, instrument, detector, collection_id)
    SELECT o.dataset_type_id, o.dataset_id, o.instrument, o.detector, k.id
    FROM dataset_tags_00000002 o JOIN temp.collection_key k ON k.name = o.collection_name;
DROP TABLE dataset_tags_00000002;
ALTER TABLE _alembic_tmp_dataset_tags_00000002 RENAME TO dataset_tags_00000002;
CREATE INDEX dataset_tags_00000002_fkidx_collection_id ON dataset_tags_00000002 (collection_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_id_dataset_type_id ON dataset_tags_00000002 (collection_id, dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_collection_id_instrument ON dataset_tags_00000002 (collection_id, instrument);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_id ON dataset_tags_00000002 (dataset_id);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_type_id ON dataset_tags_00000002 (dataset_type_id);
CREATE INDEX dataset_tags_00000002_fkidx_instrument ON dataset_tags_00000002 (instrument);
CREATE INDEX dataset_tags_00000002_fkidx_instrument_detector ON dataset_tags_00000002 (instrument, detector);

CREATE TABLE _alembic_tmp_dataset_tags_00000003 (
	dataset_type_id BIGINT NOT NULL, 
	dataset_id BIGINT, 
	instrument VARCHAR(16) NOT NULL, 
	detector BIGINT NOT NULL, 
	physical_filter VARCHAR(32) NOT NULL, 
	collection_id BIGINT NOT NULL, 
	CONSTRAINT dataset_tags_00000003_pkey PRIMARY KEY (dataset_id, collection_id), 
	CONSTRAINT fkey_dataset_tags_00000003_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_tags_00000003_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000003_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_dataset_tags_00000003_detector_instrument_id_instrument_detector FOREIGN KEY(instrument, detector) REFERENCES detector (instrument, id), 
	CONSTRAINT fkey_dataset_tags_00000003_physical_filter_instrument_name_instrument_physical_filter FOREIGN KEY(instrument, physical_filter) REFERENCES physical_filter (instrument, name), 
	CONSTRAINT dataset_tags_00000003_len_instrument CHECK (length(instrument)<=16 AND length(instrument)>=1), 
	CONSTRAINT dataset_tags_00000003_len_physical_filter CHECK (length(physical_filter)<=32 AND length(physical_filter)>=1), 
	CONSTRAINT fkey_dataset_tags_00000003_collection_collection_id_collection_id FOREIGN KEY(collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE, 
	CONSTRAINT fkey_dataset_tags_00000003_collection_summary_dataset_type_collection_id_dataset_type_id_collection_id_dataset_type_id FOREIGN KEY(collection_id, dataset_type_id) REFERENCES collection_summary_dataset_type (collection_id, dataset_type_id), 
	CONSTRAINT fkey_dataset_tags_00000003_collection_summary_instrument_collection_id_instrument_collection_id_instrument FOREIGN KEY(collection_id, instrument) REFERENCES collection_summary_instrument (collection_id, instrument), 
	CONSTRAINT dataset_tags_00000003_unq_dataset_type_id_collection_id_instrument_detector_physical_filter UNIQUE (dataset_type_id, collection_id, instrument, detector, physical_filter)
);
INSERT INTO _alembic_tmp_dataset_tags_00000003 (dataset_type_id, dataset_id, instrument, detector, physical_filter, collection_id)
    SELECT o.dataset_type_id, o.dataset_id, o.instrument, o.detector, o.physical_filter, k.id
    FROM dataset_tags_00000003 o JOIN temp.collection_key k ON k.name = o.collection_name;
DROP TABLE dataset_tags_00000003;
ALTER TABLE _alembic_tmp_dataset_tags_00000003 RENAME TO dataset_tags_00000003;
CREATE INDEX dataset_tags_00000003_fkidx_collection_id ON dataset_tags_00000003 (collection_id);
CREATE INDEX dataset_tags_00000003_fkidx_collection_id_dataset_type_id ON dataset_tags_00000003 (collection_id, dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_collection_id_instrument ON dataset_tags_00000003 (collection_id, instrument);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_id ON dataset_tags_00000003 (dataset_id);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_type_id ON dataset_tags_00000003 (dataset_type_id);
CREATE INDEX dataset_tags_00000003_fkidx_instrument ON dataset_tags_00000003 (instrument);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_detector ON dataset_tags_00000003 (instrument, detector);
CREATE INDEX dataset_tags_00000003_fkidx_instrument_physical_filter ON dataset_tags_00000003 (instrument, physical_filter);

DROP TABLE temp.collection_key;
DELETE FROM butler_attributes WHERE name = 'version:lsst.daf.butler.registry.collections.nameKey.NameKeyCollectionManager';
UPDATE butler_attributes SET value = 'lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager' WHERE name = 'config:registry.managers.collections';
INSERT INTO butler_attributes (name, value) VALUES ('version:lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager', '2.0.0');
UPDATE alembic_version SET version_num = '8c57494cabcc' WHERE version_num = '93341d68b814';
COMMIT;

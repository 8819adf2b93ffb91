-- Least-work floor for datasets 4e2d7a28475b on SQLite (sqlite3 shell), written from the end state the step
-- reaches: dataset.ingest_date becomes BIGINT TAI nanoseconds (@UTC_TO_TAI@: run.sh puts in the conversion
-- expression the tool uses, make_registry sql-expression). dataset is read once and written once with its final
-- column: CREATE TABLE with the end state's text under alembic's batch name (the RENAME makes SQLite store it as
-- CREATE TABLE "dataset"), INSERT ... SELECT converting on the way, in the order of the key (id), DROP, RENAME,
-- then the two indexes. One transaction, default journal_mode / synchronous (as the tool).
BEGIN;
CREATE TABLE _alembic_tmp_dataset (
	id CHAR(32) NOT NULL, 
	dataset_type_id BIGINT NOT NULL, 
	ingest_date BIGINT NOT NULL, 
	run_id BIGINT NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_run_collection_id_run_id FOREIGN KEY(run_id) REFERENCES run (collection_id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset (id, dataset_type_id, ingest_date, run_id)
    SELECT id, dataset_type_id, @UTC_TO_TAI@, run_id FROM dataset ORDER BY id;
DROP TABLE dataset;
ALTER TABLE _alembic_tmp_dataset RENAME TO dataset;
CREATE INDEX dataset_fkidx_dataset_type_id ON dataset (dataset_type_id);
CREATE INDEX dataset_fkidx_run_id ON dataset (run_id);
UPDATE butler_attributes SET value = '2.0.0' WHERE name = 'version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID';
UPDATE alembic_version SET version_num = '4e2d7a28475b' WHERE version_num = '2101fbf51ad3';
COMMIT;

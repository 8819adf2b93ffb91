-- Floor for datasets 4e2d7a28475b on SQLite: the statements butler-migrate runs, for the sqlite3 shell.
-- @UTC_TO_TAI@ is replaced by run.sh with the conversion expression the tool uses (make_registry sql-expression).
BEGIN;
SELECT dataset_type_id, COUNT(*) FROM dataset GROUP BY dataset_type_id ORDER BY dataset_type_id;
UPDATE dataset SET ingest_date = @UTC_TO_TAI@;
CREATE TABLE _alembic_tmp_dataset (
	id CHAR(32) NOT NULL, 
	dataset_type_id BIGINT NOT NULL, 
	ingest_date BIGINT NOT NULL, 
	run_id BIGINT NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), 
	CONSTRAINT fkey_dataset_run_collection_id_run_id FOREIGN KEY(run_id) REFERENCES run (collection_id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_dataset (id, dataset_type_id, ingest_date, run_id) SELECT dataset.id, dataset.dataset_type_id, CAST(dataset.ingest_date AS BIGINT), dataset.run_id FROM dataset;
DROP TABLE dataset;
ALTER TABLE _alembic_tmp_dataset RENAME TO dataset;
CREATE INDEX dataset_fkidx_dataset_type_id ON dataset (dataset_type_id);
CREATE INDEX dataset_fkidx_run_id ON dataset (run_id);
UPDATE butler_attributes SET value = '2.0.0' WHERE name = 'version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID';
UPDATE alembic_version SET version_num = '4e2d7a28475b' WHERE version_num = '2101fbf51ad3';
COMMIT;

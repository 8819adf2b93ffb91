-- Floor for datastores a81dddabd837 on SQLite: the statements butler-migrate runs, for the sqlite3 shell.
BEGIN;
CREATE TABLE _alembic_tmp_dataset_location_trash (
	datastore_name TEXT NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_location_trash_pkey PRIMARY KEY (dataset_id, datastore_name)
);
INSERT INTO _alembic_tmp_dataset_location_trash (datastore_name, dataset_id) SELECT dataset_location_trash.datastore_name, dataset_location_trash.dataset_id FROM dataset_location_trash;
DROP TABLE dataset_location_trash;
ALTER TABLE _alembic_tmp_dataset_location_trash RENAME TO dataset_location_trash;
UPDATE butler_attributes SET value = '0.2.1' WHERE name = 'version:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager';
UPDATE alembic_version SET version_num = 'a81dddabd837' WHERE version_num = 'a07b3b60e369';
COMMIT;

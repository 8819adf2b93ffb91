-- Least-work floor for datastores a81dddabd837 on SQLite (sqlite3 shell), written from the end state the step
-- reaches: dataset_location_trash's primary key becomes (dataset_id, datastore_name). SQLite cannot change a key
-- in place, so the table is written once more: CREATE TABLE with the end state's text under alembic's batch name
-- (the RENAME makes SQLite store it as CREATE TABLE "dataset_location_trash"), INSERT ... SELECT in the order of
-- the new key (4x faster at 1,000,000 rows than in table order, whose random uuids scatter the key's inserts),
-- DROP, RENAME. One transaction, default journal_mode / synchronous (as the tool).
BEGIN;
CREATE TABLE _alembic_tmp_dataset_location_trash (
	datastore_name TEXT NOT NULL, 
	dataset_id CHAR(32) NOT NULL, 
	CONSTRAINT dataset_location_trash_pkey PRIMARY KEY (dataset_id, datastore_name)
);
INSERT INTO _alembic_tmp_dataset_location_trash (datastore_name, dataset_id)
    SELECT datastore_name, dataset_id FROM dataset_location_trash ORDER BY dataset_id, datastore_name;
DROP TABLE dataset_location_trash;
ALTER TABLE _alembic_tmp_dataset_location_trash RENAME TO dataset_location_trash;
UPDATE butler_attributes SET value = '0.2.1' WHERE name = 'version:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager';
UPDATE alembic_version SET version_num = 'a81dddabd837' WHERE version_num = 'a07b3b60e369';
COMMIT;

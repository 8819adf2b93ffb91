-- Floor for datastores a81dddabd837 on PostgreSQL (registry schema "bench"): least work for the end state
-- (dataset_location_trash's primary key on (dataset_id, datastore_name)), which here is also what butler-migrate
-- runs: the key dropped and built again on the new column order (one index build).
BEGIN;
ALTER TABLE bench.dataset_location_trash DROP CONSTRAINT dataset_location_trash_pkey;
ALTER TABLE bench.dataset_location_trash ADD CONSTRAINT dataset_location_trash_pkey PRIMARY KEY (dataset_id, datastore_name);
UPDATE bench.butler_attributes SET value = '0.2.1' WHERE name = 'version:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager';
UPDATE bench.alembic_version SET version_num = 'a81dddabd837' WHERE version_num = 'a07b3b60e369';
COMMIT;

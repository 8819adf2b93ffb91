-- Traced statements of one-shot 2101fbf51ad3 on postgresql (not the floor: bench/floor_oneshot_*.sql is; timed with
-- TRACED=1 bench/run-oneshot.sh): the statements butler-migrate runs on a registry of
-- bench/make_registry --layout oneshot (written by bench/trace_to_floor.py from a trace of the tool).
-- The raw datasets' uuid5 ids, which the tool computes in C++ and inserts in batches, are bulk-loaded
-- from a precomputed map instead (@RAW_ID_MAP@, make_registry --raw-id-map): the floor is the database's
-- share of the work. Catalogue reads and the attribute rows' parameters are left out / written out
-- (the schema_digest values are placeholders, not the tool's).
BEGIN;
CREATE TABLE bench.migration_id2uuid (
id BIGINT NOT NULL, 
uuid UUID, 
PRIMARY KEY (id)
);
\copy bench.migration_id2uuid (id, uuid) FROM '@RAW_ID_MAP@' WITH (FORMAT csv)
INSERT INTO "bench"."migration_id2uuid" (id, uuid) SELECT "bench"."dataset".id, gen_random_uuid() FROM "bench"."dataset_type" JOIN "bench"."dataset" ON "bench"."dataset".dataset_type_id = "bench"."dataset_type".id JOIN "bench"."run" ON "bench"."dataset".run_name = "bench"."run".name JOIN "bench"."collection" ON "bench"."run".name = "bench"."collection".name JOIN "bench"."dataset_tags_00000000" t ON "bench"."dataset".id = t.dataset_id AND t.collection_name = "bench"."collection".name WHERE "bench"."dataset_type".name <> 'raw';
INSERT INTO "bench"."migration_id2uuid" (id, uuid) SELECT "bench"."dataset".id, gen_random_uuid() FROM "bench"."dataset_type" JOIN "bench"."dataset" ON "bench"."dataset".dataset_type_id = "bench"."dataset_type".id JOIN "bench"."run" ON "bench"."dataset".run_name = "bench"."run".name JOIN "bench"."collection" ON "bench"."run".name = "bench"."collection".name JOIN "bench"."dataset_tags_00000001" t ON "bench"."dataset".id = t.dataset_id AND t.collection_name = "bench"."collection".name WHERE "bench"."dataset_type".name <> 'raw';
INSERT INTO "bench"."migration_id2uuid" (id, uuid) SELECT "bench"."dataset".id, gen_random_uuid() FROM "bench"."dataset_type" JOIN "bench"."dataset" ON "bench"."dataset".dataset_type_id = "bench"."dataset_type".id JOIN "bench"."run" ON "bench"."dataset".run_name = "bench"."run".name JOIN "bench"."collection" ON "bench"."run".name = "bench"."collection".name JOIN "bench"."dataset_tags_00000002" t ON "bench"."dataset".id = t.dataset_id AND t.collection_name = "bench"."collection".name WHERE "bench"."dataset_type".name <> 'raw';
INSERT INTO "bench"."migration_id2uuid" (id, uuid) SELECT "bench"."dataset".id, gen_random_uuid() FROM "bench"."dataset_type" JOIN "bench"."dataset" ON "bench"."dataset".dataset_type_id = "bench"."dataset_type".id JOIN "bench"."run" ON "bench"."dataset".run_name = "bench"."run".name JOIN "bench"."collection" ON "bench"."run".name = "bench"."collection".name JOIN "bench"."dataset_tags_00000003" t ON "bench"."dataset".id = t.dataset_id AND t.collection_name = "bench"."collection".name WHERE "bench"."dataset_type".name <> 'raw';
INSERT INTO "bench"."migration_id2uuid" (id, uuid) SELECT ids.dataset_id, gen_random_uuid() FROM (SELECT dataset_id FROM "bench"."file_datastore_records" UNION SELECT dataset_id FROM "bench"."dataset_location_trash") ids WHERE ids.dataset_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "bench"."migration_id2uuid" m WHERE m.id = ids.dataset_id);
ALTER TABLE bench.dataset ADD COLUMN id_uuid UUID;
COMMENT ON COLUMN "bench"."dataset"."id_uuid" IS 'A unique field used as the primary key for dataset.';
ALTER TABLE bench.dataset_location_trash ADD COLUMN dataset_id_uuid UUID;
ALTER TABLE bench.file_datastore_records ADD COLUMN dataset_id_uuid UUID;
ALTER TABLE bench.dataset_calibs_00000002 ADD COLUMN dataset_id_uuid UUID;
ALTER TABLE bench.dataset_calibs_00000003 ADD COLUMN dataset_id_uuid UUID;
ALTER TABLE bench.dataset_location ADD COLUMN dataset_id_uuid UUID;
ALTER TABLE bench.dataset_tags_00000000 ADD COLUMN dataset_id_uuid UUID;
ALTER TABLE bench.dataset_tags_00000001 ADD COLUMN dataset_id_uuid UUID;
ALTER TABLE bench.dataset_tags_00000002 ADD COLUMN dataset_id_uuid UUID;
ALTER TABLE bench.dataset_tags_00000003 ADD COLUMN dataset_id_uuid UUID;
UPDATE "bench"."dataset" SET id_uuid = (SELECT m.uuid FROM "bench"."migration_id2uuid" m WHERE m.id = "bench"."dataset".id);
UPDATE "bench"."dataset_location_trash" SET dataset_id_uuid = (SELECT m.uuid FROM "bench"."migration_id2uuid" m WHERE m.id = "bench"."dataset_location_trash".dataset_id);
UPDATE "bench"."file_datastore_records" SET dataset_id_uuid = (SELECT m.uuid FROM "bench"."migration_id2uuid" m WHERE m.id = "bench"."file_datastore_records".dataset_id);
UPDATE "bench"."dataset_calibs_00000002" SET dataset_id_uuid = (SELECT m.uuid FROM "bench"."migration_id2uuid" m WHERE m.id = "bench"."dataset_calibs_00000002".dataset_id);
UPDATE "bench"."dataset_calibs_00000003" SET dataset_id_uuid = (SELECT m.uuid FROM "bench"."migration_id2uuid" m WHERE m.id = "bench"."dataset_calibs_00000003".dataset_id);
UPDATE "bench"."dataset_location" SET dataset_id_uuid = (SELECT m.uuid FROM "bench"."migration_id2uuid" m WHERE m.id = "bench"."dataset_location".dataset_id);
UPDATE "bench"."dataset_tags_00000000" SET dataset_id_uuid = (SELECT m.uuid FROM "bench"."migration_id2uuid" m WHERE m.id = "bench"."dataset_tags_00000000".dataset_id);
UPDATE "bench"."dataset_tags_00000001" SET dataset_id_uuid = (SELECT m.uuid FROM "bench"."migration_id2uuid" m WHERE m.id = "bench"."dataset_tags_00000001".dataset_id);
UPDATE "bench"."dataset_tags_00000002" SET dataset_id_uuid = (SELECT m.uuid FROM "bench"."migration_id2uuid" m WHERE m.id = "bench"."dataset_tags_00000002".dataset_id);
UPDATE "bench"."dataset_tags_00000003" SET dataset_id_uuid = (SELECT m.uuid FROM "bench"."migration_id2uuid" m WHERE m.id = "bench"."dataset_tags_00000003".dataset_id);
DROP INDEX bench.dataset_tags_00000003_fkidx_dataset_id;
ALTER TABLE bench.dataset_tags_00000003 DROP CONSTRAINT fkey_dataset_tags_00000003_dataset_id_dataset_id;
ALTER TABLE bench.dataset_tags_00000003 DROP CONSTRAINT dataset_tags_00000003_pkey;
ALTER TABLE bench.dataset_tags_00000003 DROP COLUMN dataset_id;
DROP INDEX bench.dataset_tags_00000002_fkidx_dataset_id;
ALTER TABLE bench.dataset_tags_00000002 DROP CONSTRAINT fkey_dataset_tags_00000002_dataset_id_dataset_id;
ALTER TABLE bench.dataset_tags_00000002 DROP CONSTRAINT dataset_tags_00000002_pkey;
ALTER TABLE bench.dataset_tags_00000002 DROP COLUMN dataset_id;
DROP INDEX bench.dataset_tags_00000001_fkidx_dataset_id;
ALTER TABLE bench.dataset_tags_00000001 DROP CONSTRAINT fkey_dataset_tags_00000001_dataset_id_dataset_id;
ALTER TABLE bench.dataset_tags_00000001 DROP CONSTRAINT dataset_tags_00000001_pkey;
ALTER TABLE bench.dataset_tags_00000001 DROP COLUMN dataset_id;
DROP INDEX bench.dataset_tags_00000000_fkidx_dataset_id;
ALTER TABLE bench.dataset_tags_00000000 DROP CONSTRAINT fkey_dataset_tags_00000000_dataset_id_dataset_id;
ALTER TABLE bench.dataset_tags_00000000 DROP CONSTRAINT dataset_tags_00000000_pkey;
ALTER TABLE bench.dataset_tags_00000000 DROP COLUMN dataset_id;
DROP INDEX bench.dataset_location_fkidx_dataset_id;
ALTER TABLE bench.dataset_location DROP CONSTRAINT fkey_dataset_location_dataset_id_dataset_id;
ALTER TABLE bench.dataset_location DROP CONSTRAINT dataset_location_pkey;
ALTER TABLE bench.dataset_location DROP COLUMN dataset_id;
DROP INDEX bench.dataset_calibs_00000003_fkidx_dataset_id;
ALTER TABLE bench.dataset_calibs_00000003 DROP CONSTRAINT fkey_dataset_calibs_00000003_dataset_id_dataset_id;
ALTER TABLE bench.dataset_calibs_00000003 DROP COLUMN dataset_id;
DROP INDEX bench.dataset_calibs_00000002_fkidx_dataset_id;
ALTER TABLE bench.dataset_calibs_00000002 DROP CONSTRAINT fkey_dataset_calibs_00000002_dataset_id_dataset_id;
ALTER TABLE bench.dataset_calibs_00000002 DROP COLUMN dataset_id;
ALTER TABLE bench.file_datastore_records DROP CONSTRAINT file_datastore_records_pkey;
ALTER TABLE bench.file_datastore_records DROP COLUMN dataset_id;
ALTER TABLE bench.dataset_location_trash DROP CONSTRAINT dataset_location_trash_pkey;
ALTER TABLE bench.dataset_location_trash DROP COLUMN dataset_id;
ALTER TABLE bench.dataset DROP CONSTRAINT dataset_pkey;
ALTER TABLE bench.dataset DROP COLUMN id;
DROP SEQUENCE "bench"."dataset_seq_id";
ALTER TABLE bench.dataset ALTER COLUMN id_uuid SET NOT NULL;
ALTER TABLE bench.dataset RENAME id_uuid TO id;
ALTER TABLE bench.dataset_location_trash ALTER COLUMN dataset_id_uuid SET NOT NULL;
ALTER TABLE bench.dataset_location_trash RENAME dataset_id_uuid TO dataset_id;
ALTER TABLE bench.file_datastore_records ALTER COLUMN dataset_id_uuid SET NOT NULL;
ALTER TABLE bench.file_datastore_records RENAME dataset_id_uuid TO dataset_id;
ALTER TABLE bench.dataset_calibs_00000002 ALTER COLUMN dataset_id_uuid SET NOT NULL;
ALTER TABLE bench.dataset_calibs_00000002 RENAME dataset_id_uuid TO dataset_id;
ALTER TABLE bench.dataset_calibs_00000003 ALTER COLUMN dataset_id_uuid SET NOT NULL;
ALTER TABLE bench.dataset_calibs_00000003 RENAME dataset_id_uuid TO dataset_id;
ALTER TABLE bench.dataset_location ALTER COLUMN dataset_id_uuid SET NOT NULL;
ALTER TABLE bench.dataset_location RENAME dataset_id_uuid TO dataset_id;
ALTER TABLE bench.dataset_tags_00000000 ALTER COLUMN dataset_id_uuid SET NOT NULL;
ALTER TABLE bench.dataset_tags_00000000 RENAME dataset_id_uuid TO dataset_id;
ALTER TABLE bench.dataset_tags_00000001 ALTER COLUMN dataset_id_uuid SET NOT NULL;
ALTER TABLE bench.dataset_tags_00000001 RENAME dataset_id_uuid TO dataset_id;
ALTER TABLE bench.dataset_tags_00000002 ALTER COLUMN dataset_id_uuid SET NOT NULL;
ALTER TABLE bench.dataset_tags_00000002 RENAME dataset_id_uuid TO dataset_id;
ALTER TABLE bench.dataset_tags_00000003 ALTER COLUMN dataset_id_uuid SET NOT NULL;
ALTER TABLE bench.dataset_tags_00000003 RENAME dataset_id_uuid TO dataset_id;
ALTER TABLE bench.dataset ADD CONSTRAINT dataset_pkey PRIMARY KEY (id);
ALTER TABLE bench.dataset_location_trash ADD CONSTRAINT dataset_location_trash_pkey PRIMARY KEY (datastore_name, dataset_id);
ALTER TABLE bench.file_datastore_records ADD CONSTRAINT file_datastore_records_pkey PRIMARY KEY (dataset_id, component);
CREATE INDEX dataset_calibs_00000002_fkidx_dataset_id ON bench.dataset_calibs_00000002 (dataset_id);
ALTER TABLE bench.dataset_calibs_00000002 ADD CONSTRAINT fkey_dataset_calibs_00000002_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES bench.dataset (id) ON DELETE CASCADE;
CREATE INDEX dataset_calibs_00000003_fkidx_dataset_id ON bench.dataset_calibs_00000003 (dataset_id);
ALTER TABLE bench.dataset_calibs_00000003 ADD CONSTRAINT fkey_dataset_calibs_00000003_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES bench.dataset (id) ON DELETE CASCADE;
ALTER TABLE bench.dataset_location ADD CONSTRAINT dataset_location_pkey PRIMARY KEY (datastore_name, dataset_id);
CREATE INDEX dataset_location_fkidx_dataset_id ON bench.dataset_location (dataset_id);
ALTER TABLE bench.dataset_location ADD CONSTRAINT fkey_dataset_location_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES bench.dataset (id);
ALTER TABLE bench.dataset_tags_00000000 ADD CONSTRAINT dataset_tags_00000000_pkey PRIMARY KEY (dataset_id, collection_name);
CREATE INDEX dataset_tags_00000000_fkidx_dataset_id ON bench.dataset_tags_00000000 (dataset_id);
ALTER TABLE bench.dataset_tags_00000000 ADD CONSTRAINT fkey_dataset_tags_00000000_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES bench.dataset (id) ON DELETE CASCADE;
ALTER TABLE bench.dataset_tags_00000001 ADD CONSTRAINT dataset_tags_00000001_pkey PRIMARY KEY (dataset_id, collection_name);
CREATE INDEX dataset_tags_00000001_fkidx_dataset_id ON bench.dataset_tags_00000001 (dataset_id);
ALTER TABLE bench.dataset_tags_00000001 ADD CONSTRAINT fkey_dataset_tags_00000001_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES bench.dataset (id) ON DELETE CASCADE;
ALTER TABLE bench.dataset_tags_00000002 ADD CONSTRAINT dataset_tags_00000002_pkey PRIMARY KEY (dataset_id, collection_name);
CREATE INDEX dataset_tags_00000002_fkidx_dataset_id ON bench.dataset_tags_00000002 (dataset_id);
ALTER TABLE bench.dataset_tags_00000002 ADD CONSTRAINT fkey_dataset_tags_00000002_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES bench.dataset (id) ON DELETE CASCADE;
ALTER TABLE bench.dataset_tags_00000003 ADD CONSTRAINT dataset_tags_00000003_pkey PRIMARY KEY (dataset_id, collection_name);
CREATE INDEX dataset_tags_00000003_fkidx_dataset_id ON bench.dataset_tags_00000003 (dataset_id);
ALTER TABLE bench.dataset_tags_00000003 ADD CONSTRAINT fkey_dataset_tags_00000003_dataset_id_dataset_id FOREIGN KEY(dataset_id) REFERENCES bench.dataset (id) ON DELETE CASCADE;
DROP TABLE "bench"."migration_id2uuid";
DELETE FROM bench.butler_attributes WHERE name = 'version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManager';
DELETE FROM bench.butler_attributes WHERE name = 'schema_digest:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManager';
UPDATE bench.butler_attributes SET value = 'lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID' WHERE name = 'config:registry.managers.datasets';
INSERT INTO bench.butler_attributes (name, value) VALUES ('version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID', '1.0.0');
INSERT INTO bench.butler_attributes (name, value) VALUES ('schema_digest:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID', '00000000000000000000000000000000');
UPDATE bench.butler_attributes SET value = '00000000000000000000000000000000' WHERE name = 'schema_digest:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager';
UPDATE bench.alembic_version SET version_num = '2101fbf51ad3' WHERE version_num = '635083325f20';
COMMIT;

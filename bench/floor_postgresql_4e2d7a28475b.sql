-- Floor for datasets 4e2d7a28475b on PostgreSQL (registry schema "bench"): least work for the end state
-- (ingest_date BIGINT TAI nanoseconds, no default), which here is also what butler-migrate runs: one
-- ALTER COLUMN ... TYPE rewrites the table and its indexes once.
BEGIN;
SET TIME ZONE 0;
ALTER TABLE bench.dataset ALTER COLUMN ingest_date DROP DEFAULT;
ALTER TABLE bench.dataset ALTER COLUMN ingest_date TYPE BIGINT USING CAST((EXTRACT(EPOCH FROM ingest_date) + 37) * 1000000 AS BIGINT) * 1000;
UPDATE bench.butler_attributes SET value = '2.0.0' WHERE name = 'version:lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID';
UPDATE bench.alembic_version SET version_num = '4e2d7a28475b' WHERE version_num = '2101fbf51ad3';
COMMIT;

-- Floor for `update-day-obs REPO LSSTCam` on the registry of bench/day_obs_registry.sh, PostgreSQL (schema bench):
-- the end state written directly, in one transaction; see floor_day_obs_sqlite.sql.
SET search_path = bench;
BEGIN;
UPDATE exposure SET day_obs = CAST(to_char(DATE '1970-01-01' + CAST((lower(timespan) - CASE
        WHEN lower(timespan) < 1710064837000000000 THEN 28800000000000
        WHEN lower(timespan) < 1714521600000000000 THEN 25200000000000
        ELSE 43200000000000 END) / 86400000000000 AS INTEGER), 'YYYYMMDD') AS BIGINT)
    WHERE instrument = 'LSSTCam' AND day_obs <> CAST(to_char(DATE '1970-01-01' + CAST((lower(timespan) - CASE WHEN lower(timespan) < 1710064837000000000 THEN 28800000000000 WHEN lower(timespan) < 1714521600000000000 THEN 25200000000000 ELSE 43200000000000 END) / 86400000000000 AS INTEGER), 'YYYYMMDD') AS BIGINT);
UPDATE visit AS v SET day_obs = e.day_obs
    FROM visit_definition AS d JOIN exposure AS e ON e.instrument = d.instrument AND e.id = d.exposure
    WHERE v.instrument = 'LSSTCam' AND d.instrument = 'LSSTCam' AND d.visit = v.id AND v.day_obs <> e.day_obs;
COMMIT;

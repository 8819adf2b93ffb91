-- Rows of the update-day-obs benchmark registry on PostgreSQL (bench/day_obs_registry.sh replaces @EXPOSURES@ and
-- sets search_path to the registry schema): the same rows as bench/day_obs_fill_sqlite.sql.
BEGIN;
INSERT INTO instrument (name, visit_max, visit_system, exposure_max, detector_max, class_name)
    VALUES ('LSSTCam', 7050123199999, 2, 7050123199999, 1000, 'lsst.obs.lsst.LsstCam');
INSERT INTO physical_filter (instrument, name, band) VALUES ('LSSTCam', 'r_57', 'r');
CREATE TEMP TABLE gen AS
    SELECT i, 2024000000000 + i AS id, (1704151800 + (i / 1000) * 86400 + (i % 1000) * 36) * 1000000000 AS begin_ns,
           CAST(to_char(to_timestamp(1704151800 + (i / 1000) * 86400 + (i % 1000) * 36) AT TIME ZONE 'UTC', 'YYYYMMDD')
                AS BIGINT) AS day_obs
    FROM generate_series(CAST(0 AS BIGINT), @EXPOSURES@ - 1) AS i;
INSERT INTO day_obs (instrument, id, timespan)
    SELECT 'LSSTCam', day_obs, int8range(MIN(begin_ns / 86400000000000) * 86400000000000,
                                         MIN(begin_ns / 86400000000000) * 86400000000000 + 86400000000000)
    FROM gen GROUP BY day_obs ORDER BY day_obs;
INSERT INTO "group" (instrument, name) SELECT DISTINCT 'LSSTCam', 'night' || (i / 1000) FROM gen;
INSERT INTO exposure (instrument, id, day_obs, "group", physical_filter, obs_id, exposure_time, dark_time,
                      observation_type, observation_reason, seq_num, seq_start, seq_end, target_name, science_program,
                      tracking_ra, tracking_dec, sky_angle, azimuth, zenith_angle, has_simulated, can_see_sky, timespan)
    SELECT 'LSSTCam', id, day_obs, 'night' || (i / 1000), 'r_57', 'MC_O_' || id, 30.0, 31.2, 'science', 'survey',
           i % 1000, i % 1000, i % 1000, 'field' || (i % 97), 'BLOCK-365', mod(i * 0.37, 360.0), -30.0 + (i % 60),
           mod(i * 1.3, 360.0), mod(i * 0.7, 360.0), 20.0 + (i % 40), false, true,
           int8range(begin_ns, begin_ns + 30000000000)
    FROM gen;
INSERT INTO visit (instrument, id, day_obs, physical_filter, name, seq_num, exposure_time, target_name,
                   observation_reason, science_program, azimuth, zenith_angle, region, timespan)
    SELECT 'LSSTCam', id, day_obs, 'r_57', 'MC_O_' || id, i % 1000, 30.0, 'field' || (i % 97), 'survey', 'BLOCK-365',
           mod(i * 0.7, 360.0), 20.0 + (i % 40),
           'cDQ7ncbLpOm/L4xM1HUu4r+bLOdsqD6DP0/6eKmzpOm/DCJ9NWUl4r+tk60GHpeSv0rtFQ0w3OS/NS7aBxCy4r8Y2c3s1xiSv0Ix' || id,
           int8range(begin_ns, begin_ns + 30000000000)
    FROM gen;
INSERT INTO visit_definition (instrument, exposure, visit) SELECT 'LSSTCam', id, id FROM gen;
DROP TABLE gen;
COMMIT;
VACUUM ANALYZE;

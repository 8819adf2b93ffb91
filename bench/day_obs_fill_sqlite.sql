-- Rows of the update-day-obs benchmark registry on SQLite (bench/day_obs_registry.sh replaces @EXPOSURES@).
-- LSSTCam (class lsst.obs.lsst.LsstCam): @EXPOSURES@ exposures, 1000 a night every 36 s from 23:30 TAI, the first
-- night 2024-01-01, each exposure its own visit (visit_definition). Their day_obs is what an offset of 0 gives (the
-- TAI date of the begin time), with day_obs rows for those days, timespans from 00:00 TAI: wrong for LSSTCam, whose
-- offset is 12 h from May 2024 and US/Pacific in the lab before, so most rows change.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
INSERT INTO instrument (name, visit_max, visit_system, exposure_max, detector_max, class_name)
    VALUES ('LSSTCam', 7050123199999, 2, 7050123199999, 1000, 'lsst.obs.lsst.LsstCam');
INSERT INTO physical_filter (instrument, name, band) VALUES ('LSSTCam', 'r_57', 'r');
CREATE TEMP TABLE gen AS
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @EXPOSURES@)
    SELECT i, 2024000000000 + i AS id, (1704151800 + (i / 1000) * 86400 + (i % 1000) * 36) * 1000000000 AS begin_ns,
           CAST(strftime('%Y%m%d', 1704151800 + (i / 1000) * 86400 + (i % 1000) * 36, 'unixepoch') AS INTEGER) AS day_obs
    FROM n;
INSERT INTO day_obs (instrument, id, timespan_begin, timespan_end)
    SELECT 'LSSTCam', day_obs, MIN(begin_ns / 86400000000000) * 86400000000000,
           MIN(begin_ns / 86400000000000) * 86400000000000 + 86400000000000
    FROM gen GROUP BY day_obs ORDER BY day_obs;
INSERT INTO "group" (instrument, name) SELECT DISTINCT 'LSSTCam', 'night' || (i / 1000) FROM gen;
INSERT INTO exposure (instrument, id, day_obs, "group", physical_filter, obs_id, exposure_time, dark_time,
                      observation_type, observation_reason, seq_num, seq_start, seq_end, target_name, science_program,
                      tracking_ra, tracking_dec, sky_angle, azimuth, zenith_angle, has_simulated, can_see_sky,
                      timespan_begin, timespan_end)
    SELECT 'LSSTCam', id, day_obs, 'night' || (i / 1000), 'r_57', 'MC_O_' || id, 30.0, 31.2, 'science', 'survey',
           i % 1000, i % 1000, i % 1000, 'field' || (i % 97), 'BLOCK-365', (i * 0.37) % 360.0, -30.0 + (i % 60),
           (i * 1.3) % 360.0, (i * 0.7) % 360.0, 20.0 + (i % 40), 0, 1, begin_ns, begin_ns + 30000000000
    FROM gen;
INSERT INTO visit (instrument, id, day_obs, physical_filter, name, seq_num, exposure_time, target_name,
                   observation_reason, science_program, azimuth, zenith_angle, region, timespan_begin, timespan_end)
    SELECT 'LSSTCam', id, day_obs, 'r_57', 'MC_O_' || id, i % 1000, 30.0, 'field' || (i % 97), 'survey', 'BLOCK-365',
           (i * 0.7) % 360.0, 20.0 + (i % 40),
           'cDQ7ncbLpOm/L4xM1HUu4r+bLOdsqD6DP0/6eKmzpOm/DCJ9NWUl4r+tk60GHpeSv0rtFQ0w3OS/NS7aBxCy4r8Y2c3s1xiSv0Ix' || id,
           begin_ns, begin_ns + 30000000000
    FROM gen;
INSERT INTO visit_definition (instrument, exposure, visit) SELECT 'LSSTCam', id, id FROM gen;
DROP TABLE gen;
COMMIT;

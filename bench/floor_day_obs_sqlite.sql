-- Floor for `update-day-obs REPO LSSTCam` on the registry of bench/day_obs_registry.sh, SQLite: the end state
-- written directly, in one transaction. New exposure day_obs: the TAI date of (begin - offset), the offset 8 h
-- (PST) before 2024-03-10 10:00:37 TAI, 7 h (PDT) until the ship month 2024-05, then 12 h; every visit is one
-- exposure (visit_definition), so it takes its exposure's value. No day_obs row is missing (the right values are
-- among the wrong ones). Only rows whose value changes are written (cheaper than rewriting the 7% that keep it).
BEGIN;
UPDATE exposure SET day_obs = CAST(strftime('%Y%m%d', ((timespan_begin - CASE
        WHEN timespan_begin < 1710064837000000000 THEN 28800000000000
        WHEN timespan_begin < 1714521600000000000 THEN 25200000000000
        ELSE 43200000000000 END) / 86400000000000) * 86400, 'unixepoch') AS INTEGER)
    WHERE instrument = 'LSSTCam' AND day_obs <> CAST(strftime('%Y%m%d', ((timespan_begin - CASE WHEN timespan_begin < 1710064837000000000 THEN 28800000000000 WHEN timespan_begin < 1714521600000000000 THEN 25200000000000 ELSE 43200000000000 END) / 86400000000000) * 86400, 'unixepoch') AS INTEGER);
UPDATE visit SET day_obs = e.day_obs
    FROM visit_definition AS d JOIN exposure AS e ON e.instrument = d.instrument AND e.id = d.exposure
    WHERE visit.instrument = 'LSSTCam' AND d.instrument = 'LSSTCam' AND d.visit = visit.id AND visit.day_obs <> e.day_obs;
COMMIT;

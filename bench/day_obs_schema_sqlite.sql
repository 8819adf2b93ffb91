-- Universe 7 tables update-day-obs reads and writes, as daf_butler creates them on SQLite (DDL of fixture f2025_head_default).
CREATE TABLE instrument (
	name VARCHAR(32) NOT NULL, 
	visit_max BIGINT, 
	visit_system BIGINT, 
	exposure_max BIGINT, 
	detector_max BIGINT, 
	class_name TEXT, 
	PRIMARY KEY (name), 
	CONSTRAINT instrument_len_name CHECK (length("name")<=32 AND length("name")>=1)
);
CREATE TABLE physical_filter (
	instrument VARCHAR(32) NOT NULL, 
	name VARCHAR(32) NOT NULL, 
	band VARCHAR(32) NOT NULL, 
	PRIMARY KEY (instrument, name), 
	CONSTRAINT physical_filter_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1), 
	CONSTRAINT physical_filter_len_name CHECK (length("name")<=32 AND length("name")>=1), 
	CONSTRAINT physical_filter_len_band CHECK (length("band")<=32 AND length("band")>=1), 
	CONSTRAINT fkey_physical_filter_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name)
);
CREATE INDEX physical_filter_fkidx_instrument ON physical_filter (instrument);
CREATE TABLE day_obs (
	instrument VARCHAR(32) NOT NULL, 
	id BIGINT NOT NULL, 
	timespan_begin BIGINT, 
	timespan_end BIGINT, 
	PRIMARY KEY (instrument, id), 
	CONSTRAINT day_obs_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1), 
	CONSTRAINT fkey_day_obs_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name)
);
CREATE INDEX day_obs_fkidx_instrument ON day_obs (instrument);
CREATE TABLE IF NOT EXISTS "group" (
	instrument VARCHAR(32) NOT NULL, 
	name TEXT NOT NULL, 
	PRIMARY KEY (instrument, name), 
	CONSTRAINT group_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1), 
	CONSTRAINT fkey_group_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name)
);
CREATE INDEX group_fkidx_instrument ON "group" (instrument);
CREATE TABLE exposure (
	instrument VARCHAR(32) NOT NULL, 
	id BIGINT NOT NULL, 
	day_obs BIGINT NOT NULL, 
	"group" TEXT NOT NULL, 
	physical_filter VARCHAR(32) NOT NULL, 
	obs_id TEXT, 
	exposure_time FLOAT, 
	dark_time FLOAT, 
	observation_type VARCHAR(16), 
	observation_reason TEXT, 
	seq_num BIGINT, 
	seq_start BIGINT, 
	seq_end BIGINT, 
	target_name TEXT, 
	science_program TEXT, 
	tracking_ra FLOAT, 
	tracking_dec FLOAT, 
	sky_angle FLOAT, 
	azimuth FLOAT, 
	zenith_angle FLOAT, 
	has_simulated BOOLEAN, 
	can_see_sky BOOLEAN, 
	timespan_begin BIGINT, 
	timespan_end BIGINT, 
	PRIMARY KEY (instrument, id), 
	CONSTRAINT exposure_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1), 
	CONSTRAINT exposure_len_physical_filter CHECK (length("physical_filter")<=32 AND length("physical_filter")>=1), 
	CONSTRAINT exposure_len_observation_type CHECK (length("observation_type")<=16 AND length("observation_type")>=1), 
	CONSTRAINT exposure_unq_instrument_obs_id UNIQUE (instrument, obs_id), 
	CONSTRAINT fkey_exposure_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_exposure_day_obs_instrument_id_instrument_day_obs FOREIGN KEY(instrument, day_obs) REFERENCES day_obs (instrument, id), 
	CONSTRAINT fkey_exposure_group_instrument_name_instrument_group FOREIGN KEY(instrument, "group") REFERENCES "group" (instrument, name), 
	CONSTRAINT fkey_exposure_physical_filter_instrument_name_instrument_physical_filter FOREIGN KEY(instrument, physical_filter) REFERENCES physical_filter (instrument, name)
);
CREATE INDEX exposure_fkidx_instrument_group ON exposure (instrument, "group");
CREATE INDEX exposure_fkidx_instrument_day_obs ON exposure (instrument, day_obs);
CREATE INDEX exposure_fkidx_instrument ON exposure (instrument);
CREATE INDEX exposure_fkidx_instrument_physical_filter ON exposure (instrument, physical_filter);
CREATE TABLE visit (
	instrument VARCHAR(32) NOT NULL, 
	id BIGINT NOT NULL, 
	day_obs BIGINT NOT NULL, 
	physical_filter VARCHAR(32) NOT NULL, 
	name TEXT, 
	seq_num BIGINT, 
	exposure_time FLOAT, 
	target_name TEXT, 
	observation_reason TEXT, 
	science_program TEXT, 
	azimuth FLOAT, 
	zenith_angle FLOAT, 
	region TEXT, 
	timespan_begin BIGINT, 
	timespan_end BIGINT, 
	PRIMARY KEY (instrument, id), 
	CONSTRAINT visit_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1), 
	CONSTRAINT visit_len_physical_filter CHECK (length("physical_filter")<=32 AND length("physical_filter")>=1), 
	CONSTRAINT visit_unq_instrument_name UNIQUE (instrument, name), 
	CONSTRAINT fkey_visit_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_visit_day_obs_instrument_id_instrument_day_obs FOREIGN KEY(instrument, day_obs) REFERENCES day_obs (instrument, id), 
	CONSTRAINT fkey_visit_physical_filter_instrument_name_instrument_physical_filter FOREIGN KEY(instrument, physical_filter) REFERENCES physical_filter (instrument, name)
);
CREATE INDEX visit_fkidx_instrument_day_obs ON visit (instrument, day_obs);
CREATE INDEX visit_fkidx_instrument ON visit (instrument);
CREATE INDEX visit_fkidx_instrument_physical_filter ON visit (instrument, physical_filter);
CREATE TABLE visit_definition (
	instrument VARCHAR(32) NOT NULL, 
	exposure BIGINT NOT NULL, 
	visit BIGINT NOT NULL, 
	PRIMARY KEY (instrument, exposure, visit), 
	CONSTRAINT visit_definition_len_instrument CHECK (length("instrument")<=32 AND length("instrument")>=1), 
	CONSTRAINT fkey_visit_definition_instrument_name_instrument FOREIGN KEY(instrument) REFERENCES instrument (name), 
	CONSTRAINT fkey_visit_definition_exposure_instrument_id_instrument_exposure FOREIGN KEY(instrument, exposure) REFERENCES exposure (instrument, id), 
	CONSTRAINT fkey_visit_definition_visit_instrument_id_instrument_visit FOREIGN KEY(instrument, visit) REFERENCES visit (instrument, id)
);
CREATE INDEX visit_definition_fkidx_instrument_visit ON visit_definition (instrument, visit);
CREATE INDEX visit_definition_fkidx_instrument_exposure ON visit_definition (instrument, exposure);
CREATE INDEX visit_definition_fkidx_instrument ON visit_definition (instrument);

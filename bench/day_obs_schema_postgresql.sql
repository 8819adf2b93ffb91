-- Universe 7 tables update-day-obs reads and writes, on PostgreSQL (in the schema bench/day_obs_registry.sh puts
-- first on search_path): as pg_dump shows them in fixture f2023_u4_26.0.0_default_pg after the real tool's upgrade to
-- universe 7, plus the visit -> day_obs foreign key and index daf_butler creates in a new universe 7 registry.
CREATE TABLE day_obs (
    instrument character varying(32) NOT NULL,
    id bigint NOT NULL,
    timespan int8range
);
CREATE TABLE exposure (
    instrument character varying(32) NOT NULL,
    id bigint NOT NULL,
    physical_filter character varying(32) NOT NULL,
    obs_id text NOT NULL,
    exposure_time double precision,
    dark_time double precision,
    observation_type character varying(16),
    observation_reason text,
    day_obs bigint NOT NULL,
    seq_num bigint,
    seq_start bigint,
    seq_end bigint,
    "group" text NOT NULL,
    target_name text,
    science_program text,
    tracking_ra double precision,
    tracking_dec double precision,
    sky_angle double precision,
    azimuth double precision,
    zenith_angle double precision,
    has_simulated boolean,
    timespan int8range,
    can_see_sky boolean
);
CREATE TABLE "group" (
    instrument character varying(32) NOT NULL,
    name text NOT NULL
);
CREATE TABLE instrument (
    name character varying(32) NOT NULL,
    visit_max bigint,
    visit_system bigint,
    exposure_max bigint,
    detector_max bigint,
    class_name text
);
CREATE TABLE physical_filter (
    instrument character varying(32) NOT NULL,
    name character varying(32) NOT NULL,
    band character varying(32) NOT NULL
);
CREATE TABLE visit (
    instrument character varying(32) NOT NULL,
    id bigint NOT NULL,
    physical_filter character varying(32) NOT NULL,
    name text NOT NULL,
    day_obs bigint,
    seq_num bigint,
    exposure_time double precision,
    target_name text,
    observation_reason text,
    science_program text,
    azimuth double precision,
    zenith_angle double precision,
    region text,
    timespan int8range
);
CREATE TABLE visit_definition (
    instrument character varying(32) NOT NULL,
    exposure bigint NOT NULL,
    visit bigint NOT NULL
);
ALTER TABLE ONLY day_obs
    ADD CONSTRAINT day_obs_pkey PRIMARY KEY (instrument, id);
ALTER TABLE ONLY exposure
    ADD CONSTRAINT exposure_pkey PRIMARY KEY (instrument, id);
ALTER TABLE ONLY exposure
    ADD CONSTRAINT exposure_unq_instrument_obs_id UNIQUE (instrument, obs_id);
ALTER TABLE ONLY "group"
    ADD CONSTRAINT group_pkey PRIMARY KEY (instrument, name);
ALTER TABLE ONLY instrument
    ADD CONSTRAINT instrument_pkey PRIMARY KEY (name);
ALTER TABLE ONLY physical_filter
    ADD CONSTRAINT physical_filter_pkey PRIMARY KEY (instrument, name);
ALTER TABLE ONLY visit_definition
    ADD CONSTRAINT visit_definition_pkey PRIMARY KEY (instrument, exposure, visit);
ALTER TABLE ONLY visit
    ADD CONSTRAINT visit_pkey PRIMARY KEY (instrument, id);
ALTER TABLE ONLY visit
    ADD CONSTRAINT visit_unq_instrument_name UNIQUE (instrument, name);
CREATE INDEX day_obs_fkidx_instrument ON day_obs USING btree (instrument);
CREATE INDEX exposure_fkidx_instrument ON exposure USING btree (instrument);
CREATE INDEX exposure_fkidx_instrument_day_obs ON exposure USING btree (instrument, day_obs);
CREATE INDEX exposure_fkidx_instrument_group ON exposure USING btree (instrument, "group");
CREATE INDEX exposure_fkidx_instrument_physical_filter ON exposure USING btree (instrument, physical_filter);
CREATE INDEX group_fkidx_instrument ON "group" USING btree (instrument);
CREATE INDEX physical_filter_fkidx_instrument ON physical_filter USING btree (instrument);
CREATE INDEX visit_definition_fkidx_instrument ON visit_definition USING btree (instrument);
CREATE INDEX visit_definition_fkidx_instrument_exposure ON visit_definition USING btree (instrument, exposure);
CREATE INDEX visit_definition_fkidx_instrument_visit ON visit_definition USING btree (instrument, visit);
CREATE INDEX visit_fkidx_instrument ON visit USING btree (instrument);
CREATE INDEX visit_fkidx_instrument_physical_filter ON visit USING btree (instrument, physical_filter);
ALTER TABLE ONLY day_obs
    ADD CONSTRAINT fkey_day_obs_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument(name);
ALTER TABLE ONLY exposure
    ADD CONSTRAINT fkey_exposure_day_obs_instrument_id_instrument_day_obs FOREIGN KEY (instrument, day_obs) REFERENCES day_obs(instrument, id);
ALTER TABLE ONLY exposure
    ADD CONSTRAINT fkey_exposure_group_instrument_name_instrument_group FOREIGN KEY (instrument, "group") REFERENCES "group"(instrument, name);
ALTER TABLE ONLY exposure
    ADD CONSTRAINT fkey_exposure_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument(name);
ALTER TABLE ONLY exposure
    ADD CONSTRAINT fkey_exposure_physical_filter_instrument_name_instrume_ee4bb371 FOREIGN KEY (instrument, physical_filter) REFERENCES physical_filter(instrument, name);
ALTER TABLE ONLY "group"
    ADD CONSTRAINT fkey_group_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument(name);
ALTER TABLE ONLY physical_filter
    ADD CONSTRAINT fkey_physical_filter_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument(name);
ALTER TABLE ONLY visit_definition
    ADD CONSTRAINT fkey_visit_definition_exposure_instrument_id_instrumen_21a4dc77 FOREIGN KEY (instrument, exposure) REFERENCES exposure(instrument, id);
ALTER TABLE ONLY visit_definition
    ADD CONSTRAINT fkey_visit_definition_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument(name);
ALTER TABLE ONLY visit_definition
    ADD CONSTRAINT fkey_visit_definition_visit_instrument_id_instrument_visit FOREIGN KEY (instrument, visit) REFERENCES visit(instrument, id);
ALTER TABLE ONLY visit
    ADD CONSTRAINT fkey_visit_instrument_name_instrument FOREIGN KEY (instrument) REFERENCES instrument(name);
ALTER TABLE ONLY visit
    ADD CONSTRAINT fkey_visit_physical_filter_instrument_name_instrument__daee087b FOREIGN KEY (instrument, physical_filter) REFERENCES physical_filter(instrument, name);
ALTER TABLE ONLY visit
    ADD CONSTRAINT fkey_visit_day_obs_instrument_id_instrument_day_obs FOREIGN KEY (instrument, day_obs) REFERENCES day_obs(instrument, id);
CREATE INDEX visit_fkidx_instrument_day_obs ON visit USING btree (instrument, day_obs);

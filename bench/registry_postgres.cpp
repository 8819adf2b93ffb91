// Writes a benchmark registry into a new PostgreSQL schema: COPY for the big tables, keys and indexes after.
#include "registry_writers.hpp"

#include <tuple>
#include <vector>

#include <pqxx/pqxx>

namespace bench {

namespace {

// The tables as daf_butler created them for a 2023 registry (pg_dump of f2023_u4_26.0.0_default_pg).
const char* const kTables[] = {
    "CREATE TABLE butler_attributes (name text NOT NULL, value text NOT NULL, "
    "CONSTRAINT butler_attributes_pkey PRIMARY KEY (name))",
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
    "CREATE TABLE collection (collection_id bigint NOT NULL, name text NOT NULL, type smallint NOT NULL, doc text, "
    "CONSTRAINT collection_pkey PRIMARY KEY (collection_id), CONSTRAINT collection_unq_name UNIQUE (name))",
    "CREATE TABLE run (collection_id bigint NOT NULL, host text, timespan int8range, "
    "CONSTRAINT run_pkey PRIMARY KEY (collection_id), CONSTRAINT fkey_run_collection_collection_id_collection_id "
    "FOREIGN KEY (collection_id) REFERENCES collection(collection_id) ON DELETE CASCADE)",
    "CREATE TABLE dataset_type (id bigint NOT NULL, name text NOT NULL, storage_class text NOT NULL, "
    "dimensions_key bigint NOT NULL, tag_association_table text NOT NULL, calibration_association_table text, "
    "CONSTRAINT dataset_type_pkey PRIMARY KEY (id), CONSTRAINT dataset_type_unq_name UNIQUE (name))",
    "CREATE TABLE dataset (id uuid NOT NULL, dataset_type_id bigint NOT NULL, "
    "ingest_date timestamp without time zone DEFAULT now() NOT NULL, run_id bigint NOT NULL)",
    "CREATE TABLE dataset_location (datastore_name text NOT NULL, dataset_id uuid NOT NULL)",
    "CREATE TABLE dataset_location_trash (datastore_name text NOT NULL, dataset_id uuid NOT NULL)",
};

const char* const kKeys[] = {
    "ALTER TABLE ONLY dataset ADD CONSTRAINT dataset_pkey PRIMARY KEY (id)",
    "ALTER TABLE ONLY dataset ADD CONSTRAINT fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY "
    "(dataset_type_id) REFERENCES dataset_type(id)",
    "ALTER TABLE ONLY dataset ADD CONSTRAINT fkey_dataset_run_collection_id_run_id FOREIGN KEY (run_id) "
    "REFERENCES run(collection_id) ON DELETE CASCADE",
    "CREATE INDEX dataset_fkidx_dataset_type_id ON dataset USING btree (dataset_type_id)",
    "CREATE INDEX dataset_fkidx_run_id ON dataset USING btree (run_id)",
    "ALTER TABLE ONLY dataset_location ADD CONSTRAINT dataset_location_pkey PRIMARY KEY (datastore_name, dataset_id)",
    "ALTER TABLE ONLY dataset_location ADD CONSTRAINT fkey_dataset_location_dataset_id_dataset_id FOREIGN KEY "
    "(dataset_id) REFERENCES dataset(id)",
    "CREATE INDEX dataset_location_fkidx_dataset_id ON dataset_location USING btree (dataset_id)",
    "ALTER TABLE ONLY dataset_location_trash ADD CONSTRAINT dataset_location_trash_pkey PRIMARY KEY "
    "(datastore_name, dataset_id)",
};

void insert_small_tables(pqxx::work& work, const RegistrySize& size) {
    for (const auto& [name, value] : attribute_rows()) {
        work.exec("INSERT INTO butler_attributes (name, value) VALUES (" + work.quote(name) + ", " + work.quote(value) + ")");
    }
    for (const auto& revision : stamped_revisions()) {
        work.exec("INSERT INTO alembic_version (version_num) VALUES (" + work.quote(revision) + ")");
    }
    for (int run = 1; run <= size.runs; ++run) {
        work.exec("INSERT INTO collection VALUES (" + std::to_string(run) + ", 'run" + std::to_string(run) + "', 1, NULL)");
        work.exec("INSERT INTO run VALUES (" + std::to_string(run) + ", NULL, NULL)");
    }
    for (int type = 1; type <= size.dataset_types; ++type) {
        work.exec("INSERT INTO dataset_type VALUES (" + std::to_string(type) + ", 'type" + std::to_string(type) +
                  "', 'Exposure', 1, 'dataset_tags_00000001', NULL)");
    }
}

void copy_locations(pqxx::work& work, const std::string& table, const RegistrySize& size, long long count) {
    pqxx::stream_to stream(work, table, std::vector<std::string>{"datastore_name", "dataset_id"});
    DatasetGenerator ids(size);
    const std::string datastore = "FileDatastore@<butlerRoot>";
    for (long long i = 0; i < count; ++i) stream << std::make_tuple(datastore, ids.next(i).id);
    stream.complete();
}

}  // namespace

void write_postgres_registry(const std::string& url, const std::string& schema, const RegistrySize& size) {
    pqxx::connection connection(url);
    pqxx::work work(connection);
    work.exec("CREATE SCHEMA " + work.quote_name(schema));
    work.exec("SET LOCAL search_path TO " + work.quote_name(schema));
    for (const char* ddl : kTables) work.exec(ddl);
    insert_small_tables(work, size);
    {
        pqxx::stream_to stream(work, "dataset",
                               std::vector<std::string>{"id", "dataset_type_id", "ingest_date", "run_id"});
        DatasetGenerator datasets(size);
        for (long long i = 0; i < size.datasets; ++i) {
            DatasetRow row = datasets.next(i);
            stream << std::make_tuple(row.id, row.dataset_type_id, row.ingest_date, row.run_id);
        }
        stream.complete();
    }
    copy_locations(work, "dataset_location", size, size.locations);
    copy_locations(work, "dataset_location_trash", size, size.trash);
    for (const char* ddl : kKeys) work.exec(ddl);
    work.commit();
    pqxx::nontransaction analyze(connection);
    analyze.exec("ANALYZE " + analyze.quote_name(schema) + ".dataset");
    analyze.exec("ANALYZE " + analyze.quote_name(schema) + ".dataset_location_trash");
}

}  // namespace bench

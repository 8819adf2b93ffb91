// Writes a benchmark registry into a new SQLite file: one transaction, prepared statements, indexes last.
#include "registry_writers.hpp"

#include <cstdio>
#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>

namespace bench {

namespace {

// The DDL of these tables as daf_butler (SQLAlchemy) wrote it for a 2023 registry.
const char* const kTables[] = {
    "CREATE TABLE butler_attributes (\n\tname TEXT NOT NULL, \n\tvalue TEXT NOT NULL, \n\tPRIMARY KEY (name)\n)",
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY "
    "(version_num))",
    "CREATE TABLE collection (\n\tcollection_id INTEGER NOT NULL, \n\tname TEXT NOT NULL, \n\ttype SMALLINT NOT NULL, "
    "\n\tdoc TEXT, \n\tPRIMARY KEY (collection_id), \n\tCONSTRAINT collection_unq_name UNIQUE (name)\n)",
    "CREATE TABLE run (\n\tcollection_id BIGINT NOT NULL, \n\thost TEXT, \n\ttimespan_begin BIGINT, \n\ttimespan_end "
    "BIGINT, \n\tPRIMARY KEY (collection_id), \n\tCONSTRAINT fkey_run_collection_collection_id_collection_id FOREIGN "
    "KEY(collection_id) REFERENCES collection (collection_id) ON DELETE CASCADE\n)",
    "CREATE TABLE dataset_type (\n\tid INTEGER NOT NULL, \n\tname TEXT NOT NULL, \n\tstorage_class TEXT NOT NULL, "
    "\n\tdimensions_key BIGINT NOT NULL, \n\ttag_association_table TEXT NOT NULL, \n\tcalibration_association_table "
    "TEXT, \n\tPRIMARY KEY (id), \n\tCONSTRAINT dataset_type_unq_name UNIQUE (name)\n)",
    "CREATE TABLE dataset (\n\tid CHAR(32) NOT NULL, \n\tdataset_type_id BIGINT NOT NULL, \n\tingest_date TIMESTAMP "
    "DEFAULT (CURRENT_TIMESTAMP) NOT NULL, \n\trun_id BIGINT NOT NULL, \n\tPRIMARY KEY (id), \n\tCONSTRAINT "
    "fkey_dataset_dataset_type_id_dataset_type_id FOREIGN KEY(dataset_type_id) REFERENCES dataset_type (id), "
    "\n\tCONSTRAINT fkey_dataset_run_collection_id_run_id FOREIGN KEY(run_id) REFERENCES run (collection_id) ON "
    "DELETE CASCADE\n)",
    "CREATE TABLE dataset_location (\n\tdatastore_name TEXT NOT NULL, \n\tdataset_id CHAR(32) NOT NULL, \n\tPRIMARY "
    "KEY (datastore_name, dataset_id), \n\tCONSTRAINT fkey_dataset_location_dataset_id_dataset_id FOREIGN "
    "KEY(dataset_id) REFERENCES dataset (id)\n)",
    "CREATE TABLE dataset_location_trash (\n\tdatastore_name TEXT NOT NULL, \n\tdataset_id CHAR(32) NOT NULL, "
    "\n\tPRIMARY KEY (datastore_name, dataset_id)\n)",
};

const char* const kIndexes[] = {
    "CREATE INDEX dataset_fkidx_dataset_type_id ON dataset (dataset_type_id)",
    "CREATE INDEX dataset_fkidx_run_id ON dataset (run_id)",
    "CREATE INDEX dataset_location_fkidx_dataset_id ON dataset_location (dataset_id)",
};

void insert_small_tables(SQLite::Database& db, const RegistrySize& size) {
    SQLite::Statement attribute(db, "INSERT INTO butler_attributes (name, value) VALUES (?, ?)");
    for (const auto& [name, value] : attribute_rows()) {
        attribute.bind(1, name);
        attribute.bind(2, value);
        attribute.exec();
        attribute.reset();
    }
    for (const auto& revision : stamped_revisions()) {
        db.exec("INSERT INTO alembic_version (version_num) VALUES ('" + revision + "')");
    }
    for (int run = 1; run <= size.runs; ++run) {
        db.exec("INSERT INTO collection VALUES (" + std::to_string(run) + ", 'run" + std::to_string(run) + "', 1, NULL)");
        db.exec("INSERT INTO run VALUES (" + std::to_string(run) + ", NULL, NULL, NULL)");
    }
    for (int type = 1; type <= size.dataset_types; ++type) {
        db.exec("INSERT INTO dataset_type VALUES (" + std::to_string(type) + ", 'type" + std::to_string(type) +
                "', 'Exposure', 1, 'dataset_tags_00000001', NULL)");
    }
}

// Rows 0 .. count-1 of the dataset id sequence into a (datastore_name, dataset_id) table.
void insert_locations(SQLite::Database& db, const std::string& table, const RegistrySize& size, long long count) {
    SQLite::Statement insert(db, "INSERT INTO " + table + " (datastore_name, dataset_id) VALUES ('FileDatastore@<butlerRoot>', ?)");
    DatasetGenerator ids(size);
    for (long long i = 0; i < count; ++i) {
        insert.bind(1, ids.next(i).id);
        insert.exec();
        insert.reset();
    }
}

}  // namespace

void write_sqlite_registry(const std::string& file, const RegistrySize& size) {
    if (std::FILE* existing = std::fopen(file.c_str(), "r")) {
        std::fclose(existing);
        throw std::runtime_error(file + " exists already");
    }
    SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = OFF");
    db.exec("PRAGMA synchronous = OFF");
    SQLite::Transaction transaction(db);
    for (const char* ddl : kTables) db.exec(ddl);
    insert_small_tables(db, size);
    SQLite::Statement insert(db, "INSERT INTO dataset (id, dataset_type_id, ingest_date, run_id) VALUES (?, ?, ?, ?)");
    DatasetGenerator datasets(size);
    for (long long i = 0; i < size.datasets; ++i) {
        DatasetRow row = datasets.next(i);
        insert.bind(1, row.id);
        insert.bind(2, row.dataset_type_id);
        insert.bind(3, row.ingest_date);
        insert.bind(4, row.run_id);
        insert.exec();
        insert.reset();
    }
    insert_locations(db, "dataset_location", size, size.locations);
    insert_locations(db, "dataset_location_trash", size, size.trash);
    for (const char* ddl : kIndexes) db.exec(ddl);
    transaction.commit();
    db.exec("PRAGMA journal_mode = DELETE");
}

}  // namespace bench

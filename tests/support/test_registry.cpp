// Building small test registries on SQLite and PostgreSQL.
#include "test_registry.hpp"

#include <atomic>
#include <regex>

#include <sqlite3.h>
#include <unistd.h>

#include "butler_migrate/config/butler_config.hpp"

namespace test_support {

const char* backend_name(Backend backend) { return backend == Backend::sqlite ? "SQLite" : "PostgreSQL"; }

namespace {

std::string unique_database_name() {
    static std::atomic<int> counter{0};
    return "bm_unit_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
}

}  // namespace

TestRegistry::TestRegistry(Backend backend, const std::string& schema) : backend_(backend) {
    std::string yaml;
    if (backend == Backend::sqlite) {
        sqlite3* handle = nullptr;
        if (sqlite3_open(dir_.file("gen3.sqlite3").c_str(), &handle) != SQLITE_OK) throw std::runtime_error("sqlite3_open");
        sqlite3_close(handle);
        url_ = "sqlite:///" + dir_.file("gen3.sqlite3");
        yaml = "registry:\n  db: sqlite:///<butlerRoot>/gen3.sqlite3\n";
    } else {
        pg_ = PgServer::require();
        database_ = pg_->create_database(unique_database_name());
        schema_ = schema;
        url_ = pg_->url(database_);
        pg_->psql_command(database_, "CREATE SCHEMA \"" + std::regex_replace(schema, std::regex("\""), "\"\"") + "\"");
        yaml = "registry:\n  db: " + url_ + "\n  namespace: '" + std::regex_replace(schema, std::regex("'"), "''") + "'\n";
    }
    write_file(dir_.file("butler.yaml"), yaml);
}

TestRegistry::~TestRegistry() {
    if (pg_) {
        try {
            pg_->drop_database(database_);
        } catch (...) {
        }
    }
}

std::unique_ptr<butler_migrate::Database> TestRegistry::open(butler_migrate::AccessMode mode) const {
    butler_migrate::RegistryLocation location{butler_migrate::DbUrl::parse(url_), schema_};
    return butler_migrate::open_database(location, mode);
}

namespace {

std::string with_schema(const std::string& sql, const std::optional<std::string>& schema) {
    std::string qualifier = schema ? butler_migrate::Database::quote(*schema) + "." : "";
    return std::regex_replace(sql, std::regex(R"(\{schema\}\.)"), qualifier);
}

}  // namespace

void TestRegistry::execute(const std::string& sql) const { open()->execute(with_schema(sql, schema_)); }

std::vector<butler_migrate::SqlRow> TestRegistry::query(const std::string& sql) const {
    return open(butler_migrate::AccessMode::read_only)->query(with_schema(sql, schema_));
}

void TestRegistry::create_attributes(const std::vector<std::pair<std::string, std::string>>& rows) const {
    auto db = open();
    db->execute(with_schema("CREATE TABLE {schema}.butler_attributes (name TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)", schema_));
    for (const auto& [name, value] : rows) {
        db->execute(with_schema("INSERT INTO {schema}.butler_attributes (name, value) VALUES (?, ?)", schema_), {name, value});
    }
}

std::vector<std::pair<std::string, std::string>> TestRegistry::typical_attributes() {
    const std::string reg = "lsst.daf.butler.registry.";
    return {
        {"config:registry.managers.attributes", reg + "attributes.DefaultButlerAttributeManager"},
        {"version:" + reg + "attributes.DefaultButlerAttributeManager", "1.0.1"},
        {"config:registry.managers.dimensions", reg + "dimensions.static.StaticDimensionRecordStorageManager"},
        {"version:" + reg + "dimensions.static.StaticDimensionRecordStorageManager", "6.0.2"},
        {"config:registry.managers.collections", reg + "collections.synthIntKey.SynthIntKeyCollectionManager"},
        {"version:" + reg + "collections.synthIntKey.SynthIntKeyCollectionManager", "2.0.0"},
        {"config:registry.managers.datasets", reg + "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID"},
        {"version:" + reg + "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID", "1.0.0"},
        {"config:registry.managers.opaque", reg + "opaque.ByNameOpaqueTableStorageManager"},
        {"version:" + reg + "opaque.ByNameOpaqueTableStorageManager", "0.2.0"},
        {"config:registry.managers.datastores", reg + "bridge.monolithic.MonolithicDatastoreRegistryBridgeManager"},
        {"version:" + reg + "bridge.monolithic.MonolithicDatastoreRegistryBridgeManager", "0.2.0"},
        {"config:dimensions.json", R"({"version": 4, "namespace": "daf_butler", "skypix": {}, "elements": {}})"},
    };
}

}  // namespace test_support

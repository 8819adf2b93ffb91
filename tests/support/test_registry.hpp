// Small registries built by the tests themselves, on SQLite or on the test PostgreSQL server.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "test_support.hpp"

namespace test_support {

enum class Backend { sqlite, postgresql };
const char* backend_name(Backend backend);

// A repository folder with butler.yaml and an empty registry database (SQLite file, or a fresh PostgreSQL
// database with the registry in schema `schema`).
class TestRegistry {
public:
    explicit TestRegistry(Backend backend, const std::string& schema = "test_ns");
    ~TestRegistry();
    TestRegistry(const TestRegistry&) = delete;
    TestRegistry& operator=(const TestRegistry&) = delete;

    Backend backend() const { return backend_; }
    const std::string& repo() const { return dir_.path(); }
    const TempDir& dir() const { return dir_; }
    const std::optional<std::string>& schema() const { return schema_; }
    // The database URL with its password, as written to butler.yaml.
    const std::string& url() const { return url_; }

    std::unique_ptr<butler_migrate::Database> open(butler_migrate::AccessMode mode = butler_migrate::AccessMode::read_write) const;
    // Runs statements with `{schema}.` standing for the schema qualifier ("" on SQLite, `"ns".` on PostgreSQL).
    void execute(const std::string& sql) const;
    std::vector<butler_migrate::SqlRow> query(const std::string& sql) const;

    // butler_attributes with the given rows.
    void create_attributes(const std::vector<std::pair<std::string, std::string>>& rows) const;
    // The attribute rows of a typical 2023 registry (universe 4, namespace daf_butler, UUID datasets).
    static std::vector<std::pair<std::string, std::string>> typical_attributes();

private:
    Backend backend_;
    TempDir dir_;
    std::optional<std::string> schema_;
    std::optional<PgServer> pg_;
    std::string database_;
    std::string url_;
};

}  // namespace test_support

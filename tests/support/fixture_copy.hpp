// A private copy of a real fixture registry from ../shared/fixtures (SQLite file copied, PostgreSQL dump
// restored into a database of its own), and the real tool's recorded runs on it (its goldens).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "golden_run.hpp"
#include "test_support.hpp"
#include "tool_environment.hpp"

namespace test_support {

class FixtureCopy {
public:
    // `tag` names the PostgreSQL database ("bm_fixture_<tag>"); it must be unique among live copies.
    FixtureCopy(const std::string& fixture, const std::string& tag);
    ~FixtureCopy();
    FixtureCopy(const FixtureCopy&) = delete;
    FixtureCopy& operator=(const FixtureCopy&) = delete;

    bool is_sqlite() const { return !pg_; }
    const std::string& repo() const { return dir_.path(); }
    // A file of the fixture's source folder ("pg_dump.sql", "golden/<name>.txt").
    std::string source_file(const std::string& name) const { return source_ + "/" + name; }
    // The copy's folder (butler.yaml, and gen3.sqlite3 on SQLite); tests may add their own files to it.
    const TempDir& dir() const { return dir_; }
    // A connection to the copy's registry (its schema "fixture" on PostgreSQL).
    std::unique_ptr<butler_migrate::Database> open(butler_migrate::AccessMode mode) const;

    // The golden of the fixture whose file name starts with `prefix` ("27_" or the full name).
    GoldenRun golden(const std::string& prefix) const;
    // The goldens numbered first..last, in order.
    std::vector<GoldenRun> goldens(int first, int last) const;
    // All the fixture's goldens, in recorded order.
    std::vector<GoldenRun> all_goldens() const;

    // `args` with {REPO} replaced by the copy's folder.
    std::vector<std::string> with_repo(std::vector<std::string> args) const;
    // Runs butler-migrate with `args` ({REPO} replaced) in tool_environment(extra).
    CommandResult run(const std::vector<std::string>& args, const Environment& extra = {}) const;
    // Runs a command that must succeed with nothing on stdout (REQUIREs it).
    void run_ok(const std::vector<std::string>& args) const;
    std::string dump_schema() const;
    std::string sqlite_dump() const;
    // Everything a command could change: the whole sqlite3 .dump, or on PostgreSQL dump-schema plus the row
    // count and an md5 of the sorted rows of every table. Equal snapshots mean equal registries.
    std::string snapshot() const;

    // Runs a statement; `{schema}.` stands for the schema qualifier ("" on SQLite). SELECTs return rows.
    std::vector<butler_migrate::SqlRow> query(const std::string& sql, const butler_migrate::SqlParams& params = {}) const;
    // A butler_attributes value (REQUIREs the row).
    std::string attribute(const std::string& name) const;

private:
    std::string source_;
    TempDir dir_;
    std::optional<PgServer> pg_;
    std::string database_;
    std::string url_;
    std::optional<std::string> schema_;
};

}  // namespace test_support

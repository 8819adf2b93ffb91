// A throw-away copy of a prepared fixture registry: the SQLite file copied, or a PostgreSQL database created
// with the prepared one as its template; many trials each start from a fresh clone of the same state.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "fixture_copy.hpp"
#include "test_support.hpp"
#include "tool_environment.hpp"

namespace reliability {

class RegistryClone {
public:
    // `source_tag` is the tag `source` was created with; `tag` names the clone's PostgreSQL database.
    RegistryClone(const test_support::FixtureCopy& source, const std::string& source_tag, const std::string& tag);
    ~RegistryClone();
    RegistryClone(const RegistryClone&) = delete;
    RegistryClone& operator=(const RegistryClone&) = delete;

    bool is_sqlite() const { return !pg_; }
    const std::string& repo() const { return dir_.path(); }
    const test_support::TempDir& dir() const { return dir_; }
    std::string sqlite_file() const { return dir_.file("gen3.sqlite3"); }
    const std::optional<std::string>& schema() const { return schema_; }
    // The PostgreSQL server and database name (PostgreSQL clones only).
    const test_support::PgServer& server() const { return *pg_; }
    const std::string& database() const { return database_; }
    // Text the password appears in, to check error messages against ("" on SQLite).
    std::string password() const { return pg_ ? pg_->password : ""; }

    // A statement with `{schema}.` standing for the schema qualifier; rows for queries.
    std::vector<butler_migrate::SqlRow> query(const std::string& sql, const butler_migrate::SqlParams& params = {}) const;
    void query_each(const std::string& sql, const std::function<void(const butler_migrate::SqlRow&)>& on_row) const;
    void execute(const std::string& sql) const;

    // While a SharedConnection lives, query, query_each and execute share one connection to the clone instead of
    // opening one each (a snapshot's many queries; on PostgreSQL each new connection costs tens of ms).
    class SharedConnection {
    public:
        explicit SharedConnection(const RegistryClone& clone);
        ~SharedConnection();
        SharedConnection(const SharedConnection&) = delete;
        SharedConnection& operator=(const SharedConnection&) = delete;

    private:
        const RegistryClone& clone_;
        bool opened_ = false;  // by this one (an inner one leaves the outer one's connection open)
    };

    // butler-migrate's argv for `args` ({REPO} replaced), and a run of it to the end.
    std::vector<std::string> argv(const std::vector<std::string>& args) const;
    test_support::CommandResult run(const std::vector<std::string>& args) const;

private:
    std::unique_ptr<butler_migrate::Database> open() const;
    // The shared connection while there is one, else a new one kept in `owned` for the caller's statement.
    butler_migrate::Database& connection(std::unique_ptr<butler_migrate::Database>& owned) const;
    std::string qualified(const std::string& sql) const;

    test_support::TempDir dir_;
    std::optional<test_support::PgServer> pg_;
    std::string database_;
    std::string url_;
    std::optional<std::string> schema_;
    mutable std::unique_ptr<butler_migrate::Database> shared_;
};

// Runs butler-migrate with `args` ({REPO} replaced by `repo`) in test_support::tool_environment().
test_support::CommandResult run_on(const std::string& repo, const std::vector<std::string>& args);

}  // namespace reliability

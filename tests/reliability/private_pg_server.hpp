// A PostgreSQL server of one test's own (tests/pg-server.sh), which the test may restart or stop at will: the
// shared test server is never touched, other tests use it at the same time.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "scoped_env.hpp"
#include "test_support.hpp"

namespace reliability {

class PrivatePgServer {
public:
    PrivatePgServer();   // starts it (FAILs the test when it cannot)
    ~PrivatePgServer();  // stops it and removes its folder
    PrivatePgServer(const PrivatePgServer&) = delete;
    PrivatePgServer& operator=(const PrivatePgServer&) = delete;

    const test_support::PgServer& server() const { return server_; }
    // `pg_ctl restart -m immediate`: every session is cut off at once, the server recovers and comes back.
    test_support::CommandResult restart_immediately() const;

    // Points BUTLER_MIGRATE_TEST_PG_* at this server for the lifetime of the returned object, so that fixture
    // copies and clones are made on it.
    class EnvironmentOverride {
    public:
        explicit EnvironmentOverride(const test_support::PgServer& server);

    private:
        test_support::ScopedEnv host_, port_, user_, password_;
    };
    std::unique_ptr<EnvironmentOverride> use_for_tests() const;

private:
    std::optional<test_support::TempDir> output_;  // pg-server.sh's and pg_ctl's output
    std::string dir_;
    test_support::PgServer server_;
};

}  // namespace reliability

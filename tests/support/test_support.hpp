// Helpers shared by the test suites: temporary folders, running butler-migrate, the test PostgreSQL server.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace test_support {

// A fresh directory under $TMPDIR, removed with its contents on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);
void copy_file(const std::string& from, const std::string& to);

// This process's environment with `env` laid over it (an empty value removes the variable), as the
// "KEY=VALUE" strings a child process gets.
std::vector<std::string> child_environment(const std::map<std::string, std::string>& env);

struct CommandResult {
    std::string out;
    std::string err;
    int exit_status = -1;
};

// Runs the butler-migrate executable with `args` (no shell), extra environment variables `env`
// (an empty value unsets the variable) and no standard input.
CommandResult run_butler_migrate(const std::vector<std::string>& args,
                                 const std::map<std::string, std::string>& env = {});
// Runs any program the same way (looked up on PATH).
CommandResult run_program(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});

// `err` without the log lines butler-migrate adds to upstream's (the backup taken or the pg_dump command to
// run, and the butler.yaml change after a one-shot step: loggers butler_migrate.backup and .config).
std::string without_our_notices(const std::string& err);

// Path of a file in ../shared (fixtures, daf_butler data).
std::string shared_path(const std::string& relative);
// Path of a file in the project source tree.
std::string source_path(const std::string& relative);

// The throw-away PostgreSQL server that tests/run-tests.sh starts, described by the environment variables
// BUTLER_MIGRATE_TEST_PG_HOST, _PORT, _USER, _PASSWORD. Tests that need it call require() and fail when it
// is not configured (the test script always starts one).
struct PgServer {
    std::string host;
    std::string port;
    std::string user;
    std::string password;

    static std::optional<PgServer> from_environment();
    static PgServer require();  // FAILs the current test when not configured

    // Creates a fresh, empty database (dropping one of that name first) and returns its name.
    std::string create_database(const std::string& name) const;
    void drop_database(const std::string& name) const;
    // Runs psql on `database` with a SQL file or a command; throws std::runtime_error on failure.
    void psql_file(const std::string& database, const std::string& path) const;
    std::string psql_command(const std::string& database, const std::string& sql) const;
    // postgresql://user:password@host:port/database
    std::string url(const std::string& database) const;
};

}  // namespace test_support

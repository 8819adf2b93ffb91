// PrivatePgServer: start, restart and stop a throw-away PostgreSQL cluster through tests/pg-server.sh.
#include "private_pg_server.hpp"

#include <chrono>

#include <thread>

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <map>
#include <regex>
#include <stdexcept>

#include "child_process.hpp"

namespace reliability {

namespace {

// The newest installed server binaries, as tests/pg-server.sh finds them.
std::string pg_bin() {
    std::string found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
        const std::string bin = entry.path().string() + "/bin";
        if (std::filesystem::exists(bin + "/pg_ctl") && bin > found) found = bin;
    }
    if (found.empty()) throw std::runtime_error("no PostgreSQL server binaries under /usr/lib/postgresql");
    return found;
}

std::string env_value(const std::string& env_text, const std::string& name) {
    std::smatch m;
    if (!std::regex_search(env_text, m, std::regex("export " + name + "=([^\n]*)"))) {
        throw std::runtime_error("pg-server.sh env lacks " + name);
    }
    return m[1].str();
}

// Runs a command that may leave a server running: with output to files, not pipes (a daemon keeping a pipe open
// would make a pipe reader wait forever), and waits for the command itself only.
test_support::CommandResult run_detached(const std::vector<std::string>& argv, const std::string& output_dir,
                                         const std::map<std::string, std::string>& env = {}) {
    ChildProcess child(argv, env, output_dir);
    test_support::CommandResult result;
    result.exit_status = child.wait();
    result.out = child.out();
    result.err = child.err();
    return result;
}

}  // namespace

PrivatePgServer::PrivatePgServer() {
    output_.emplace();
    // The shared server's port must not be reused: let the script pick a free one. Two of these servers
    // starting at once (ctest -j) can pick the same port; the loser tries again in a fresh folder.
    test_support::CommandResult started;
    for (int attempt = 0; attempt < 5; ++attempt) {
        char pattern[] = "/tmp/pg-crash.XXXXXX";
        if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
        dir_ = pattern;
        started = run_detached({test_support::source_path("tests/pg-server.sh"), "start", dir_}, output_->path(),
                               {{"BUTLER_MIGRATE_TEST_PG_PORT", ""}});
        if (started.exit_status == 0) break;
        run_detached({test_support::source_path("tests/pg-server.sh"), "stop", dir_}, output_->path());
        std::this_thread::sleep_for(std::chrono::milliseconds(500 + 700 * attempt));
    }
    INFO(started.err);
    REQUIRE(started.exit_status == 0);
    const std::string env = test_support::read_file(dir_ + "/env");
    server_ = {env_value(env, "BUTLER_MIGRATE_TEST_PG_HOST"), env_value(env, "BUTLER_MIGRATE_TEST_PG_PORT"),
               env_value(env, "BUTLER_MIGRATE_TEST_PG_USER"), env_value(env, "BUTLER_MIGRATE_TEST_PG_PASSWORD")};
}

PrivatePgServer::~PrivatePgServer() {
    try {
        run_detached({test_support::source_path("tests/pg-server.sh"), "stop", dir_}, output_->path());
    } catch (...) {
    }
}

test_support::CommandResult PrivatePgServer::restart_immediately() const {
    // -l again, or the restarted server would write to the output files of pg_ctl.
    std::vector<std::string> argv{pg_bin() + "/pg_ctl", "-D", dir_ + "/data", "-l", dir_ + "/server.log",
                                  "-m", "immediate", "-w", "-t", "60", "restart"};
    if (::geteuid() == 0) argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
    return run_detached(argv, output_->path());
}

PrivatePgServer::EnvironmentOverride::EnvironmentOverride(const test_support::PgServer& server)
    : host_("BUTLER_MIGRATE_TEST_PG_HOST", server.host),
      port_("BUTLER_MIGRATE_TEST_PG_PORT", server.port),
      user_("BUTLER_MIGRATE_TEST_PG_USER", server.user),
      password_("BUTLER_MIGRATE_TEST_PG_PASSWORD", server.password) {}

std::unique_ptr<PrivatePgServer::EnvironmentOverride> PrivatePgServer::use_for_tests() const {
    return std::make_unique<EnvironmentOverride>(server_);
}

}  // namespace reliability

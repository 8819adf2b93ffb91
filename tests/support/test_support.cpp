// Implementation of the shared test helpers.
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace fs = std::filesystem;

namespace test_support {

TempDir::TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/butler-migrate-test-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data())) throw std::runtime_error("mkdtemp failed");
    path_ = buffer.data();
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + path);
    out << content;
}

void copy_file(const std::string& from, const std::string& to) {
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add);
}

std::vector<std::string> child_environment(const std::map<std::string, std::string>& env) {
    std::map<std::string, std::string> merged;
    for (char** e = environ; *e; ++e) {
        std::string entry(*e);
        auto eq = entry.find('=');
        if (eq != std::string::npos) merged[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const auto& [key, value] : env) {
        if (value.empty()) merged.erase(key);
        else merged[key] = value;
    }
    std::vector<std::string> out;
    for (const auto& [key, value] : merged) out.push_back(key + "=" + value);
    return out;
}

CommandResult run_program(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
    int out_pipe[2], err_pipe[2];
    if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
    posix_spawn_file_actions_addclose(&actions, err_pipe[0]);

    std::vector<char*> cargv;
    for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
    cargv.push_back(nullptr);
    auto env_strings = child_environment(env);
    std::vector<char*> cenv;
    for (auto& e : env_strings) cenv.push_back(e.data());
    cenv.push_back(nullptr);

    pid_t pid = 0;
    int rc = posix_spawnp(&pid, cargv[0], &actions, nullptr, cargv.data(), cenv.data());
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (rc != 0) {
        close(out_pipe[0]);
        close(err_pipe[0]);
        throw std::runtime_error("cannot start " + argv[0]);
    }

    CommandResult result;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_count = 2;
    char buffer[65536];
    while (open_count > 0) {
        if (poll(fds, 2, -1) < 0) break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<size_t>(n));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_count;
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

namespace {

// With BUTLER_MIGRATE_TEST_OUTPUT_LOG set (tests/run-tests.sh sets it), everything butler-migrate prints in the
// tests is appended there, one write per run, so that the script can scan it all for the test passwords.
void log_output(const std::vector<std::string>& argv, const CommandResult& result) {
    const char* path = std::getenv("BUTLER_MIGRATE_TEST_OUTPUT_LOG");
    if (!path || !*path) return;
    std::string record = "$";
    for (const auto& arg : argv) record += " " + arg;
    record += "\n" + result.out + result.err + "[exit status " + std::to_string(result.exit_status) + "]\n";
    int fd = ::open(path, O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (fd < 0) return;
    ssize_t written = ::write(fd, record.data(), record.size());
    (void)written;
    ::close(fd);
}

}  // namespace

CommandResult run_butler_migrate(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    std::vector<std::string> argv{BUTLER_MIGRATE_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    CommandResult result = run_program(argv, env);
    log_output(argv, result);
    return result;
}

std::string shared_path(const std::string& relative) {
    const char* dir = std::getenv("BUTLER_MIGRATE_SHARED_DIR");
    std::string base = dir && *dir ? dir : BUTLER_MIGRATE_SHARED_DIR;
    return fs::weakly_canonical(fs::path(base) / relative).string();
}

std::string source_path(const std::string& relative) {
    return (fs::path(BUTLER_MIGRATE_SOURCE_DIR) / relative).string();
}

std::optional<PgServer> PgServer::from_environment() {
    auto get = [](const char* name) -> std::string {
        const char* v = std::getenv(name);
        return v ? v : "";
    };
    PgServer server{get("BUTLER_MIGRATE_TEST_PG_HOST"), get("BUTLER_MIGRATE_TEST_PG_PORT"),
                    get("BUTLER_MIGRATE_TEST_PG_USER"), get("BUTLER_MIGRATE_TEST_PG_PASSWORD")};
    if (server.host.empty() || server.port.empty() || server.user.empty()) return std::nullopt;
    return server;
}

PgServer PgServer::require() {
    auto server = from_environment();
    if (!server) FAIL("no test PostgreSQL server: run the suite with tests/run-tests.sh");
    return *server;
}

namespace {

CommandResult run_psql(const PgServer& s, const std::vector<std::string>& args) {
    std::vector<std::string> argv{"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", s.host, "-p", s.port, "-U", s.user};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv, {{"PGPASSWORD", s.password}, {"PGCONNECT_TIMEOUT", "10"}});
}

}  // namespace

std::string PgServer::create_database(const std::string& name) const {
    drop_database(name);
    auto r = run_psql(*this, {"-d", "postgres", "-c", "CREATE DATABASE \"" + name + "\""});
    if (r.exit_status != 0) throw std::runtime_error("CREATE DATABASE " + name + " failed: " + r.err);
    return name;
}

void PgServer::drop_database(const std::string& name) const {
    auto r = run_psql(*this, {"-d", "postgres", "-c", "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)"});
    if (r.exit_status != 0) throw std::runtime_error("DROP DATABASE " + name + " failed: " + r.err);
}

void PgServer::psql_file(const std::string& database, const std::string& path) const {
    auto r = run_psql(*this, {"-d", database, "-f", path});
    if (r.exit_status != 0) throw std::runtime_error("psql -f " + path + " failed: " + r.err);
}

std::string PgServer::psql_command(const std::string& database, const std::string& sql) const {
    auto r = run_psql(*this, {"-d", database, "-A", "-t", "-c", sql});
    if (r.exit_status != 0) throw std::runtime_error("psql -c failed: " + r.err);
    return r.out;
}

std::string PgServer::url(const std::string& database) const {
    return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + database;
}

std::string without_our_notices(const std::string& err) {
    std::string kept;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("butler_migrate.backup ", 0) == 0 || line.rfind("butler_migrate.config ", 0) == 0) continue;
        kept += line + "\n";
    }
    return kept;
}

}  // namespace test_support

// ChildProcess: fork/exec with output to files, optional file-size limit, kill and reap.
#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <thread>

#include "test_support.hpp"

namespace reliability {

namespace {

int open_output(const std::string& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create " + path);
    return fd;
}

// In the forked child: only async-signal-safe calls until exec.
[[noreturn]] void exec_child(char* const* argv, char* const* envp, int out_fd, int err_fd, const ChildLimits& limits) {
    int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) _exit(126);
    if (limits.max_file_size) {
        ::signal(SIGXFSZ, SIG_IGN);  // ignored dispositions survive exec: writes fail with EFBIG instead
        rlimit limit{static_cast<rlim_t>(*limits.max_file_size), static_cast<rlim_t>(*limits.max_file_size)};
        if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
    }
    execvpe(argv[0], argv, envp);
    _exit(127);
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                           const std::string& output_dir, const ChildLimits& limits)
    : out_path_(output_dir + "/child.out"), err_path_(output_dir + "/child.err") {
    std::vector<char*> cargv;
    for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
    cargv.push_back(nullptr);
    auto env_strings = test_support::child_environment(env);
    std::vector<char*> cenv;
    for (auto& e : env_strings) cenv.push_back(e.data());
    cenv.push_back(nullptr);
    int out_fd = open_output(out_path_);
    int err_fd = open_output(err_path_);
    started_ = std::chrono::steady_clock::now();
    pid_ = fork();
    if (pid_ == 0) exec_child(cargv.data(), cenv.data(), out_fd, err_fd, limits);
    ::close(out_fd);
    ::close(err_fd);
    if (pid_ < 0) throw std::runtime_error("fork failed for " + argv.at(0));
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0 && !status_) {
        ::kill(pid_, SIGKILL);
        wait();
    }
}

bool ChildProcess::reap(int options) {
    int status = 0;
    rusage usage{};
    pid_t r = wait4(pid_, &status, options, &usage);
    if (r == pid_) {
        status_ = status;
        auto ms = [](const timeval& t) { return std::chrono::milliseconds(t.tv_sec * 1000 + t.tv_usec / 1000); };
        cpu_time_ = ms(usage.ru_utime) + ms(usage.ru_stime);
    } else if (r < 0 && errno != EINTR) {
        throw std::runtime_error("wait4 failed");
    }
    return status_.has_value();
}

bool ChildProcess::finished() { return status_ || reap(WNOHANG); }

bool ChildProcess::send_signal(int signal) {
    if (finished()) return false;
    return ::kill(pid_, signal) == 0;
}

int ChildProcess::wait() {
    while (!status_) reap(0);
    return WIFEXITED(*status_) ? WEXITSTATUS(*status_) : 128 + WTERMSIG(*status_);
}

std::string ChildProcess::out() const { return test_support::read_file(out_path_); }
std::string ChildProcess::err() const { return test_support::read_file(err_path_); }

std::chrono::milliseconds ChildProcess::elapsed() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_);
}

void ChildProcess::poll_pause() const { std::this_thread::sleep_for(std::chrono::milliseconds(2)); }

std::string command_line(const std::vector<std::string>& argv) {
    std::string line;
    for (const auto& a : argv) line += (line.empty() ? "" : " ") + a;
    return line;
}

}  // namespace reliability

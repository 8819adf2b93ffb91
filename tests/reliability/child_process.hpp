// A program started in the background with its pid at hand, so a test can kill it or watch it mid-run.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reliability {

struct ChildLimits {
    // RLIMIT_FSIZE in bytes for the child (SIGXFSZ ignored, so writes beyond it fail with EFBIG).
    std::optional<unsigned long long> max_file_size;
};

// Runs `argv` (looked up on PATH) with the environment of this process plus `env` (an empty value unsets a
// variable), no standard input, stdout and stderr written to files in `output_dir`.
class ChildProcess {
public:
    ChildProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                 const std::string& output_dir, const ChildLimits& limits = {});
    ~ChildProcess();  // kills and reaps a child still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    // True once the child has ended (reaps it without blocking).
    bool finished();
    // Sends `signal` if the child is still running; returns whether it was running.
    bool send_signal(int signal);
    // Waits for the end; the exit status, or 128 + the signal that ended it.
    int wait();
    // Polls until `predicate` holds or the child ends or `timeout` passes; returns the predicate's last value.
    template <class Predicate>
    bool wait_until(Predicate predicate, std::chrono::milliseconds timeout);

    std::string out() const;
    std::string err() const;
    // Time since the start.
    std::chrono::milliseconds elapsed() const;
    // CPU time (user + system) the child used, once it has ended.
    std::chrono::milliseconds cpu_time() const { return cpu_time_; }

private:
    void poll_pause() const;
    bool reap(int options);

    pid_t pid_ = -1;
    std::optional<int> status_;
    std::chrono::milliseconds cpu_time_{0};
    std::string out_path_;
    std::string err_path_;
    std::chrono::steady_clock::time_point started_;
};

template <class Predicate>
bool ChildProcess::wait_until(Predicate predicate, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!predicate()) {
        if (finished() || std::chrono::steady_clock::now() >= deadline) return predicate();
        poll_pause();
    }
    return true;
}

// The command a failed check can be reproduced with: argv joined by spaces.
std::string command_line(const std::vector<std::string>& argv);

}  // namespace reliability

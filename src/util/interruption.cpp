// Stop requests: signal handlers that only write to a pipe, and a watcher thread that records the request and
// cancels the running statement.
#include "butler_migrate/util/interruption.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace butler_migrate {

namespace {

std::atomic<int> g_signal{0};
int g_pipe[2] = {-1, -1};

std::mutex& canceller_mutex() {
    static std::mutex m;
    return m;
}

std::function<void()>& canceller() {
    static std::function<void()> f;
    return f;
}

extern "C" void on_stop_signal(int signal_number) {
    const unsigned char byte = static_cast<unsigned char>(signal_number);
    const int saved = errno;
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &byte, 1);
    errno = saved;
}

void watch() {
    for (;;) {
        unsigned char byte = 0;
        const auto got = ::read(g_pipe[0], &byte, 1);
        if (got == 1) request_interruption(byte);
        else if (got < 0 && errno == EINTR) continue;
        else return;
    }
}

}  // namespace

bool interruption_requested() { return g_signal.load() != 0; }

int interruption_signal() { return g_signal.load(); }

void request_interruption(int signal_number) {
    std::lock_guard<std::mutex> lock(canceller_mutex());
    if (!canceller()) {
        // Nothing to roll back (no step is running): the signal does what it always does.
        std::signal(signal_number, SIG_DFL);
        ::kill(::getpid(), signal_number);
        return;
    }
    int expected = 0;
    if (!g_signal.compare_exchange_strong(expected, signal_number)) return;  // the first request counts
    canceller()();
}

void set_interruption_canceller(std::function<void()> function) {
    std::lock_guard<std::mutex> lock(canceller_mutex());
    canceller() = std::move(function);
}

void install_interruption_handlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        std::signal(SIGXFSZ, SIG_IGN);
        if (::pipe2(g_pipe, O_CLOEXEC) != 0) return;  // no pipe: signals keep their default action
        std::thread(watch).detach();
        struct sigaction action {};
        action.sa_handler = on_stop_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaction(signal_number, &action, nullptr);
    });
}

}  // namespace butler_migrate

// Progress lines for long steps: throttled to one a second, in place on a terminal, silent above INFO.
#include "butler_migrate/util/progress.hpp"

#include <unistd.h>

#include <cmath>

#include <fmt/format.h>

#include "butler_migrate/util/log.hpp"

namespace butler_migrate {

namespace {

constexpr std::string_view kLogger = "butler_migrate.progress";

double steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Progress::Progress(std::string what, long long total, Clock clock, int on_terminal)
    : what_(std::move(what)),
      total_(total),
      clock_(clock ? std::move(clock) : Clock(steady_seconds)),
      terminal_(on_terminal < 0 ? isatty(STDERR_FILENO) == 1 : on_terminal == 1),
      start_(clock_()),
      last_report_(start_) {}

Progress::~Progress() {
    try {
        if (reported_) report(clock_(), true);
    } catch (...) {
    }
}

void Progress::advance(long long rows) {
    done_ += rows;
    double now = clock_();
    if (now - last_report_ >= 1.0) report(now, false);
}

std::string Progress::report_text(double now) const {
    double elapsed = std::max(now - start_, 1e-9);
    double rate = done_ / elapsed;
    std::string text = fmt::format("{}: {} rows", what_, done_);
    if (total_ > 0) text = fmt::format("{}: {}/{} rows ({:.0f}%)", what_, done_, total_, 100.0 * done_ / total_);
    text += fmt::format(", {:.0f} rows/s", rate);
    if (total_ > 0 && rate > 0 && done_ < total_) {
        long long eta = std::llround((total_ - done_) / rate);
        text += fmt::format(", ETA {}:{:02d}", eta / 60, eta % 60);
    }
    return text;
}

void Progress::report(double now, bool final) {
    last_report_ = now;
    reported_ = true;
    if (!log::enabled(log::Level::info)) return;
    if (terminal_) {
        log::write_terminal("\r" + report_text(now) + (final ? "\n" : ""));
    } else {
        log::info(kLogger, report_text(now));
    }
}

}  // namespace butler_migrate

// Progress of a long-running step on stderr: rows done, rate and ETA, at most once a second. On a terminal
// the line is rewritten in place; otherwise plain log lines; nothing when the log level is above INFO.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace butler_migrate {

class Progress {
public:
    using Clock = std::function<double()>;  // seconds since any fixed moment

    // `total` = 0 when unknown (no ETA then). `clock` and `on_terminal` are for tests; by default the steady
    // clock and whether stderr is a terminal.
    Progress(std::string what, long long total, Clock clock = {}, int on_terminal = -1);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void advance(long long rows);
    long long done() const { return done_; }

    // The text of one report: "<what>: <done>/<total> rows (<pct>%), <rate> rows/s, ETA <m:ss>".
    std::string report_text(double now) const;

private:
    void report(double now, bool final);

    std::string what_;
    long long total_;
    Clock clock_;
    bool terminal_;
    long long done_ = 0;
    double start_;
    double last_report_;
    bool reported_ = false;
};

}  // namespace butler_migrate

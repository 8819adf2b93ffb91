// Log lines on stderr in the butler CLI format, filtered by level.
#include "butler_migrate/util/log.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>

#include "butler_migrate/util/secrets.hpp"

namespace butler_migrate::log {

namespace {

Level g_level = Level::info;

std::function<void(const std::string&)>& sink() {
    static std::function<void(const std::string&)> s = [](const std::string& line) { std::cerr << line << '\n'; };
    return s;
}

const char* level_name(Level level) {
    switch (level) {
        case Level::trace: return "TRACE";
        case Level::debug: return "DEBUG";
        case Level::verbose: return "VERBOSE";
        case Level::info: return "INFO";
        case Level::warning: return "WARNING";
        case Level::error: return "ERROR";
        case Level::critical: return "CRITICAL";
    }
    return "INFO";
}

}  // namespace

void set_level(Level level) { g_level = level; }
Level level() { return g_level; }
bool enabled(Level level) { return static_cast<int>(level) >= static_cast<int>(g_level); }

bool parse_level(std::string_view text, Level& out) {
    std::string upper(text);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    for (Level candidate : {Level::trace, Level::debug, Level::verbose, Level::info, Level::warning, Level::error,
                            Level::critical}) {
        if (upper == level_name(candidate)) {
            out = candidate;
            return true;
        }
    }
    return false;
}

void set_sink(std::function<void(const std::string&)> new_sink) { sink() = std::move(new_sink); }

void write(Level level, std::string_view logger, std::string_view message) {
    if (!enabled(level)) return;
    std::string line;
    line.reserve(logger.size() + message.size() + 12);
    line.append(logger).append(" ").append(level_name(level)).append(": ").append(message);
    sink()(redact_secrets(std::move(line)));
}

}  // namespace butler_migrate::log

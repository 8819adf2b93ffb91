// Log lines on stderr in the butler CLI format, filtered by level; the only code that writes to stderr.
#include "butler_migrate/util/log.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>

#include "butler_migrate/util/secrets.hpp"

namespace butler_migrate::log {

namespace {

constexpr Level kLevels[] = {Level::critical, Level::error, Level::warning, Level::info,
                             Level::verbose,  Level::debug, Level::trace};

Level g_level = Level::info;

std::function<void(const std::string&)>& sink() {
    static std::function<void(const std::string&)> s = [](const std::string& line) { std::cerr << line << '\n'; };
    return s;
}

std::function<void(std::string_view)>& terminal_sink() {
    static std::function<void(std::string_view)> s = [](std::string_view text) { std::cerr << text << std::flush; };
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
    for (Level candidate : kLevels) {
        if (upper == level_name(candidate)) {
            out = candidate;
            return true;
        }
    }
    return false;
}

const std::vector<std::string>& level_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all;
        for (Level level : kLevels) all.emplace_back(level_name(level));
        return all;
    }();
    return names;
}

void set_sink(std::function<void(const std::string&)> new_sink) { sink() = std::move(new_sink); }
void set_terminal_sink(std::function<void(std::string_view)> new_sink) { terminal_sink() = std::move(new_sink); }

void write(Level level, std::string_view logger, std::string_view message) {
    if (!enabled(level)) return;
    std::string line;
    line.reserve(logger.size() + message.size() + 12);
    line.append(logger).append(" ").append(level_name(level)).append(": ").append(message);
    sink()(redact_secrets(std::move(line)));
}

void write_plain(std::string_view line) { sink()(redact_secrets(std::string(line))); }

void write_terminal(std::string_view text) { terminal_sink()(text); }

}  // namespace butler_migrate::log

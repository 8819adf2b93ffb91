// Diagnostic log lines on stderr in the butler CLI's format "<logger> <LEVEL>: <message>".
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace butler_migrate::log {

enum class Level { trace = 5, debug = 10, verbose = 15, info = 20, warning = 30, error = 40, critical = 50 };

// Messages below `level` are dropped. The default is INFO, as the butler CLI uses for lsst loggers.
void set_level(Level level);
Level level();
bool enabled(Level level);
// Parses "CRITICAL", "ERROR", "WARNING", "INFO", "VERBOSE", "DEBUG", "TRACE" (any case); nullopt-like false on failure.
bool parse_level(std::string_view text, Level& out);

// Where lines go (stderr by default); tests capture them.
void set_sink(std::function<void(const std::string& line)> sink);

void write(Level level, std::string_view logger, std::string_view message);
inline void debug(std::string_view logger, std::string_view message) { write(Level::debug, logger, message); }
inline void info(std::string_view logger, std::string_view message) { write(Level::info, logger, message); }
inline void warning(std::string_view logger, std::string_view message) { write(Level::warning, logger, message); }

}  // namespace butler_migrate::log

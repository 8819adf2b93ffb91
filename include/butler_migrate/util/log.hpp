// Diagnostic log lines on stderr in the butler CLI's format "<logger> <LEVEL>: <message>"; the one way out to stderr.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace butler_migrate::log {

enum class Level { trace = 5, debug = 10, verbose = 15, info = 20, warning = 30, error = 40, critical = 50 };

// Messages below `level` are dropped. The default is INFO, as the butler CLI uses for lsst loggers.
void set_level(Level level);
Level level();
bool enabled(Level level);
// Parses "CRITICAL", "ERROR", "WARNING", "INFO", "VERBOSE", "DEBUG", "TRACE" (any case); nullopt-like false on failure.
bool parse_level(std::string_view text, Level& out);

// The level names parse_level accepts, most severe first ("CRITICAL", ..., "TRACE").
const std::vector<std::string>& level_names();

// Where lines go (stderr, each followed by a line break, by default); tests capture them.
void set_sink(std::function<void(const std::string& line)> sink);
// Where text rewritten in place on a terminal goes (stderr as is, flushed, by default).
void set_terminal_sink(std::function<void(std::string_view text)> sink);

void write(Level level, std::string_view logger, std::string_view message);
inline void debug(std::string_view logger, std::string_view message) { write(Level::debug, logger, message); }
inline void info(std::string_view logger, std::string_view message) { write(Level::info, logger, message); }
inline void warning(std::string_view logger, std::string_view message) { write(Level::warning, logger, message); }

// A line without the "<logger> <LEVEL>: " prefix, at any level: the CLI's error line and notices
// ("butler-migrate: error: ..."). Goes to the same sink as the log lines, secrets redacted.
void write_plain(std::string_view line);
// Text for a terminal, written as is with no line break added (progress: "\r<report>"), at any level.
void write_terminal(std::string_view text);

}  // namespace butler_migrate::log

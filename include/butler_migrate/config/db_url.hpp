// Database URLs as SQLAlchemy writes them: parsing, and rendering with the password hidden.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace butler_migrate {

struct DbUrl {
    std::string dialect;                  // "sqlite", "postgresql"
    std::string driver;                   // part after '+', often empty
    std::optional<std::string> username;  // percent-decoded
    std::optional<std::string> password;  // percent-decoded
    std::optional<std::string> host;
    std::optional<std::string> port;
    std::optional<std::string> database;  // for SQLite the file path ("/abs/path" for sqlite:////abs/path)
    std::vector<std::pair<std::string, std::string>> query;

    // Parses `dialect[+driver]://[user[:password]@]host[:port]/database[?query]`. Throws ConfigError.
    // As in SQLAlchemy, `sqlite://` (in memory) has no database (nullopt) and `sqlite:///` an empty one.
    static DbUrl parse(const std::string& text);

    // SQLAlchemy's render_as_string: the password appears as "***" unless `hide_password` is false.
    std::string render(bool hide_password = true) const;
};

// `text` (a URL, possibly malformed) with any password between "user:" and "@" replaced by "***", for
// messages. Masks generously: whatever SQLAlchemy or urllib would read as the password is hidden.
std::string redact_url_text(const std::string& text);

}  // namespace butler_migrate

// The pg_dump command line that saves a PostgreSQL registry before it is migrated (never with its password).
#include "butler_migrate/db/registry_backup.hpp"

#include <string_view>
#include <vector>

#include "util/backup_files.hpp"

namespace butler_migrate {

namespace {

// `text` as one POSIX shell word: unchanged when it holds only characters no shell treats specially,
// otherwise in single quotes (a quote inside written as '\'').
std::string shell_word(std::string_view text) {
    constexpr std::string_view safe = "@%+=:,./-_";
    bool plain = !text.empty();
    for (char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && safe.find(c) == std::string_view::npos) plain = false;
    }
    if (plain) return std::string(text);
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// pg_dump reads --schema as a pattern (case folded, * ? . special) unless the name is in double quotes.
std::string schema_pattern(const std::string& schema) {
    bool plain = !schema.empty() && !(schema[0] >= '0' && schema[0] <= '9');
    for (char c : schema) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) plain = false;
    }
    if (plain) return schema;
    std::string quoted = "\"";
    for (char c : schema) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

// A libpq conninfo value: in single quotes, with quotes and backslashes escaped.
std::string conninfo_value(const std::string& value) {
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

// The --dbname value: the plain name, or a conninfo string when the URL carries connection parameters
// (sslmode=...) or the name would be read as one. A password parameter is left out.
std::string dbname_argument(const DbUrl& url) {
    const std::string database = url.database.value_or("");
    bool needs_conninfo = database.find('=') != std::string::npos || database.find("://") != std::string::npos;
    for (const auto& entry : url.query) needs_conninfo = needs_conninfo || entry.first != "password";
    if (!needs_conninfo) return database;
    std::string conninfo = "dbname=" + conninfo_value(database);
    for (const auto& [key, value] : url.query) {
        if (key != "password") conninfo += " " + key + "=" + conninfo_value(value);
    }
    return conninfo;
}

// Letters, digits, '_', '.' and '-' of `text`, anything else as '_' (for the dump file name).
std::string file_name_part(const std::string& text) {
    std::string part;
    for (char c : text) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                          c == '.' || c == '-';
        part += keep ? c : '_';
    }
    return part.empty() ? "registry" : part;
}

}  // namespace

std::string pg_dump_command(const RegistryLocation& location) {
    const DbUrl& url = location.url;
    std::vector<std::string> words{"pg_dump"};
    auto option = [&](const char* name, const std::optional<std::string>& value) {
        if (value && !value->empty()) words.push_back(std::string(name) + "=" + shell_word(*value));
    };
    option("--host", url.host);
    option("--port", url.port);
    option("--username", url.username);
    option("--dbname", dbname_argument(url));
    std::string file = file_name_part(url.database.value_or(""));
    if (location.schema && !location.schema->empty()) {
        option("--schema", schema_pattern(*location.schema));
        file += "-" + file_name_part(*location.schema);
    }
    words.push_back("-Fc");
    option("--file", file + "-" + backup_detail::utc_stamp() + ".dump");
    std::string line;
    for (const std::string& word : words) line += (line.empty() ? "" : " ") + word;
    return line;
}

std::string pg_dump_password_note() {
    return "pg_dump asks for the password unless PGPASSWORD or a ~/.pgpass entry (or the file named by "
           "PGPASSFILE) gives it";
}

}  // namespace butler_migrate

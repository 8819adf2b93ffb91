// Rewrites '?' placeholders for PostgreSQL while leaving quoted text and comments untouched.
#include "db/placeholders.hpp"

#include <cctype>
#include <functional>

namespace butler_migrate {

namespace {

bool is_identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// End (one past) of a quoted run starting at `start` with `quote`; doubled quotes stay inside, and a
// backslash escapes the next character in E'...' strings.
size_t end_of_quoted(std::string_view sql, size_t start, char quote, bool backslash_escapes) {
    size_t i = start + 1;
    while (i < sql.size()) {
        char c = sql[i];
        if (backslash_escapes && c == '\\') {
            i += 2;
        } else if (c == quote) {
            if (i + 1 < sql.size() && sql[i + 1] == quote) i += 2;
            else return i + 1;
        } else {
            ++i;
        }
    }
    return sql.size();
}

// A dollar-quote opening tag ($$ or $name$) at `start`, or an empty view when there is none.
std::string_view dollar_tag(std::string_view sql, size_t start) {
    size_t i = start + 1;
    if (i < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i]))) return {};  // $1 is a parameter
    while (i < sql.size() && is_identifier_char(sql[i])) ++i;
    if (i < sql.size() && sql[i] == '$') return sql.substr(start, i - start + 1);
    return {};
}

// Length of the literal, identifier, comment or dollar-quoted string starting at `i`; 0 when none starts there.
size_t skipped_length(std::string_view sql, size_t i) {
    char c = sql[i];
    char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'') {
        bool escape_string = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && (i < 2 || !is_identifier_char(sql[i - 2]));
        return end_of_quoted(sql, i, '\'', escape_string) - i;
    }
    if (c == '"') return end_of_quoted(sql, i, '"', false) - i;
    if (c == '-' && next == '-') {
        size_t end = sql.find('\n', i);
        return (end == std::string_view::npos ? sql.size() : end) - i;
    }
    if (c == '/' && next == '*') {
        size_t end = sql.find("*/", i + 2);
        return (end == std::string_view::npos ? sql.size() : end + 2) - i;
    }
    if (c == '$' && (i == 0 || !is_identifier_char(sql[i - 1]))) {
        std::string_view tag = dollar_tag(sql, i);
        if (tag.empty()) return 0;
        size_t end = sql.find(tag, i + tag.size());
        return (end == std::string_view::npos ? sql.size() : end + tag.size()) - i;
    }
    return 0;
}

}  // namespace

std::string replace_placeholders(std::string_view sql, const std::function<std::string(size_t)>& replacement,
                                 size_t* count) {
    std::string out;
    out.reserve(sql.size() + 8);
    size_t n = 0;
    size_t i = 0;
    while (i < sql.size()) {
        if (size_t skip = skipped_length(sql, i)) {
            out.append(sql.substr(i, skip));
            i += skip;
        } else if (sql[i] == '?') {
            out += replacement(n++);
            ++i;
        } else {
            out += sql[i++];
        }
    }
    if (count) *count = n;
    return out;
}

NumberedSql number_placeholders(std::string_view sql) {
    NumberedSql out;
    out.sql = replace_placeholders(sql, [](size_t index) { return "$" + std::to_string(index + 1); },
                                   &out.parameter_count);
    return out;
}

}  // namespace butler_migrate

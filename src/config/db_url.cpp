// Database URLs: parsing with SQLAlchemy's rules, rendering as render_as_string does, redaction for messages.
#include "butler_migrate/config/db_url.hpp"

#include <algorithm>
#include <string_view>

#include "butler_migrate/util/errors.hpp"
#include "config/url_text.hpp"

namespace butler_migrate {

using config_detail::normalize_port;
using config_detail::percent_decode;
using config_detail::percent_encode;
using config_detail::quote_plus;

namespace {

// The parts of SQLAlchemy 2.0's URL pattern, matched from the start of the text as re.match does (trailing
// text that fits no part is ignored):
//   name://[username[:password]@][ [ipv6] | host ][:port][/database][?query]
// Read by hand rather than with std::regex, whose recursive matcher overflows the stack on long URLs.
struct UrlParts {
    std::string name;
    std::optional<std::string> username, password, ipv6_host, host, port, database, query;
};

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '+';
}

// `(?:([^:/]*)(?::([^@]*))?@)?` with the regex's backtracking: the username runs to the first ':' or '/' when a
// ':' there is followed by an '@' somewhere; otherwise it runs to the last '@' before that ':' or '/'.
void take_userinfo(std::string_view text, std::size_t& at, UrlParts& parts) {
    std::size_t user_end = std::min(text.find_first_of(":/", at), text.size());
    if (user_end < text.size() && text[user_end] == ':') {
        std::size_t password_end = text.find('@', user_end + 1);
        if (password_end != std::string_view::npos) {
            parts.username = std::string(text.substr(at, user_end - at));
            parts.password = std::string(text.substr(user_end + 1, password_end - user_end - 1));
            at = password_end + 1;
            return;
        }
    }
    std::size_t last_at = text.substr(0, user_end).rfind('@');
    if (last_at == std::string_view::npos || last_at < at) return;
    parts.username = std::string(text.substr(at, last_at - at));
    at = last_at + 1;
}

// `(?:(?:\[([^/?]+)\]|([^/:?]+))?(?::([^/?]*))?)?`: a bracketed IPv6 host (up to the last ']' before any
// '/' or '?') or a plain host, then an optional port.
void take_host_and_port(std::string_view text, std::size_t& at, UrlParts& parts) {
    std::size_t run_end = std::min(text.find_first_of("/?", at), text.size());
    std::size_t close = at < text.size() && text[at] == '[' ? text.substr(0, run_end).rfind(']') : std::string_view::npos;
    if (close != std::string_view::npos && close > at + 1) {
        parts.ipv6_host = std::string(text.substr(at + 1, close - at - 1));
        at = close + 1;
    } else {
        std::size_t host_end = std::min(text.find_first_of("/:?", at), text.size());
        if (host_end > at) parts.host = std::string(text.substr(at, host_end - at));
        at = host_end;
    }
    if (at < text.size() && text[at] == ':') {
        std::size_t port_end = std::min(text.find_first_of("/?", at + 1), text.size());
        parts.port = std::string(text.substr(at + 1, port_end - at - 1));
        at = port_end;
    }
}

std::optional<UrlParts> match_url(std::string_view text) {
    UrlParts parts;
    std::size_t at = 0;
    while (at < text.size() && is_name_char(text[at])) ++at;
    if (at == 0 || text.substr(at, 3) != "://") return std::nullopt;
    parts.name = std::string(text.substr(0, at));
    at += 3;
    take_userinfo(text, at, parts);
    take_host_and_port(text, at, parts);
    if (at < text.size() && text[at] == '/') {
        std::size_t database_end = std::min(text.find('?', at + 1), text.size());
        parts.database = std::string(text.substr(at + 1, database_end - at - 1));
        at = database_end;
    }
    if (at < text.size() && text[at] == '?') parts.query = std::string(text.substr(at + 1));
    return parts;
}

// urllib.parse.parse_qsl with its defaults: '&'-separated, pairs without '=' or with an empty value dropped.
std::vector<std::pair<std::string, std::string>> parse_query(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> pairs;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('&', start);
        if (end == std::string::npos) end = text.size();
        std::string item = text.substr(start, end - start);
        std::size_t equals = item.find('=');
        if (equals != std::string::npos && equals + 1 < item.size()) {
            std::string name = item.substr(0, equals);
            std::string value = item.substr(equals + 1);
            std::replace(name.begin(), name.end(), '+', ' ');
            std::replace(value.begin(), value.end(), '+', ' ');
            pairs.emplace_back(percent_decode(name), percent_decode(value));
        }
        start = end + 1;
    }
    return pairs;
}

}  // namespace

DbUrl DbUrl::parse(const std::string& text) {
    std::optional<UrlParts> parts = match_url(text);
    if (!parts) {
        throw ConfigError("Could not parse SQLAlchemy URL from given URL string: " + redact_url_text(text));
    }
    DbUrl url;
    std::size_t plus = parts->name.find('+');
    url.dialect = parts->name.substr(0, plus);
    url.driver = plus == std::string::npos ? "" : parts->name.substr(plus + 1);
    if (parts->username) url.username = percent_decode(*parts->username);
    if (parts->password) url.password = percent_decode(*parts->password);
    url.host = parts->host ? parts->host : parts->ipv6_host;
    if (parts->port) {
        url.port = normalize_port(*parts->port);
        if (!url.port) {
            throw ConfigError("Invalid port '" + *parts->port + "' in database URL: " + redact_url_text(text));
        }
    }
    url.database = parts->database;
    if (parts->query) url.query = parse_query(*parts->query);
    return url;
}

std::string DbUrl::render(bool hide_password) const {
    std::string text = dialect + (driver.empty() ? "" : "+" + driver) + "://";
    if (username) {
        text += percent_encode(*username, " +");
        if (password) text += ":" + (hide_password ? std::string("***") : percent_encode(*password, " +"));
        text += "@";
    }
    if (host) text += host->find(':') != std::string::npos ? "[" + *host + "]" : *host;
    if (port) text += ":" + *port;
    if (database) text += "/" + *database;
    if (!query.empty()) {
        auto sorted = query;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto& left, const auto& right) { return left.first < right.first; });
        std::string joined;
        for (const auto& [key, value] : sorted) {
            joined += (joined.empty() ? "" : "&") + quote_plus(key) + "=" + quote_plus(value);
        }
        text += "?" + joined;
    }
    return text;
}

std::string redact_url_text(const std::string& text) {
    std::size_t scheme_end = text.find("://");
    std::size_t start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
    std::size_t colon = text.find(':', start);
    if (colon == std::string::npos || text.substr(start, colon - start).find('/') != std::string::npos) {
        return text;
    }
    // SQLAlchemy: the password runs to the first '@'; urllib: to the last '@' of the network location.
    std::size_t first_at = text.find('@', colon);
    std::size_t netloc_end = text.find_first_of("/?#", start);
    std::size_t last_at = text.rfind('@', netloc_end == std::string::npos ? std::string::npos : netloc_end);
    if (last_at != std::string::npos && last_at < colon) last_at = std::string::npos;
    std::size_t end = first_at;
    if (last_at != std::string::npos && (end == std::string::npos || last_at > end)) end = last_at;
    if (end == std::string::npos) return text;
    return text.substr(0, colon + 1) + "***" + text.substr(end);
}

}  // namespace butler_migrate

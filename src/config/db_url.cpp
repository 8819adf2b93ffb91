// Database URLs: parsing with SQLAlchemy's rules, rendering as render_as_string does, redaction for messages.
#include "butler_migrate/db_url.hpp"

#include <algorithm>
#include <regex>

#include "butler_migrate/errors.hpp"
#include "config/url_text.hpp"

namespace butler_migrate {

using config_detail::normalize_port;
using config_detail::percent_decode;
using config_detail::percent_encode;
using config_detail::quote_plus;

namespace {

// SQLAlchemy 2.0's URL pattern, matched from the start of the text (trailing text that fits no group is
// ignored, as re.match does).
const std::regex& url_pattern() {
    static const std::regex pattern(
        R"(^([\w+]+)://)"                         // 1 name: dialect[+driver]
        R"((?:([^:/]*)(?::([^@]*))?@)?)"          // 2 username, 3 password
        R"((?:(?:\[([^/?]+)\]|([^/:?]+))?)"       // 4 IPv6 host, 5 host
        R"((?::([^/?]*))?)?)"                     // 6 port
        R"((?:/([^?]*))?)"                        // 7 database
        R"((?:\?(.*))?)",                         // 8 query
        std::regex::ECMAScript);
    return pattern;
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

std::optional<std::string> group(const std::smatch& match, int index) {
    if (!match[index].matched) return std::nullopt;
    return match[index].str();
}

}  // namespace

DbUrl DbUrl::parse(const std::string& text) {
    std::smatch match;
    if (!std::regex_search(text, match, url_pattern())) {
        throw ConfigError("Could not parse SQLAlchemy URL from given URL string: " + redact_url_text(text));
    }
    DbUrl url;
    std::string name = match[1].str();
    std::size_t plus = name.find('+');
    url.dialect = name.substr(0, plus);
    url.driver = plus == std::string::npos ? "" : name.substr(plus + 1);
    if (auto username = group(match, 2)) url.username = percent_decode(*username);
    if (auto password = group(match, 3)) url.password = percent_decode(*password);
    url.host = group(match, 5);
    if (!url.host) url.host = group(match, 4);
    if (auto port = group(match, 6)) {
        url.port = normalize_port(*port);
        if (!url.port) {
            throw ConfigError("Invalid port '" + *port + "' in database URL: " + redact_url_text(text));
        }
    }
    url.database = group(match, 7);
    if (auto query = group(match, 8)) url.query = parse_query(*query);
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

// Database credentials as lsst.utils.db_auth reads and matches them.
#include "butler_migrate/config/db_auth.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "butler_migrate/util/errors.hpp"
#include "config/glob_match.hpp"
#include "config/paths.hpp"

namespace butler_migrate {

namespace {

constexpr const char* credentials_variable = "LSST_DB_AUTH_CREDENTIALS";
constexpr const char* path_variable = "LSST_DB_AUTH";
constexpr const char* default_path = "~/.lsst/db-auth.yaml";

// The parts of an entry's URL that matching uses, split as urllib.parse.urlparse does.
struct EntryUrl {
    std::string scheme;
    std::optional<std::string> username;
    std::optional<std::string> hostname;  // lower-cased
    std::optional<std::string> port;      // decimal digits
    std::string path;
};

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool is_scheme_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
}

// urlparse's leading scheme: letters, digits, "+-." before the first ':', starting with a letter.
std::string take_scheme(std::string& rest) {
    std::size_t colon = rest.find(':');
    if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(rest[0]))) return "";
    for (std::size_t i = 0; i < colon; ++i) {
        if (!is_scheme_char(rest[i])) return "";
    }
    std::string scheme = lower(rest.substr(0, colon));
    rest = rest.substr(colon + 1);
    return scheme;
}

void split_host_and_port(const std::string& hostinfo, const std::string& url, EntryUrl& parts) {
    std::string host = hostinfo;
    std::optional<std::string> port;
    if (!hostinfo.empty() && hostinfo[0] == '[') {
        std::size_t close = hostinfo.find(']');
        host = hostinfo.substr(1, close == std::string::npos ? std::string::npos : close - 1);
        if (close != std::string::npos && close + 1 < hostinfo.size() && hostinfo[close + 1] == ':') {
            port = hostinfo.substr(close + 2);
        }
    } else if (std::size_t colon = hostinfo.find(':'); colon != std::string::npos) {
        host = hostinfo.substr(0, colon);
        port = hostinfo.substr(colon + 1);
    }
    if (!host.empty()) parts.hostname = lower(host);
    if (port && !port->empty()) {
        std::string digits = port->substr(std::min(port->find_first_not_of('0'), port->size() - 1));
        if (port->find_first_not_of("0123456789") != std::string::npos || digits.size() > 5 ||
            std::stoi(digits) > 65535) {
            throw ConfigError("Invalid port in DbAuth URL: " + redact_url_text(url));
        }
        parts.port = digits;
    }
}

EntryUrl parse_entry_url(const std::string& url) {
    std::string rest;
    for (char c : url) {
        if (c != '\t' && c != '\n' && c != '\r') rest.push_back(c);
    }
    rest.erase(0, rest.find_first_not_of(" \f\v"));
    EntryUrl parts;
    parts.scheme = take_scheme(rest);
    std::string netloc;
    if (rest.compare(0, 2, "//") == 0) {
        std::size_t end = rest.find_first_of("/?#", 2);
        netloc = rest.substr(2, end == std::string::npos ? std::string::npos : end - 2);
        rest = end == std::string::npos ? "" : rest.substr(end);
    }
    parts.path = rest.substr(0, rest.find_first_of("?#"));
    std::size_t at = netloc.rfind('@');
    if (at != std::string::npos) {
        std::string userinfo = netloc.substr(0, at);
        parts.username = userinfo.substr(0, userinfo.find(':'));
    }
    split_host_and_port(at == std::string::npos ? netloc : netloc.substr(at + 1), url, parts);
    return parts;
}

bool database_matches(const std::string& database, const std::string& path) {
    if (path.empty() || path == "/") return true;
    std::size_t first = path.find_first_not_of('/');
    return config_detail::glob_match(database, first == std::string::npos ? "" : path.substr(first));
}

// Whether `entry` applies to the connection; throws for entries that are malformed at the point reached.
bool entry_matches(const DbAuthEntry& entry, const DbUrl& url) {
    if (!entry.url) throw ConfigError("Missing URL in DbAuth configuration");
    const std::string& text = *entry.url;
    EntryUrl parts = parse_entry_url(text);
    if (parts.scheme.empty()) throw ConfigError("Missing database dialect in URL: " + redact_url_text(text));
    if (parts.scheme.find('+') != std::string::npos) {
        throw ConfigError("Authorization dictionary URLs should only specify dialects, got: " + parts.scheme +
                          ". instead.");
    }
    if (parts.scheme != url.dialect) return false;
    if (!database_matches(*url.database, parts.path)) return false;
    if (parts.username && (!url.username || url.username->empty() || *url.username != *parts.username)) {
        return false;
    }
    if (!parts.hostname) throw ConfigError("Missing host in URL: " + redact_url_text(text));
    if (!config_detail::glob_match(*url.host, *parts.hostname)) return false;
    return !parts.port || (url.port && *url.port == *parts.port);
}

std::optional<std::string> yaml_text(const YAML::Node& entry, const char* key) {
    const YAML::Node value = entry[key];
    if (!value.IsDefined() || value.IsNull()) return std::nullopt;
    if (!value.IsScalar()) throw std::runtime_error("not a scalar");
    return value.Scalar();
}

std::vector<DbAuthEntry> entries_from_yaml(const std::string& text) {
    YAML::Node list = YAML::Load(text);
    if (!list.IsSequence()) throw std::runtime_error("not a list");
    std::vector<DbAuthEntry> entries;
    for (const YAML::Node& item : list) {
        if (!item.IsMap()) throw std::runtime_error("entry is not a mapping");
        entries.push_back({yaml_text(item, "url"), yaml_text(item, "username"), yaml_text(item, "password")});
    }
    return entries;
}

std::optional<std::string> json_text(const nlohmann::json& entry, const char* key) {
    auto found = entry.find(key);
    if (found == entry.end() || found->is_null()) return std::nullopt;
    if (found->is_string()) return found->get<std::string>();
    if (found->is_primitive()) return found->dump();
    throw std::runtime_error("not a scalar");
}

}  // namespace

DbAuth DbAuth::from_environment() {
    const char* json_text_value = std::getenv(credentials_variable);
    if (json_text_value != nullptr && *json_text_value != '\0') return from_json(json_text_value);
    const char* path_value = std::getenv(path_variable);
    std::string path = config_detail::expand_user(path_value != nullptr ? path_value : default_path);
    struct stat info {};
    if (path.empty() || ::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return DbAuth();
    return from_file(path);
}

DbAuth DbAuth::from_file(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return DbAuth();
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        throw ConfigError(fmt::format("DbAuth configuration file {} has incorrect permissions: {:o}", path,
                                      static_cast<unsigned>(info.st_mode)));
    }
    try {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("unreadable");
        std::ostringstream content;
        content << in.rdbuf();
        return DbAuth(entries_from_yaml(content.str()));
    } catch (const std::exception&) {
        throw ConfigError("Unable to load DbAuth configuration file: " + path + ".");
    }
}

DbAuth DbAuth::from_json(const std::string& json_text_value) {
    try {
        nlohmann::json list = nlohmann::json::parse(json_text_value);
        if (!list.is_array()) throw std::runtime_error("not a list");
        std::vector<DbAuthEntry> entries;
        for (const auto& item : list) {
            if (!item.is_object()) throw std::runtime_error("entry is not an object");
            entries.push_back({json_text(item, "url"), json_text(item, "username"), json_text(item, "password")});
        }
        return DbAuth(std::move(entries));
    } catch (const std::exception&) {
        throw ConfigError(std::string("Unable to load DbAuth configuration using JSON environment variable ") +
                          credentials_variable);
    }
}

std::optional<DbCredentials> DbAuth::find(const DbUrl& url) const {
    if (url.dialect.empty()) throw ConfigError("Missing dialectname parameter");
    if (!url.host || url.host->empty()) throw ConfigError("Missing host parameter");
    if (!url.database || url.database->empty()) throw ConfigError("Missing database parameter");
    for (const DbAuthEntry& entry : entries_) {
        if (!entry_matches(entry, url)) continue;
        if (!entry.password) {
            throw ConfigError("Missing password in DbAuth configuration for URL: " + redact_url_text(*entry.url));
        }
        DbCredentials credentials;
        credentials.username = url.username && !url.username->empty() ? url.username : entry.username;
        credentials.password = *entry.password;
        return credentials;
    }
    return std::nullopt;
}

}  // namespace butler_migrate

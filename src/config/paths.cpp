// Local paths and file:// URIs: home and variable expansion, absolute paths, extensions.
#include "config/paths.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "config/url_text.hpp"

namespace butler_migrate::config_detail {

namespace fs = std::filesystem;

namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

std::string home_of(const std::string& user) {
    if (user.empty()) {
        if (const char* home = std::getenv("HOME")) return home;
        if (const passwd* entry = getpwuid(getuid())) return entry->pw_dir;
        return "";
    }
    if (const passwd* entry = getpwnam(user.c_str())) return entry->pw_dir;
    return "";
}

}  // namespace

std::string uri_scheme(const std::string& text) {
    std::size_t colon = text.find("://");
    if (colon == std::string::npos || colon == 0) return "";
    if (!std::isalpha(static_cast<unsigned char>(text[0]))) return "";
    std::string scheme;
    for (std::size_t i = 0; i < colon; ++i) {
        char c = text[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return "";
        scheme.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return scheme;
}

std::string expand_user(const std::string& path) {
    if (path.empty() || path[0] != '~') return path;
    std::size_t slash = path.find('/');
    std::string user = path.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
    std::string home = home_of(user);
    if (home.empty()) return path;
    while (home.size() > 1 && home.back() == '/') home.pop_back();
    return slash == std::string::npos ? home : home + path.substr(slash);
}

std::string expand_vars(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '$') {
            out.push_back(text[i++]);
            continue;
        }
        std::size_t name_start = i + 1;
        std::size_t name_end = name_start;
        std::size_t after = 0;
        if (name_start < text.size() && text[name_start] == '{') {
            std::size_t close = text.find('}', name_start);
            if (close == std::string::npos) {
                out.push_back(text[i++]);
                continue;
            }
            ++name_start;
            name_end = close;
            after = close + 1;
        } else {
            while (name_end < text.size() && is_name_char(text[name_end])) ++name_end;
            after = name_end;
        }
        std::string name = text.substr(name_start, name_end - name_start);
        const char* value = name.empty() ? nullptr : std::getenv(name.c_str());
        if (value == nullptr) {
            out.append(text, i, after - i);
        } else {
            out.append(value);
        }
        i = after;
    }
    return out;
}

std::string absolute_path(const std::string& path) {
    fs::path full = fs::path(path).is_absolute() ? fs::path(path) : fs::current_path() / path;
    std::string text = full.lexically_normal().string();
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    return text;
}

std::optional<std::string> local_path(const std::string& path_or_uri) {
    std::string scheme = uri_scheme(path_or_uri);
    if (scheme.empty()) return absolute_path(expand_user(path_or_uri));
    if (scheme != "file") return std::nullopt;
    std::string rest = path_or_uri.substr(scheme.size() + 3);  // after "file://"
    std::size_t path_start = rest.find('/');
    std::string path = path_start == std::string::npos ? "/" : rest.substr(path_start);
    return absolute_path(percent_decode(path));
}

std::string parent_directory(const std::string& path) {
    std::string parent = fs::path(path).parent_path().string();
    return parent.empty() ? "/" : parent;
}

std::string file_extension(const std::string& path) { return fs::path(path).extension().string(); }

}  // namespace butler_migrate::config_detail

// Registry of known passwords and their redaction from user-visible text.
#include "butler_migrate/util/secrets.hpp"

#include <cctype>
#include <mutex>
#include <set>

namespace butler_migrate {

namespace {

std::mutex& secrets_mutex() {
    static std::mutex m;
    return m;
}

std::set<std::string>& secrets() {
    static std::set<std::string> s;
    return s;
}

}  // namespace

void register_secret(std::string_view secret) {
    if (secret.empty()) return;
    std::lock_guard<std::mutex> lock(secrets_mutex());
    secrets().insert(std::string(secret));
}

namespace {

bool ends_with(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// Where a password stands in text the tool prints: the password of a URL's user info ("user:<pw>@host"), and the
// value of a "password" key in a libpq conninfo string or a YAML / JSON / Python mapping.
bool stands_as_password(std::string_view before, std::string_view after) {
    if (ends_with(before, ":") && !after.empty() && after.front() == '@') return true;
    for (std::string_view key : {"password=", "password='", "password=\"", "password: ", "password: '",
                                 "password: \"", "\"password\": \"", "'password': '"}) {
        if (ends_with(before, key)) return true;
    }
    return false;
}

// "%XX" for every byte a URL's user info cannot hold as it is (as the URL parser accepts it encoded).
std::string percent_encoded(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += {'%', hex[c >> 4], hex[c & 15]};
        }
    }
    return out;
}

}  // namespace

std::string redact_secrets(std::string text) {
    std::lock_guard<std::mutex> lock(secrets_mutex());
    for (const auto& secret : secrets()) {
        for (const std::string& form : {secret, percent_encoded(secret)}) {
            for (auto pos = text.find(form); pos != std::string::npos; pos = text.find(form, pos + 1)) {
                const std::string_view whole(text);
                if (!stands_as_password(whole.substr(0, pos), whole.substr(pos + form.size()))) continue;
                text.replace(pos, form.size(), "***");
            }
        }
    }
    return text;
}

}  // namespace butler_migrate

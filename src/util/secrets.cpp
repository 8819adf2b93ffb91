// Registry of known passwords and their redaction from user-visible text.
#include "butler_migrate/util/secrets.hpp"

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

std::string redact_secrets(std::string text) {
    std::lock_guard<std::mutex> lock(secrets_mutex());
    for (const auto& secret : secrets()) {
        for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 3)) {
            text.replace(pos, secret.size(), "***");
        }
    }
    return text;
}

}  // namespace butler_migrate

// Passwords the process knows, so that no message printed to the user can contain one.
#pragma once

#include <string>
#include <string_view>

namespace butler_migrate {

// Remembers a secret (a database password) for redaction; empty strings are ignored.
void register_secret(std::string_view secret);

// `text` with every registered secret replaced by "***".
std::string redact_secrets(std::string text);

}  // namespace butler_migrate

// Passwords the process knows, so that no message printed to the user can contain one.
#pragma once

#include <string>
#include <string_view>

namespace butler_migrate {

// Remembers a secret (a database password) for redaction; empty strings are ignored.
void register_secret(std::string_view secret);

// `text` with every registered secret replaced by "***" where it stands as a password (in a URL's user info, or as
// the value of a "password" key of a conninfo string or a mapping; also percent-encoded), and nowhere else: a
// password "1" leaves "127.0.0.1" alone, and a user named like the password keeps the name.
std::string redact_secrets(std::string text);

}  // namespace butler_migrate

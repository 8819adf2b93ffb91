// Private: shell-style wildcard matching with the rules of Python's fnmatch on POSIX (case-sensitive).
#pragma once

#include <string>

namespace butler_migrate::config_detail {

// True if `text` matches `pattern`: `*` any run, `?` one character, `[seq]`/`[!seq]` sets with ranges,
// everything else literal (no backslash escapes; `*` also matches '/').
bool glob_match(const std::string& text, const std::string& pattern);

}  // namespace butler_migrate::config_detail

// Checking that text is well-formed UTF-8 before it goes where only UTF-8 can be read back (JSON, the registry).
#pragma once

#include <string_view>

namespace butler_migrate {

// Whether `text` is well-formed UTF-8: no stray continuation bytes, truncated sequences, overlong forms,
// surrogates (U+D800..U+DFFF) or code points above U+10FFFF. The empty text is valid.
bool is_valid_utf8(std::string_view text);

}  // namespace butler_migrate

// Private text helpers for URLs: percent-decoding, Python-style quoting, port normalisation.
#pragma once

#include <optional>
#include <string>

namespace butler_migrate::config_detail {

// urllib.parse.unquote: every valid %XX becomes its byte, anything else is kept as is.
std::string percent_decode(const std::string& text);

// urllib.parse.quote(text, safe=`safe`): bytes other than ASCII letters, digits, "_.-~" and `safe` become %XX.
std::string percent_encode(const std::string& text, const std::string& safe);

// urllib.parse.quote_plus(text): like percent_encode with nothing extra safe, but spaces become '+'.
std::string quote_plus(const std::string& text);

// Python's int(text) rendered back with str(): optional blanks and sign, decimal digits. nullopt if not a number.
std::optional<std::string> normalize_port(const std::string& text);

}  // namespace butler_migrate::config_detail

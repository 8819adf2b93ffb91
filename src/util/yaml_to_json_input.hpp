// Checks on the YAML text before it is loaded: PyYAML's character rules and the number of documents.
#pragma once

#include <cstddef>
#include <string_view>

namespace butler_migrate::yaml_detail {

// PyYAML's Reader: the text must be UTF-8 (Python's strict decoder: no overlong forms, no surrogates) made of
// printable characters (tab, line breaks, U+0020-U+007E, U+0085, U+00A0-U+D7FF, U+E000-U+FFFD, U+10000 up).
// Throws MigrationError "<what>: ..." otherwise.
void check_printable(std::string_view text, std::string_view what);

// How many documents the text holds. yaml-cpp 0.7's LoadAll never returns on some malformed texts (its parser
// keeps reporting empty documents without reading on), so the count stops at a bound no real file reaches.
// Throws YAML::Exception for invalid YAML.
std::size_t count_documents(std::string_view text);

}  // namespace butler_migrate::yaml_detail

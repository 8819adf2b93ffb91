// Escaping control characters for one-line messages.
#include "butler_migrate/util/control_characters.hpp"

#include <fmt/format.h>

namespace butler_migrate {

namespace {

std::string escaped(std::string_view text, bool named_escapes) {
    std::string out;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (named_escapes && c == '\n') out += "\\n";
        else if (named_escapes && c == '\r') out += "\\r";
        else if (named_escapes && c == '\t') out += "\\t";
        else if (byte < 0x20 || byte == 0x7f) out += fmt::format("\\x{:02x}", byte);
        else out += c;
    }
    return out;
}

}  // namespace

std::string hex_escaped_controls(std::string_view text) { return escaped(text, false); }

std::string escaped_controls(std::string_view text) { return escaped(text, true); }

}  // namespace butler_migrate

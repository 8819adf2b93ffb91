// Python-compatible JSON: json.dumps formatting of nlohmann::ordered_json values.
#include "butler_migrate/util/python_json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {

namespace {

void append_escaped_code_unit(std::string& out, unsigned code) { out += fmt::format("\\u{:04x}", code & 0xFFFFu); }

// Decodes one UTF-8 sequence starting at `i` (input validated by the parser); advances `i`.
unsigned decode_utf8(const std::string& s, size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    unsigned code = extra == 3 ? (c & 0x07u) : extra == 2 ? (c & 0x0Fu) : extra == 1 ? (c & 0x1Fu) : c;
    for (int k = 0; k < extra && i + 1 < s.size(); ++k) code = (code << 6) | (static_cast<unsigned char>(s[++i]) & 0x3Fu);
    ++i;
    return code;
}

void append_string(std::string& out, const std::string& s) {
    out += '"';
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            unsigned code = decode_utf8(s, i);
            if (code > 0xFFFF) {
                code -= 0x10000;
                append_escaped_code_unit(out, 0xD800 + (code >> 10));
                append_escaped_code_unit(out, 0xDC00 + (code & 0x3FF));
            } else {
                append_escaped_code_unit(out, code);
            }
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20 || c == 0x7f) append_escaped_code_unit(out, c);  // outside " "..."~"
                else out += static_cast<char>(c);
        }
        ++i;
    }
    out += '"';
}

void append_value(std::string& out, const OrderedJson& value) {
    switch (value.type()) {
        case OrderedJson::value_t::null: out += "null"; break;
        case OrderedJson::value_t::boolean: out += value.get<bool>() ? "true" : "false"; break;
        case OrderedJson::value_t::number_integer: out += std::to_string(value.get<std::int64_t>()); break;
        case OrderedJson::value_t::number_unsigned: out += std::to_string(value.get<std::uint64_t>()); break;
        case OrderedJson::value_t::number_float: out += python_float_repr(value.get<double>()); break;
        case OrderedJson::value_t::string: append_string(out, value.get_ref<const std::string&>()); break;
        case OrderedJson::value_t::array: {
            out += '[';
            bool first = true;
            for (const auto& item : value) {
                if (!first) out += ", ";
                first = false;
                append_value(out, item);
            }
            out += ']';
            break;
        }
        case OrderedJson::value_t::object: {
            out += '{';
            bool first = true;
            for (const auto& [key, item] : value.items()) {
                if (!first) out += ", ";
                first = false;
                append_string(out, key);
                out += ": ";
                append_value(out, item);
            }
            out += '}';
            break;
        }
        default: throw MigrationError("cannot write binary or discarded JSON values");
    }
}

}  // namespace

OrderedJson parse_json(std::string_view text, std::string_view what) {
    try {
        return OrderedJson::parse(text.begin(), text.end());
    } catch (const nlohmann::json::exception& e) {
        std::string detail = e.what();
        // nlohmann prefixes "[json.exception.parse_error.101] "; keep the human part only.
        auto bracket = detail.find("] ");
        if (bracket != std::string::npos) detail = detail.substr(bracket + 2);
        throw MigrationError(fmt::format("{} is not valid JSON: {}", what, detail));
    }
}

std::string python_json_dumps(const OrderedJson& value) {
    std::string out;
    append_value(out, value);
    return out;
}

std::string python_float_repr(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string sci(buffer, result.ptr);  // "-d.ddde+XX", shortest round-trip digits
    bool negative = sci[0] == '-';
    if (negative) sci.erase(0, 1);
    auto e = sci.find('e');
    int exponent = std::stoi(sci.substr(e + 1));
    std::string digits = sci.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    std::string out = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out += "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
        } else if (static_cast<int>(digits.size()) <= exponent + 1) {
            out += digits + std::string(static_cast<size_t>(exponent + 1 - static_cast<int>(digits.size())), '0') + ".0";
        } else {
            out += digits.substr(0, static_cast<size_t>(exponent + 1)) + "." + digits.substr(static_cast<size_t>(exponent + 1));
        }
    } else {
        out += digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        out += fmt::format("e{}{:02d}", exponent < 0 ? '-' : '+', std::abs(exponent));
    }
    return out;
}

}  // namespace butler_migrate

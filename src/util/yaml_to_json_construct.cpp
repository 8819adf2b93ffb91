// PyYAML's scalar constructors (int, float, bool, null, str) for the tag a scalar has or resolves to.
#include "util/yaml_to_json_construct.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "util/yaml_to_json_common.hpp"
#include "util/yaml_to_json_resolve.hpp"

namespace butler_migrate::yaml_detail {

namespace {

// Strips '_' and the sign, as PyYAML's int and float constructors do; returns -1 or +1.
int take_sign(std::string& digits) {
    digits.erase(std::remove(digits.begin(), digits.end(), '_'), digits.end());
    int sign = !digits.empty() && digits[0] == '-' ? -1 : 1;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.erase(0, 1);
    return sign;
}

std::optional<unsigned __int128> parse_unsigned(const std::string& digits, int base) {
    if (digits.empty()) return std::nullopt;
    unsigned __int128 value = 0;
    for (char c : digits) {
        unsigned char u = static_cast<unsigned char>(c);
        int d = std::isdigit(u) ? c - '0' : std::tolower(u) - 'a' + 10;
        if (d < 0 || d >= base) return std::nullopt;
        value = value * base + static_cast<unsigned>(d);
        if (value > std::numeric_limits<std::uint64_t>::max()) return std::nullopt;
    }
    return value;
}

// PyYAML's construct_yaml_int: 0b binary, 0x hex, leading 0 octal, a:b:c base 60, else decimal.
OrderedJson construct_int(const std::string& text, std::string_view what) {
    std::string digits = text;
    int sign = take_sign(digits);
    std::optional<unsigned __int128> magnitude;
    if (digits == "0") magnitude = 0;
    else if (digits.rfind("0b", 0) == 0) magnitude = parse_unsigned(digits.substr(2), 2);
    else if (digits.rfind("0x", 0) == 0) magnitude = parse_unsigned(digits.substr(2), 16);
    else if (!digits.empty() && digits[0] == '0') magnitude = parse_unsigned(digits, 8);
    else if (digits.find(':') != std::string::npos) {
        magnitude = 0;
        std::size_t start = 0;
        while (magnitude && start <= digits.size()) {
            std::size_t end = std::min(digits.find(':', start), digits.size());
            auto part = parse_unsigned(digits.substr(start, end - start), 10);
            magnitude = part ? std::optional(*magnitude * 60 + *part) : std::nullopt;
            if (magnitude && *magnitude > std::numeric_limits<std::uint64_t>::max()) magnitude.reset();
            start = end + 1;
        }
    } else magnitude = parse_unsigned(digits, 10);
    if (!magnitude) fail(what, "cannot read integer '" + text + "' (or it is out of the 64-bit range)");
    if (sign > 0) {
        if (*magnitude <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return static_cast<std::int64_t>(*magnitude);
        }
        return static_cast<std::uint64_t>(*magnitude);
    }
    if (*magnitude > static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max()) + 1) {
        fail(what, "integer '" + text + "' is out of the 64-bit range");
    }
    return static_cast<std::int64_t>(-static_cast<__int128>(*magnitude));
}

double parse_double(const std::string& text, std::string_view what) {
    char* end = nullptr;
    errno = 0;
    double value = std::strtod(text.c_str(), &end);
    bool hex = text.find_first_of("xX") != std::string::npos;  // strtod reads hex floats, Python's float() does not
    if (text.empty() || hex || end != text.c_str() + text.size() || std::isspace(static_cast<unsigned char>(text[0]))) {
        fail(what, "cannot read float '" + text + "'");
    }
    return value;  // overflow gives ±inf, as Python's float() does
}

// PyYAML's construct_yaml_float: .inf, .nan, a:b:c base 60, else Python's float().
OrderedJson construct_float(const std::string& text, std::string_view what) {
    std::string digits = text;
    int sign = take_sign(digits);
    std::transform(digits.begin(), digits.end(), digits.begin(), [](unsigned char c) { return std::tolower(c); });
    if (digits == ".inf") return sign * std::numeric_limits<double>::infinity();
    if (digits == ".nan") return std::numeric_limits<double>::quiet_NaN();
    if (digits.find(':') == std::string::npos) return sign * parse_double(digits, what);
    // Base 60, summed from the last part as PyYAML does (same rounding).
    std::vector<double> parts;
    for (std::size_t start = 0; start <= digits.size();) {
        std::size_t end = std::min(digits.find(':', start), digits.size());
        parts.push_back(parse_double(digits.substr(start, end - start), what));
        start = end + 1;
    }
    double value = 0.0, base = 1;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        value += *it * base;
        base *= 60;
    }
    return sign * value;
}

OrderedJson construct_bool(const std::string& text, std::string_view what) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "yes" || lower == "true" || lower == "on") return true;
    if (lower == "no" || lower == "false" || lower == "off") return false;
    fail(what, "cannot read boolean '" + text + "'");
}

}  // namespace

// A scalar's value for the tag PyYAML gives it (explicit, or resolved from a plain scalar).
OrderedJson construct_scalar(const YAML::Node& node, std::string_view what) {
    const std::string& text = node.Scalar();
    std::string tag = node.Tag();
    if (tag == "!") return text;  // quoted or block scalar without a tag
    if (tag == "?") {
        switch (plain_scalar_type(text)) {
            case PlainType::string: return text;
            case PlainType::boolean: return construct_bool(text, what);
            case PlainType::floating: return construct_float(text, what);
            case PlainType::integer: return construct_int(text, what);
            case PlainType::null: return nullptr;
            case PlainType::timestamp: fail(what, "timestamp '" + text + "' cannot be written as JSON");
            case PlainType::merge:
            case PlainType::value: fail(what, "'" + text + "' is not a value");
        }
    }
    if (tag == core("str")) return text;
    if (tag == core("int")) return construct_int(text, what);
    if (tag == core("float")) return construct_float(text, what);
    if (tag == core("bool")) return construct_bool(text, what);
    if (tag == core("null")) return nullptr;
    fail(what, "values tagged '" + tag + "' cannot be written as JSON");
}

}  // namespace butler_migrate::yaml_detail

// yaml.safe_load as PyYAML does it, on top of yaml-cpp: PyYAML's implicit typing of plain scalars, its
// explicit core tags, merge keys, and json.dumps's conversion of mapping keys to strings.
#include "core/yaml_to_json.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <regex>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "butler_migrate/errors.hpp"

namespace butler_migrate {

namespace {

constexpr const char* core_tag = "tag:yaml.org,2002:";
constexpr int max_depth = 512;  // deeper means an alias cycle (json.dumps: "Circular reference detected")

std::string core(const char* name) { return std::string(core_tag) + name; }

// PyYAML's implicit resolvers for plain scalars, tried in its order (bool, float, int, merge, null, timestamp).
enum class PlainType { string, boolean, floating, integer, merge, null, timestamp, value };

PlainType plain_scalar_type(const std::string& s) {
    static const std::regex boolean("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    static const std::regex floating(
        "[-+]?[0-9][0-9_]*\\.[0-9_]*([eE][-+][0-9]+)?|\\.[0-9][0-9_]*([eE][-+][0-9]+)?"
        "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    static const std::regex integer(
        "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");
    static const std::regex null("~|null|Null|NULL|");
    static const std::regex timestamp(
        "[0-9]{4}-[0-9]{2}-[0-9]{2}"
        "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
        "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?");
    if (std::regex_match(s, boolean)) return PlainType::boolean;
    if (std::regex_match(s, floating)) return PlainType::floating;
    if (std::regex_match(s, integer)) return PlainType::integer;
    if (s == "<<") return PlainType::merge;
    if (std::regex_match(s, null)) return PlainType::null;
    if (std::regex_match(s, timestamp)) return PlainType::timestamp;
    if (s == "=") return PlainType::value;
    return PlainType::string;
}

[[noreturn]] void fail(std::string_view what, const std::string& problem) {
    throw MigrationError(std::string(what) + ": " + problem);
}

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

bool is_merge_key(const YAML::Node& key) {
    return key.IsScalar() && ((key.Tag() == "?" && key.Scalar() == "<<") || key.Tag() == core("merge"));
}

using Pairs = std::vector<std::pair<YAML::Node, YAML::Node>>;

// PyYAML's flatten_mapping: pairs merged in with "<<" come first (from a list of mappings, the last mapping's
// pairs first), then the mapping's own pairs; later pairs override earlier ones.
Pairs flattened_pairs(const YAML::Node& mapping, std::string_view what, int depth) {
    if (depth > max_depth) fail(what, "merge keys nest too deeply");
    Pairs merged, own;
    for (const auto& item : mapping) {
        if (!is_merge_key(item.first)) {
            own.emplace_back(item.first, item.second);
            continue;
        }
        const YAML::Node& source = item.second;
        if (source.IsMap()) {
            Pairs pairs = flattened_pairs(source, what, depth + 1);
            merged.insert(merged.end(), pairs.begin(), pairs.end());
        } else if (source.IsSequence()) {
            std::vector<Pairs> each;
            for (const auto& element : source) {
                if (!element.IsMap()) fail(what, "expected a mapping for merging");
                each.push_back(flattened_pairs(element, what, depth + 1));
            }
            for (auto it = each.rbegin(); it != each.rend(); ++it) merged.insert(merged.end(), it->begin(), it->end());
        } else {
            fail(what, "expected a mapping or list of mappings for merging");
        }
    }
    merged.insert(merged.end(), own.begin(), own.end());
    return merged;
}

OrderedJson convert(const YAML::Node& node, std::string_view what, int depth);

OrderedJson key_value(const YAML::Node& key, std::string_view what, int depth) {
    if (!key.IsScalar() && !key.IsNull()) fail(what, "found unhashable key (a mapping or sequence)");
    return convert(key, what, depth);
}

// json.dumps's key conversion: strings kept, numbers, booleans and None written as JSON would.
std::string json_key(const OrderedJson& key) {
    return key.is_string() ? key.get<std::string>() : python_json_dumps(key);
}

// Keys equal for a Python dict get the same text: true, 1 and 1.0 are one key, "1" is another.
std::string python_key_identity(const OrderedJson& key) {
    if (key.is_string()) return "s" + key.get<std::string>();
    if (key.is_boolean()) return key.get<bool>() ? "n1" : "n0";
    if (key.is_number_integer()) return "n" + key.dump();
    if (key.is_number_float()) {
        double v = key.get<double>();
        if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) < 9.2e18) {
            return "n" + std::to_string(static_cast<std::int64_t>(v));
        }
        return "f" + python_json_dumps(key);
    }
    return "null";
}

OrderedJson convert(const YAML::Node& node, std::string_view what, int depth) {
    if (depth > max_depth) fail(what, "structure nests too deeply (recursive alias?)");
    std::string tag = node.Tag();
    switch (node.Type()) {
        case YAML::NodeType::Null:
            return tag == core("str") ? OrderedJson("") : OrderedJson(nullptr);
        case YAML::NodeType::Scalar:
            return construct_scalar(node, what);
        case YAML::NodeType::Sequence: {
            if (tag != "?" && tag != "!" && tag != core("seq")) {
                fail(what, "sequences tagged '" + tag + "' are not supported");
            }
            OrderedJson array = OrderedJson::array();
            for (const auto& element : node) array.push_back(convert(element, what, depth + 1));
            return array;
        }
        case YAML::NodeType::Map: {
            if (tag != "?" && tag != "!" && tag != core("map")) {
                fail(what, "mappings tagged '" + tag + "' are not supported");
            }
            // A repeated key keeps the place and the spelling of its first occurrence (Python dict).
            // Known gap: keys Python keeps apart but json.dumps writes alike (1 and "1") become one here.
            OrderedJson object = OrderedJson::object();
            std::map<std::string, std::string> first_spelling;
            for (const auto& [key, value] : flattened_pairs(node, what, depth)) {
                OrderedJson k = key_value(key, what, depth + 1);
                const std::string& name = first_spelling.emplace(python_key_identity(k), json_key(k)).first->second;
                object[name] = convert(value, what, depth + 1);
            }
            return object;
        }
        default:
            return nullptr;
    }
}

}  // namespace

OrderedJson yaml_safe_load_json(std::string_view text, std::string_view what) {
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(std::string(text));
    } catch (const YAML::Exception& e) {
        fail(what, std::string("not valid YAML: ") + e.what());
    }
    if (documents.empty()) return nullptr;
    if (documents.size() > 1) fail(what, "expected a single YAML document, found " + std::to_string(documents.size()));
    return convert(documents.front(), what, 0);
}

std::string yaml_to_python_json(std::string_view text, std::string_view what) {
    return python_json_dumps(yaml_safe_load_json(text, what));
}

}  // namespace butler_migrate

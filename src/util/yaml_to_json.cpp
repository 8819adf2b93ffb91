// yaml.safe_load as PyYAML does it, on top of yaml-cpp: PyYAML's implicit typing of plain scalars, its
// explicit core tags, merge keys, and json.dumps's conversion of mapping keys to strings.
#include "util/yaml_to_json.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {

namespace {

constexpr const char* core_tag = "tag:yaml.org,2002:";
constexpr int max_depth = 512;  // deeper means an alias cycle (json.dumps: "Circular reference detected")

std::string core(const char* name) { return std::string(core_tag) + name; }

// PyYAML's implicit resolvers for plain scalars, tried in its order (bool, float, int, merge, null, timestamp).
enum class PlainType { string, boolean, floating, integer, merge, null, timestamp, value };

// A left-to-right reader of a plain scalar for the resolvers' regular expressions, written out by hand:
// std::regex matches recursively and overflows the stack on scalars of some ten thousand characters.
class Scan {
public:
    explicit Scan(std::string_view text) : text_(text) {}
    bool at_end() const { return at_ == text_.size(); }
    bool take(char c) { return take_if([c](char x) { return x == c; }); }
    bool take_any(std::string_view set) { return take_if([set](char x) { return set.find(x) != set.npos; }); }
    bool take_word(std::string_view word) {
        if (text_.substr(at_, word.size()) != word) return false;
        at_ += word.size();
        return true;
    }
    template <typename Test> bool take_if(Test test) {
        if (at_ == text_.size() || !test(text_[at_])) return false;
        ++at_;
        return true;
    }
    // As many characters of `set` as there are; returns how many.
    std::size_t take_run(std::string_view set) {
        std::size_t start = at_;
        while (take_any(set)) {
        }
        return at_ - start;
    }
    std::size_t take_digits(std::size_t most = std::string_view::npos) {
        std::size_t start = at_;
        while (at_ - start < most && take_any(kDigits)) {
        }
        return at_ - start;
    }
    static constexpr std::string_view kDigits = "0123456789";

private:
    std::string_view text_;
    std::size_t at_ = 0;
};

constexpr std::string_view kDigitsOrUnderscore = "0123456789_";

// `(:[0-5]?[0-9])+`: one or more ':' each followed by one digit, or two digits the first of them 0-5.
bool take_sexagesimal_parts(Scan& scan) {
    int parts = 0;
    while (scan.take(':')) {
        Scan before_digits = scan;
        std::size_t digits = scan.take_digits(3);
        if (digits == 2 && !before_digits.take_any("012345")) return false;
        if (digits == 0 || digits > 2) return false;
        ++parts;
    }
    return parts > 0;
}

// `[eE][-+][0-9]+` if present.
bool take_optional_exponent(Scan& scan) {
    if (!scan.take_any("eE")) return true;
    return scan.take_any("-+") && scan.take_digits() > 0;
}

bool one_of(std::string_view text, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), text) != words.end();
}

// [-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)? | \.[0-9][0-9_]*([eE][-+][0-9]+)?
// | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)
bool is_plain_float(std::string_view text) {
    if (one_of(text, {".nan", ".NaN", ".NAN"})) return true;
    Scan scan(text);
    bool signed_ = scan.take_any("-+");
    if (scan.take('.')) {
        if (scan.take_word("inf") || scan.take_word("Inf") || scan.take_word("INF")) return scan.at_end();
        return !signed_ && scan.take_any(Scan::kDigits) && (scan.take_run(kDigitsOrUnderscore), true) &&
               take_optional_exponent(scan) && scan.at_end();
    }
    if (!scan.take_any(Scan::kDigits)) return false;
    scan.take_run(kDigitsOrUnderscore);
    if (scan.take('.')) {
        scan.take_run(kDigitsOrUnderscore);
        return take_optional_exponent(scan) && scan.at_end();
    }
    if (!take_sexagesimal_parts(scan) || !scan.take('.')) return false;
    scan.take_run(kDigitsOrUnderscore);
    return scan.at_end();
}

// [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+
bool is_plain_integer(std::string_view text) {
    Scan scan(text);
    scan.take_any("-+");
    if (scan.take('0')) {
        if (scan.at_end()) return true;
        if (scan.take('b')) return scan.take_run("01_") > 0 && scan.at_end();
        if (scan.take('x')) return scan.take_run("0123456789abcdefABCDEF_") > 0 && scan.at_end();
        return scan.take_run("01234567_") > 0 && scan.at_end();
    }
    if (!scan.take_any("123456789")) return false;
    scan.take_run(kDigitsOrUnderscore);
    return scan.at_end() || (take_sexagesimal_parts(scan) && scan.at_end());
}

// [0-9]{4}-[0-9]{2}-[0-9]{2}
// | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?
bool is_plain_timestamp(std::string_view text) {
    Scan scan(text);
    if (scan.take_digits(5) != 4 || !scan.take('-')) return false;
    std::size_t month = scan.take_digits(3);
    if (month < 1 || month > 2 || !scan.take('-')) return false;
    std::size_t day = scan.take_digits(3);
    if (day < 1 || day > 2) return false;
    if (scan.at_end()) return month == 2 && day == 2;
    if (!scan.take_any("Tt") && scan.take_run(" \t") == 0) return false;
    std::size_t hour = scan.take_digits(3);
    if (hour < 1 || hour > 2 || !scan.take(':') || scan.take_digits(3) != 2 || !scan.take(':') ||
        scan.take_digits(3) != 2) {
        return false;
    }
    if (scan.take('.')) scan.take_digits();
    if (scan.at_end()) return true;
    scan.take_run(" \t");
    if (scan.take('Z')) return scan.at_end();
    if (!scan.take_any("-+")) return false;
    std::size_t zone_hour = scan.take_digits(3);
    if (zone_hour < 1 || zone_hour > 2) return false;
    if (scan.take(':') && scan.take_digits(3) != 2) return false;
    return scan.at_end();
}

PlainType plain_scalar_type(const std::string& s) {
    if (one_of(s, {"yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on",
                   "On", "ON", "off", "Off", "OFF"})) {
        return PlainType::boolean;
    }
    if (is_plain_float(s)) return PlainType::floating;
    if (is_plain_integer(s)) return PlainType::integer;
    if (s == "<<") return PlainType::merge;
    if (one_of(s, {"~", "null", "Null", "NULL", ""})) return PlainType::null;
    if (is_plain_timestamp(s)) return PlainType::timestamp;
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

// Receives a document's events and keeps nothing: used to count documents.
class IgnoreEvents : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// How many documents the text holds. yaml-cpp 0.7's LoadAll never returns on some malformed texts (its parser
// keeps reporting empty documents without reading on), so the count stops at a bound no real file reaches.
std::size_t count_documents(std::string_view text) {
    constexpr std::size_t most = 10000;
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    IgnoreEvents ignore;
    std::size_t count = 0;
    while (count <= most && parser.HandleNextDocument(ignore)) ++count;
    if (count > most) throw YAML::ParserException(YAML::Mark::null_mark(), "the parser reads no further");
    return count;
}

// PyYAML's Reader: the text must be UTF-8 (Python's strict decoder: no overlong forms, no surrogates) made of
// printable characters (tab, line breaks, U+0020-U+007E, U+0085, U+00A0-U+D7FF, U+E000-U+FFFD, U+10000 up).
void check_printable(std::string_view text, std::string_view what) {
    for (std::size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = byte < 0x80 ? 1 : byte >= 0xC2 && byte < 0xE0 ? 2 : byte >= 0xE0 && byte < 0xF0 ? 3
                           : byte >= 0xF0 && byte < 0xF5 ? 4 : 0;
        if (length == 0 || i + length > text.size()) fail(what, "not valid UTF-8 at byte " + std::to_string(i));
        char32_t code = length == 1 ? byte : byte & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) fail(what, "not valid UTF-8 at byte " + std::to_string(i));
            code = (code << 6) | (next & 0x3F);
        }
        bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
        if (overlong || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
            fail(what, "not valid UTF-8 at byte " + std::to_string(i));
        }
        bool printable = code == 0x09 || code == 0x0A || code == 0x0D || (code >= 0x20 && code <= 0x7E) ||
                         code == 0x85 || (code >= 0xA0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0xFFFD) ||
                         code >= 0x10000;
        if (!printable) {
            fail(what, fmt::format("unacceptable character #x{:04x}: special characters are not allowed",
                                   static_cast<unsigned>(code)));
        }
        i += length;
    }
}

}  // namespace

OrderedJson yaml_safe_load_json(std::string_view text, std::string_view what) {
    check_printable(text, what);
    std::size_t documents = 0;
    YAML::Node document;
    try {
        documents = count_documents(text);
        if (documents == 1) document = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        fail(what, std::string("not valid YAML: ") + e.what());
    }
    if (documents == 0) return nullptr;
    if (documents > 1) fail(what, "expected a single YAML document, found " + std::to_string(documents));
    return convert(document, what, 0);
}

std::string yaml_to_python_json(std::string_view text, std::string_view what) {
    return python_json_dumps(yaml_safe_load_json(text, what));
}

}  // namespace butler_migrate

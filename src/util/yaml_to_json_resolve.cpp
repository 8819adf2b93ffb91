// PyYAML's implicit resolvers, written out by hand: the type a plain scalar's text stands for (bool, float, ...).
#include "util/yaml_to_json_resolve.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace butler_migrate::yaml_detail {

namespace {

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

}  // namespace

PlainType plain_scalar_type(std::string_view s) {
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

}  // namespace butler_migrate::yaml_detail

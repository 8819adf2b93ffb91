// Shell-style wildcard matching as Python's fnmatch.fnmatch does it on POSIX.
#include "config/glob_match.hpp"

#include <cstddef>
#include <vector>

namespace butler_migrate::config_detail {

namespace {

// One element of a pattern: a wildcard, or a single-character test.
struct Element {
    enum class Kind { star, any, set, literal } kind = Kind::literal;
    char literal = 0;
    std::string set_body;  // the bracket contents without the leading '!'
    bool negated = false;
};

bool set_contains(const std::string& body, char c) {
    std::size_t q = 0;
    while (q < body.size()) {
        if (q + 2 < body.size() && body[q + 1] == '-') {
            auto low = static_cast<unsigned char>(body[q]);
            auto high = static_cast<unsigned char>(body[q + 2]);
            auto value = static_cast<unsigned char>(c);
            if (low <= value && value <= high) return true;
            q += 3;
        } else {
            if (body[q] == c) return true;
            ++q;
        }
    }
    return false;
}

// Parses a bracket expression starting just after '['. Returns false (and leaves `next`) if unclosed.
bool parse_set(const std::string& pattern, std::size_t start, Element& element, std::size_t& next) {
    std::size_t j = start;
    bool negated = false;
    if (j < pattern.size() && pattern[j] == '!') {
        negated = true;
        ++j;
    }
    std::size_t body_start = j;
    if (j < pattern.size() && pattern[j] == ']') ++j;
    while (j < pattern.size() && pattern[j] != ']') ++j;
    if (j >= pattern.size()) return false;
    element.kind = Element::Kind::set;
    element.negated = negated;
    element.set_body = pattern.substr(body_start, j - body_start);
    next = j + 1;
    return true;
}

std::vector<Element> compile(const std::string& pattern) {
    std::vector<Element> elements;
    std::size_t i = 0;
    while (i < pattern.size()) {
        Element element;
        char c = pattern[i];
        std::size_t next = i + 1;
        if (c == '*') {
            element.kind = Element::Kind::star;
        } else if (c == '?') {
            element.kind = Element::Kind::any;
        } else if (c != '[' || !parse_set(pattern, i + 1, element, next)) {
            element.kind = Element::Kind::literal;
            element.literal = c;
        }
        if (element.kind != Element::Kind::star || elements.empty() ||
            elements.back().kind != Element::Kind::star) {
            elements.push_back(element);
        }
        i = next;
    }
    return elements;
}

bool matches_one(const Element& element, char c) {
    switch (element.kind) {
        case Element::Kind::any: return true;
        case Element::Kind::literal: return element.literal == c;
        case Element::Kind::set: return set_contains(element.set_body, c) != element.negated;
        case Element::Kind::star: return false;
    }
    return false;
}

}  // namespace

bool glob_match(const std::string& text, const std::string& pattern) {
    const std::vector<Element> elements = compile(pattern);
    std::size_t t = 0;
    std::size_t e = 0;
    std::size_t star_element = std::string::npos;
    std::size_t star_text = 0;
    while (t < text.size()) {
        if (e < elements.size() && elements[e].kind == Element::Kind::star) {
            star_element = e++;
            star_text = t;
        } else if (e < elements.size() && matches_one(elements[e], text[t])) {
            ++e;
            ++t;
        } else if (star_element != std::string::npos) {
            e = star_element + 1;
            t = ++star_text;
        } else {
            return false;
        }
    }
    while (e < elements.size() && elements[e].kind == Element::Kind::star) ++e;
    return e == elements.size();
}

}  // namespace butler_migrate::config_detail

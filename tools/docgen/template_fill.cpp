// Fills the @NAME@ placeholders of a template, and the text helpers the generators share.
#include <cctype>
#include <stdexcept>

#include "docgen.hpp"

namespace butler_migrate::docgen {

namespace {

bool is_placeholder_name(const std::string& text) {
    if (text.empty() || std::isupper(static_cast<unsigned char>(text.front())) == 0) return false;
    for (char c : text) {
        if (std::isupper(static_cast<unsigned char>(c)) == 0 && std::isdigit(static_cast<unsigned char>(c)) == 0 &&
            c != '_') {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string fill_template(const std::string& text, const Substitutions& substitutions,
                          const std::string& template_name) {
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t open = text.find('@', pos);
        const size_t close = open == std::string::npos ? std::string::npos : text.find('@', open + 1);
        if (close == std::string::npos) break;
        const std::string name = text.substr(open + 1, close - open - 1);
        if (!is_placeholder_name(name)) {
            out += text.substr(pos, close - pos);  // not a placeholder: the second @ may open one
            pos = close;
            continue;
        }
        const auto found = substitutions.find(name);
        if (found == substitutions.end()) {
            throw std::runtime_error(template_name + ": no value for the placeholder @" + name + "@");
        }
        out += text.substr(pos, open - pos) + found->second;
        pos = close + 1;
    }
    return out + text.substr(pos);
}

std::string join(const std::vector<std::string>& words, const std::string& separator) {
    std::string text;
    for (size_t i = 0; i < words.size(); ++i) text += (i == 0 ? "" : separator) + words[i];
    return text;
}

std::string wrapped_words(const std::vector<std::string>& words, size_t width, const std::string& indent) {
    std::string text;
    std::string line;
    for (const std::string& word : words) {
        if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
            text += indent + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return text + (line.empty() ? "" : indent + line);
}

std::string generated_note(const std::string& template_name) {
    return "Generated at build time by butler-migrate-docgen (tools/docgen) from " + template_name +
           ", the subcommand table and the catalogue: edit those, not this file.";
}

}  // namespace butler_migrate::docgen

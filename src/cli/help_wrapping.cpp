// Wraps help text as Python click does: chunks, greedy lines, paragraphs and "\b" blocks kept as written.
#include "cli/help_wrapping.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace butler_migrate::cli {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool is_word_char(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '_' || u >= 0x80;
}
bool is_letter(char c) { return is_word_char(c) && std::isdigit(static_cast<unsigned char>(c)) == 0; }
bool is_word_or_punct(char c) { return c != '\0' && (is_word_char(c) || std::strchr("!\"'&.,?", c) != nullptr); }
bool is_blank(const std::string& s) { return std::all_of(s.begin(), s.end(), is_space); }

char char_at(const std::string& text, long index) {
    return index >= 0 && index < static_cast<long>(text.size()) ? text[index] : '\0';
}

// text[pos..] is a run of at least two hyphens followed by a word character (an em-dash).
bool em_dash_at(const std::string& text, size_t pos) {
    size_t end = pos;
    while (end < text.size() && text[end] == '-') ++end;
    return end - pos >= 2 && end < text.size() && is_word_char(text[end]);
}

// A word may break after the hyphen at `pos`: letters around it ("one-shot"), not "--x" or "a-1".
bool hyphen_break_at(const std::string& text, long pos) {
    if (char_at(text, pos) != '-') return false;
    auto letter = [&](long i) { return is_letter(char_at(text, i)); };
    bool behind = (letter(pos - 2) && letter(pos - 1)) ||
                  (letter(pos - 3) && char_at(text, pos - 2) == '-' && letter(pos - 1));
    bool ahead = letter(pos + 1) && (letter(pos + 2) || (char_at(text, pos + 2) == '-' && letter(pos + 3)));
    return behind && ahead;
}

// End of the word chunk starting at `start` (at least one character).
size_t word_chunk_end(const std::string& text, size_t start) {
    for (size_t end = start + 1;; ++end) {
        if (hyphen_break_at(text, static_cast<long>(end))) return end + 1;
        if (end >= text.size() || is_space(text[end])) return end;
        if (is_word_or_punct(text[end - 1]) && em_dash_at(text, end)) return end;
    }
}

// Whitespace runs, em-dashes and words (hyphenated words in parts ending with their hyphen).
std::vector<std::string> split_chunks(const std::string& text) {
    std::vector<std::string> chunks;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = pos;
        if (is_space(text[pos])) {
            while (end < text.size() && is_space(text[end])) ++end;
        } else if (pos > 0 && is_word_or_punct(text[pos - 1]) && em_dash_at(text, pos)) {
            while (text[end] == '-') ++end;
        } else {
            end = word_chunk_end(text, pos);
        }
        chunks.push_back(text.substr(pos, end - pos));
        pos = end;
    }
    return chunks;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : separator) + parts[i];
    return out;
}

// Fills lines greedily; a chunk longer than a whole line is cut to the space left.
std::vector<std::string> wrap_lines(const std::string& text, int width, const std::string& initial_indent,
                                    const std::string& subsequent_indent) {
    std::vector<std::string> chunks = split_chunks(text);
    std::reverse(chunks.begin(), chunks.end());
    std::vector<std::string> lines;
    while (!chunks.empty()) {
        const std::string& indent = lines.empty() ? initial_indent : subsequent_indent;
        const long line_width = width - static_cast<long>(indent.size());
        if (!lines.empty() && is_blank(chunks.back())) chunks.pop_back();
        std::vector<std::string> line;
        long line_length = 0;
        while (!chunks.empty() && line_length + static_cast<long>(chunks.back().size()) <= line_width) {
            line_length += static_cast<long>(chunks.back().size());
            line.push_back(chunks.back());
            chunks.pop_back();
        }
        if (!chunks.empty() && static_cast<long>(chunks.back().size()) > line_width) {
            size_t space_left = static_cast<size_t>(std::max(line_width - line_length, 1L));
            line.push_back(chunks.back().substr(0, space_left));
            chunks.back().erase(0, space_left);
            if (chunks.back().empty()) chunks.pop_back();
        }
        if (!line.empty() && is_blank(line.back())) line.pop_back();
        if (!line.empty()) lines.push_back(indent + join(line, ""));
    }
    return lines;
}

std::string expand_tabs(const std::string& text) {
    std::string out;
    size_t column = 0;
    for (char c : text) {
        if (c == '\t') {
            size_t spaces = 8 - column % 8;
            out.append(spaces, ' ');
            column += spaces;
        } else {
            out += c;
            column = (c == '\n' || c == '\r') ? 0 : column + 1;
        }
    }
    return out;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

struct Paragraph {
    size_t indent = 0;
    bool raw = false;  // "\b" paragraph: lines kept as written
    std::vector<std::string> lines;
};

std::vector<Paragraph> split_paragraphs(const std::string& text) {
    std::vector<Paragraph> paragraphs;
    Paragraph current;
    auto flush = [&] {
        if (current.lines.empty()) return;
        const std::string& first = current.lines.front();
        if (first.substr(0, first.find_last_not_of(" \t\n\v\f\r") + 1) == "\b") {
            current.raw = true;
            current.lines.erase(current.lines.begin());
        }
        paragraphs.push_back(current);
        current = Paragraph{};
    };
    for (const auto& line : split_lines(text)) {
        if (line.empty()) {
            flush();
            continue;
        }
        if (current.lines.empty()) {
            size_t first = line.find_first_not_of(" \t\n\v\f\r");
            current.indent = first == std::string::npos ? line.size() : first;
            current.lines.push_back(line.substr(current.indent));
        } else {
            current.lines.push_back(line);
        }
    }
    flush();
    return paragraphs;
}

}  // namespace

std::string click_wrap_text(const std::string& text, int width, const std::string& initial_indent,
                            const std::string& subsequent_indent, bool preserve_paragraphs) {
    const std::string expanded = expand_tabs(text);
    if (!preserve_paragraphs) return join(wrap_lines(expanded, width, initial_indent, subsequent_indent), "\n");
    std::vector<std::string> blocks;
    for (const Paragraph& paragraph : split_paragraphs(expanded)) {
        const std::string extra(paragraph.indent, ' ');  // click appends it to both indents
        const std::string first = initial_indent + extra;
        const std::string rest = subsequent_indent + extra;
        if (paragraph.raw) {
            std::vector<std::string> lines;
            for (size_t i = 0; i < paragraph.lines.size(); ++i) {
                lines.push_back((i == 0 ? first : rest) + paragraph.lines[i]);
            }
            blocks.push_back(join(lines, "\n"));
        } else {
            blocks.push_back(join(wrap_lines(join(paragraph.lines, " "), width, first, rest), "\n"));
        }
    }
    return join(blocks, "\n\n");
}

std::vector<std::string> click_wrap_lines(const std::string& text, int width) {
    return split_lines(click_wrap_text(text, width, "", "", true));
}

std::string click_first_paragraph(const std::string& text) {
    std::vector<Paragraph> paragraphs = split_paragraphs(text);
    return paragraphs.empty() ? std::string() : join(paragraphs.front().lines, " ");
}

}  // namespace butler_migrate::cli

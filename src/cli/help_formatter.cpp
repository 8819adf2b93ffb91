// Renders help pages in Python click's layout: text wrapping, the page writer, and reading a CLI11 App.
#include "cli/help_formatter.hpp"

#include <CLI/CLI.hpp>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "cli/help_text.hpp"

namespace butler_migrate::cli {

namespace {

// ---- Text wrapping (the rules of Python's textwrap as click configures it) ----

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

// ---- The page writer (click's HelpFormatter) ----

class HelpWriter {
public:
    explicit HelpWriter(int width) : width_(width) {}

    void write_usage(const std::string& prog, const std::string& args) {
        const std::string prefix = "Usage: ";
        std::string usage_prefix = std::string(prefix.size() < indent_ ? indent_ - prefix.size() : 0, ' ') +
                                   prefix + prog + " ";
        const int text_width = width_ - static_cast<int>(indent_);
        if (text_width >= static_cast<int>(usage_prefix.size()) + 20) {
            buffer_ += click_wrap_text(args, text_width, usage_prefix, std::string(usage_prefix.size(), ' '));
        } else {
            buffer_ += usage_prefix + "\n";
            std::string indent(std::max(indent_, prefix.size()) + 4, ' ');
            buffer_ += click_wrap_text(args, text_width, indent, indent);
        }
        buffer_ += "\n";
    }

    void write_paragraph() { buffer_ += buffer_.empty() ? "" : "\n"; }

    void write_text(const std::string& text) {
        std::string indent(indent_, ' ');
        buffer_ += click_wrap_text(text, width_, indent, indent, true) + "\n";
    }

    void write_section(const std::string& heading, const std::vector<HelpRow>& rows) {
        write_paragraph();
        buffer_ += std::string(indent_, ' ') + heading + ":\n";
        indent_ += 2;
        write_definition_list(rows);
        indent_ -= 2;
    }

    void write_indented_text(const std::string& text) {
        write_paragraph();
        indent_ += 2;
        write_text(text);
        indent_ -= 2;
    }

    std::string value() const {
        std::string text = buffer_;
        while (!text.empty() && text.back() == '\n') text.pop_back();
        return text + "\n";
    }

private:
    // Terms in a column as wide as the widest (at most 30) plus 2; longer terms get a line of their own.
    void write_definition_list(const std::vector<HelpRow>& rows) {
        const size_t col_max = 30;
        const size_t col_spacing = 2;
        size_t widest = 0;
        for (const auto& row : rows) widest = std::max(widest, row.first.size());
        const size_t first_col = std::min(widest, col_max) + col_spacing;
        const int text_width = std::max(width_ - static_cast<int>(first_col) - 2, 10);
        const std::string continuation(first_col + indent_, ' ');
        for (const auto& [term, text] : rows) {
            buffer_ += std::string(indent_, ' ') + term;
            if (text.empty()) {
                buffer_ += "\n";
                continue;
            }
            if (term.size() <= first_col - col_spacing) {
                buffer_ += std::string(first_col - term.size(), ' ');
            } else {
                buffer_ += "\n" + continuation;
            }
            std::vector<std::string> lines = split_lines(click_wrap_text(text, text_width, "", "", true));
            if (lines.empty()) buffer_ += "\n";
            for (size_t i = 0; i < lines.size(); ++i) buffer_ += (i == 0 ? "" : continuation) + lines[i] + "\n";
        }
    }

    int width_;
    size_t indent_ = 0;
    std::string buffer_;
};

// ---- Reading a CLI11 App ----

std::string upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

std::string first_paragraph(const std::string& text) {
    std::vector<Paragraph> paragraphs = split_paragraphs(text);
    return paragraphs.empty() ? std::string() : join(paragraphs.front().lines, " ");
}

std::string text_from(const std::function<std::string(const std::string&)>& source, const std::string& name) {
    return source ? source(name) : std::string();
}

// "-v, --verbose", "--mig-path PATH": short names first, then long ones, then the value's type name.
std::string option_term(const CLI::Option& option) {
    std::vector<std::string> names;
    for (const auto& name : option.get_snames()) names.push_back("-" + name);
    for (const auto& name : option.get_lnames()) names.push_back("--" + name);
    std::string term = join(names, ", ");
    if (option.get_type_size_max() > 0) {
        std::string metavar = option.get_type_name();
        metavar = metavar.substr(0, metavar.find(':'));  // CLI11 appends validator names after ':'
        if (!metavar.empty()) term += " " + metavar;
    }
    return term;
}

std::string usage_arguments(const CLI::App& app) {
    std::string args = "[OPTIONS]";
    for (const CLI::Option* positional : app.get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        if (positional->get_group().empty()) continue;
        std::string piece = upper(positional->get_name(true));
        if (!positional->get_required()) piece = "[" + piece + "]";
        if (positional->get_items_expected_max() > 1) piece += " ...";
        args += " " + piece;
    }
    if (!app.get_subcommands([](const CLI::App* sub) { return !sub->get_name().empty(); }).empty()) {
        args += " COMMAND [ARGS]...";
    }
    return args;
}

std::vector<HelpRow> option_rows(const CLI::App& app) {
    const CLI::Option* help = app.get_help_ptr();
    std::vector<HelpRow> rows;
    for (const CLI::Option* option : app.get_options([](const CLI::Option* o) { return o->nonpositional(); })) {
        if (option == help || option->get_group().empty()) continue;
        rows.emplace_back(option_term(*option), option->get_description());
    }
    if (help != nullptr) rows.emplace_back(option_term(*help), "Show this message and exit.");
    return rows;
}

std::vector<HelpRow> command_rows(const CLI::App& app, const HelpTextSource& texts) {
    std::vector<const CLI::App*> subcommands = app.get_subcommands(
        [](const CLI::App* sub) { return !sub->get_name().empty() && !sub->get_group().empty(); });
    std::sort(subcommands.begin(), subcommands.end(),
              [](const CLI::App* a, const CLI::App* b) { return a->get_name() < b->get_name(); });
    std::vector<HelpRow> rows;
    for (const CLI::App* sub : subcommands) {
        std::string summary = text_from(texts.summary, sub->get_name());
        rows.emplace_back(sub->get_name(), summary.empty() ? first_paragraph(sub->get_description()) : summary);
    }
    return rows;
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

int click_help_width() {
    long columns = 0;
    if (const char* env = std::getenv("COLUMNS")) {
        char* end = nullptr;
        long value = std::strtol(env, &end, 10);
        if (end != env && *end == '\0') columns = value;
    }
    if (columns <= 0) {
        winsize size{};
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) columns = size.ws_col;
    }
    if (columns <= 0) columns = 80;
    return static_cast<int>(std::max(std::min(columns, 80L) - 2, 50L));
}

std::string render_help_page(const HelpPage& page, int width) {
    HelpWriter writer(width);
    writer.write_usage(page.command_path, page.usage_args);
    if (!page.help_text.empty()) writer.write_indented_text(page.help_text);
    if (!page.options.empty()) writer.write_section("Options", page.options);
    if (!page.commands.empty()) writer.write_section("Commands", page.commands);
    if (!page.epilog.empty()) writer.write_indented_text(page.epilog);
    return writer.value();
}

HelpTextSource default_help_text_source() { return HelpTextSource{long_help, command_summary}; }

HelpPage help_page_from_app(const CLI::App& app, const std::string& command_path, const HelpTextSource& texts) {
    const CLI::App* root = &app;
    while (root->get_parent() != nullptr) root = root->get_parent();
    const bool is_subcommand = root != &app;

    HelpPage page;
    page.command_path = command_path.empty() ? app.get_name() : command_path;
    page.usage_args = usage_arguments(app);
    page.help_text = is_subcommand ? text_from(texts.long_help, app.get_name()) : std::string();
    if (page.help_text.empty()) page.help_text = app.get_description();
    page.options = option_rows(app);
    page.commands = command_rows(app, texts);
    page.epilog = app.get_footer();
    if (page.epilog.empty() && is_subcommand) {
        page.epilog = "See '" + root->get_name() + " --help' for more options.";
    }
    return page;
}

ClickHelpFormatter::ClickHelpFormatter(HelpTextSource texts, int width) : texts_(std::move(texts)), width_(width) {}

std::string ClickHelpFormatter::make_help(const CLI::App* app, std::string name, CLI::AppFormatMode) const {
    return render_help_page(help_page_from_app(*app, name, texts_), width_ > 0 ? width_ : click_help_width());
}

}  // namespace butler_migrate::cli

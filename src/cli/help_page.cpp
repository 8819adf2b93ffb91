// Writes a help page as click's HelpFormatter does: usage, indented text, sections of definition lists.
#include "cli/help_page.hpp"

#include <algorithm>

#include "cli/help_wrapping.hpp"

namespace butler_migrate::cli {

namespace {

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
            std::vector<std::string> lines = click_wrap_lines(text, text_width);
            if (lines.empty()) buffer_ += "\n";
            for (size_t i = 0; i < lines.size(); ++i) buffer_ += (i == 0 ? "" : continuation) + lines[i] + "\n";
        }
    }

    int width_;
    size_t indent_ = 0;
    std::string buffer_;
};

}  // namespace

std::string render_help_page(const HelpPage& page, int width) {
    HelpWriter writer(width);
    writer.write_usage(page.command_path, page.usage_args);
    if (!page.help_text.empty()) writer.write_indented_text(page.help_text);
    if (!page.options.empty()) writer.write_section("Options", page.options);
    if (!page.commands.empty()) writer.write_section("Commands", page.commands);
    if (!page.epilog.empty()) writer.write_indented_text(page.epilog);
    return writer.value();
}

}  // namespace butler_migrate::cli

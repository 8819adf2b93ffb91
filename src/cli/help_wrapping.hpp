// Text wrapping as Python click does it (textwrap's rules as click configures them), for the help pages.
#pragma once

#include <string>
#include <vector>

namespace butler_migrate::cli {

// Wraps `text` to `width` columns (indents included) like click's wrap_text, which wraps like Python's
// textwrap (breaks at spaces and after hyphens inside words, cuts words longer than a line). With
// `preserve_paragraphs`, paragraphs separated by empty lines are wrapped separately, keeping the indent of
// their first line; a paragraph whose first line is "\b" is kept as written.
std::string click_wrap_text(const std::string& text, int width, const std::string& initial_indent = "",
                            const std::string& subsequent_indent = "", bool preserve_paragraphs = false);

// click_wrap_text(text, width, "", "", true) as lines (without their line breaks).
std::vector<std::string> click_wrap_lines(const std::string& text, int width);

// The first paragraph of `text` with its lines joined by spaces, as click shortens a help text.
std::string click_first_paragraph(const std::string& text);

}  // namespace butler_migrate::cli

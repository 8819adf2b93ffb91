// Help pages laid out like Python click's (usage line, wrapped paragraphs, "Options:"/"Commands:" lists, epilog).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace butler_migrate::cli {

// Wraps `text` to `width` columns (indents included) like click's wrap_text, which wraps like Python's
// textwrap (breaks at spaces and after hyphens inside words, cuts words longer than a line). With
// `preserve_paragraphs`, paragraphs separated by empty lines are wrapped separately, keeping the indent of
// their first line; a paragraph whose first line is "\b" is kept as written.
std::string click_wrap_text(const std::string& text, int width, const std::string& initial_indent = "",
                            const std::string& subsequent_indent = "", bool preserve_paragraphs = false);

// click's help width: min(terminal columns, 80) - 2, at least 50. The columns come from $COLUMNS, else the
// terminal on stdout, else 80 (so 78 when the output is not a terminal).
int click_help_width();

// One line of a definition list: the term (e.g. "--mig-path PATH") and its help text.
using HelpRow = std::pair<std::string, std::string>;

// The contents of one help page, independent of CLI11.
struct HelpPage {
    std::string command_path;  // e.g. "butler-migrate show-current"
    std::string usage_args;    // e.g. "[OPTIONS] REPO"
    std::string help_text;     // paragraphs separated by empty lines
    std::vector<HelpRow> options;
    std::vector<HelpRow> commands;
    std::string epilog;
};

// Lays `page` out as click does (Command.format_help with a HelpFormatter of `width`); ends with "\n".
std::string render_help_page(const HelpPage& page, int width);

// Where the formatter takes the texts of a subcommand from. An empty result (or no function) means: use the
// CLI11 description (its first paragraph for the summary).
struct HelpTextSource {
    std::function<std::string(const std::string& command_name)> long_help;  // help text of its own page
    std::function<std::string(const std::string& command_name)> summary;    // its line under "Commands:"
};

// The texts of src/cli/help_text.hpp.
HelpTextSource default_help_text_source();

// The help page of `app` (the top-level app or a subcommand) as CLI11 describes it:
// - usage "[OPTIONS]", then the positionals (NAME upper-cased, "[NAME]" when optional, " ..." appended when
//   it takes several values), then "COMMAND [ARGS]..." when it has subcommands;
// - options in the order they were added, short names first, the type name as metavar (flags have none),
//   the help flag last with click's text "Show this message and exit."; hidden options (empty group) left out;
// - subcommands sorted by name;
// - epilog: the app's footer, else for a subcommand "See '<program> --help' for more options.".
HelpPage help_page_from_app(const CLI::App& app, const std::string& command_path, const HelpTextSource& texts);

// CLI11 formatter printing click's layout. Set it on the top-level app before adding subcommands (CLI11
// copies the formatter into each subcommand when it is created).
class ClickHelpFormatter : public CLI::FormatterBase {
public:
    // width 0: click_help_width() at the time help is printed.
    explicit ClickHelpFormatter(HelpTextSource texts = default_help_text_source(), int width = 0);

    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;

private:
    HelpTextSource texts_;
    int width_;
};

}  // namespace butler_migrate::cli

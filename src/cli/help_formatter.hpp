// Help pages of a CLI11 App laid out like Python click's: the CLI11 formatter and the App it reads.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "cli/help_page.hpp"
#include "cli/help_wrapping.hpp"

namespace butler_migrate::cli {

// click's help width: min(terminal columns, 80) - 2, at least 50. The columns come from $COLUMNS, else the
// terminal on stdout, else 80 (so 78 when the output is not a terminal).
int click_help_width();

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

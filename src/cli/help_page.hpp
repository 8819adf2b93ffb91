// One help page in Python click's layout: usage line, wrapped paragraphs, "Options:"/"Commands:" lists, epilog.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace butler_migrate::cli {

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

}  // namespace butler_migrate::cli

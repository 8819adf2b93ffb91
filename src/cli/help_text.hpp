// The long help texts of the subcommands (their one-line summaries are in the subcommand table).
#pragma once

#include <string>
#include <vector>

namespace butler_migrate::cli {

struct CommandHelp {
    const char* name;                     // subcommand name, e.g. "show-current"
    std::vector<std::string> paragraphs;  // long help: the description first, then the argument paragraphs
};

// The long help of every subcommand of the subcommand table, in alphabetical order.
const std::vector<CommandHelp>& command_help_table();

// The entry of `name`, or nullptr for an unknown subcommand.
const CommandHelp* find_command_help(const std::string& name);

// The long help of `name`: its paragraphs joined by empty lines; empty for an unknown subcommand.
std::string long_help(const std::string& name);

// The summary of `name` for the command list, from the subcommand table; empty for an unknown subcommand.
std::string command_summary(const std::string& name);

}  // namespace butler_migrate::cli

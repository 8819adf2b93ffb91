// The help texts of the subcommands: the one-line summary of the command list and the long help paragraphs.
#pragma once

#include <string>
#include <vector>

namespace butler_migrate::cli {

struct CommandHelp {
    const char* name;                     // subcommand name, e.g. "show-current"
    const char* summary;                  // its line in the top-level "Commands:" list
    std::vector<const char*> paragraphs;  // long help: the description first, then the argument paragraphs
};

// All subcommands of butler-migrate, in alphabetical order.
const std::vector<CommandHelp>& command_help_table();

// The entry of `name`, or nullptr for an unknown subcommand.
const CommandHelp* find_command_help(const std::string& name);

// The long help of `name`: its paragraphs joined by empty lines; empty for an unknown subcommand.
std::string long_help(const std::string& name);

// The summary of `name` for the command list; empty for an unknown subcommand.
std::string command_summary(const std::string& name);

}  // namespace butler_migrate::cli

// The subcommands of butler-migrate: the one table that dispatch, --help and the generated completions and
// man page read (src/cli/subcommand_table.cpp), and the CLI11 command line built from it.
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"

namespace butler_migrate::cli {

struct Subcommand {
    const char* name;     // e.g. "show-current"
    const char* summary;  // its line under "Commands:" in `butler-migrate --help` (upstream's short help)
    CommandSetup setup;   // adds its options and arguments, sets the function that runs it
};

// Every subcommand, sorted by name (the order of `--help`).
const std::vector<Subcommand>& subcommand_table();

// The entry named `name`, or nullptr.
const Subcommand* find_subcommand(std::string_view name);

// The whole command line before parsing: the global options and every subcommand of the table, set up.
struct CommandLine {
    CLI::App app{"Set of command for managing and applying schema migrations.", "butler-migrate"};  // upstream's
    std::vector<std::string> log_levels;         // the values of --log-level, once parsed
    std::map<const CLI::App*, CommandRun> runs;  // the run function of each subcommand
};

// Builds it: click's help layout, --version, --log-level, then the table's rows.
std::unique_ptr<CommandLine> make_command_line();

}  // namespace butler_migrate::cli

// What a subcommand file src/cli/<subcommand>.cpp provides: a setup function, listed in the subcommand table.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace butler_migrate::cli {

// Runs a parsed subcommand and returns the process exit status (an ExitStatus, as to_int gives it).
using CommandRun = std::function<int()>;

// Adds a subcommand's options and arguments to `command` and sets `run`. Each subcommand file defines one,
// `void setup_<name>(CLI::App& command, CommandRun& run)`; src/cli/subcommand_table.cpp lists them, once.
using CommandSetup = void (*)(CLI::App& command, CommandRun& run);

}  // namespace butler_migrate::cli

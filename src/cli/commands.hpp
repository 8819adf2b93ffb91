// The subcommands: each file src/cli/<subcommand>.cpp defines one setup function listed here.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace butler_migrate::cli {

// Runs a parsed subcommand and returns the process exit status.
using CommandRun = std::function<int()>;

// Each adds its options and arguments to `command` and sets `run`.
void setup_stamp(CLI::App& command, CommandRun& run);
void setup_show_current(CLI::App& command, CommandRun& run);
void setup_show_history(CLI::App& command, CommandRun& run);
void setup_show_trees(CLI::App& command, CommandRun& run);
void setup_upgrade(CLI::App& command, CommandRun& run);
void setup_downgrade(CLI::App& command, CommandRun& run);
void setup_set_namespace(CLI::App& command, CommandRun& run);
void setup_dump_schema(CLI::App& command, CommandRun& run);
void setup_status(CLI::App& command, CommandRun& run);

}  // namespace butler_migrate::cli

// The table of subcommands: name, summary and setup function of each, the only list of them in the project.
#include "cli/subcommand_table.hpp"

#include "cli/help_formatter.hpp"

namespace butler_migrate::cli {

// Defined in src/cli/<subcommand>.cpp, each declared only here, beside its row of the table.
void setup_downgrade(CLI::App& command, CommandRun& run);
void setup_dump_schema(CLI::App& command, CommandRun& run);
void setup_set_namespace(CLI::App& command, CommandRun& run);
void setup_show_current(CLI::App& command, CommandRun& run);
void setup_show_history(CLI::App& command, CommandRun& run);
void setup_show_trees(CLI::App& command, CommandRun& run);
void setup_stamp(CLI::App& command, CommandRun& run);
void setup_status(CLI::App& command, CommandRun& run);
void setup_update_day_obs(CLI::App& command, CommandRun& run);
void setup_upgrade(CLI::App& command, CommandRun& run);

const std::vector<Subcommand>& subcommand_table() {
    // Upstream's short help texts, except for status, which upstream does not have.
    static const std::vector<Subcommand> table = {
        {"downgrade", "Downgrade schema to a specified revision.", setup_downgrade},
        {"dump-schema", "Dump schema of the database tables.", setup_dump_schema},
        {"set-namespace", "Add namespace attribute to the stored dimensions configuration.", setup_set_namespace},
        {"show-current", "Display current revisions for a database.", setup_show_current},
        {"show-history", "Show revision history.", setup_show_history},
        {"show-trees", "Print a list of known revision trees.", setup_show_trees},
        {"stamp", "Stamp revision table with current registry versions.", setup_stamp},
        {"status", "Report whether every revision tree is at its head.", setup_status},
        {"update-day-obs", "Recalculate the day_obs values for exposures and visit for the given instrument.",
         setup_update_day_obs},
        {"upgrade", "Upgrade schema to a specified revision.", setup_upgrade},
    };
    return table;
}

const Subcommand* find_subcommand(std::string_view name) {
    for (const Subcommand& entry : subcommand_table()) {
        if (name == entry.name) return &entry;
    }
    return nullptr;
}

std::unique_ptr<CommandLine> make_command_line() {
    auto line = std::make_unique<CommandLine>();
    CLI::App& app = line->app;
    // Set before the subcommands are added: CLI11 copies the formatter into each one when it is created.
    app.formatter(std::make_shared<ClickHelpFormatter>());
    app.set_version_flag("--version", std::string("butler-migrate ") + BUTLER_MIGRATE_VERSION);
    app.require_subcommand(1);
    app.positionals_at_end();  // an unknown subcommand is an error, not a request for the top-level help
    app.add_option("--log-level", line->log_levels,
                   "Logging level: CRITICAL, ERROR, WARNING, INFO (default), VERBOSE, DEBUG or TRACE; "
                   "COMPONENT=LEVEL is accepted as in the butler command.")
        ->type_name("LEVEL");
    for (const Subcommand& entry : subcommand_table()) {
        CLI::App* command = app.add_subcommand(entry.name, entry.summary);
        entry.setup(*command, line->runs[command]);
    }
    return line;
}

}  // namespace butler_migrate::cli

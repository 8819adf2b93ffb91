// The command line: the table of subcommands, global options, and the one place errors become exit statuses.
#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <map>

#include "butler_migrate/util/control_characters.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/util/secrets.hpp"
#include "cli/commands.hpp"
#include "cli/help_formatter.hpp"

namespace butler_migrate::cli {

namespace {

struct Subcommand {
    const char* name;
    const char* description;
    void (*setup)(CLI::App&, CommandRun&);
};

// Upstream's short help texts; the order is the order of `--help`.
const Subcommand kSubcommands[] = {
    {"downgrade", "Downgrade schema to a specified revision.", setup_downgrade},
    {"dump-schema", "Dump schema of the database tables.", setup_dump_schema},
    {"set-namespace", "Add namespace attribute to the stored dimensions configuration.", setup_set_namespace},
    {"show-current", "Display current revisions for a database.", setup_show_current},
    {"show-history", "Show revision history.", setup_show_history},
    {"show-trees", "Print a list of known revision trees.", setup_show_trees},
    {"stamp", "Stamp revision table with current registry versions.", setup_stamp},
    {"status", "Report whether every revision tree is at its head.", setup_status},
    {"upgrade", "Upgrade schema to a specified revision.", setup_upgrade},
};

// One line `butler-migrate: error: <message>`, then the error's details (a diff, say) as they are.
void print_error(const std::string& message, const std::string& details = {}) {
    std::cerr << "butler-migrate: error: " << escaped_controls(redact_secrets(message)) << "\n";
    if (!details.empty()) std::cerr << redact_secrets(details) << "\n";
}

// --log-level takes LEVEL or COMPONENT=LEVEL like the butler CLI; the last level given applies to all output.
void apply_log_levels(const std::vector<std::string>& values) {
    for (const auto& value : values) {
        auto eq = value.find('=');
        std::string level_text = eq == std::string::npos ? value : value.substr(eq + 1);
        log::Level level;
        if (!log::parse_level(level_text, level)) {
            throw UsageError(fmt::format(
                "Invalid value for --log-level: '{}' (use CRITICAL, ERROR, WARNING, INFO, VERBOSE, DEBUG or TRACE)",
                value));
        }
        log::set_level(level);
    }
}

int run_selected(CLI::App& app, const std::map<const CLI::App*, CommandRun>& runs,
                 const std::vector<std::string>& log_levels) {
    apply_log_levels(log_levels);
    for (const CLI::App* selected : app.get_subcommands()) {
        auto it = runs.find(selected);
        if (it != runs.end() && it->second) return it->second();
    }
    throw UsageError("no subcommand given (see --help)");
}

}  // namespace

int run_app(int argc, char** argv) {
    CLI::App app{"Set of command for managing and applying schema migrations.", "butler-migrate"};  // upstream's text
    // Set before the subcommands are added: CLI11 copies the formatter into each one when it is created.
    app.formatter(std::make_shared<ClickHelpFormatter>());
    app.set_version_flag("--version", std::string("butler-migrate ") + BUTLER_MIGRATE_VERSION);
    app.require_subcommand(1);
    app.positionals_at_end();  // an unknown subcommand is an error, not a request for the top-level help
    std::vector<std::string> log_levels;
    app.add_option("--log-level", log_levels,
                   "Logging level: CRITICAL, ERROR, WARNING, INFO (default), VERBOSE, DEBUG or TRACE; "
                   "COMPONENT=LEVEL is accepted as in the butler command.")
        ->type_name("LEVEL");

    std::map<const CLI::App*, CommandRun> runs;
    for (const auto& entry : kSubcommands) {
        CLI::App* command = app.add_subcommand(entry.name, entry.description);
        entry.setup(*command, runs[command]);
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        print_error(e.what());
        std::cerr << "Run with --help for more information.\n";
        return to_int(ExitStatus::usage);
    }

    try {
        return run_selected(app, runs, log_levels);
    } catch (const Error& e) {
        print_error(e.what(), e.details());
        return to_int(e.exit_status());
    } catch (const std::exception& e) {
        print_error(std::string("unexpected failure: ") + e.what());
        return to_int(ExitStatus::failure);
    }
}

}  // namespace butler_migrate::cli

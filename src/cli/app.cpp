// The command line run: parses arguments, runs the selected subcommand of the table, and is the one place
// where errors become exit statuses.
#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "butler_migrate/util/control_characters.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/util/interruption.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/util/secrets.hpp"
#include "cli/subcommand_table.hpp"

namespace butler_migrate::cli {

namespace {

// One line `butler-migrate: error: <message>`, then the error's details (a diff, say) as they are.
void print_error(const std::string& message, const std::string& details = {}) {
    log::write_plain("butler-migrate: error: " + escaped_controls(redact_secrets(message)));
    if (!details.empty()) log::write_plain(redact_secrets(details));
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

int run_selected(const CommandLine& line) {
    apply_log_levels(line.log_levels);
    for (const CLI::App* selected : line.app.get_subcommands()) {
        auto it = line.runs.find(selected);
        if (it != line.runs.end() && it->second) return it->second();
    }
    throw UsageError("no subcommand given (see --help)");
}

}  // namespace

int run_app(int argc, char** argv) {
    install_interruption_handlers();  // SIGINT/SIGTERM/SIGHUP roll the running step back; SIGXFSZ is an error
    const std::unique_ptr<CommandLine> line = make_command_line();
    try {
        line->app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --version: CLI11 prints the page
        line->app.exit(e);
        return to_int(ExitStatus::success);
    } catch (const CLI::ParseError& e) {
        print_error(e.what());
        log::write_plain("Run with --help for more information.");
        return to_int(ExitStatus::usage);
    }

    try {
        return run_selected(*line);
    } catch (const Error& e) {
        print_error(e.what(), e.details());
        return to_int(e.exit_status());
    } catch (const std::exception& e) {
        print_error(std::string("unexpected failure: ") + e.what());
        return to_int(ExitStatus::failure);
    }
}

}  // namespace butler_migrate::cli

// `upgrade`: run migration steps forward to a target revision, one transaction per step.
#include <CLI/CLI.hpp>

#include <iostream>

#include "butler_migrate/core/migration_engine.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/migration_command.hpp"

namespace butler_migrate::cli {

namespace {

int upgrade(const MigrationCommandOptions& options, std::ostream& out) {
    auto step_options = MigrationOptions::parse(options.options);  // malformed --options fail before the database is touched
    MigrationSession session(options, StepDirection::upgrade);
    return session.run(step_options, out);
}

}  // namespace

void setup_upgrade(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<MigrationCommandOptions>();
    command.description("Upgrade schema to a specified revision.");
    add_migration_options(command, *options, StepDirection::upgrade);
    run = [options] { return upgrade(*options, std::cout); };
}

}  // namespace butler_migrate::cli

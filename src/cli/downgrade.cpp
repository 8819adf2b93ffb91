// `downgrade`: run migration steps backward to a target revision.
#include <CLI/CLI.hpp>

#include <iostream>

#include "butler_migrate/errors.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"

namespace butler_migrate::cli {

namespace {

struct DowngradeOptions {
    std::string repo;
    std::string revision;
    std::optional<std::string> ns;
    std::optional<std::string> one_shot_tree;
    std::string mig_path;
    bool sql = false;
};

int downgrade(const DowngradeOptions&, std::ostream&) {
    throw MigrationError("downgrade is not implemented yet in this version of butler-migrate");
}

}  // namespace

void setup_downgrade(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<DowngradeOptions>();
    command.description("Downgrade schema to a specified revision.");
    add_mig_path_option(command, options->mig_path);
    command.add_option("--one-shot-tree", options->one_shot_tree,
                       "Use special one-shot history tree instead of regular history.")
        ->type_name("TEXT");
    command.add_flag("--sql", options->sql, "Offline mode, dump SQL instead of executing migration on a database.");
    add_namespace_option(command, options->ns);
    add_repo_argument(command, options->repo);
    command.add_option("REVISION", options->revision,
                       "REVISION is a target alembic revision, in offline mode it can also specify initial revision "
                       "using INITIAL:TARGET format.")
        ->required();
    run = [options] { return downgrade(*options, std::cout); };
}

}  // namespace butler_migrate::cli

// Options and set-up shared by the upgrade and downgrade commands.
#include "cli/migration_command.hpp"

#include <CLI/CLI.hpp>

#include "butler_migrate/errors.hpp"

namespace butler_migrate::cli {

namespace {

RevisionGraph graph_for(const MigrationCommandOptions& options) {
    return options.one_shot_tree ? RevisionGraph::with_one_shot_tree(*options.one_shot_tree) : RevisionGraph::regular();
}

}  // namespace

void add_migration_options(CLI::App& command, MigrationCommandOptions& options, bool with_step_options) {
    add_mig_path_option(command, options.mig_path);
    command.add_option("--one-shot-tree", options.one_shot_tree,
                       "Use special one-shot history tree instead of regular history.")
        ->type_name("TEXT");
    command.add_flag("--sql", options.sql, "Offline mode, dump SQL instead of executing migration on a database.");
    add_namespace_option(command, options.ns);
    if (with_step_options) {
        command.add_option("--options", options.options, "Options to pass to migration scripts, as a key-value pair.")
            ->type_name("TEXT=TEXT")
            ->expected(1)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    add_repo_argument(command, options.repo);
    command.add_option("REVISION", options.revision,
                       "REVISION is a target alembic revision, in offline mode it can also specify initial revision "
                       "using INITIAL:TARGET format.")
        ->required();
}

MigrationSession::MigrationSession(const MigrationCommandOptions& options)
    : graph_(graph_for(options)), registry_(open_registry(options.repo, AccessMode::read_write)) {
    if (options.sql) throw UsageError("--sql (offline mode) is not available yet");
    current_ = check_migration_preconditions(*registry_.db, graph_, options.ns);
}

int MigrationSession::run(const std::vector<PlannedStep>& steps, const EngineSettings& settings) {
    run_steps(*registry_.db, graph_, steps, settings);
    return 0;
}

}  // namespace butler_migrate::cli

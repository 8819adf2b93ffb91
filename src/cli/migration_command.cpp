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
    add_write_options(command, options.write);
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

MigrationSession::MigrationSession(const MigrationCommandOptions& options, StepDirection direction)
    : options_(options),
      direction_(direction),
      graph_(graph_for(options)),
      registry_(open_registry(options.repo, options.sql ? AccessMode::read_only : AccessMode::read_write)) {
    // Locked before anything is read: a run that waited sees the revisions the previous holder left.
    if (!options.sql) lock_ = take_migration_lock(*registry_.db, options.write);
    current_ = check_migration_preconditions(*registry_.db, graph_, options.ns);
}

int MigrationSession::run(const MigrationOptions& step_options, std::ostream& out) {
    std::vector<std::string> current = current_;
    std::string target_spec = options_.revision;
    if (options_.sql) {
        // Offline mode may start from a given revision: FROM:TO.
        auto colon = target_spec.find(':');
        if (colon != std::string::npos) {
            current = {resolve_revision(graph_, target_spec.substr(0, colon)).id};
            target_spec = target_spec.substr(colon + 1);
        } else if (direction_ == StepDirection::downgrade) {
            throw UsageError("downgrade with --sql requires <fromrev>:<torev>");
        }
    }
    const Revision& target = resolve_revision(graph_, target_spec);
    auto steps = direction_ == StepDirection::upgrade ? plan_upgrade(graph_, current, target)
                                                      : plan_downgrade(graph_, current, target);
    Database& db = *registry_.db;
    if (options_.sql) write_steps_sql(db.dialect(), db.schema(), graph_, current, steps, step_options, out);
    else run_steps(db, graph_, current, steps, EngineSettings{step_options, &out});
    return 0;
}

}  // namespace butler_migrate::cli

// Options and set-up shared by the upgrade and downgrade commands, and the run of one of them.
#include "cli/migration_command.hpp"

#include <CLI/CLI.hpp>

#include <sstream>
#include <fmt/format.h>

#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/core/preflight.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "cli/config_change_text.hpp"
#include "cli/plan_text.hpp"

namespace butler_migrate::cli {

namespace {

constexpr const char* kAllHeads = "head";

RevisionGraph graph_for(const MigrationCommandOptions& options) {
    return options.one_shot_tree ? compiled_catalogue().with_one_shot_tree(*options.one_shot_tree) : compiled_catalogue().regular();
}

bool to_heads(const MigrationCommandOptions& options, StepDirection direction) {
    return direction == StepDirection::upgrade && options.revision == kAllHeads;
}

AccessMode access_for(const MigrationCommandOptions& options) {
    return options.sql || options.dry_run ? AccessMode::read_only : AccessMode::read_write;
}

}  // namespace

void add_migration_options(CLI::App& command, MigrationCommandOptions& options, StepDirection direction) {
    const bool upgrade = direction == StepDirection::upgrade;
    add_mig_path_option(command, options.mig_path);
    command.add_option("--one-shot-tree", options.one_shot_tree,
                       "Use special one-shot history tree instead of regular history.")
        ->type_name("TEXT");
    auto* sql = command.add_flag("--sql", options.sql,
                                 "Offline mode, dump SQL instead of executing migration on a database.");
    add_namespace_option(command, options.ns);
    if (upgrade) {
        command.add_option("--options", options.options, "Options to pass to migration scripts, as a key-value pair.")
            ->type_name("TEXT=TEXT")
            ->expected(1)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    command.add_flag("--dry-run", options.dry_run, "Show the steps that would run, and change nothing.")->excludes(sql);
    if (upgrade) {
        command.add_flag("--update-config", options.update_config,
                         "After a one-shot migration, write the new manager class into butler.yaml (keeping a copy "
                         "of the old file).");
    }
    add_write_options(command, options.write);
    add_repo_argument(command, options.repo);
    command.add_option("REVISION", options.revision,
                       upgrade ? "REVISION is a target alembic revision, or 'head' for the head of every tree the "
                                 "registry is on; in offline mode it can also specify initial revision using "
                                 "INITIAL:TARGET format."
                               : "REVISION is a target alembic revision, in offline mode it can also specify initial "
                                 "revision using INITIAL:TARGET format.")
        ->required();
}

MigrationSession::MigrationSession(const MigrationCommandOptions& options, StepDirection direction)
    : options_(options),
      direction_(direction),
      graph_(graph_for(options)),
      registry_(open_registry(options.repo, access_for(options))) {
    if (options.sql && to_heads(options, direction)) {
        throw UsageError("'head' needs the registry's current revisions; it cannot be used with --sql");
    }
    // Locked before anything is read: a run that waited sees the revisions the previous holder left.
    if (access_for(options) == AccessMode::read_write) lock_ = take_migration_lock(*registry_.db, options.write);
    current_ = check_migration_preconditions(*registry_.db, graph_, options.ns);
}

std::vector<PlannedStep> MigrationSession::plan(const std::string& target_spec,
                                                const std::vector<std::string>& current) const {
    if (to_heads(options_, direction_)) return plan_upgrade_to_heads(graph_, current);
    const Revision& target = resolve_revision(graph_, target_spec);
    if (direction_ == StepDirection::downgrade) return plan_downgrade(graph_, current, target);
    auto steps = plan_upgrade(graph_, current, target);
    check_upgrade_target(graph_, current, target, steps);
    return steps;
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
    auto steps = plan(target_spec, current);
    Database& db = *registry_.db;
    if (options_.sql) {
        // Written out only once complete: a step that cannot run offline leaves stdout empty, not a partial script.
        std::ostringstream script;
        write_steps_sql(db.dialect(), db.schema(), graph_, current, steps, step_options, script);
        out << script.str();
        return to_int(ExitStatus::success);
    }
    // A plan that cannot run is refused before it is shown: --dry-run's exit status says whether it would run.
    if (options_.dry_run) check_steps_available(steps);
    // butler.yaml must be able to follow a one-shot step before that step commits.
    if (options_.update_config && direction_ == StepDirection::upgrade) check_config_changes(steps, options_.repo);
    // `upgrade head` shows its plan and progress as INFO does: `--log-level WARNING` keeps stdout quiet (a dry run's
    // plan is what was asked for, always shown).
    const bool show_plan = options_.dry_run || (to_heads(options_, direction_) && log::enabled(log::Level::info));
    if (show_plan) print_plan(steps, direction_, out);
    // Everything that can be known to stop the plan half-way, found before the backup and the first step (and
    // reported by --dry-run, whose exit status then says the plan would not run).
    PreflightSettings preflight{step_options, !options_.write.no_backup, std::nullopt};
    if (options_.write.backup_dir) preflight.backup_dir = *options_.write.backup_dir;
    const auto problems = preflight_problems(db, steps, preflight);
    if (!problems.empty()) {
        out.flush();
        throw preflight_error(problems);
    }
    if (options_.dry_run) {
        if (!steps.empty()) out << "Dry run: nothing was changed.\n";
        return to_int(ExitStatus::success);
    }
    run_online(steps, show_plan, step_options, out);
    // An earlier run may have stopped between its commit and the butler.yaml write: bring butler.yaml level.
    if (options_.update_config && direction_ == StepDirection::upgrade) {
        reconcile_config(options_.repo, manager_versions(db, options_.ns), out);
    }
    return to_int(ExitStatus::success);
}

void MigrationSession::run_online(const std::vector<PlannedStep>& steps, bool show_progress,
                                  const MigrationOptions& step_options, std::ostream& out) {
    if (steps.empty()) return;
    check_steps_available(steps);  // before the backup: a refused plan writes nothing at all
    back_up_before_writing(registry_, options_.write);
    EngineSettings settings{step_options, &out, {}};
    size_t done = 0;
    settings.on_step_done = [&](const PlannedStep& step, size_t index, double seconds) {
        done = index + 1;
        if (show_progress) print_step_done(step, index, steps.size(), seconds, out);
    };
    try {
        run_steps(*registry_.db, graph_, current_, steps, settings);
    } catch (const MigrationError& e) {
        if (!show_progress) throw;
        throw MigrationError(fmt::format(
            "{} ({} of {} steps were applied; to continue, fix the cause or give the step's --options, then run "
            "`butler-migrate upgrade {} head` again)",
            e.what(), done, steps.size(), options_.repo), e.details());
    }
    if (direction_ == StepDirection::upgrade) report_config_changes(steps, options_.repo, options_.update_config, out);
}

}  // namespace butler_migrate::cli

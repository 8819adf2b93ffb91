// `stamp`: record in alembic_version the revisions that butler_attributes says the registry is at.
#include <CLI/CLI.hpp>

#include <iostream>

#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/core/registry.hpp"
#include "butler_migrate/core/stamp_plan.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/write_options.hpp"

namespace butler_migrate::cli {

namespace {

struct StampOptions {
    std::string repo;
    std::optional<std::string> tree_name;
    std::optional<std::string> ns;
    std::string mig_path;
    bool purge = false;
    bool dry_run = false;
    WriteOptions write;
};

// A manager version newer than every migration (dimension universe 8 of current daf_butler, say) has no
// revision to record; the plan names each such manager.
void warn_about_unstamped(const StampPlan& plan) {
    for (const auto& line : plan.unstamped_warnings()) log::warning("butler_migrate.stamp", line);
}

int stamp(const StampOptions& options, std::ostream& out) {
    auto registry = open_registry(options.repo, options.dry_run ? AccessMode::read_only : AccessMode::read_write);
    Database& db = *registry.db;
    std::unique_ptr<MigrationLock> lock;
    if (!options.dry_run) lock = take_migration_lock(db, options.write);
    require_dimensions_namespace(db, options.ns);
    const RevisionGraph graph = compiled_catalogue().regular();
    const StampPlan plan = plan_stamp(manager_versions(db, options.ns), graph, options.tree_name, options.purge);

    check_stamp_plan(db, graph, plan);
    if (options.dry_run) {
        out << "Will store these revisions in alembic version table:\n";
        for (const auto& e : plan.entries) out << "  " << e.manager << ": " << e.revision << "\n";
    } else if (stamp_plan_changes(db, plan)) {  // a stamp that changes nothing needs no backup
        back_up_before_writing(registry, options.write);
        apply_stamp_plan(db, graph, plan);
    }
    warn_about_unstamped(plan);
    return to_int(ExitStatus::success);
}

}  // namespace

void setup_stamp(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<StampOptions>();
    command.description(
        "Stamp Alembic revision table (alembic_version) with current manager versions from butler_attributes. If "
        "TREE_NAME argument is not provided then all revision trees are stamped.");
    add_mig_path_option(command, options->mig_path);
    command.add_flag("--purge", options->purge, "Remove existing version table before saving new versions.");
    add_namespace_option(command, options->ns);
    command.add_flag("-n,--dry-run", options->dry_run, "Do not execute actions, only report.");
    add_write_options(command, options->write);
    add_repo_argument(command, options->repo);
    // Upstream renamed MANAGER to TREE_NAME in DM-55966 (cli/cmd/commands.py, cli/opt/arguments.py @c70930da).
    command.add_option("TREE_NAME", options->tree_name,
                       "Name of the revision tree to stamp; all trees in butler_attributes when missing. Give a "
                       "tree not yet in butler_attributes to stamp the root revision of that tree.");
    run = [options] { return stamp(*options, std::cout); };
}

}  // namespace butler_migrate::cli

// `stamp`: record in alembic_version the revisions that butler_attributes says the registry is at.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>

#include <iostream>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/core/registry.hpp"
#include "butler_migrate/core/revision_id.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/write_options.hpp"

namespace butler_migrate::cli {

namespace {

struct StampOptions {
    std::string repo;
    std::optional<std::string> manager;
    std::optional<std::string> ns;
    std::string mig_path;
    bool purge = false;
    bool dry_run = false;
    WriteOptions write;
};

struct StampEntry {
    std::string manager;
    std::string revision;
};

// The managers to stamp: all recorded ones, or the named one (a manager not yet in butler_attributes gets
// the root of its tree).
std::vector<StampEntry> stamp_entries(Database& db, const StampOptions& options, const RevisionGraph& graph) {
    std::vector<StampEntry> entries;
    for (const auto& m : manager_versions(db, options.ns)) {
        if (!options.manager || m.manager == *options.manager) entries.push_back({m.manager, m.revision});
    }
    if (options.manager && entries.empty()) {
        std::string root = rev_id({*options.manager});
        auto bases = graph.bases();
        if (std::find(bases.begin(), bases.end(), root) == bases.end()) {
            throw UsageError(fmt::format("Unknown manager name {} (not in the database or migrations)", *options.manager));
        }
        entries.push_back({*options.manager, root});
    }
    return entries;
}

// A manager version newer than every migration (dimension universe 8 of current daf_butler, say) has no
// revision to record: upstream stamps the managers before it and then fails half-way. Here every known
// manager is stamped and each unknown one named.
void warn_about_unknown(const std::vector<StampEntry>& entries, const RevisionGraph& graph) {
    for (const auto& e : entries) {
        if (graph.find(e.revision)) continue;
        log::warning("butler_migrate.stamp",
                     fmt::format("{}: the registry's version has no migration revision yet ({} is in no tree), so "
                                 "it was not stamped",
                                 e.manager, e.revision));
    }
}

int stamp(const StampOptions& options, std::ostream& out) {
    auto registry = open_registry(options.repo, options.dry_run ? AccessMode::read_only : AccessMode::read_write);
    Database& db = *registry.db;
    std::unique_ptr<MigrationLock> lock;
    if (!options.dry_run) lock = take_migration_lock(db, options.write);
    require_dimensions_namespace(db, options.ns);
    const RevisionGraph graph = compiled_catalogue().regular();
    auto entries = stamp_entries(db, options, graph);

    if (options.dry_run) {
        out << "Will store these revisions in alembic version table:\n";
        for (const auto& e : entries) out << "  " << e.manager << ": " << e.revision << "\n";
        warn_about_unknown(entries, graph);
        return 0;
    }
    back_up_before_writing(registry, options.write);
    // Upstream purges before each manager's stamp, so only the last survives; here the purge happens once.
    if (options.purge) purge_alembic_version(db);
    for (const auto& e : entries) {
        if (graph.find(e.revision)) stamp_revision(db, graph, e.revision);
    }
    warn_about_unknown(entries, graph);
    return 0;
}

}  // namespace

void setup_stamp(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<StampOptions>();
    command.description(
        "Stamp Alembic revision table (alembic_version) with current manager versions from butler_attributes.");
    add_mig_path_option(command, options->mig_path);
    command.add_flag("--purge", options->purge, "Remove existing version table before saving new versions.");
    add_namespace_option(command, options->ns);
    command.add_flag("-n,--dry-run", options->dry_run, "Do not execute actions, only report.");
    add_write_options(command, options->write);
    add_repo_argument(command, options->repo);
    command.add_option("MANAGER", options->manager,
                       "Name of the manager to stamp; all managers in butler_attributes when missing. Give a "
                       "manager not yet in butler_attributes to stamp the initial revision of its tree.");
    run = [options] { return stamp(*options, std::cout); };
}

}  // namespace butler_migrate::cli

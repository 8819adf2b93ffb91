// `show-current`: the revisions recorded in alembic_version, or the manager versions in butler_attributes.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <tuple>
#include <iostream>

#include "butler_migrate/registry.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/revision_text.hpp"

namespace butler_migrate::cli {

namespace {

struct ShowCurrentOptions {
    std::string repo;
    std::optional<std::string> ns;
    std::string mig_path;
    bool verbose = false;
    bool butler = false;
};

// Manager versions sorted by manager name: `<type>: <class> <version> -> <rev>[ (head)]`.
void print_manager_versions(Database& db, const ShowCurrentOptions& options, const RevisionGraph& graph,
                            std::ostream& out) {
    auto managers = manager_versions(db, options.ns);
    if (managers.empty()) {
        out << "No manager versions defined in butler_attributes table.\n";
        return;
    }
    std::sort(managers.begin(), managers.end(),
              [](const ManagerVersion& a, const ManagerVersion& b) { return a.manager < b.manager; });
    for (const auto& m : managers) {
        out << m.manager << ": " << m.klass << " " << m.version << " -> " << m.revision
            << (graph.is_head(m.revision) ? " (head)" : "") << "\n";
    }
}

// alembic_version rows ordered by tree name, then id (upstream prints a set: its order is not stable, and
// the table's own row order changes with updates on PostgreSQL).
void print_alembic_revisions(Database& db, const OpenedRegistry& registry, const ShowCurrentOptions& options,
                             const RevisionGraph& graph, std::ostream& out) {
    std::vector<const Revision*> resolved;
    for (const auto& id : alembic_revisions(db)) resolved.push_back(&graph.at(id));  // all known before printing
    std::sort(resolved.begin(), resolved.end(), [](const Revision* a, const Revision* b) {
        return std::tie(a->tree, a->id) < std::tie(b->tree, b->id);
    });
    if (options.verbose) out << "Current revision(s) for " << registry.location.url.render(true) << ":\n";
    for (const Revision* revision : resolved) {
        if (options.verbose) out << log_entry(graph, *revision, migrations_folder(options.mig_path)) << "\n";
        else out << revision_marker_line(graph, *revision) << "\n";
    }
}

int show_current(const ShowCurrentOptions& options, std::ostream& out) {
    auto registry = open_registry(options.repo, AccessMode::read_only);
    Database& db = *registry.db;
    require_dimensions_namespace(db, options.ns);
    const RevisionGraph graph = RevisionGraph::regular();
    if (options.butler) print_manager_versions(db, options, graph, out);
    else print_alembic_revisions(db, registry, options, graph, out);
    out.flush();
    // The listing is printed first; an inconsistency then fails the command.
    if (!alembic_revisions(db).empty()) validate_revisions(db, options.ns, graph.bases());
    return 0;
}

}  // namespace

void setup_show_current(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<ShowCurrentOptions>();
    command.description("Display current revisions from either alembic_version or butler_attributes tables.");
    add_verbose_flag(command, options->verbose);
    command.add_flag("--butler", options->butler,
                     "Display butler version numbers for managers from butler_attributes table. By default "
                     "revisions from alembic_version table are displayed, if that table does not exist the "
                     "output will be empty.");
    add_namespace_option(command, options->ns);
    add_mig_path_option(command, options->mig_path);
    add_repo_argument(command, options->repo);
    run = [options] { return show_current(*options, std::cout); };
}

}  // namespace butler_migrate::cli

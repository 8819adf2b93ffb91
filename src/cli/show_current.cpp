// `show-current`: the revisions recorded in alembic_version, or the manager versions in butler_attributes.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <optional>
#include <tuple>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/core/registry.hpp"
#include "butler_migrate/core/repository_status.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/config_change_text.hpp"
#include "cli/json_output.hpp"
#include "cli/revision_text.hpp"

namespace butler_migrate::cli {

namespace {

struct ShowCurrentOptions {
    std::string repo;
    std::optional<std::string> ns;
    std::string mig_path;
    bool verbose = false;
    bool butler = false;
    bool check = false;
    OutputFormat format = OutputFormat::text;
};

std::vector<ManagerVersion> sorted_manager_versions(Database& db, const std::optional<std::string>& ns) {
    auto managers = manager_versions(db, ns);
    std::sort(managers.begin(), managers.end(),
              [](const ManagerVersion& a, const ManagerVersion& b) { return a.manager < b.manager; });
    return managers;
}

// Manager versions sorted by manager name: `<type>: <class> <version> -> <rev>[ (head)]`.
void print_manager_versions(Database& db, const ShowCurrentOptions& options, const RevisionGraph& graph,
                            std::ostream& out) {
    const auto managers = sorted_manager_versions(db, options.ns);
    if (managers.empty()) {
        out << "No manager versions defined in butler_attributes table.\n";
        return;
    }
    for (const auto& m : managers) {
        out << m.manager << ": " << m.klass << " " << m.version << " -> " << m.revision
            << (graph.is_head(m.revision) ? " (head)" : "") << "\n";
    }
}

// The alembic_version rows, all resolved in `graph` (before anything is printed), by tree name then id.
std::vector<const Revision*> sorted_alembic_revisions(Database& db, const RevisionGraph& graph) {
    std::vector<const Revision*> resolved;
    for (const auto& id : alembic_revisions(db)) resolved.push_back(&graph.at(id));
    std::sort(resolved.begin(), resolved.end(), [](const Revision* a, const Revision* b) {
        return std::tie(a->tree, a->id) < std::tie(b->tree, b->id);
    });
    return resolved;
}

// alembic_version rows ordered by tree name, then id (upstream prints a set: its order is not stable, and
// the table's own row order changes with updates on PostgreSQL).
void print_alembic_revisions(Database& db, const OpenedRegistry& registry, const ShowCurrentOptions& options,
                             const RevisionGraph& graph, std::ostream& out) {
    const std::vector<const Revision*> resolved = sorted_alembic_revisions(db, graph);
    if (options.verbose) out << "Current revision(s) for " << registry.location.url.render(true) << ":\n";
    for (const Revision* revision : resolved) {
        if (options.verbose) out << log_entry(graph, *revision, migrations_folder(options.mig_path)) << "\n";
        else out << revision_marker_line(graph, *revision) << "\n";
    }
}

// The JSON document: the recorded revisions (or with --butler the manager versions), and with --check the state.
Json current_json(Database& db, const OpenedRegistry& registry, const ShowCurrentOptions& options,
                  const RevisionGraph& graph, const RepositoryStatus* status) {
    Json document = json_document("show-current");
    document["url"] = registry.location.url.render(true);
    if (options.butler) {
        Json entries = Json::array();
        for (const auto& m : sorted_manager_versions(db, options.ns)) {
            entries.push_back({{"manager", m.manager}, {"class", m.klass}, {"version", m.version},
                               {"revision", m.revision}, {"head", graph.is_head(m.revision)}});
        }
        document["managers"] = entries;
    } else {
        Json entries = Json::array();
        for (const Revision* revision : sorted_alembic_revisions(db, graph)) {
            entries.push_back(revision_json(graph, *revision));
        }
        document["revisions"] = entries;
    }
    if (status != nullptr) {
        document["state"] = state_name(status->state);
        document["exit_status"] = to_int(exit_status_of(status->state));
    }
    return document;
}

// --check: the exit status of the registry's state, with a one-line hint on stderr unless it is success. An
// inconsistency fails the command as without --check.
int check_result(const RepositoryStatus& status) {
    if (status.state == RepositoryState::inconsistent) throw RevisionError(status.inconsistency);
    if (status.state == RepositoryState::not_stamped) {
        log::write_plain("butler-migrate: alembic_version is missing or empty (not stamped)");
    } else if (status.state == RepositoryState::upgrades_pending) {
        log::write_plain("butler-migrate: upgrades pending (see `butler-migrate status`)");
    }
    return to_int(exit_status_of(status.state));
}

int show_current(const ShowCurrentOptions& options, std::ostream& out) {
    auto registry = open_registry(options.repo, AccessMode::read_only);
    Database& db = *registry.db;
    require_dimensions_namespace(db, options.ns);
    const RevisionGraph graph = compiled_catalogue().regular();
    std::optional<RepositoryStatus> status;
    if (options.format == OutputFormat::json) {
        if (options.check) status = repository_status(db, compiled_catalogue(), options.ns);
        print_json(out, current_json(db, registry, options, graph, status ? &*status : nullptr));
    } else if (options.butler) {
        print_manager_versions(db, options, graph, out);
    } else {
        print_alembic_revisions(db, registry, options, graph, out);
    }
    out.flush();
    // The listing is printed first; an inconsistency then fails the command.
    if (options.check) {
        const int state_status = check_result(status ? *status : repository_status(db, compiled_catalogue(), options.ns));
        if (state_status == to_int(ExitStatus::not_stamped)) return state_status;
        const auto mismatches = config_mismatches(options.repo, manager_versions(db, options.ns));
        for (const auto& mismatch : mismatches) log::write_plain("butler-migrate: " + mismatch_text(mismatch, options.repo));
        return mismatches.empty() ? state_status : to_int(ExitStatus::config_error);
    }
    if (!alembic_revisions(db).empty()) validate_revisions(db, options.ns, graph.bases());
    return to_int(ExitStatus::success);
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
    // Additions of this port (docs/exit-codes.md, docs/json-output.md).
    command.add_flag("--check", options->check,
                     fmt::format("Exit with the status of `status`: {} at head, {} upgrades pending, {} not stamped, {} "
                                 "inconsistent.",
                                 to_int(ExitStatus::success), to_int(ExitStatus::upgrades_pending),
                                 to_int(ExitStatus::not_stamped), to_int(ExitStatus::revision_error)));
    add_format_option(command, options->format);
    add_repo_argument(command, options->repo);
    run = [options] { return show_current(*options, std::cout); };
}

}  // namespace butler_migrate::cli

// `set-namespace`: show or set the namespace key of the stored dimensions configuration.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "butler_migrate/errors.hpp"
#include "butler_migrate/python_json.hpp"
#include "butler_migrate/registry.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"

namespace butler_migrate::cli {

namespace {

struct SetNamespaceOptions {
    std::string repo;
    std::string ns;
    bool update = false;
};

void store_namespace(Database& db, const std::string& ns) {
    Transaction transaction(db);
    ButlerAttributes attributes(db);
    auto stored = attributes.get(kDimensionsJsonKey);
    if (!stored) {
        throw MigrationError(fmt::format("Key {} does not exist in attributes table", kDimensionsJsonKey));
    }
    auto json = parse_json(*stored, kDimensionsJsonKey);
    if (!json.is_object()) throw MigrationError(fmt::format("{} is not a JSON object", kDimensionsJsonKey));
    json["namespace"] = ns;  // replaced in place, or appended at the end like a Python dict
    attributes.update(kDimensionsJsonKey, python_json_dumps(json));
    // Upstream under SQLAlchemy 2 never commits this change; here it is committed.
    transaction.commit();
}

int set_namespace(const SetNamespaceOptions& options, std::ostream& out) {
    bool show_only = options.ns.empty();
    auto registry = open_registry(options.repo, show_only ? AccessMode::read_only : AccessMode::read_write);
    auto current = dimensions_namespace(*registry.db);
    if (show_only) {
        if (current) out << "Current dimensions namespace: " << *current << "\n";
        else out << "No namespace defined in dimensions configuration.\n";
        return 0;
    }
    if (current && !options.update) {
        throw MigrationError(
            fmt::format("Namespace is already defined ({}), use --update option to replace it.", *current));
    }
    store_namespace(*registry.db, options.ns);
    return 0;
}

}  // namespace

void setup_set_namespace(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<SetNamespaceOptions>();
    command.description("Add or update namespace attribute to dimensions.json.");
    command.add_flag("--update", options->update, "Replace existing namespace if it exists.");
    add_repo_argument(command, options->repo);
    command.add_option("NAMESPACE", options->ns, "Namespace to store; the current one is shown when missing.");
    run = [options] { return set_namespace(*options, std::cout); };
}

}  // namespace butler_migrate::cli

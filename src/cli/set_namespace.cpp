// `set-namespace`: show or set the namespace key of the stored dimensions configuration.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "butler_migrate/util/control_characters.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/util/utf8.hpp"
#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/core/registry.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/write_options.hpp"

namespace butler_migrate::cli {

namespace {

struct SetNamespaceOptions {
    std::string repo;
    std::string ns;
    bool update = false;
    WriteOptions write;
};

int set_namespace(const SetNamespaceOptions& options, std::ostream& out) {
    bool show_only = options.ns.empty();
    // The JSON writer and reader only handle UTF-8; other bytes would leave a value nothing can read back.
    if (!show_only && !is_valid_utf8(options.ns)) throw UsageError("NAMESPACE must be valid UTF-8 text");
    auto registry = open_registry(options.repo, show_only ? AccessMode::read_only : AccessMode::read_write);
    std::unique_ptr<MigrationLock> lock;
    if (!show_only) lock = take_migration_lock(*registry.db, options.write);
    auto current = dimensions_namespace(*registry.db);
    if (show_only) {
        if (current) out << "Current dimensions namespace: " << *current << "\n";
        else out << "No namespace defined in dimensions configuration.\n";
        return to_int(ExitStatus::success);
    }
    if (current && !options.update) {
        throw MigrationError(
            fmt::format("Namespace is already defined ({}), use --update option to replace it.", hex_escaped_controls(*current)));
    }
    ButlerAttributes attributes(*registry.db);
    const std::string updated = dimensions_json_with_namespace(attributes, options.ns);  // throws before any write
    back_up_before_writing(registry, options.write);
    store_dimensions_json(*registry.db, updated);
    return to_int(ExitStatus::success);
}

}  // namespace

void setup_set_namespace(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<SetNamespaceOptions>();
    command.description("Add or update namespace attribute to dimensions.json.");
    command.add_flag("--update", options->update, "Replace existing namespace if it exists.");
    add_write_options(command, options->write);
    add_repo_argument(command, options->repo);
    command.add_option("NAMESPACE", options->ns, "Namespace to store; the current one is shown when missing.");
    run = [options] { return set_namespace(*options, std::cout); };
}

}  // namespace butler_migrate::cli

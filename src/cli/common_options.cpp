// Shared options of the subcommands and opening the registry of a REPO argument.
#include "cli/common_options.hpp"

#include <CLI/CLI.hpp>

#include "butler_migrate/config/butler_config.hpp"
#include "butler_migrate/util/secrets.hpp"
#include "cli/revision_text.hpp"

namespace butler_migrate::cli {

void add_repo_argument(CLI::App& command, std::string& repo) {
    command.add_option("REPO", repo, "URI or path to an existing data repository root or configuration file.")
        ->required();
}

void add_namespace_option(CLI::App& command, std::optional<std::string>& ns) {
    command
        .add_option("--namespace", ns,
                    "Namespace to use when 'namespace' key is not present in the stored dimensions configuration")
        ->type_name("TEXT");
}

void add_mig_path_option(CLI::App& command, std::string& mig_path) {
    command
        .add_option("--mig-path", mig_path,
                    // Upstream's text; migrations are compiled in, so the folder only appears in `Path:` lines.
                    "Top-level folder with migration scripts, default: " + migrations_folder(""))
        ->type_name("PATH");
}

void add_verbose_flag(CLI::App& command, bool& verbose) {
    command.add_flag("-v,--verbose", verbose, "Print detailed information.");
}

OpenedRegistry open_registry(const std::string& repo, AccessMode mode) {
    OpenedRegistry opened{locate_registry(repo), nullptr};
    if (opened.location.url.password) register_secret(*opened.location.url.password);
    opened.db = open_database(opened.location, mode);
    return opened;
}

}  // namespace butler_migrate::cli

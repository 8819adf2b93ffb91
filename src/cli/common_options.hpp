// Options and arguments shared by several subcommands, with upstream's names and help texts.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "butler_migrate/db/database.hpp"

namespace CLI {
class App;
}

namespace butler_migrate::cli {

void add_repo_argument(CLI::App& command, std::string& repo);
void add_namespace_option(CLI::App& command, std::optional<std::string>& ns);
void add_mig_path_option(CLI::App& command, std::string& mig_path);
void add_verbose_flag(CLI::App& command, bool& verbose);

// The registry of REPO, opened for reading or writing, with the location it was found at.
struct OpenedRegistry {
    RegistryLocation location;
    std::unique_ptr<Database> db;
};
OpenedRegistry open_registry(const std::string& repo, AccessMode mode);

}  // namespace butler_migrate::cli

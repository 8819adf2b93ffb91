// What upgrade and downgrade share: their options, and opening the registry with the graph to migrate on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/migration_engine.hpp"
#include "cli/common_options.hpp"

namespace CLI {
class App;
}

namespace butler_migrate::cli {

struct MigrationCommandOptions {
    std::string repo;
    std::string revision;
    std::optional<std::string> ns;
    std::optional<std::string> one_shot_tree;
    std::vector<std::string> options;  // --options values (upgrade only)
    std::string mig_path;
    bool sql = false;
};

void add_migration_options(CLI::App& command, MigrationCommandOptions& options, bool with_step_options);

// The registry opened for writing, the revision graph (with a one-shot tree if asked), and the recorded
// revisions after the preconditions were checked.
class MigrationSession {
public:
    explicit MigrationSession(const MigrationCommandOptions& options);
    const RevisionGraph& graph() const { return graph_; }
    const std::vector<std::string>& current() const { return current_; }
    Database& db() { return *registry_.db; }
    // Runs the planned steps; returns the exit status.
    int run(const std::vector<PlannedStep>& steps, const EngineSettings& settings);

private:
    RevisionGraph graph_;
    OpenedRegistry registry_;
    std::vector<std::string> current_;
};

}  // namespace butler_migrate::cli

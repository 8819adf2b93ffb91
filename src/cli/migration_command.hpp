// What upgrade and downgrade share: their options, and opening the registry with the graph to migrate on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/migration_engine.hpp"
#include "cli/common_options.hpp"
#include "cli/write_options.hpp"

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
    WriteOptions write;
};

void add_migration_options(CLI::App& command, MigrationCommandOptions& options, bool with_step_options);

// One upgrade or downgrade: the registry (opened for writing and locked, or for reading with --sql), the revision
// graph (with a one-shot tree if asked), and the recorded revisions once the preconditions hold.
class MigrationSession {
public:
    MigrationSession(const MigrationCommandOptions& options, StepDirection direction);
    // Plans the steps to the target and runs them, or with --sql writes their SQL; returns the exit status.
    int run(const MigrationOptions& step_options, std::ostream& out);

private:
    const MigrationCommandOptions& options_;
    StepDirection direction_;
    RevisionGraph graph_;
    OpenedRegistry registry_;
    std::unique_ptr<MigrationLock> lock_;  // held while the steps run; none with --sql
    std::vector<std::string> current_;
};

}  // namespace butler_migrate::cli

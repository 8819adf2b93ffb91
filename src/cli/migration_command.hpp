// What upgrade and downgrade share: their options, and opening the registry with the graph to migrate on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/core/migration_engine.hpp"
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
    bool dry_run = false;
    bool update_config = false;  // upgrade only
    WriteOptions write;
};

void add_migration_options(CLI::App& command, MigrationCommandOptions& options, StepDirection direction);

// One upgrade or downgrade: the registry (opened for writing and locked, or for reading with --sql and
// --dry-run), the revision graph (with a one-shot tree if asked), and the recorded revisions once the
// preconditions hold.
class MigrationSession {
public:
    MigrationSession(const MigrationCommandOptions& options, StepDirection direction);
    // Plans the steps to the target and runs them, or with --sql writes their SQL, or with --dry-run shows
    // them; returns the exit status.
    int run(const MigrationOptions& step_options, std::ostream& out);

private:
    std::vector<PlannedStep> plan(const std::string& target_spec, const std::vector<std::string>& current) const;
    void run_online(const std::vector<PlannedStep>& steps, bool show_progress, const MigrationOptions& step_options,
                    std::ostream& out);

    const MigrationCommandOptions& options_;
    StepDirection direction_;
    RevisionGraph graph_;
    OpenedRegistry registry_;
    std::unique_ptr<MigrationLock> lock_;  // held while the steps run; none with --sql or --dry-run
    std::vector<std::string> current_;
};

}  // namespace butler_migrate::cli

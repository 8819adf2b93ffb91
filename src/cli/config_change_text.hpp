// After a one-shot migration: the butler.yaml line it calls for, shown to the operator or written.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "butler_migrate/core/migration_engine.hpp"
#include "butler_migrate/core/registry.hpp"

namespace butler_migrate::cli {

// For each applied step that changes a manager class (the one-shot steps): with `update`, writes the new class
// into the butler.yaml of `repo` and says so on `out`; without, logs a warning giving the line to write.
void report_config_changes(const std::vector<PlannedStep>& applied, const std::string& repo, bool update,
                           std::ostream& out);

// Before the first step, with --update-config: throws the ConfigError apply_config_change would throw for a
// planned one-shot step (a symbolic link, JSON, managers from an included file), so that nothing is committed
// when butler.yaml cannot follow.
void check_config_changes(const std::vector<PlannedStep>& planned, const std::string& repo);

// A manager whose class butler.yaml names differently from the one the registry records.
struct ConfigMismatch {
    std::string manager;
    std::string butler_yaml;  // the class butler.yaml names
    std::string registry;     // the class butler_attributes records
};

// The managers butler.yaml names (explicitly) with another class than the registry records; daf_butler refuses such
// a repository. Managers butler.yaml leaves to daf_butler's defaults are not compared; classes are compared by
// name (a package re-exports its classes under a shorter path).
std::vector<ConfigMismatch> config_mismatches(const std::string& repo, const std::vector<ManagerVersion>& recorded);

// With --update-config and whatever the plan: writes into butler.yaml the class the registry records for each
// manager a one-shot step can change, where butler.yaml names another (an earlier run stopped between its commit and
// the write); says so on `out`.
void reconcile_config(const std::string& repo, const std::vector<ManagerVersion>& recorded, std::ostream& out);

// The line status and show-current --check print for a mismatch.
std::string mismatch_text(const ConfigMismatch& mismatch, const std::string& repo);

}  // namespace butler_migrate::cli

// After a one-shot migration: the butler.yaml line it calls for, shown to the operator or written.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "butler_migrate/core/migration_engine.hpp"

namespace butler_migrate::cli {

// For each applied step that changes a manager class (the one-shot steps): with `update`, writes the new class
// into the butler.yaml of `repo` and says so on `out`; without, logs a warning giving the line to write.
void report_config_changes(const std::vector<PlannedStep>& applied, const std::string& repo, bool update,
                           std::ostream& out);

}  // namespace butler_migrate::cli

// Running one migration step directly on a test database, as the engine runs it, for checks no command reaches.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "butler_migrate/core/migration_options.hpp"
#include "butler_migrate/core/revision.hpp"
#include "butler_migrate/core/step_context.hpp"
#include "butler_migrate/db/database.hpp"

namespace test_support {

// Runs one direction of `revision`'s step (REQUIREs that it has one) in one transaction on `db`: committed
// when the step returns, rolled back when it throws (the exception goes on to the caller). The notices the
// step prints for the operator go to `notices`.
void run_step(butler_migrate::Database& db, const butler_migrate::Revision& revision,
              butler_migrate::StepDirection direction, const butler_migrate::MigrationOptions& options,
              std::ostream& notices);
// The same, returning the notices.
std::string run_step(butler_migrate::Database& db, const butler_migrate::Revision& revision,
                     butler_migrate::StepDirection direction, const butler_migrate::MigrationOptions& options = {});

// The id of the revision of no tree run_in_step runs its body as (its log lines name butler_migrate.<id>).
inline constexpr const char* kInStepRevision = "000000000000";

// Runs `body` the same way, as the upgrade step of revision kInStepRevision.
void run_in_step(butler_migrate::Database& db, const std::function<void(butler_migrate::StepContext&)>& body);

}  // namespace test_support

// What the dimensions-config steps that move a registry from one daf_butler universe to the next share:
// refusing offline mode with upstream's text, checking the stored dimensions.json against a universe, and
// storing a historical universe in its place.
#pragma once

#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations::universe_steps {

// Upstream's MigrationContext asserts a connection with "Can't run offline -- need access to database to
// migrate data." before anything else.
void require_online(StepContext& context);

// Logs "Checking that this is an unmodified daf_butler universe <version> repo" and throws
// DimensionUniverseMismatch unless the stored config:dimensions.json is that universe.
void validate_stored_universe(StepContext& context, int version);

// Logs "Updating dimensions.json in ButlerAttributes" and stores daf_butler's universe <version>.
void store_universe(StepContext& context, int version);

// The preflight of every step from one universe to the next (either direction): both universe files can be read
// (version = the revision's manager version, and the one before it).
void check_universe_files(StepContext& context);

}  // namespace butler_migrate::migrations::universe_steps

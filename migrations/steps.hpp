// The step functions of the revisions that do work, one source file each under migrations/<tree>/<id>.cpp.
#pragma once

#include "butler_migrate/step_context.hpp"

namespace butler_migrate::migrations {

void upgrade_c0e4f9ab4a5d(StepContext& context);  // attributes: DefaultButlerAttributeManager 1.0.0 -> 1.0.1

void upgrade_4e2d7a28475b(StepContext& context);  // datasets: ...UUID 1.0.0 -> 2.0.0 (ingest_date in TAI ns)
void downgrade_4e2d7a28475b(StepContext& context);

void upgrade_a81dddabd837(StepContext& context);  // datastores: 0.2.0 -> 0.2.1 (trash primary key order)
void downgrade_a81dddabd837(StepContext& context);

void upgrade_1601d5973bf8(StepContext& context);  // dimensions: 6.0.0 -> 6.0.1 (skypix overlap indexes)
void downgrade_1601d5973bf8(StepContext& context);

void upgrade_035dcf13ef18(StepContext& context);  // dimensions: 6.0.1 -> 6.0.2 (implied columns NOT NULL)
void downgrade_035dcf13ef18(StepContext& context);

void upgrade_a0d766f99876(StepContext& context);  // obscore: none -> ObsCoreLiveTableManager 0.0.1
void downgrade_a0d766f99876(StepContext& context);

}  // namespace butler_migrate::migrations

// The step functions of the revisions that do work, one source file each under migrations/<tree>/<id>.cpp.
#pragma once

#include "butler_migrate/core/step_context.hpp"

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

// dimensions-config: the stored dimension universe (config:dimensions.json) and the tables it describes.
void upgrade_380002bcbb26(StepContext& context);  // universe 0 -> 1 (namespace, healpix)
void downgrade_380002bcbb26(StepContext& context);
void upgrade_bf6308af80aa(StepContext& context);  // universe 1 -> 2 (visit systems, seq_num, azimuth, has_simulated)
void upgrade_c5ae3a2cd7c2(StepContext& context);  // universe 2 -> 3 (observation_reason 32 -> 68)
void downgrade_c5ae3a2cd7c2(StepContext& context);
void upgrade_9888256c6a18(StepContext& context);  // universe 3 -> 4 (populated_by)
void downgrade_9888256c6a18(StepContext& context);
void upgrade_2a8a32e1bec3(StepContext& context);  // universe 4 -> 5 (instrument name 16 -> 32)
void downgrade_2a8a32e1bec3(StepContext& context);
void upgrade_1fae088c80b6(StepContext& context);  // universe 5 -> 6 (day_obs and group tables)
void upgrade_352c30854bb0(StepContext& context);  // universe 6 -> 7 (exposure.can_see_sky)
void downgrade_352c30854bb0(StepContext& context);

// obscore-config: the obscore table described by config:obscore.json.
void upgrade_4fe28ef5030f(StepContext& context);  // none -> namespace embargo version 1
void downgrade_4fe28ef5030f(StepContext& context);

// One-shot trees (migrations/oneshot/<type>/): a manager type moving to another class.
void upgrade_8c57494cabcc(StepContext& context);  // collections/name_2.0.0_to_int_2.0.0: NameKey -> SynthIntKey
void upgrade_2101fbf51ad3(StepContext& context);  // datasets/int_1.0.0_to_uuid_1.0.0: integer ids -> UUIDs

}  // namespace butler_migrate::migrations

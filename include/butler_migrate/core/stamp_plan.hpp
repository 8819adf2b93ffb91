// What `stamp` records in alembic_version: the revision of each tree butler_attributes names (or of one
// named tree), which of those no migration knows, and whether the table is emptied first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/core/registry.hpp"
#include "butler_migrate/core/revision_graph.hpp"

namespace butler_migrate {

// One manager to stamp and the revision its recorded version maps to.
struct StampEntry {
    std::string manager;   // "datasets", "dimensions-config", ...
    std::string revision;
    bool known = true;     // false: the version is newer than every migration (its revision is in no tree)
};

struct StampPlan {
    std::vector<StampEntry> entries;  // every manager to stamp, in the order of manager_versions
    bool purge = false;               // empty alembic_version once, before the first revision is recorded

    // The revisions to record: those of the known entries, in order.
    std::vector<std::string> revisions_to_write() const;
    // One line to report (as a warning) for each entry that is not known, in order.
    std::vector<std::string> unstamped_warnings() const;
};

// The plan of `stamp [--purge] [TREE_NAME]`. `recorded` is manager_versions() of the registry (one entry per
// tree: a manager type, or a pseudo-manager tree such as "dimensions-config"). With `tree_name`, only that tree
// is stamped; a tree not in `recorded` gets its root, rev_id({tree_name}), which must be a base of `graph` (else
// UsageError "Unknown tree name <tree_name> (not in the database or migrations)", upstream's text in
// script/migrate_stamp.py @c70930da). Upstream stamps the trees in order and fails at the first version with no
// revision (a dimension universe newer than the catalogue, say), leaving the ones before stamped; here every
// known tree is stamped and each unknown one reported.
StampPlan plan_stamp(const std::vector<ManagerVersion>& recorded, const RevisionGraph& graph,
                     const std::optional<std::string>& tree_name, bool purge);

// Throws RevisionError, before anything is written, when (without purge) a revision to write would join a row of
// alembic_version of the same tree that it neither follows nor precedes (another branch, as after a one-shot
// migration recorded by hand): alembic's stamp would keep both rows and the registry would be inconsistent.
void check_stamp_plan(Database& db, const RevisionGraph& graph, const StampPlan& plan);

// False when carrying `plan` out would leave alembic_version as it is (every revision recorded already).
bool stamp_plan_changes(Database& db, const StampPlan& plan);

// Carries `plan` out (check_stamp_plan first): empties alembic_version when it says so (once; upstream purges before each manager, so
// only the last survives), then records each revision to write with stamp_revision, each in its own transaction.
void apply_stamp_plan(Database& db, const RevisionGraph& graph, const StampPlan& plan);

}  // namespace butler_migrate

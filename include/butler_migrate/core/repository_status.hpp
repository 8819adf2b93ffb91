// Where a registry stands against the compiled-in revision trees: per recorded revision, its head(s) and the
// steps still to run. Used by `status` and `show-current --check`; computes only, prints nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/core/revision.hpp"
#include "butler_migrate/core/catalogue.hpp"
#include "butler_migrate/core/revision_graph.hpp"

namespace butler_migrate {

// The overall answer, from best to worst as a CI job sees it.
enum class RepositoryState {
    at_head,           // every recorded revision is the head of its tree
    upgrades_pending,  // consistent, but some recorded revision is not a head (or its tree must choose a branch)
    inconsistent,      // alembic_version and butler_attributes disagree (validate_revisions' check)
    not_stamped,       // alembic_version is missing or empty
};

// One upgrade step between a recorded revision and its head.
struct PendingStep {
    std::string revision;
    StepAvailability availability;  // `available` only when this build can run it (as check_steps_available)
};

// A one-shot tree that continues from a recorded revision that is a regular head (e.g. datasets int -> UUID).
struct OneShotContinuation {
    std::string tree;  // "datasets/int_1.0.0_to_uuid_1.0.0"
    std::string head;  // the head of that one-shot tree
};

// One row of alembic_version and where it can go.
struct TreeStatus {
    std::string tree;                    // tree of the recorded revision ("datasets")
    std::string current;                 // the recorded revision
    std::vector<std::string> heads;      // RevisionGraph::heads_above(current), ascending id
    std::vector<PendingStep> pending;    // steps up to the single head, parents first; empty when at head or
                                         // when a branch must be chosen
    std::vector<OneShotContinuation> one_shot;  // informative only; never makes the tree pending

    bool at_head() const { return heads.size() == 1 && heads.front() == current; }
    // The recorded revision is a branch point (a stamped root such as 8d2e9de2f21f): several heads.
    bool needs_branch_choice() const { return heads.size() > 1; }
};

// A patch tree (upstream's out-of-band trees, named "<tree>-patches") that alembic_version does not record.
// Upstream applies patches only to registries stamped with the tree (`stamp REPO <tree>`), so not taking one
// never changes the state; status only says whether its patches apply and how to take them.
struct PatchTreeStatus {
    enum class Applicability {
        now,            // every revision its patches depend on is applied
        after_pending,  // the rest is among the pending upgrade steps of the recorded trees
        not_reachable,  // some dependency is neither applied nor pending (its tree is not recorded)
    };
    std::string tree;                  // "dimensions-config-patches"
    std::string root;                  // what `stamp REPO <tree>` records
    std::vector<std::string> patches;  // the tree's revisions after its root, parents first
    std::vector<std::string> needs;    // their depends_on, ascending id
    Applicability applicability = Applicability::now;
};

// Stable name of an applicability ("now", "after_pending", "not_reachable").
const char* applicability_name(PatchTreeStatus::Applicability applicability);

struct RepositoryStatus {
    RepositoryState state = RepositoryState::not_stamped;
    std::vector<TreeStatus> trees;  // one per alembic_version row, by tree name then revision id
    std::vector<PatchTreeStatus> patch_trees;  // patch trees alembic_version does not record, by name
    std::string inconsistency;      // validate_revisions' message when state is `inconsistent`
};

// Reads alembic_version and butler_attributes of `db` and places each recorded revision in the regular trees of
// `catalogue`. A database without butler_attributes is no registry: DatabaseError "Not a Butler registry: ...".
// An empty or missing alembic_version gives `not_stamped` without looking further; otherwise `ns` stands
// in for a namespace missing from the stored dimensions configuration (UsageError when neither gives one, as
// show-current). Throws RevisionError for a recorded revision unknown to the catalogue, DatabaseError on read failure.
RepositoryStatus repository_status(Database& db, const Catalogue& catalogue, const std::optional<std::string>& ns);

// The documented exit status of a state: 0, 7 (upgrades_pending), 5 (revision_error), 8 (not_stamped).
ExitStatus exit_status_of(RepositoryState state);

// Stable lower-case name of a state ("at_head", "upgrades_pending", "inconsistent", "not_stamped").
const char* state_name(RepositoryState state);

// Stable name of a step availability ("available", "not_yet_ported", "not_implemented_upstream").
const char* availability_name(StepAvailability availability);

}  // namespace butler_migrate

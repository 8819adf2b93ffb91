// Shared CLI text for revisions: history one-liners, alembic's log entries, and the `Path:` of a script.
#pragma once

#include <string>

#include "butler_migrate/core/revision.hpp"
#include "butler_migrate/core/revision_graph.hpp"

namespace butler_migrate::cli {

// Folder named in `Path:` lines: the --mig-path value when given (non-empty), else
// $DAF_BUTLER_MIGRATE_MIGRATIONS, else $DAF_BUTLER_MIGRATE_DIR/migrations, else the literal "migrations".
// (Upstream fails without the variables; the port has its migrations compiled in, so it never needs them.)
std::string migrations_folder(const std::string& mig_path_option);

// Where upstream keeps the script of `revision`: <folder>/<tree>/<id>.py, or for one-shot trees
// <folder>/_oneshot/<type>/<name>/<id>.py.
std::string script_path(const std::string& folder, const Revision& revision);

// The script docstring: message, empty line, [extra prose, empty line,] Revision ID / Revises / Create Date.
std::string long_doc(const Revision& revision);

// Labels of a revision joined by ", ", sorted alphabetically (upstream prints a Python set, whose order is
// not stable; the port always sorts).
std::string joined_labels(const RevisionGraph& graph, const Revision& revision);

// alembic history one-liner:
// `<down or "<base>"> -> <id>[ (<labels>)][ (head)][ (current)][ (branchpoint)], <message>`.
std::string history_line(const RevisionGraph& graph, const Revision& revision, bool current = false);

// alembic's short form used by `current`: `<id>[ (head)][ (current)][ (branchpoint)]`.
std::string revision_marker_line(const RevisionGraph& graph, const Revision& revision, bool current = false);

struct LogEntryOptions {
    bool current = false;            // append " (current)" to the Rev: line
    bool show_branch_names = true;   // false reproduces show-trees -v for roots with a single label
};

// alembic's Script.log_entry (REFERENCE §4.9): `Rev:`, `Parent:`, [`Branches into:` ascending ids],
// [`Branch names:`], `Path:`, empty line, the docstring indented by 4 spaces. The text ends with "\n";
// like upstream, callers print it followed by one more "\n".
std::string log_entry(const RevisionGraph& graph, const Revision& revision, const std::string& folder,
                      const LogEntryOptions& options = {});

}  // namespace butler_migrate::cli

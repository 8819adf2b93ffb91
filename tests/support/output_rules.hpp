// How outputs are compared where upstream's order is not stable (label sets, set-ordered listings).
#pragma once

#include <set>
#include <utility>
#include <string>
#include <vector>

#include "golden_run.hpp"

namespace conformance {

using test_support::GoldenRun;

enum class OrderRule {
    exact,               // byte for byte
    lines_unordered,     // same lines in any order (show-current, cross-tree show-history)
    entries_unordered,   // same "Rev: ..." entries in any order, text before the first entry in place
    table_constraints_unordered,  // sqlite3 .dump: constraints of a re-created table in any order (upstream
                                  // writes them from a Python set)
};

// The rule for a golden run's stdout.
OrderRule order_rule(const GoldenRun& run);

// Sorts the items of "(a, b)" label groups, "Branch names: ..." and "Branches into: ..." lists, which
// upstream prints from Python sets.
std::string sort_label_lists(const std::string& text);

// Each distinct UUID (32 hex digits, or the dashed form) replaced by "<id N>", numbered by first appearance:
// the ids upstream's datasets int->uuid migration gives non-raw datasets are random (uuid4), so two dumps can
// only agree on which rows share an id, not on the values. Lines holding a "schema_digest:" row are left as they
// are: a digest is deterministic (an md5 of the schema) and is compared byte for byte.
std::string with_numbered_ids(const std::string& text);

// A database dump (sqlite3 .dump, pg_dump) whose rows are compared as sets within each table, with its random ids
// numbered independently of where rows stand: the order of rows inside a table is not data, and butler-migrate's
// datasets one-shot loads each table in the order of its new key. Ids are numbered by what is said of them: the
// rows each one stands in (itself written "<self>", other ids by the number of their class in the previous
// round), refined over rounds until the classes stop splitting; then every table's rows (INSERT lines of one table,
// a COPY block) are sorted. Equal results mean the dumps are equal up to the order of rows and the values of the
// ids: one id maps to one id throughout. "schema_digest:" lines are left as they are (see with_numbered_ids).
std::string with_rows_as_sets(const std::string& text);

// `text` in canonical form under `rule`; equal canonical forms mean equal outputs.
std::string canonical_output(const std::string& text, OrderRule rule);

// ---- The 2026 rule: recorded outputs brought level with revisions upstream added after the recordings ----
//
// The recordings were made with upstream's catalogue of December 2025 (daf_butler_migrate 636f362). A revision
// upstream added since changes what the real tool prints about revisions, and only that; for each revision of
// later_revisions() that the compiled catalogue has, the expected output is the recorded one with:
//  1. show-history (all trees, or the revision's own tree; not --one-shot): the revision's entry added, directly
//     before the entry of the revision it revises (alembic walks a tree from its heads down; for a new tree's root,
//     at the end). Entries are written with " (head)", as for the newest revision of its tree.
//  2. show-trees (not --one-shot), for the root of a new tree: the tree's name, and with -v the root's entry, added
//     where the sorted listing puts them (daf_butler_migrate script/migrate_trees.py lines 68-72 at 636f362).
//  3. " (head)" taken off every line that names a revision which a later revision revises, in show-current (all its
//     forms), show-history and show-trees; a revision is named as "<id>", "<down> -> <id>", "Rev: <id>" or
//     "<tree>: <class> <version> -> <id>". alembic's Revision.is_head counts the revisions that revise it
//     (nextrev: alembic 1.19.1 script/revision.py lines 1613-1616, 1641-1649).
//  4. A revision that a later revision depends on (depends_on) and is still a head keeps " (head)" in verbose
//     entries but is an " (effective head)" in one-line forms (show-history, show-current without -v): alembic's
//     Script._head_only prints " (head)" only for a real head, which no revision revises or depends on (alembic
//     1.19.1 script/base.py lines 903-941; revision.py lines 1651-1653).
//  5. Where all regular trees are loaded (show-current, show-trees, show-history without a tree name), a label in a
//     later revision's labels_lost is taken off that revision's label list (one-line forms) and "Branch names:"
//     (entries; the line goes when no label is left, and in show-trees when one is left, which upstream's
//     migrate_trees.py pops from the root's own set before printing it, lines 48-52 at 636f362): a dependency can make a revision a real branch point, where alembic's upward label inheritance
//     stops (alembic 1.19.1 script/revision.py RevisionMap._add_branches lines 335-354, _is_real_branch_point
//     lines 1683-1689).
// Nothing else changes: every other byte of the recording is still compared. Adding a later revision is one
// entry of later_revisions(), its texts written from upstream's script and alembic's formats (cite them there).
struct LaterRevision {
    std::string id;
    std::string tree;                     // its regular tree (a tree of its own for a new tree's root)
    std::string revises;                  // down revision; empty for the root of a new tree
    std::vector<std::string> depends_on;  // the script's depends_on
    std::string history_line;             // its line in `show-history`, with " (head)"
    std::string history_entry;            // its entry in `show-history -v` (and `show-trees -v` for a root), with
                                          // " (head)" where it has no revision above it, ending with its blank line
    std::vector<std::pair<std::string, std::string>> labels_lost = {};  // (revision, label) pairs of rule 5
};

// Upstream's revisions after the recordings, oldest first.
const std::vector<LaterRevision>& later_revisions();

// The output `recorded` for `run` as the real tool prints it once the revisions of later_revisions() whose ids are in
// `compiled` exist (rules 1-4 above); unchanged for every other run.
std::string with_later_revisions(const GoldenRun& run, const std::string& recorded, const std::set<std::string>& compiled);

}  // namespace conformance

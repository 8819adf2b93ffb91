// Facts about the compiled catalogue that tests build their expectations from: taken from the catalogue's rows
// (not from the RevisionGraph under test) or from the real tool's recordings, so that a revision upstream adds
// on top of a tree changes the expectations with it instead of breaking the tests.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "butler_migrate/core/revision.hpp"
#include "golden_run.hpp"

namespace test_support {

// The catalogue row of `id`: the regular tree's when `tree` is empty, else the one of `tree` (one-shot trees
// repeat ids of regular ones). REQUIREs exactly one.
const butler_migrate::Revision& catalogue_revision(const std::string& id, const std::string& tree = "");

// Whether any catalogue row, in any tree, has id `id`.
bool in_catalogue(const std::string& id);

// Rows of the catalogue in regular trees / in one-shot trees.
std::vector<const butler_migrate::Revision*> regular_rows();
std::vector<const butler_migrate::Revision*> one_shot_rows();

// Whether `id` is a regular revision that no regular row revises (computed from the rows).
bool is_regular_head(const std::string& id);
// " (head)" when is_regular_head(id), else "": what show-current and show-history print after such an id.
std::string head_marker(const std::string& id);
// The heads of regular tree `tree`, computed from the rows, ascending.
std::vector<std::string> regular_heads(const std::string& tree);
// The revisions of regular tree `tree` above `id` up to its only head, nearest first (empty at the head);
// REQUIREs one head above `id`.
std::vector<std::string> regular_revisions_above(const std::string& id);
// The head regular_revisions_above(id) ends at (`id` itself when it is a head).
std::string regular_head_above(const std::string& id);

// A well-formed revision id (12 hex digits) no catalogue row has and none ever will: rev_id of a manager
// class no daf_butler has ("NoSuchManager<purpose>"). REQUIREs that it is absent.
std::string absent_revision_id(const std::string& purpose = "");

// The newest dimension universe the dimensions-config tree has a daf_butler revision for.
int newest_catalogue_universe();

// The regular revision ids the real tool's recorded `show-history` lists (fixtures/_global/17_show-history.txt).
const std::set<std::string>& recorded_regular_ids();
// Whether every revision the catalogue has in regular tree `tree` is one the recording lists: false once
// upstream added a revision to the tree after the recording.
bool tree_as_recorded(const std::string& tree);
// Whether tree_as_recorded holds for every regular tree.
bool catalogue_as_recorded();

// A recorded show-current or show-history output as it reads today: " (head)" taken off the revisions a regular
// row revises since (upstream adds revisions on top of heads, and then only that marker below them changes). A line
// names its revision as "<id>", "<down> -> <id>", "<type>: <class> <version> -> <id>" or "Rev: <id>". Not for
// one-shot histories, whose heads are not regular ones.
std::string with_heads_of_today(const std::string& recorded);

// The revisions a recorded non-verbose show-current run lists, each with whether it is a head today: the run
// printed "(head)" after it and no regular row revises it (upstream adds revisions on top of heads only).
std::map<std::string, bool> recorded_current(const GoldenRun& show_current);

}  // namespace test_support

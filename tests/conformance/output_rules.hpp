// How outputs are compared where upstream's order is not stable (label sets, set-ordered listings).
#pragma once

#include <string>

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
// only agree on which rows share an id, not on the values.
std::string with_numbered_ids(const std::string& text);

// `text` in canonical form under `rule`; equal canonical forms mean equal outputs.
std::string canonical_output(const std::string& text, OrderRule rule);

}  // namespace conformance

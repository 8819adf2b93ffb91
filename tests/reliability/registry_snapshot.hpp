// What a registry looks like from outside (show-current, dump-schema, the database catalogue, every table's rows),
// to tell "exactly before the step", "exactly after it" and anything in between apart.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "registry_clone.hpp"

namespace reliability {

// Rows of one table: their number and a hash of their text, sorted, with every dataset id replaced by the
// dataset's identity (see dataset_identity.hpp), so random uuid4 ids compare equal between runs.
struct TableDigest {
    long long rows = 0;
    std::uint64_t hash = 0;
    bool operator==(const TableDigest& other) const { return rows == other.rows && hash == other.hash; }
};

struct RegistrySnapshot {
    std::string show_current;          // sorted stdout lines, or the failure (exit status and stderr)
    std::string dump_schema;           // stdout, or the failure
    std::vector<std::string> catalog;  // tables, columns, constraints, indexes, sequences as the database lists them
    std::map<std::string, TableDigest> tables;
    long long ambiguous_dataset_ids = 0;  // datasets whose identity another dataset shares (0 for a sound comparison)
    std::string butler_yaml;              // compared on its own: not part of snapshot_differences
};

// show-current's arguments as the snapshot runs it.
std::vector<std::string> show_current_args();

// On SQLite a connection that may write opens the database first, so a hot journal left by a killed writer is
// rolled back before the read-only commands look (as any writer, or upstream's Python, would do it).
RegistrySnapshot capture_snapshot(const RegistryClone& registry);

// Human-readable lines, one per difference (empty when the snapshots are equal).
std::vector<std::string> snapshot_differences(const RegistrySnapshot& expected, const RegistrySnapshot& actual);

enum class StateMatch { before, after, neither };
const char* state_name(StateMatch match);
StateMatch match_state(const RegistrySnapshot& before, const RegistrySnapshot& after, const RegistrySnapshot& actual);

// The first `limit` differences from each reference, for failure messages.
std::string explain_mismatch(const RegistrySnapshot& before, const RegistrySnapshot& after,
                             const RegistrySnapshot& actual, std::size_t limit = 12);

}  // namespace reliability

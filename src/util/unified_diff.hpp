// Line diffs as Python's difflib prints them: SequenceMatcher (with autojunk) and unified_diff.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace butler_migrate {

enum class DiffTag { equal, replace, remove, insert };

// a[i1:i2] and b[j1:j2] are equal, replaced, removed from a or inserted into b.
struct DiffOpcode {
    DiffTag tag;
    std::size_t i1, i2, j1, j2;
    bool operator==(const DiffOpcode& other) const {
        return tag == other.tag && i1 == other.i1 && i2 == other.i2 && j1 == other.j1 && j2 == other.j2;
    }
};

// a[a_start:a_start+size] == b[b_start:b_start+size].
struct MatchingBlock {
    std::size_t a_start, b_start, size;
    bool operator==(const MatchingBlock& other) const {
        return a_start == other.a_start && b_start == other.b_start && size == other.size;
    }
};

// difflib.SequenceMatcher(None, a, b) over lines, autojunk on: when b has 200 lines or more, lines
// occurring in b more than len(b) / 100 + 1 times ("popular") never start a match, though a match may
// grow over them. Keeps references to a and b.
class LineMatcher {
public:
    LineMatcher(const std::vector<std::string>& a, const std::vector<std::string>& b);

    MatchingBlock find_longest_match(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi) const;
    // Sorted, adjacent blocks merged, ending with the sentinel {len(a), len(b), 0}.
    std::vector<MatchingBlock> matching_blocks() const;
    std::vector<DiffOpcode> opcodes() const;
    // Hunks of changes with up to `context` equal lines around them.
    std::vector<std::vector<DiffOpcode>> grouped_opcodes(std::size_t context) const;

private:
    const std::vector<std::string>& a_;
    const std::vector<std::string>& b_;
    // For each line of a: the ascending positions in b of the same line (empty when popular or absent).
    std::vector<std::vector<std::size_t>> b_positions_;
};

// Python's str.splitlines() for text whose only line break is '\n' (as json.dumps output with ensure_ascii):
// "x\ny\n" → {"x", "y"}, "" → {}.
std::vector<std::string> split_lines(std::string_view text);

// "\n".join(difflib.unified_diff(a, b, lineterm="")): "--- " and "+++ " headers (empty file names),
// "@@ -l,n +l,n @@" hunks with 3 lines of context. Empty when a and b are equal.
std::string unified_diff(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace butler_migrate

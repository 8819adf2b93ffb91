// Python difflib's SequenceMatcher and unified_diff over lines, reimplemented step by step so that the
// hunks (and which of several equally long matches is chosen) are the ones Python prints.
#include "util/unified_diff.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace butler_migrate {

namespace {

constexpr std::size_t autojunk_min_size = 200;
constexpr std::size_t unified_context = 3;

bool block_before(const MatchingBlock& x, const MatchingBlock& y) {
    return std::tie(x.a_start, x.b_start, x.size) < std::tie(y.a_start, y.b_start, y.size);
}

// Part of a and b still to be matched.
struct Range {
    std::size_t alo, ahi, blo, bhi;
};

// difflib's _format_range_unified: "start,length", "start" when the length is 1, "start-1,0" when empty.
std::string unified_range(std::size_t start, std::size_t stop) {
    std::size_t beginning = start + 1;
    std::size_t length = stop - start;
    if (length == 1) return std::to_string(beginning);
    if (length == 0) beginning -= 1;
    return std::to_string(beginning) + "," + std::to_string(length);
}

}  // namespace

LineMatcher::LineMatcher(const std::vector<std::string>& a, const std::vector<std::string>& b) : a_(a), b_(b) {
    std::unordered_map<std::string_view, std::vector<std::size_t>> positions;
    for (std::size_t j = 0; j < b.size(); ++j) positions[b[j]].push_back(j);
    if (b.size() >= autojunk_min_size) {
        std::size_t most = b.size() / 100 + 1;
        for (auto it = positions.begin(); it != positions.end();) {
            it = it->second.size() > most ? positions.erase(it) : std::next(it);
        }
    }
    b_positions_.reserve(a.size());
    for (const auto& line : a) {
        auto found = positions.find(line);
        b_positions_.push_back(found == positions.end() ? std::vector<std::size_t>{} : found->second);
    }
}

MatchingBlock LineMatcher::find_longest_match(std::size_t alo, std::size_t ahi, std::size_t blo,
                                              std::size_t bhi) const {
    std::size_t best_i = alo, best_j = blo, best_size = 0;
    // Length of the match ending at a[i-1], b[j] for the previous i, keyed by j.
    std::unordered_map<std::size_t, std::size_t> run_length, next_run_length;
    for (std::size_t i = alo; i < ahi; ++i) {
        next_run_length.clear();
        for (std::size_t j : b_positions_[i]) {
            if (j < blo) continue;
            if (j >= bhi) break;
            auto previous = j > 0 ? run_length.find(j - 1) : run_length.end();
            std::size_t k = (previous == run_length.end() ? 0 : previous->second) + 1;
            next_run_length[j] = k;
            if (k > best_size) {
                best_i = i - k + 1;
                best_j = j - k + 1;
                best_size = k;
            }
        }
        std::swap(run_length, next_run_length);
    }
    // Grow the match over equal lines on both sides, popular lines included (no line is junk, so the
    // junk-only extension difflib does afterwards never applies).
    while (best_i > alo && best_j > blo && a_[best_i - 1] == b_[best_j - 1]) {
        --best_i;
        --best_j;
        ++best_size;
    }
    while (best_i + best_size < ahi && best_j + best_size < bhi && a_[best_i + best_size] == b_[best_j + best_size]) {
        ++best_size;
    }
    return {best_i, best_j, best_size};
}

std::vector<MatchingBlock> LineMatcher::matching_blocks() const {
    std::vector<MatchingBlock> found;
    std::vector<Range> pending{{0, a_.size(), 0, b_.size()}};
    while (!pending.empty()) {
        Range r = pending.back();
        pending.pop_back();
        MatchingBlock m = find_longest_match(r.alo, r.ahi, r.blo, r.bhi);
        if (m.size == 0) continue;
        found.push_back(m);
        if (r.alo < m.a_start && r.blo < m.b_start) pending.push_back({r.alo, m.a_start, r.blo, m.b_start});
        if (m.a_start + m.size < r.ahi && m.b_start + m.size < r.bhi) {
            pending.push_back({m.a_start + m.size, r.ahi, m.b_start + m.size, r.bhi});
        }
    }
    std::sort(found.begin(), found.end(), block_before);
    std::vector<MatchingBlock> merged;
    MatchingBlock current{0, 0, 0};
    for (const auto& m : found) {
        if (current.a_start + current.size == m.a_start && current.b_start + current.size == m.b_start) {
            current.size += m.size;
        } else {
            if (current.size) merged.push_back(current);
            current = m;
        }
    }
    if (current.size) merged.push_back(current);
    merged.push_back({a_.size(), b_.size(), 0});
    return merged;
}

std::vector<DiffOpcode> LineMatcher::opcodes() const {
    std::vector<DiffOpcode> codes;
    std::size_t i = 0, j = 0;
    for (const auto& m : matching_blocks()) {
        if (i < m.a_start && j < m.b_start) codes.push_back({DiffTag::replace, i, m.a_start, j, m.b_start});
        else if (i < m.a_start) codes.push_back({DiffTag::remove, i, m.a_start, j, m.b_start});
        else if (j < m.b_start) codes.push_back({DiffTag::insert, i, m.a_start, j, m.b_start});
        i = m.a_start + m.size;
        j = m.b_start + m.size;
        if (m.size) codes.push_back({DiffTag::equal, m.a_start, i, m.b_start, j});
    }
    return codes;
}

std::vector<std::vector<DiffOpcode>> LineMatcher::grouped_opcodes(std::size_t context) const {
    std::vector<DiffOpcode> codes = opcodes();
    if (codes.empty()) codes.push_back({DiffTag::equal, 0, 1, 0, 1});
    // Trim the leading and trailing equal runs to the context shown.
    DiffOpcode& first = codes.front();
    if (first.tag == DiffTag::equal) {
        first.i1 = std::max(first.i1, first.i2 >= context ? first.i2 - context : 0);
        first.j1 = std::max(first.j1, first.j2 >= context ? first.j2 - context : 0);
    }
    DiffOpcode& last = codes.back();
    if (last.tag == DiffTag::equal) {
        last.i2 = std::min(last.i2, last.i1 + context);
        last.j2 = std::min(last.j2, last.j1 + context);
    }
    std::vector<std::vector<DiffOpcode>> groups;
    std::vector<DiffOpcode> group;
    for (DiffOpcode code : codes) {
        // A long equal run ends the current hunk and starts the next one.
        if (code.tag == DiffTag::equal && code.i2 - code.i1 > 2 * context) {
            group.push_back({DiffTag::equal, code.i1, std::min(code.i2, code.i1 + context), code.j1,
                             std::min(code.j2, code.j1 + context)});
            groups.push_back(std::move(group));
            group.clear();
            code.i1 = std::max(code.i1, code.i2 - context);
            code.j1 = std::max(code.j1, code.j2 - context);
        }
        group.push_back(code);
    }
    if (!group.empty() && !(group.size() == 1 && group.front().tag == DiffTag::equal)) groups.push_back(group);
    return groups;
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string unified_diff(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    for (const auto& group : LineMatcher(a, b).grouped_opcodes(unified_context)) {
        if (out.empty()) {
            out.emplace_back("--- ");
            out.emplace_back("+++ ");
        }
        out.push_back("@@ -" + unified_range(group.front().i1, group.back().i2) + " +" +
                      unified_range(group.front().j1, group.back().j2) + " @@");
        for (const auto& code : group) {
            if (code.tag == DiffTag::equal) {
                for (std::size_t i = code.i1; i < code.i2; ++i) out.push_back(" " + a[i]);
                continue;
            }
            if (code.tag != DiffTag::insert) {
                for (std::size_t i = code.i1; i < code.i2; ++i) out.push_back("-" + a[i]);
            }
            if (code.tag != DiffTag::remove) {
                for (std::size_t j = code.j1; j < code.j2; ++j) out.push_back("+" + b[j]);
            }
        }
    }
    std::string text;
    for (std::size_t k = 0; k < out.size(); ++k) {
        if (k) text += '\n';
        text += out[k];
    }
    return text;
}

}  // namespace butler_migrate

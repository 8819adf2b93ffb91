// Canonical forms of outputs whose order upstream leaves to Python sets and directory listings.
#include "output_rules.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <vector>

namespace conformance {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string sorted_list(const std::string& list) {
    std::vector<std::string> items;
    size_t start = 0;
    while (true) {
        auto comma = list.find(", ", start);
        items.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 2;
    }
    std::sort(items.begin(), items.end());
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out;
}

std::string sort_line(const std::string& line) {
    static const std::regex group(R"(\(([\w\-]+(?:, [\w\-]+)+)\))");
    static const std::regex listed(R"(^(Branch names|Branches into): (.*)$)");
    std::smatch m;
    if (std::regex_match(line, m, listed)) return m[1].str() + ": " + sorted_list(m[2]);
    std::string out;
    auto begin = line.cbegin();
    while (std::regex_search(begin, line.cend(), m, group)) {
        out.append(begin, m[0].first);
        out += "(" + sorted_list(m[1]) + ")";
        begin = m[0].second;
    }
    out.append(begin, line.cend());
    return out;
}

}  // namespace

OrderRule order_rule(const GoldenRun& run) {
    if (run.command() == "sqlite3") return OrderRule::table_constraints_unordered;
    if (!run.is_butler_migrate()) return OrderRule::exact;
    const std::string command = run.command();
    bool verbose = run.has_flag("-v") || run.has_flag("--verbose");
    if (command == "show-current" && !run.has_flag("--butler")) {
        return verbose ? OrderRule::entries_unordered : OrderRule::lines_unordered;
    }
    if (command == "show-history") {
        // Arguments after the subcommand that are not options name the tree.
        bool named_tree = false;
        for (size_t i = 3; i < run.argv.size(); ++i) {
            if (run.argv[i].rfind("-", 0) != 0) named_tree = true;
        }
        if (!named_tree) return verbose ? OrderRule::entries_unordered : OrderRule::lines_unordered;
    }
    return OrderRule::exact;
}

std::string sort_label_lists(const std::string& text) {
    std::string out;
    for (const auto& line : split_lines(text)) out += sort_line(line) + "\n";
    return out;
}

bool is_unordered_dump_line(const std::string& line) {
    return line.rfind("\tCONSTRAINT ", 0) == 0 || line.rfind("CREATE INDEX ", 0) == 0 ||
           line.rfind("CREATE UNIQUE INDEX ", 0) == 0;
}

// Runs of "\tCONSTRAINT ..." lines of a CREATE TABLE (without their ", " separators) and runs of CREATE INDEX
// statements, sorted: alembic re-creates a table's constraints and indexes from Python sets.
std::string with_sorted_constraint_runs(const std::string& text) {
    auto lines = split_lines(text);
    std::string out;
    for (size_t i = 0; i < lines.size();) {
        std::vector<std::string> run;
        while (i < lines.size() && is_unordered_dump_line(lines[i])) {
            std::string line = lines[i++];
            if (line.size() >= 2 && line.compare(line.size() - 2, 2, ", ") == 0) line.resize(line.size() - 2);
            run.push_back(line);
        }
        std::sort(run.begin(), run.end());
        for (const auto& line : run) out += line + "\n";
        if (run.empty()) out += lines[i++] + "\n";
    }
    return out;
}

std::string with_numbered_ids(const std::string& text) {
    static const std::regex id(R"([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})");
    std::map<std::string, int> numbers;
    std::string out;
    for (const auto& line : split_lines(text)) {
        // A schema digest is no dataset id: deterministic, so compared as it is (an md5 looks like an id).
        if (line.find("schema_digest:") != std::string::npos) {
            out += line + "\n";
            continue;
        }
        auto begin = line.cbegin();
        std::smatch m;
        while (std::regex_search(begin, line.cend(), m, id)) {
            out.append(begin, m[0].first);
            std::string key = m[0].str();
            key.erase(std::remove(key.begin(), key.end(), '-'), key.end());
            auto it = numbers.emplace(key, static_cast<int>(numbers.size())).first;
            out += "<id " + std::to_string(it->second) + ">";
            begin = m[0].second;
        }
        out.append(begin, line.cend());
        out += "\n";
    }
    return out;
}

namespace {

const std::regex& dataset_id_pattern() {
    static const std::regex id(R"([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})");
    return id;
}

// A dump line split into its text between ids and the ids (dashes removed).
struct DumpLine {
    std::vector<std::string> text;  // text.size() == ids.size() + 1
    std::vector<std::string> ids;
    int block = -1;                 // the table the row belongs to (-1: not a row)
};

DumpLine split_ids(const std::string& line) {
    DumpLine out;
    if (line.find("schema_digest:") != std::string::npos) {
        out.text.push_back(line);
        return out;
    }
    auto begin = line.cbegin();
    std::smatch m;
    while (std::regex_search(begin, line.cend(), m, dataset_id_pattern())) {
        out.text.emplace_back(begin, m[0].first);
        std::string id = m[0].str();
        id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
        out.ids.push_back(id);
        begin = m[0].second;
    }
    out.text.emplace_back(begin, line.cend());
    return out;
}

std::string joined(const DumpLine& line, const std::map<std::string, int>& number, const std::string& self) {
    std::string out = line.text[0];
    for (std::size_t i = 0; i < line.ids.size(); ++i) {
        out += line.ids[i] == self ? std::string("<self>") : "<id " + std::to_string(number.at(line.ids[i])) + ">";
        out += line.text[i + 1];
    }
    return out;
}

}  // namespace

std::string with_rows_as_sets(const std::string& text) {
    std::vector<DumpLine> lines;
    std::vector<std::string> keys;  // the table of each block
    bool in_copy = false;
    std::string last_insert_table;
    for (const auto& raw : split_lines(text)) {
        DumpLine line = split_ids(raw);
        if (in_copy) {
            if (raw == "\\.") in_copy = false;
            else line.block = static_cast<int>(keys.size()) - 1;
        } else if (raw.rfind("COPY ", 0) == 0 && raw.size() > 11 && raw.compare(raw.size() - 11, 11, "FROM stdin;") == 0) {
            in_copy = true;
            keys.push_back(raw);
        } else if (raw.rfind("INSERT INTO ", 0) == 0 && raw.find(" VALUES") != std::string::npos) {
            std::string table = raw.substr(0, raw.find(" VALUES"));
            if (table != last_insert_table) keys.push_back(table);
            last_insert_table = table;
            line.block = static_cast<int>(keys.size()) - 1;
        }
        if (line.block < 0 && !(raw.rfind("INSERT INTO ", 0) == 0)) last_insert_table.clear();
        lines.push_back(std::move(line));
    }
    // Where each id stands, and its class, refined until the number of classes stops growing.
    std::map<std::string, std::vector<std::size_t>> places;
    for (std::size_t i = 0; i < lines.size(); ++i)
        for (const auto& id : lines[i].ids) places[id].push_back(i);
    std::map<std::string, int> number;
    for (const auto& [id, where] : places) number[id] = 0;
    for (std::size_t classes = 1;;) {
        std::map<std::string, std::string> signature;
        for (const auto& [id, where] : places) {
            std::vector<std::string> said;
            for (std::size_t i : where) said.push_back(std::to_string(lines[i].block) + ":" + joined(lines[i], number, id));
            std::sort(said.begin(), said.end());
            std::string& text_of = signature[id];
            for (const auto& s : said) text_of += s + "\n";
        }
        std::map<std::string, int> rank;
        for (const auto& [id, sig] : signature) rank.emplace(sig, 0);
        int next = 0;
        for (auto& [sig, r] : rank) r = next++;
        for (auto& [id, n] : number) n = rank.at(signature.at(id));
        if (rank.size() == classes) break;
        classes = rank.size();
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size();) {
        if (lines[i].block < 0) {
            out += joined(lines[i], number, "") + "\n";
            ++i;
            continue;
        }
        std::vector<std::string> rows;
        const int block = lines[i].block;
        for (; i < lines.size() && lines[i].block == block; ++i) rows.push_back(joined(lines[i], number, ""));
        std::sort(rows.begin(), rows.end());
        for (const auto& row : rows) out += row + "\n";
    }
    return out;
}

std::string canonical_output(const std::string& text, OrderRule rule) {
    if (rule == OrderRule::table_constraints_unordered) return with_sorted_constraint_runs(text);
    std::string sorted_labels = sort_label_lists(text);
    if (rule == OrderRule::exact) return sorted_labels;
    auto lines = split_lines(sorted_labels);
    std::vector<std::string> units;
    std::string prefix;
    if (rule == OrderRule::lines_unordered) {
        units = lines;
    } else {
        for (const auto& line : lines) {
            if (line.rfind("Rev: ", 0) == 0) units.emplace_back();
            if (units.empty()) prefix += line + "\n";
            else units.back() += line + "\n";
        }
    }
    std::sort(units.begin(), units.end());
    std::string out = prefix;
    for (const auto& unit : units) out += unit + (rule == OrderRule::lines_unordered ? "\n" : "");
    return out;
}

// ---- The 2026 rule (output_rules.hpp) ----

const std::vector<LaterRevision>& later_revisions() {
    // Texts written from the scripts' docstrings and revision identifiers and alembic 1.19.1's formats:
    // one-line: Script._head_only with include_parents, include_branches and include_doc, as `alembic history` asks
    // (script/base.py lines 903-941, command.py lines 597-611); verbose: Script.log_entry (base.py lines 858-891),
    // the docstring's lines each indented by four spaces, then print()'s newline. Branch names are those alembic
    // gives every revision of a tree (the root's and the manager's labels); their order is compared as a set.
    static const std::vector<LaterRevision> revisions = {
        // lsst-dm/daf_butler_migrate migrations/dimensions-config/aa7a2f893cba.py @6aa2a7a1: docstring lines 1-5,
        // revision / down_revision / branch_labels / depends_on lines 17-20.
        {"aa7a2f893cba", "dimensions-config", "352c30854bb0", {},
         "352c30854bb0 -> aa7a2f893cba (dimensions-config, dimensions-config-daf_butler) (head), "
         "Migration script for dimensions.yaml namespace=daf_butler version=8.",
         "Rev: aa7a2f893cba (head)\n"
         "Parent: 352c30854bb0\n"
         "Branch names: dimensions-config, dimensions-config-daf_butler\n"
         "Path: {MIGRATIONS}/dimensions-config/aa7a2f893cba.py\n"
         "\n"
         "    Migration script for dimensions.yaml namespace=daf_butler version=8.\n"
         "    \n"
         "    Revision ID: aa7a2f893cba\n"
         "    Revises: 352c30854bb0\n"
         "    Create Date: 2026-05-05 15:24:24.546869\n"
         "\n"},
        // migrations/dimensions-config-patches/8a1a1665cc96.py @c70930da: docstring lines 1-6, revision /
        // down_revision / branch_labels / depends_on lines 9-12. Its branch names: its own label and, inherited
        // upward from ffe757e1ab0f (alembic revision.py RevisionMap._add_branches, lines 335-354), that one's.
        {"8a1a1665cc96", "dimensions-config-patches", "", {},
         "<base> -> 8a1a1665cc96 (dimensions-config-patches, dimensions-config-patches-daf_butler) (head), "
         "This is an initial pseudo-revision of the 'dimensions-config-patches' tree.",
         "Rev: 8a1a1665cc96 (head)\n"
         "Parent: <base>\n"
         "Branch names: dimensions-config-patches, dimensions-config-patches-daf_butler\n"
         "Path: {MIGRATIONS}/dimensions-config-patches/8a1a1665cc96.py\n"
         "\n"
         "    This is an initial pseudo-revision of the 'dimensions-config-patches' tree.\n"
         "    \n"
         "    Revision ID: 8a1a1665cc96\n"
         "    Revises:\n"
         "    Create Date: 2026-09-12 14:26:21.599357\n"
         "\n"},
        // migrations/dimensions-config-patches/ffe757e1ab0f.py @89827c5a: docstring lines 1-6, revision /
        // down_revision / branch_labels / depends_on lines 15-19. With a dependency, the one-line form is
        // "<down> (<depends_on>) -> <id>" (alembic base.py lines 912-918) and the entry has "Also depends on:"
        // after "Parent:" (base.py lines 871-874). Loading it makes 1fae088c80b6 a real branch point (children and
        // dependents), so the dimensions-config root no longer inherits dimensions-config-daf_butler (rule 5).
        {"ffe757e1ab0f", "dimensions-config-patches", "8a1a1665cc96", {"1fae088c80b6"},
         "8a1a1665cc96 (1fae088c80b6) -> ffe757e1ab0f (dimensions-config-patches, "
         "dimensions-config-patches-daf_butler) (head), "
         "Patch script for dimensions.yaml, namespace=daf_butler version=v6-patch1.",
         "Rev: ffe757e1ab0f (head)\n"
         "Parent: 8a1a1665cc96\n"
         "Also depends on: 1fae088c80b6\n"
         "Branch names: dimensions-config-patches, dimensions-config-patches-daf_butler\n"
         "Path: {MIGRATIONS}/dimensions-config-patches/ffe757e1ab0f.py\n"
         "\n"
         "    Patch script for dimensions.yaml, namespace=daf_butler version=v6-patch1.\n"
         "    \n"
         "    Revision ID: ffe757e1ab0f\n"
         "    Revises: 8a1a1665cc96\n"
         "    Create Date: 2026-09-12 14:26:23.462846\n"
         "\n",
         {{"3e2891b82110", "dimensions-config-daf_butler"}}},
    };
    return revisions;
}

namespace {

// The revision a line of show-current, show-history or show-trees names (see rule 3), if any.
std::optional<std::string> named_revision(const std::string& line) {
    static const std::regex named(R"(^(?:Rev: |.* -> )?([0-9a-f]{12})\b)");
    std::smatch m;
    if (!std::regex_search(line, m, named)) return std::nullopt;
    return m[1].str();
}

// The non-option arguments after the subcommand ({REPO} and a tree name).
std::vector<std::string> positional_arguments(const GoldenRun& run) {
    std::vector<std::string> out;
    for (size_t i = 1; i < run.args.size(); ++i) {
        if (run.args[i].rfind("-", 0) != 0) out.push_back(run.args[i]);
    }
    return out;
}

// Verbose outputs as their "Rev: " entries (each up to the next), with the text before the first one.
struct Entries {
    std::string prefix;
    std::vector<std::string> entries;
};

Entries split_entries(const std::string& text) {
    Entries out;
    for (const auto& line : split_lines(text)) {
        if (line.rfind("Rev: ", 0) == 0) out.entries.emplace_back();
        if (out.entries.empty()) out.prefix += line + "\n";
        else out.entries.back() += line + "\n";
    }
    return out;
}

std::string joined(const Entries& entries) {
    std::string out = entries.prefix;
    for (const auto& entry : entries.entries) out += entry;
    return out;
}

// Rule 1: `item` (a line, or an entry) put before the item naming `revises`, or at the end.
void insert_before(std::vector<std::string>& items, const std::string& item, const std::string& revises) {
    auto at = std::find_if(items.begin(), items.end(), [&](const std::string& existing) {
        return !revises.empty() && named_revision(existing.substr(0, existing.find('\n'))) == revises;
    });
    items.insert(at, item);
}

// A ", "-separated list without `item`.
std::string without_item(const std::string& list, const std::string& item) {
    std::string out;
    size_t start = 0;
    while (start <= list.size()) {
        auto comma = list.find(", ", start);
        const std::string part = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (part != item) out += (out.empty() ? "" : ", ") + part;
        if (comma == std::string::npos) break;
        start = comma + 2;
    }
    return out;
}

// The tree of a show-trees -v entry: from its "Path: <folder>/<tree>/<id>.py" line.
std::string entry_tree(const std::string& entry) {
    static const std::regex path(R"(\nPath: .*/([^/\n]+)/[0-9a-f]{12}\.py\n)");
    std::smatch m;
    return std::regex_search(entry, m, path) ? m[1].str() : "";
}

}  // namespace

std::string with_later_revisions(const GoldenRun& run, const std::string& recorded, const std::set<std::string>& compiled) {
    const std::string command = run.command();
    if (!run.is_butler_migrate() || run.has_flag("--one-shot") ||
        (command != "show-current" && command != "show-history" && command != "show-trees")) {
        return recorded;
    }
    const bool verbose = run.has_flag("-v") || run.has_flag("--verbose");
    const auto arguments = positional_arguments(run);
    std::string text = recorded;
    std::set<std::string> superseded, depended_on;
    for (const auto& revision : later_revisions()) {
        if (!compiled.count(revision.id)) continue;
        if (!revision.revises.empty()) superseded.insert(revision.revises);
        depended_on.insert(revision.depends_on.begin(), revision.depends_on.end());
        const bool whole_history = command == "show-history" && arguments.empty();
        const bool own_tree = command == "show-history" && arguments.size() == 1 && arguments.front() == revision.tree;
        if (whole_history || own_tree) {  // rule 1
            if (verbose) {
                Entries entries = split_entries(text);
                insert_before(entries.entries, revision.history_entry, revision.revises);
                text = joined(entries);
            } else {
                auto lines = split_lines(text);
                insert_before(lines, revision.history_line, revision.revises);
                text.clear();
                for (const auto& line : lines) text += line + "\n";
            }
        }
        if (command == "show-trees" && revision.revises.empty()) {  // rule 2
            if (verbose) {
                Entries entries = split_entries(text);
                auto at = std::find_if(entries.entries.begin(), entries.entries.end(),
                                       [&](const std::string& entry) { return entry_tree(entry) > revision.tree; });
                entries.entries.insert(at, revision.history_entry);
                text = joined(entries);
            } else {
                auto lines = split_lines(text);
                lines.insert(std::upper_bound(lines.begin(), lines.end(), revision.tree), revision.tree);
                text.clear();
                for (const auto& line : lines) text += line + "\n";
            }
        }
    }
    // Rule 5 applies where all regular trees are loaded: show-current, show-trees, show-history without a tree.
    std::set<std::pair<std::string, std::string>> lost_labels;
    if (command != "show-history" || arguments.empty()) {
        for (const auto& revision : later_revisions()) {
            if (compiled.count(revision.id)) lost_labels.insert(revision.labels_lost.begin(), revision.labels_lost.end());
        }
    }
    // Rules 3, 4 and 5, line by line.
    const bool one_line_form = !verbose && command != "show-trees" && !run.has_flag("--butler");
    std::string out;
    std::string entry_id;  // the revision of the verbose entry being read
    for (auto line : split_lines(text)) {
        if (line.rfind("Rev: ", 0) == 0) entry_id = line.substr(5, 12);
        bool dropped = false;
        for (const auto& [lost_from, label] : lost_labels) {
            if (line.rfind("Branch names: ", 0) == 0 && entry_id == lost_from) {
                const std::string rest = without_item(line.substr(14), label);
                // log_entry prints no "Branch names:" for none, and show-trees has taken a root's only label
                // (script/migrate_trees.py lines 48-52 at 636f362: branches.pop() on the revision's own set).
                dropped = rest.empty() || (command == "show-trees" && rest.find(", ") == std::string::npos);
                line = "Branch names: " + rest;
            } else if (!verbose && named_revision(line) == lost_from) {
                const auto group = line.find(" (", line.find(lost_from));
                const auto close = line.find(')', group);
                if (group != std::string::npos && close != std::string::npos) {
                    line = line.substr(0, group + 2) + without_item(line.substr(group + 2, close - group - 2), label) +
                           line.substr(close);
                }
            }
        }
        if (dropped) continue;
        const auto id = named_revision(line);
        const auto marker = line.find(" (head)");
        if (id && marker != std::string::npos) {
            if (superseded.count(*id)) line.erase(marker, std::string(" (head)").size());
            else if (depended_on.count(*id) && one_line_form) line.replace(marker, 7, " (effective head)");
        }
        out += line + "\n";
    }
    return out;
}

}  // namespace conformance

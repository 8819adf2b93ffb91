// Canonical forms of outputs whose order upstream leaves to Python sets and directory listings.
#include "output_rules.hpp"

#include <algorithm>
#include <map>
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
    auto begin = text.cbegin();
    std::smatch m;
    while (std::regex_search(begin, text.cend(), m, id)) {
        out.append(begin, m[0].first);
        std::string key = m[0].str();
        key.erase(std::remove(key.begin(), key.end(), '-'), key.end());
        auto it = numbers.emplace(key, static_cast<int>(numbers.size())).first;
        out += "<id " + std::to_string(it->second) + ">";
        begin = m[0].second;
    }
    out.append(begin, text.cend());
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

}  // namespace conformance

// Catalogue facts for the tests, from the catalogue's rows and the recorded show-history output.
#include "catalogue_facts.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <sstream>

#include "butler_migrate/core/revision_id.hpp"
#include "butler_migrate/migrations/catalogue.hpp"

namespace test_support {

using butler_migrate::Revision;

namespace {

const std::vector<Revision>& rows() { return butler_migrate::compiled_catalogue().revisions(); }

bool has_regular_child(const std::string& id) {
    return std::any_of(rows().begin(), rows().end(),
                       [&](const Revision& r) { return !r.is_one_shot() && r.down_revision == id; });
}

}  // namespace

const Revision& catalogue_revision(const std::string& id, const std::string& tree) {
    std::vector<const Revision*> found;
    for (const Revision& r : rows()) {
        if (r.id == id && (tree.empty() ? !r.is_one_shot() : r.tree == tree)) found.push_back(&r);
    }
    INFO("revision " << id << (tree.empty() ? "" : " of tree " + tree));
    REQUIRE(found.size() == 1);
    return *found.front();
}

bool in_catalogue(const std::string& id) {
    return std::any_of(rows().begin(), rows().end(), [&](const Revision& r) { return r.id == id; });
}

std::vector<const Revision*> regular_rows() {
    std::vector<const Revision*> out;
    for (const Revision& r : rows()) {
        if (!r.is_one_shot()) out.push_back(&r);
    }
    return out;
}

std::vector<const Revision*> one_shot_rows() {
    std::vector<const Revision*> out;
    for (const Revision& r : rows()) {
        if (r.is_one_shot()) out.push_back(&r);
    }
    return out;
}

bool is_regular_head(const std::string& id) {
    const bool known = std::any_of(rows().begin(), rows().end(),
                                   [&](const Revision& r) { return !r.is_one_shot() && r.id == id; });
    return known && !has_regular_child(id);
}

std::string head_marker(const std::string& id) { return is_regular_head(id) ? " (head)" : ""; }

std::vector<std::string> regular_heads(const std::string& tree) {
    std::vector<std::string> heads;
    for (const Revision& r : rows()) {
        if (r.tree == tree && !has_regular_child(r.id)) heads.push_back(r.id);
    }
    std::sort(heads.begin(), heads.end());
    return heads;
}

std::vector<std::string> regular_revisions_above(const std::string& id) {
    std::vector<std::string> above;
    for (std::string current = id;;) {
        std::vector<std::string> children;
        for (const Revision& r : rows()) {
            if (!r.is_one_shot() && r.down_revision == current) children.push_back(r.id);
        }
        if (children.empty()) return above;
        INFO("revisions above " << id);
        REQUIRE(children.size() == 1);
        above.push_back(children.front());
        current = children.front();
    }
}

std::string regular_head_above(const std::string& id) {
    const auto above = regular_revisions_above(id);
    return above.empty() ? id : above.back();
}

std::string absent_revision_id(const std::string& purpose) {
    const std::string id = butler_migrate::rev_id({"no-such-tree", "NoSuchManager" + purpose, "0.0.0"});
    REQUIRE(std::regex_match(id, std::regex("[0-9a-f]{12}")));
    REQUIRE_FALSE(in_catalogue(id));
    return id;
}

int newest_catalogue_universe() {
    int newest = -1;
    for (const Revision& r : rows()) {
        if (r.tree == "dimensions-config" && r.manager_class == "daf_butler") {
            newest = std::max(newest, std::stoi(r.manager_version));
        }
    }
    REQUIRE(newest >= 0);
    return newest;
}

const std::set<std::string>& recorded_regular_ids() {
    static const std::set<std::string> ids = [] {
        std::set<std::string> found;
        static const std::regex line_form(R"(^\S+ -> ([0-9a-f]{12})[ ,])");
        std::istringstream lines(read_global_golden("17_show-history.txt").out);
        for (std::string line; std::getline(lines, line);) {
            std::smatch m;
            if (std::regex_search(line, m, line_form)) found.insert(m[1]);
        }
        return found;
    }();
    return ids;
}

bool tree_as_recorded(const std::string& tree) {
    return std::all_of(rows().begin(), rows().end(),
                       [&](const Revision& r) { return r.tree != tree || recorded_regular_ids().count(r.id) > 0; });
}

bool catalogue_as_recorded() {
    return std::all_of(rows().begin(), rows().end(),
                       [](const Revision& r) { return r.is_one_shot() || recorded_regular_ids().count(r.id) > 0; });
}

std::string with_heads_of_today(const std::string& recorded) {
    static const std::regex named(R"(^(?:Rev: |.* -> )?([0-9a-f]{12})\b)");
    std::string out;
    std::istringstream lines(recorded);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        const auto marker = line.find(" (head)");
        if (marker != std::string::npos && std::regex_search(line, m, named) && has_regular_child(m[1])) {
            line.erase(marker, std::string(" (head)").size());
        }
        out += line + "\n";
    }
    return out;
}

std::map<std::string, bool> recorded_current(const GoldenRun& show_current) {
    std::map<std::string, bool> revisions;
    std::istringstream lines(show_current.out);
    for (std::string line; std::getline(lines, line);) {
        const std::string id = line.substr(0, 12);
        revisions[id] = line.find(" (head)") != std::string::npos && !has_regular_child(id);
    }
    return revisions;
}

}  // namespace test_support

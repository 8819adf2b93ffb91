// Tests of the revision texts and of show-trees / show-history against the real tool's goldens (_global 14-42).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "butler_migrate/core/revision_graph.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "cli/revision_text.hpp"
#include "catalogue_facts.hpp"
#include "output_rules.hpp"
#include "golden_run.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"
#include "tool_environment.hpp"

using namespace butler_migrate;
using Lines = std::vector<std::string>;

namespace {

const std::string kMigrations = "/opt/butler-migrate-test/migrations";

// A recorded run of ../shared/fixtures/_global, its {MIGRATIONS} placeholder replaced by kMigrations.
test_support::GoldenRun read_golden(const std::string& name) {
    test_support::GoldenRun golden = test_support::read_global_golden(name);
    golden.out = std::regex_replace(golden.out, std::regex("\\{MIGRATIONS\\}"), kMigrations);
    return golden;
}

std::string sorted_list(const std::string& list) {
    std::vector<std::string> items;
    std::size_t start = 0;
    for (std::size_t comma; (comma = list.find(", ", start)) != std::string::npos; start = comma + 2) {
        items.push_back(list.substr(start, comma - start));
    }
    items.push_back(list.substr(start));
    std::sort(items.begin(), items.end());
    std::string joined;
    for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
    return joined;
}

// Upstream prints label sets and child sets in no stable order: sort the list in every "( … )" and after
// "Branch names: " and "Branches into: " (the port sorts them; see revision_text.hpp).
std::string normalise_labels(const std::string& text) {
    std::istringstream in(text);
    std::string result;
    const std::regex group("\\(([^()]*, [^()]*)\\)");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("Branch names: ", 0) == 0) {
            line = "Branch names: " + sorted_list(line.substr(14));
        } else if (line.rfind("Branches into: ", 0) == 0) {
            line = "Branches into: " + sorted_list(line.substr(15));
        } else {
            std::string rebuilt;
            auto rest = line.cbegin();
            for (std::sregex_iterator it(line.begin(), line.end(), group), end; it != end; ++it) {
                rebuilt.append(rest, (*it)[0].first);
                rebuilt += "(" + sorted_list((*it)[1].str()) + ")";
                rest = (*it)[0].second;
            }
            line = rebuilt.append(rest, line.cend());
        }
        result += line + "\n";
    }
    return result;
}

test_support::CommandResult run_with_migrations(const std::vector<std::string>& args) {
    return test_support::run_isolated(args, {{"DAF_BUTLER_MIGRATE_MIGRATIONS", kMigrations}});
}


// Lines, or for verbose output log entries (each starting at "Rev: "), in order.
Lines entries_of(const std::string& text, bool verbose) {
    Lines entries;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (entries.empty() || !verbose || line.rfind("Rev: ", 0) == 0) {
            entries.push_back(line + "\n");
        } else {
            entries.back() += line + "\n";
        }
    }
    return entries;
}

// The revision a history line ("<down> -> <id> ...") or log entry ("Rev: <id> ...") is about; "" for others.
std::string entry_id(const std::string& entry) {
    static const std::regex form(R"(^(?:\S+ -> |Rev: )([0-9a-f]{12}))");
    std::smatch m;
    return std::regex_search(entry, m, form) ? m[1].str() : "";
}

// The recordings were made before upstream's 2026 revisions: they are compared as the 2026 rule of
// tests/support/output_rules.hpp (shared with the conformance replay) says the real tool prints them today.
std::string recorded_today(const test_support::GoldenRun& golden, const std::string& recorded) {
    static const std::set<std::string> compiled = [] {
        std::set<std::string> ids;
        for (const auto& revision : compiled_catalogue().revisions()) ids.insert(revision.id);
        return ids;
    }();
    const std::string today = conformance::with_later_revisions(golden, recorded, compiled);
    return std::regex_replace(today, std::regex("\\{MIGRATIONS\\}"), kMigrations);
}

const RevisionGraph& regular_graph() {
    static const RevisionGraph graph = compiled_catalogue().regular();
    return graph;
}

// The revision ids of a history, in order, without those of `left_out` trees.
std::vector<std::string> entry_ids(const std::string& text, bool verbose, const std::set<std::string>& left_out = {}) {
    std::vector<std::string> ids;
    for (const auto& entry : entries_of(text, verbose)) {
        const std::string id = entry_id(entry);
        if (id.empty()) continue;
        const Revision* revision = regular_graph().find(id);
        if (revision && left_out.count(revision->tree)) continue;
        ids.push_back(id);
    }
    return ids;
}

// Lines, or for verbose output log entries, sorted.
Lines sorted_blocks(const std::string& text, bool verbose) {
    Lines blocks = entries_of(text, verbose);
    std::sort(blocks.begin(), blocks.end());
    return blocks;
}

const std::vector<std::string> kTreeGoldens = {
    "21_show-history_attributes.txt",        "23_show-history_collections.txt",
    "25_show-history_datasets.txt",          "27_show-history_datastores.txt",
    "29_show-history_dimensions.txt",        "31_show-history_dimensions-config.txt",
    "33_show-history_obscore.txt",           "35_show-history_obscore-config.txt",
    "37_show-history_opaque.txt"};

// The golden of the same command with -v: the next number, "-v" after "--one-shot" or at the end.
std::string verbose_name(const std::string& name) {
    const std::string number = std::to_string(std::stoi(name.substr(0, 2)) + 1);
    std::string rest = name.substr(2, name.size() - 6);  // between the number and ".txt"
    const auto one_shot = rest.find("_--one-shot_");
    if (one_shot != std::string::npos) return number + rest.insert(one_shot + 12, "-v_") + ".txt";
    return number + rest + "_-v.txt";
}

}  // namespace

TEST_CASE("Path: folder from --mig-path or the environment", "[revisions]") {
    using test_support::ScopedEnv;
    {
        ScopedEnv migrations("DAF_BUTLER_MIGRATE_MIGRATIONS", "/env/migrations");
        ScopedEnv dir("DAF_BUTLER_MIGRATE_DIR", "/pkg");
        CHECK(cli::migrations_folder("/option") == "/option");
        CHECK(cli::migrations_folder("") == "/env/migrations");
    }
    ScopedEnv no_migrations("DAF_BUTLER_MIGRATE_MIGRATIONS", std::nullopt);
    {
        ScopedEnv dir("DAF_BUTLER_MIGRATE_DIR", "/pkg");
        CHECK(cli::migrations_folder("") == "/pkg/migrations");
    }
    {
        ScopedEnv dir("DAF_BUTLER_MIGRATE_DIR", "/pkg/");
        CHECK(cli::migrations_folder("") == "/pkg/migrations");
    }
    ScopedEnv no_dir("DAF_BUTLER_MIGRATE_DIR", std::nullopt);
    CHECK(cli::migrations_folder("") == "migrations");
}

TEST_CASE("script paths of regular and one-shot revisions", "[revisions]") {
    const RevisionGraph regular = compiled_catalogue().regular();
    CHECK(cli::script_path("/m", regular.at("c0e4f9ab4a5d")) == "/m/attributes/c0e4f9ab4a5d.py");
    CHECK(cli::script_path("/m/", regular.at("c0e4f9ab4a5d")) == "/m/attributes/c0e4f9ab4a5d.py");
    const RevisionGraph one_shot = compiled_catalogue().of_trees({"datasets/int_1.0.0_to_uuid_1.0.0"});
    CHECK(cli::script_path("m", one_shot.at("2101fbf51ad3")) ==
          "m/_oneshot/datasets/int_1.0.0_to_uuid_1.0.0/2101fbf51ad3.py");
}

TEST_CASE("history one-liners and marker lines", "[revisions]") {
    const RevisionGraph graph = compiled_catalogue().of_trees({"collections"});
    CHECK(cli::history_line(graph, graph.at("8d2e9de2f21f")) ==
          "<base> -> 8d2e9de2f21f (collections) (branchpoint), "
          "This is an initial pseudo-revision of the 'collections' tree.");
    const std::string head = test_support::head_marker("8c57494cabcc");  // REFERENCE §2: " (head)"
    CHECK(cli::history_line(graph, graph.at("8c57494cabcc")) ==
          "97a6aabd8998 -> 8c57494cabcc (collections, collections-SynthIntKeyCollectionManager)" + head + ", "
          "Migration script for SynthIntKeyCollectionManager 2.0.0.");
    CHECK(cli::history_line(graph, graph.at("8c57494cabcc"), true).find(head + " (current), ") != std::string::npos);
    CHECK(cli::revision_marker_line(graph, graph.at("8c57494cabcc")) == "8c57494cabcc" + head);
    CHECK(cli::revision_marker_line(graph, graph.at("8d2e9de2f21f"), true) == "8d2e9de2f21f (current) (branchpoint)");
    CHECK(cli::revision_marker_line(graph, graph.at("97a6aabd8998")) == "97a6aabd8998");
}

TEST_CASE("log_entry of REFERENCE §4.9", "[revisions]") {
    const RevisionGraph graph = compiled_catalogue().regular();
    CHECK(cli::log_entry(graph, graph.at("c0e4f9ab4a5d"), "/x/migrations") ==
          "Rev: c0e4f9ab4a5d" + test_support::head_marker("c0e4f9ab4a5d") + "\n"
          "Parent: f22a777cf382\n"
          "Branch names: attributes, attributes-DefaultButlerAttributeManager\n"
          "Path: /x/migrations/attributes/c0e4f9ab4a5d.py\n"
          "\n"
          "    Migration script for DefaultButlerAttributeManager 1.0.1.\n"
          "    \n"
          "    Revision ID: c0e4f9ab4a5d\n"
          "    Revises: f22a777cf382\n"
          "    Create Date: 2023-03-21 16:38:41.523277\n");
    cli::LogEntryOptions options;
    options.current = true;
    options.show_branch_names = false;
    CHECK(cli::log_entry(graph, graph.at("8d2e9de2f21f"), "m", options) ==
          "Rev: 8d2e9de2f21f (branchpoint) (current)\n"
          "Parent: <base>\n"
          "Branches into: 079a1bc77f25, a56af31bd899\n"
          "Path: m/collections/8d2e9de2f21f.py\n"
          "\n"
          "    This is an initial pseudo-revision of the 'collections' tree.\n"
          "    \n"
          "    Revision ID: 8d2e9de2f21f\n"
          "    Revises:\n"
          "    Create Date: 2021-05-04 16:30:18.164583\n");
}

TEST_CASE("show-trees and per-tree show-history match the goldens", "[revisions]") {
    std::vector<std::string> names = {
        "14_show-trees.txt",
        "15_show-trees_-v.txt",
        "16_show-trees_--one-shot.txt",
        "39_show-history_--one-shot_datasets_int_1.0.0_to_uuid_1.0.0.txt",
        "40_show-history_--one-shot_-v_datasets_int_1.0.0_to_uuid_1.0.0.txt",
        "41_show-history_--one-shot_collections_name_2.0.0_to_int_2.0.0.txt",
        "42_show-history_--one-shot_-v_collections_name_2.0.0_to_int_2.0.0.txt"};
    for (const auto& name : kTreeGoldens) {
        names.push_back(name);
        names.push_back(verbose_name(name));
    }
    REQUIRE(names.size() == 25);
    for (const auto& name : names) {
        INFO(name);
        const test_support::GoldenRun golden = read_golden(name);
        const auto result = run_with_migrations(golden.args);
        CHECK(result.exit_status == golden.exit_status);
        CHECK(result.err.empty());
        CHECK(normalise_labels(result.out) == normalise_labels(recorded_today(golden, golden.out)));
    }
}

TEST_CASE("show-history of all trees matches the goldens up to tree order", "[revisions]") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
        {"17_show-history.txt", kTreeGoldens},
        {"19_show-history_--one-shot.txt",
         {"41_show-history_--one-shot_collections_name_2.0.0_to_int_2.0.0.txt",
          "39_show-history_--one-shot_datasets_int_1.0.0_to_uuid_1.0.0.txt"}}};
    for (const auto& [name, per_tree] : cases) {
        for (const bool verbose : {false, true}) {
            const std::string golden_name = verbose ? verbose_name(name) : name;
            INFO(golden_name);
            const test_support::GoldenRun golden = read_golden(golden_name);
            const auto result = run_with_migrations(golden.args);
            CHECK(result.exit_status == golden.exit_status);
            CHECK(result.err.empty());
            const bool regular = !golden.has_flag("--one-shot");
            const std::string& ours = result.out;
            // Upstream's tree order follows the file system: compare as the same collection of lines / entries.
            CHECK(sorted_blocks(normalise_labels(ours), verbose) ==
                  sorted_blocks(normalise_labels(recorded_today(golden, golden.out)), verbose));
            // The port's order: the per-tree goldens one after another, trees alphabetically (the trees that have
            // no per-tree recording, new since, left out of the comparison).
            std::vector<std::string> expected;
            std::set<std::string> recorded_trees;
            for (const auto& tree_golden : per_tree) {
                const test_support::GoldenRun tree_run = read_golden(verbose ? verbose_name(tree_golden) : tree_golden);
                const auto ids = entry_ids(regular ? recorded_today(tree_run, tree_run.out) : tree_run.out, verbose);
                expected.insert(expected.end(), ids.begin(), ids.end());
                for (const auto& id : ids) {
                    if (const Revision* revision = regular_graph().find(id)) recorded_trees.insert(revision->tree);
                }
            }
            std::set<std::string> new_trees;
            if (regular) {
                for (const auto& tree : compiled_catalogue().regular_tree_names()) {
                    if (!recorded_trees.count(tree)) new_trees.insert(tree);
                }
            }
            CHECK(entry_ids(ours, verbose, new_trees) == expected);
        }
    }
}

TEST_CASE("show-trees --one-shot -v prints each one-shot root entry", "[revisions]") {
    // The last entry of each verbose one-shot history golden is its root.
    auto root_entry = [](const std::string& name) {
        const std::string out = read_golden(name).out;
        return out.substr(out.rfind("Rev: "));
    };
    const std::string expected =
        root_entry("42_show-history_--one-shot_-v_collections_name_2.0.0_to_int_2.0.0.txt") +
        root_entry("40_show-history_--one-shot_-v_datasets_int_1.0.0_to_uuid_1.0.0.txt");
    const auto result = run_with_migrations({"show-trees", "--one-shot", "-v"});
    CHECK(result.exit_status == 0);
    CHECK(result.out == expected);
}

TEST_CASE("show-history tree selection", "[revisions]") {
    const std::string datasets_one_shot =
        read_golden("39_show-history_--one-shot_datasets_int_1.0.0_to_uuid_1.0.0.txt").out;
    SECTION("a name with a slash is a one-shot tree even without --one-shot") {
        const auto result = run_with_migrations({"show-history", "datasets/int_1.0.0_to_uuid_1.0.0"});
        CHECK(result.exit_status == 0);
        CHECK(normalise_labels(result.out) == normalise_labels(datasets_one_shot));
    }
    SECTION("--one-shot with a manager type shows all its one-shot trees") {
        const auto result = run_with_migrations({"show-history", "--one-shot", "datasets"});
        CHECK(result.exit_status == 0);
        CHECK(normalise_labels(result.out) == normalise_labels(datasets_one_shot));
    }
    SECTION("--one-shot with a manager type that has no one-shot tree prints nothing") {
        const auto result = run_with_migrations({"show-history", "--one-shot", "attributes"});
        CHECK(result.exit_status == 0);
        CHECK(result.out.empty());
        CHECK(result.err.empty());
    }
    SECTION("an unknown tree is an error naming the known trees") {
        const auto result = run_with_migrations({"show-history", "no-such-tree"});
        CHECK(result.exit_status == 5);
        CHECK(result.out.empty());
        std::string known;
        for (const auto& tree : compiled_catalogue().regular_tree_names()) known += (known.empty() ? "" : ", ") + tree;
        CHECK(result.err == "butler-migrate: error: Unknown tree 'no-such-tree'; known trees: " + known + "\n");
    }
    SECTION("an unknown one-shot tree is an error naming the known one-shot trees") {
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"show-history", "datasets/no_such"}, {"show-history", "--one-shot", "datasets/no_such"}}) {
            const auto result = run_with_migrations(args);
            CHECK(result.exit_status == 5);
            CHECK(result.out.empty());
            CHECK(result.err == "butler-migrate: error: Unknown one-shot tree 'datasets/no_such'; known one-shot "
                                "trees: collections/name_2.0.0_to_int_2.0.0, datasets/int_1.0.0_to_uuid_1.0.0\n");
        }
        const auto result = run_with_migrations({"show-history", "--one-shot", "no-such-type"});
        CHECK(result.exit_status == 5);
        CHECK(result.err.find("Unknown tree 'no-such-type'; known trees: attributes, ") != std::string::npos);
    }
}

TEST_CASE("Path: lines follow --mig-path, then the environment", "[revisions]") {
    const std::string path_line = "Path: /opt/x/attributes/c0e4f9ab4a5d.py\n";
    auto result = test_support::run_isolated({"show-history", "-v", "--mig-path", "/opt/x", "attributes"},
                                             {{"DAF_BUTLER_MIGRATE_MIGRATIONS", "/env"}});
    CHECK(result.out.find(path_line) != std::string::npos);
    result = test_support::run_isolated(
        {"show-history", "-v", "attributes"},
        {{"DAF_BUTLER_MIGRATE_MIGRATIONS", ""}, {"DAF_BUTLER_MIGRATE_DIR", "/pkg"}});
    CHECK(result.out.find("Path: /pkg/migrations/attributes/c0e4f9ab4a5d.py\n") != std::string::npos);
    result = test_support::run_isolated({"show-trees", "-v"},
                                        {{"DAF_BUTLER_MIGRATE_MIGRATIONS", ""}, {"DAF_BUTLER_MIGRATE_DIR", ""}});
    CHECK(result.exit_status == 0);
    CHECK(result.out.find("Path: migrations/attributes/f0a3531f97ca.py\n") != std::string::npos);
}

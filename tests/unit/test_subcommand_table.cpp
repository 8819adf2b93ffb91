// The subcommand table is the one list of subcommands: --help and dispatch read it, and the generated bash
// and zsh completions offer every subcommand `butler-migrate --help` lists and every tree `show-trees` prints.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/help_text.hpp"
#include "cli/subcommand_table.hpp"
#include "test_support.hpp"

namespace {

using butler_migrate::cli::subcommand_table;
using test_support::run_butler_migrate;
using test_support::run_program;

std::set<std::string> lines_of(const std::string& text) {
    std::set<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        if (!line.empty()) lines.insert(line);
    }
    return lines;
}

// The names under "Commands:" in `butler-migrate --help` (two-space indented, first word).
std::set<std::string> help_commands() {
    const auto help = run_butler_migrate({"--help"}, {{"COLUMNS", ""}});
    REQUIRE(help.exit_status == 0);
    std::set<std::string> names;
    std::istringstream stream(help.out);
    bool inside = false;
    for (std::string line; std::getline(stream, line);) {
        if (!inside) {
            inside = line == "Commands:";
        } else if (line.size() > 2 && line.compare(0, 2, "  ") == 0 && line[2] != ' ') {
            names.insert(line.substr(2, line.find(' ', 2) - 2));
        }
    }
    return names;
}

// `butler-migrate ARGS` stdout as a set of lines.
std::set<std::string> program_lines(const std::vector<std::string>& args) {
    const auto result = run_butler_migrate(args);
    REQUIRE(result.exit_status == 0);
    return lines_of(result.out);
}

std::string generated_doc(const std::string& name) {
    const auto path = std::filesystem::path(BUTLER_MIGRATE_EXE).parent_path() / "generated-docs" / name;
    REQUIRE(std::filesystem::is_regular_file(path));
    return path.string();
}

// What the bash completion offers for the command line `words` (the last one being completed).
std::set<std::string> bash_offers(const std::vector<std::string>& words) {
    std::vector<std::string> argv = {"bash", "-c",
                                     "source \"$1\"; shift; COMP_WORDS=(butler-migrate \"$@\"); "
                                     "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _butler_migrate; "
                                     "printf '%s\\n' \"${COMPREPLY[@]}\"",
                                     "bash", generated_doc("butler-migrate.bash")};
    argv.insert(argv.end(), words.begin(), words.end());
    const auto result = run_program(argv);
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    return lines_of(result.out);
}

bool have_zsh() { return run_program({"sh", "-c", "command -v zsh"}).exit_status == 0; }

// Runs `script` in zsh after loading the zsh completion with completion builtins replaced by printers:
// _describe prints its array, _alternative runs each alternative's action, and _arguments runs the action of
// the spec for argument $position (the file's own call of _butler-migrate at load time then prints nothing).
std::set<std::string> zsh_prints(const std::string& script, const std::string& position = "") {
    const std::string stubs =
        "_describe() { print -rl -- ${(P)${@[-1]}} }\n"
        "_alternative() { local spec; for spec; do eval \"${spec#*:*:}\"; done }\n"
        "_arguments() { local spec; for spec; do [[ -n $position && $spec == $position:* ]] && "
        "eval \"${spec#*:*:}\"; done; return 0 }\n";
    const auto result = run_program({"zsh", "-f", "-c", "position=$2; " + stubs + "source \"$1\" >/dev/null\n" + script,
                                      "zsh", generated_doc("_butler-migrate"), position});
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    return lines_of(result.out);
}

}  // namespace

TEST_CASE("the subcommand table is sorted, its names unique, each with a summary and long help", "[subcommand-table]") {
    const auto& table = subcommand_table();
    REQUIRE(!table.empty());
    for (size_t i = 1; i < table.size(); ++i) CHECK(std::string(table[i - 1].name) < table[i].name);
    for (const auto& entry : table) {
        INFO(entry.name);
        CHECK(std::string(entry.summary).size() > 10);
        CHECK(entry.setup != nullptr);
        CHECK(butler_migrate::cli::find_subcommand(entry.name) == &entry);
        CHECK(!butler_migrate::cli::long_help(entry.name).empty());
    }
    // Long help of a name the table does not have would never be shown.
    for (const auto& help : butler_migrate::cli::command_help_table()) {
        CHECK(butler_migrate::cli::find_subcommand(help.name) != nullptr);
    }
    CHECK(butler_migrate::cli::find_subcommand("no-such-command") == nullptr);
}

TEST_CASE("The --help page lists the table's subcommands and each one dispatches to its own page", "[subcommand-table]") {
    std::set<std::string> table_names;
    for (const auto& entry : subcommand_table()) table_names.insert(entry.name);
    CHECK(help_commands() == table_names);
    for (const auto& name : table_names) {
        const auto page = run_butler_migrate({name, "--help"}, {{"COLUMNS", ""}});
        INFO(name);
        CHECK(page.exit_status == 0);
        CHECK(page.out.rfind("Usage: butler-migrate " + name + " [OPTIONS]", 0) == 0);
    }
}

TEST_CASE("the bash completion offers every subcommand of --help and every tree of show-trees", "[completions]") {
    const std::set<std::string> commands = help_commands();
    REQUIRE(commands.size() >= 9);
    CHECK(bash_offers({""}) == commands);
    CHECK(bash_offers({"upg"}) == std::set<std::string>{"upgrade"});
    CHECK(bash_offers({"up"}) == std::set<std::string>{"update-day-obs", "upgrade"});

    const std::set<std::string> trees = program_lines({"show-trees"});
    const std::set<std::string> one_shot_trees = program_lines({"show-trees", "--one-shot"});
    REQUIRE(trees.count("datasets") == 1);
    REQUIRE(one_shot_trees.size() >= 2);
    CHECK(bash_offers({"show-history", ""}) == trees);
    CHECK(bash_offers({"stamp", "/repo", ""}) == trees);
    CHECK(bash_offers({"upgrade", "--one-shot-tree", ""}) == one_shot_trees);
    std::set<std::string> both = trees;
    both.insert(one_shot_trees.begin(), one_shot_trees.end());
    CHECK(bash_offers({"show-history", "--one-shot", ""}) == both);
}

TEST_CASE("the bash completion offers revisions, labels and head where the commands take them", "[completions]") {
    const auto upgrade = bash_offers({"upgrade", "/repo", ""});
    const auto downgrade = bash_offers({"downgrade", "/repo", ""});
    CHECK(upgrade.count("head") == 1);
    CHECK(downgrade.count("head") == 0);
    // A revision id, a label and a label@head from show-history's own lines.
    const auto history = program_lines({"show-history", "datasets"});
    REQUIRE(!history.empty());
    const std::string first = *history.begin();  // "<parent> -> <id> (<labels>)..., message"
    const std::string id = first.substr(first.find("-> ") + 3, 12);
    CHECK(upgrade.count(id) == 1);
    CHECK(downgrade.count(id) == 1);
    CHECK(upgrade.count("datasets@head") == 1);
    CHECK(downgrade.count("datasets") == 1);
}

TEST_CASE("the zsh completion offers every subcommand of --help and every tree of show-trees", "[completions]") {
    if (!have_zsh()) {
        WARN("zsh not installed: the zsh completion is not checked");
        return;
    }
    std::set<std::string> listed;  // "name:summary" lines of the command list
    for (const auto& line : zsh_prints("_arguments() { state=command; return 0 }; _butler-migrate")) {
        listed.insert(line.substr(0, line.find(':')));
    }
    CHECK(listed == help_commands());
    for (const auto& name : help_commands()) {
        INFO(name);
        const std::string has_function = "(( $+functions[_butler-migrate_" + name + "] )) && print yes";
        CHECK(zsh_prints(has_function) == std::set<std::string>{"yes"});
    }

    const std::set<std::string> trees = program_lines({"show-trees"});
    const std::set<std::string> one_shot_trees = program_lines({"show-trees", "--one-shot"});
    CHECK(zsh_prints("words=(show-history ''); _butler-migrate_show-history", "1") == trees);
    CHECK(zsh_prints("words=(stamp /repo ''); _butler-migrate_stamp", "2") == trees);
    std::set<std::string> both = trees;
    both.insert(one_shot_trees.begin(), one_shot_trees.end());
    CHECK(zsh_prints("words=(show-history --one-shot ''); _butler-migrate_show-history", "1") == both);
}

// Tests of --help in click's layout: the wrapping rules, the formatter on a small app, and butler-migrate's pages.
#include <catch2/catch.hpp>

#include "help_comparison.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/help_formatter.hpp"
#include "golden_run.hpp"
#include "test_support.hpp"
#include "tool_environment.hpp"

using namespace butler_migrate::cli;

namespace {

// Longer than any "default:" line can hold beside it (10+ characters) and not longer than the narrowest help
// column of the goldens (54 characters, downgrade/upgrade), so it sits alone on the second line as the real
// path did when the goldens were recorded. click would cut a longer path across lines.
const std::string kMigrations = "/opt/lsst/stack/share/daf_butler_migrate/migrations";

const test_support::Environment kHelpEnvironment = test_support::tool_environment({
    {"DAF_BUTLER_MIGRATE_MIGRATIONS", kMigrations},
    {"COLUMNS", ""},  // unset: the width is then 78 (output is not a terminal)
});

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
}

// A recorded help run with the program renamed to butler-migrate (usage lines and epilog) and {MIGRATIONS}
// replaced by kMigrations.
test_support::GoldenRun read_help_golden(const std::string& name) {
    test_support::GoldenRun golden = test_support::read_global_golden(name);
    REQUIRE(golden.is_butler_migrate());
    REQUIRE(golden.err.empty());
    replace_all(golden.out, "butler migrate", "butler-migrate");
    replace_all(golden.out, "'butler --help'", "'butler-migrate --help'");
    replace_all(golden.out, "{MIGRATIONS}", kMigrations);
    return golden;
}

// The entries of the definition list under `heading`: term and its text with wrapped lines joined.
std::vector<std::pair<std::string, std::string>> definition_list(const std::string& page, const std::string& heading) {
    std::vector<std::pair<std::string, std::string>> entries;
    bool inside = false;
    for (const auto& line : split_lines(page)) {
        if (!inside) {
            inside = line == heading + ":";
            continue;
        }
        if (line.empty()) break;
        if (line.size() > 2 && line[2] != ' ') {
            size_t term_end = line.find("  ", 2);
            size_t text_start = term_end == std::string::npos ? line.size() : line.find_first_not_of(' ', term_end);
            entries.emplace_back(line.substr(2, term_end - 2), line.substr(text_start));
        } else {
            REQUIRE(!entries.empty());
            std::string& text = entries.back().second;
            text += (text.empty() ? "" : " ") + line.substr(line.find_first_not_of(' '));
        }
    }
    return entries;
}

std::string lines_between(const std::string& page, const std::string& first, const std::string& end) {
    size_t start = page.find(first);
    REQUIRE(start != std::string::npos);
    size_t stop = page.find(end, start);
    return page.substr(start, stop == std::string::npos ? std::string::npos : stop - start);
}

// A small app whose expected pages were laid out by hand with click's rules (width 78).
struct SmallApp {
    CLI::App app{"Tool description.", "tool"};
    CLI::App* frob = nullptr;
    bool verbose = false;
    std::string tree, long_option, hidden, repo;
    std::vector<std::string> tables;

    SmallApp() {
        HelpTextSource texts;
        texts.long_help = [](const std::string& name) {
            return name == "frob" ? "Frob the things in a repository.\n\nREPO is the URI or path to an existing data "
                                    "repository root or configuration file."
                                  : "";
        };
        texts.summary = [](const std::string& name) { return name == "frob" ? "Frob some things." : ""; };
        app.formatter(std::make_shared<ClickHelpFormatter>(texts, 78));
        frob = app.add_subcommand("frob", "Not shown: the long help and the summary come from the text source.");
        frob->add_flag("-v,--verbose", verbose, "Print detailed information.");
        frob->add_option("--tree", tree,
                         "Use special one-shot history tree instead of regular history; a long tail of words follows.");
        frob->add_option("--an-option-name-longer-than-thirty", long_option, "Goes below its term.");
        frob->add_option("--hidden", hidden, "Never listed.")->group("");
        frob->add_option("repo", repo)->required();
        frob->add_option("table", tables);
        app.add_subcommand("another-command",
                           "Second command, with a summary long enough to wrap onto a second line.\n\nNot shown.");
    }
};

}  // namespace

TEST_CASE("click_wrap_text wraps like click's wrap_text", "[help]") {
    CHECK(click_wrap_text("one two three four", 9) == "one two\nthree\nfour");
    // Words break after an inner hyphen between letters.
    CHECK(click_wrap_text("Use special one-shot history trees.", 16) == "Use special one-\nshot history\ntrees.");
    // ...but not after leading hyphens or next to digits.
    CHECK(click_wrap_text("aa --one x1-2y", 7) == "aa\n--one\nx1-2y");
    // A word longer than a line is cut.
    CHECK(click_wrap_text("default: abcdefghijkl", 8) == "default:\nabcdefgh\nijkl");
    // Indents count in the width; the first line keeps the leading spaces of the text.
    CHECK(click_wrap_text("  aa bb cc", 8, "> ", "..") == ">   aa\n..bb cc");
    // Paragraphs are wrapped separately; the indent of a paragraph's first line is kept on all its lines.
    CHECK(click_wrap_text("first para here\n\n  second para\nhere", 12, "  ", "  ", true) ==
          "  first para\n  here\n\n    second\n    para\n    here");
    // A "\b" paragraph is kept as written.
    CHECK(click_wrap_text("\b\nkeep  this\nas is\n\nwrap this text", 9, "", "", true) ==
          "keep  this\nas is\n\nwrap this\ntext");
}

TEST_CASE("render_help_page lays a page out like click's Command.format_help", "[help]") {
    HelpPage page;
    page.command_path = "prog sub";
    page.usage_args = "[OPTIONS] REPO";
    page.help_text = "Short text.";
    page.options = {{"-n, --dry-run", "Do not execute actions, only report."}, {"-h, --help", ""}};
    page.epilog = "Bye.";
    CHECK(render_help_page(page, 50) ==
          "Usage: prog sub [OPTIONS] REPO\n"
          "\n"
          "  Short text.\n"
          "\n"
          "Options:\n"
          "  -n, --dry-run  Do not execute actions, only\n"
          "                 report.\n"
          "  -h, --help\n"
          "\n"
          "  Bye.\n");
    // A usage prefix too long for 20 more characters puts the arguments on their own lines, indented by 11.
    page = HelpPage{};
    page.command_path = std::string(40, 'p');
    page.usage_args = "[OPTIONS] A B";
    CHECK(render_help_page(page, 60) == "Usage: " + std::string(40, 'p') + " \n           [OPTIONS] A B\n");
}

TEST_CASE("ClickHelpFormatter renders a CLI11 app's pages like click", "[help]") {
    SmallApp small;
    CHECK(small.app.help() ==
          "Usage: tool [OPTIONS] COMMAND [ARGS]...\n"
          "\n"
          "  Tool description.\n"
          "\n"
          "Options:\n"
          "  -h, --help  Show this message and exit.\n"
          "\n"
          "Commands:\n"
          "  another-command  Second command, with a summary long enough to wrap onto a\n"
          "                   second line.\n"
          "  frob             Frob some things.\n");
    CHECK(small.frob->help("tool") ==
          "Usage: tool frob [OPTIONS] REPO [TABLE] ...\n"
          "\n"
          "  Frob the things in a repository.\n"
          "\n"
          "  REPO is the URI or path to an existing data repository root or configuration\n"
          "  file.\n"
          "\n"
          "Options:\n"
          "  -v, --verbose                   Print detailed information.\n"
          "  --tree TEXT                     Use special one-shot history tree instead of\n"
          "                                  regular history; a long tail of words\n"
          "                                  follows.\n"
          "  --an-option-name-longer-than-thirty TEXT\n"
          "                                  Goes below its term.\n"
          "  -h, --help                      Show this message and exit.\n"
          "\n"
          "  See 'tool --help' for more options.\n");
}

TEST_CASE("ClickHelpFormatter prints help through CLI11's --help with exit status 0", "[help]") {
    SmallApp small;
    std::vector<std::string> args = {"--help", "frob"};  // CLI11 parses a reversed vector
    std::ostringstream out, err;
    int status = -1;
    try {
        small.app.parse(args);
    } catch (const CLI::ParseError& e) {
        status = small.app.exit(e, out, err);
    }
    CHECK(status == 0);
    CHECK(err.str().empty());
    CHECK(out.str().rfind("Usage: tool frob [OPTIONS] REPO [TABLE] ...\n\n  Frob the things in a repository.\n", 0) ==
          0);
}

TEST_CASE("butler-migrate <subcommand> --help matches the real tool's pages", "[help]") {
    // 02, 03 and 06 are upstream commands the port does not have (see the refusal test below); 12 is below.
    for (const char* name : {"04_help_downgrade.txt", "05_help_dump-schema.txt", "07_help_set-namespace.txt",
                             "08_help_show-current.txt", "09_help_show-history.txt", "10_help_show-trees.txt",
                             "13_help_upgrade.txt"}) {
        INFO(name);
        test_support::GoldenRun golden = read_help_golden(name);
        auto result = test_support::run_butler_migrate(golden.args, kHelpEnvironment);
        // Without the options butler-migrate adds (docs/compatibility.md), which also widen the option column.
        CHECK(test_support::comparable_help(result.out) == test_support::collapsed_whitespace(golden.out));
        CHECK(result.err.empty());
        CHECK(result.exit_status == golden.exit_status);
    }
}

TEST_CASE("butler-migrate stamp --help matches the real tool's page as upstream renamed its argument", "[help]") {
    // The one documented exception to the recorded pages: upstream renamed stamp's MANAGER to TREE_NAME in
    // DM-55966 (lsst-dm/daf_butler_migrate cli/cmd/commands.py and cli/opt/arguments.py @c70930da), after the
    // recording; stamp_help_since_dm55966 rewrites just those words of the recording, every other byte is compared.
    test_support::GoldenRun golden = read_help_golden("11_help_stamp.txt");
    auto result = test_support::run_butler_migrate(golden.args, kHelpEnvironment);
    CHECK(test_support::comparable_help(result.out) == test_support::stamp_help_since_dm55966(golden.out));
    CHECK(result.out.find("MANAGER") == std::string::npos);
    CHECK(result.err.empty());
    CHECK(result.exit_status == golden.exit_status);
}

TEST_CASE("butler-migrate update-day-obs --help matches the real tool's page", "[help]") {
    // Upstream's update-day-obs has no options (it takes the offsets from the instrument classes of the Python
    // stack); the port's --options (the offsets, as upgrade takes them) is taken out with the others it adds.
    test_support::GoldenRun golden = read_help_golden("12_help_update-day-obs.txt");
    auto result = test_support::run_butler_migrate(golden.args, kHelpEnvironment);
    CHECK(test_support::comparable_help(result.out, {"--options"}) == test_support::collapsed_whitespace(golden.out));
    CHECK(result.err.empty());
    CHECK(result.exit_status == golden.exit_status);
}

TEST_CASE("butler-migrate --help matches the real tool's page for the commands it has", "[help]") {
    // The port has fewer commands and more global options than upstream, which changes the column widths of
    // both lists. So the golden (01) is compared part by part: the usage and description lines as they are; the
    // command entries (term and unwrapped text) with upstream's add-revision, add-tree and
    // rewrite-sqlite-registry removed; the options only for -h, --help (the port's
    // --version and --log-level are ignored). The layout of the shorter command list is checked against the
    // list laid out by hand with click's rules (terms padded to the widest, 14, plus 2; text width 60).
    test_support::GoldenRun golden = read_help_golden("01_help.txt");
    auto result = test_support::run_butler_migrate({"--help"}, kHelpEnvironment);
    CHECK(result.exit_status == 0);
    CHECK(result.err.empty());

    CHECK(lines_between(result.out, "Usage:", "Options:") == lines_between(golden.out, "Usage:", "Options:"));

    auto expected_commands = definition_list(golden.out, "Commands");
    const std::vector<std::string> upstream_only = {"add-revision", "add-tree", "rewrite-sqlite-registry"};
    expected_commands.erase(std::remove_if(expected_commands.begin(), expected_commands.end(),
                                           [&](const auto& entry) {
                                               return std::find(upstream_only.begin(), upstream_only.end(),
                                                                entry.first) != upstream_only.end();
                                           }),
                            expected_commands.end());
    REQUIRE(expected_commands.size() == 9);
    // `status` is a command of the port only.
    auto our_commands = definition_list(result.out, "Commands");
    our_commands.erase(std::remove_if(our_commands.begin(), our_commands.end(),
                                      [](const auto& entry) { return entry.first == "status"; }),
                       our_commands.end());
    CHECK(our_commands == expected_commands);

    // Also: no epilog on the top-level page, it ends with the command list.
    CHECK(result.out.substr(result.out.find("Commands:")) ==
          "Commands:\n"
          "  downgrade       Downgrade schema to a specified revision.\n"
          "  dump-schema     Dump schema of the database tables.\n"
          "  set-namespace   Add namespace attribute to the stored dimensions\n"
          "                  configuration.\n"
          "  show-current    Display current revisions for a database.\n"
          "  show-history    Show revision history.\n"
          "  show-trees      Print a list of known revision trees.\n"
          "  stamp           Stamp revision table with current registry versions.\n"
          "  status          Report whether every revision tree is at its head.\n"
          "  update-day-obs  Recalculate the day_obs values for exposures and visit for\n"
          "                  the given instrument.\n"
          "  upgrade         Upgrade schema to a specified revision.\n");

    auto options = definition_list(result.out, "Options");
    REQUIRE(!options.empty());
    CHECK(options.back() == std::make_pair(std::string("-h, --help"), std::string("Show this message and exit.")));
    CHECK(definition_list(golden.out, "Options").back() == options.back());
}

TEST_CASE("butler-migrate refuses the upstream commands it does not have", "[help]") {
    for (const char* command : {"add-tree", "add-revision", "rewrite-sqlite-registry"}) {
        INFO(command);
        auto result = test_support::run_butler_migrate({command, "--help"}, kHelpEnvironment);
        CHECK(result.exit_status != 0);
        CHECK(result.out.empty());
        std::vector<std::string> err_lines = split_lines(result.err);
        REQUIRE(!err_lines.empty());
        CHECK(err_lines.front().rfind("butler-migrate: error: ", 0) == 0);
        CHECK(err_lines.front().find(command) != std::string::npos);
        // The error is one line; at most a hint to run --help may follow.
        for (size_t i = 1; i < err_lines.size(); ++i) CHECK(err_lines[i].find("error") == std::string::npos);
    }
}

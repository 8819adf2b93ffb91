// The generated parts of the man page (docs/man/butler-migrate.1.in): the version, the list of subcommands,
// the catalogue's trees and one-shot trees, and every exit status number, from the named statuses.
#include <utility>

#include "butler_migrate/util/exit_status.hpp"
#include "docgen.hpp"

namespace butler_migrate::docgen {

namespace {

// Text for roff: backslashes doubled, hyphens as \- (the minus sign, so that commands can be copied).
std::string roff(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '-') out += "\\-";
        else out += c;
    }
    return out;
}

std::vector<std::string> roff_all(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const std::string& word : words) out.push_back(roff(word));
    return out;
}

// "(a or b)", "(a, b or c)" with the names in bold, as lines of roff.
std::string bold_alternatives(const std::vector<std::string>& names) {
    if (names.empty()) return "()";
    if (names.size() == 1) return ".RB ( " + roff(names.front()) + " )";
    std::vector<std::string> lines;
    for (size_t i = 0; i + 1 < names.size(); ++i) {
        const bool last_before_or = i + 2 == names.size();
        lines.push_back((i == 0 ? ".RB ( " : ".B ") + roff(names[i]) + (last_before_or ? "" : " ,"));
    }
    lines.push_back("or");
    lines.push_back(".BR " + roff(names.back()) + " )");
    return join(lines, "\n");
}

// One line per subcommand with its summary, as an indented list.
std::string command_list(const CliInfo& cli) {
    std::vector<std::string> lines = {".PD 0"};
    for (const CommandInfo& command : cli.commands) {
        lines.push_back(".TP 16");
        lines.push_back(".B " + roff(command.name));
        lines.push_back(roff(command.summary));
    }
    lines.push_back(".PD");
    return join(lines, "\n");
}

std::string one_shot_examples(const CatalogueInfo& catalogue) {
    std::vector<std::string> lines;
    for (const auto& [tree, head] : catalogue.one_shot_heads) {
        lines.push_back(roff("butler-migrate upgrade --one-shot-tree " + tree + " REPO " + head));
    }
    return join(lines, "\n");
}

void add_exit_statuses(Substitutions& substitutions) {
    const std::pair<const char*, ExitStatus> statuses[] = {
        {"SUCCESS", ExitStatus::success},
        {"FAILURE", ExitStatus::failure},
        {"USAGE", ExitStatus::usage},
        {"CONFIG_ERROR", ExitStatus::config_error},
        {"DATABASE_ERROR", ExitStatus::database_error},
        {"REVISION_ERROR", ExitStatus::revision_error},
        {"LOCK_BUSY", ExitStatus::lock_busy},
        {"UPGRADES_PENDING", ExitStatus::upgrades_pending},
        {"NOT_STAMPED", ExitStatus::not_stamped},
        {"PREFLIGHT_FAILED", ExitStatus::preflight_failed},
        {"INTERRUPTED", ExitStatus::interrupted},
    };
    for (const auto& [name, status] : statuses) {
        substitutions[std::string("EXIT_") + name] = std::to_string(to_int(status));
    }
}

}  // namespace

Substitutions man_substitutions(const CliInfo& cli, const CatalogueInfo& catalogue) {
    Substitutions substitutions = {
        {"BUTLER_MIGRATE_VERSION", BUTLER_MIGRATE_VERSION},
        {"COMMAND_LIST", command_list(cli)},
        {"TREES", join(roff_all(catalogue.trees), ", ")},
        {"ONE_SHOT_TREES", bold_alternatives(catalogue.one_shot_trees)},
        {"ONE_SHOT_EXAMPLES", one_shot_examples(catalogue)},
    };
    add_exit_statuses(substitutions);
    return substitutions;
}

}  // namespace butler_migrate::docgen

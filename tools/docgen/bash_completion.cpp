// The generated parts of the bash completion (docs/completions/butler-migrate.bash.in): the subcommands,
// their options, which options take a value, what values and positional arguments complete to, and the
// catalogue's trees, branch labels and revision ids.
#include <algorithm>

#include "docgen.hpp"

namespace butler_migrate::docgen {

namespace {

constexpr size_t kWidth = 110;

// The shell code completing one value (words of the completion's own functions and lists).
std::string bash_action(const ValueCompletion& value) {
    switch (value.kind) {
        case ValueKind::none: return {};
        case ValueKind::files: return "_butler_migrate_paths";
        case ValueKind::directories: return "_butler_migrate_paths -d";
        case ValueKind::words:
            return "_butler_migrate_words \"" + join(value.words, " ") + "\"" +
                   (value.no_space ? "; compopt -o nospace 2>/dev/null" : "");
        case ValueKind::trees: return "_butler_migrate_words \"$_butler_migrate_trees\"";
        case ValueKind::one_shot_trees: return "_butler_migrate_words \"$_butler_migrate_one_shot_trees\"";
        case ValueKind::tree_or_one_shot: return "_butler_migrate_tree_names";
        case ValueKind::revision: return "_butler_migrate_revision";
        case ValueKind::revision_or_head: return "_butler_migrate_revision head";
    }
    return {};
}

// Case branches `pattern | pattern) action ;;`, one per distinct action, in the order first met.
class CaseBranches {
public:
    void add(const std::string& pattern, const std::string& action) {
        if (action.empty()) return;
        auto found = std::find_if(branches_.begin(), branches_.end(),
                                  [&](const auto& branch) { return branch.second == action; });
        if (found == branches_.end()) {
            branches_.emplace_back(pattern, action);
        } else {
            found->first += " | " + pattern;
        }
    }
    std::string text() const {
        std::vector<std::string> lines;
        for (const auto& [patterns, action] : branches_) lines.push_back("        " + patterns + ") " + action + " ;;");
        return join(lines, "\n");
    }

private:
    std::vector<std::pair<std::string, std::string>> branches_;
};

std::vector<const CommandInfo*> all_commands(const CliInfo& cli) {
    std::vector<const CommandInfo*> commands;
    for (const CommandInfo& command : cli.commands) commands.push_back(&command);
    commands.push_back(&cli.global);
    return commands;
}

std::string option_cases(const CliInfo& cli) {
    std::vector<std::string> lines;
    for (const CommandInfo* command : all_commands(cli)) {
        std::vector<std::string> names;
        for (const OptionInfo& option : command->options) {
            names.insert(names.end(), option.names.begin(), option.names.end());
        }
        const std::string pattern = command->name.empty() ? "\"\"" : command->name;
        lines.push_back("        " + pattern + ") echo \"" + join(names, " ") + "\" ;;");
    }
    return join(lines, "\n");
}

std::string value_options(const CliInfo& cli) {
    std::vector<std::string> names;
    for (const CommandInfo* command : all_commands(cli)) {
        for (const OptionInfo& option : command->options) {
            if (!option.takes_value) continue;
            for (const std::string& name : option.names) {
                if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
            }
        }
    }
    return join(names, " ");
}

// Branches on "$command:$prev"; "*:" when an option completes alike in every command that has it.
std::string option_value_cases(const CliInfo& cli) {
    std::vector<std::pair<std::string, std::string>> actions;  // "command:--name", action
    std::vector<std::string> names;
    for (const CommandInfo* command : all_commands(cli)) {
        for (const OptionInfo& option : command->options) {
            const std::string action = bash_action(option_value_completion(command->name, option));
            for (const std::string& name : option.names) {
                actions.emplace_back(command->name + ":" + name, action);
                if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
            }
        }
    }
    CaseBranches branches;
    for (const std::string& name : names) {
        std::vector<std::pair<std::string, std::string>> of_name;
        for (const auto& entry : actions) {
            if (entry.first.substr(entry.first.find(':') + 1) == name) of_name.push_back(entry);
        }
        const bool alike = std::all_of(of_name.begin(), of_name.end(),
                                       [&](const auto& entry) { return entry.second == of_name.front().second; });
        if (alike) {
            branches.add("*:" + name, of_name.front().second);
        } else {
            for (const auto& [pattern, action] : of_name) branches.add(pattern, action);
        }
    }
    return branches.text();
}

// Branches on "$command:<position>" (1 = the first argument after the subcommand).
std::string positional_cases(const CliInfo& cli) {
    CaseBranches branches;
    for (const CommandInfo& command : cli.commands) {
        for (size_t i = 0; i < command.arguments.size(); ++i) {
            branches.add(command.name + ":" + std::to_string(i + 1),
                         bash_action(argument_completion(command.name, command.arguments[i])));
        }
    }
    return branches.text();
}

// The position of each command's argument that takes any number of values, which the later positions share.
std::string many_position_cases(const CliInfo& cli) {
    std::vector<std::string> lines;
    for (const CommandInfo& command : cli.commands) {
        for (size_t i = 0; i < command.arguments.size(); ++i) {
            if (command.arguments[i].many) {
                lines.push_back("        " + command.name + ") echo " + std::to_string(i + 1) + " ;;");
            }
        }
    }
    return join(lines, "\n");
}

}  // namespace

Substitutions bash_substitutions(const CliInfo& cli, const CatalogueInfo& catalogue) {
    std::vector<std::string> commands;
    for (const CommandInfo& command : cli.commands) commands.push_back(command.name);
    return {
        {"COMMANDS", join(commands, " ")},
        {"OPTION_CASES", option_cases(cli)},
        {"VALUE_OPTIONS", value_options(cli)},
        {"TREES", join(catalogue.trees, " ")},
        {"ONE_SHOT_TREES", join(catalogue.one_shot_trees, " ")},
        {"LABELS", wrapped_words(catalogue.labels, kWidth)},
        {"REVISIONS", wrapped_words(catalogue.revisions, kWidth)},
        {"OPTION_VALUE_CASES", option_value_cases(cli)},
        {"POSITIONAL_CASES", positional_cases(cli)},
        {"MANY_POSITION_CASES", many_position_cases(cli)},
    };
}

}  // namespace butler_migrate::docgen

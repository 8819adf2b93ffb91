// The generated parts of the zsh completion (docs/completions/_butler-migrate.in): the subcommands with
// their summaries, one _arguments function per subcommand with its options and arguments, and the
// catalogue's trees, branch labels and revision ids.
#include <cctype>

#include "docgen.hpp"

namespace butler_migrate::docgen {

namespace {

constexpr size_t kWidth = 110;

// `text` inside single quotes: ' becomes '\''.
std::string single_quoted_part(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out;
}

// A short description: the CLI11 help text up to its first sentence or clause, without the final period,
// with a lower-case first letter (not for a word in capitals such as "SQL").
std::string short_description(const std::string& text) {
    size_t end = text.size();
    for (const char* stop : {". ", ": ", " (", ", default:", "; "}) end = std::min(end, text.find(stop));
    std::string shortened = text.substr(0, end);
    while (!shortened.empty() && (shortened.back() == '.' || shortened.back() == ' ')) shortened.pop_back();
    if (shortened.size() > 1 && std::islower(static_cast<unsigned char>(shortened[1])) != 0) {
        shortened[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(shortened[0])));
    }
    std::string escaped;
    for (char c : shortened) escaped += (c == ']' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return escaped;
}

std::string zsh_action(const ValueCompletion& value) {
    switch (value.kind) {
        case ValueKind::none: return " ";
        case ValueKind::files: return "_files";
        case ValueKind::directories: return "_directories";
        case ValueKind::words: return "(" + join(value.words, " ") + ")";
        case ValueKind::trees: return "_butler-migrate_trees";
        case ValueKind::one_shot_trees: return "_butler-migrate_one_shot_trees";
        case ValueKind::tree_or_one_shot: return "_butler-migrate_tree_name";
        case ValueKind::revision: return "_butler-migrate_revision";
        case ValueKind::revision_or_head: return "_butler-migrate_revision head";
    }
    return " ";
}

// The _arguments spec of one option, e.g. '(-v --verbose)'{-v,--verbose}'[print detailed information]' or
// '*--options=[...]:key=value:(has_simulated= ...)'.
std::string option_spec(const std::string& command, const OptionInfo& option) {
    std::vector<std::string> excluded = option.excluded;
    if (!option.repeatable && option.names.size() > 1) {
        excluded.insert(excluded.begin(), option.names.begin(), option.names.end());  // -v excludes --verbose
    }
    std::string prefix = option.exclusive ? "(- *)" : excluded.empty() ? "" : "(" + join(excluded, " ") + ")";
    if (option.repeatable) prefix += "*";
    std::vector<std::string> names;
    for (const std::string& name : option.names) {
        std::string written = name;
        if (option.takes_value) written += name.rfind("--", 0) == 0 ? "=" : "+";
        names.push_back(written);
    }
    // One name: '<prefix><name>[...]'; several: '<prefix>'{<name>,<name>}'[...]', which the shell expands.
    std::string spec = "'" + prefix + (names.size() == 1 ? names.front() : "'{" + join(names, ",") + "}'");
    spec += "[" + single_quoted_part(short_description(option.description)) + "]";
    if (option.takes_value) {
        const ValueCompletion value = option_value_completion(command, option);
        spec += ":" + single_quoted_part(value.message) + ":" + single_quoted_part(zsh_action(value));
    }
    return spec + "'";
}

std::string argument_spec(const std::string& command, const ArgumentInfo& argument, size_t position) {
    const ValueCompletion value = argument_completion(command, argument);
    const std::string where = argument.many ? "*" : std::to_string(position);
    return "'" + where + ":" + single_quoted_part(value.message) + ":" + single_quoted_part(zsh_action(value)) + "'";
}

std::vector<std::string> specs(const CommandInfo& command) {
    std::vector<std::string> lines;
    for (const OptionInfo& option : command.options) lines.push_back(option_spec(command.name, option));
    for (size_t i = 0; i < command.arguments.size(); ++i) {
        lines.push_back(argument_spec(command.name, command.arguments[i], i + 1));
    }
    return lines;
}

std::string command_functions(const CliInfo& cli) {
    std::vector<std::string> functions;
    for (const CommandInfo& command : cli.commands) {
        std::string text = "_butler-migrate_" + command.name + "() {\n  _arguments -s -S";
        for (const std::string& spec : specs(command)) text += " \\\n    " + spec;
        functions.push_back(text + "\n}");
    }
    return join(functions, "\n\n");
}

std::string command_descriptions(const CliInfo& cli) {
    std::vector<std::string> lines;
    for (const CommandInfo& command : cli.commands) {
        lines.push_back("    '" + command.name + ":" + single_quoted_part(short_description(command.summary)) + "'");
    }
    return join(lines, "\n");
}

std::string global_specs(const CliInfo& cli) {
    std::vector<std::string> lines;
    for (const std::string& spec : specs(cli.global)) lines.push_back("    " + spec + " \\");
    return join(lines, "\n");
}

}  // namespace

Substitutions zsh_substitutions(const CliInfo& cli, const CatalogueInfo& catalogue) {
    return {
        {"TREES", join(catalogue.trees, " ")},
        {"ONE_SHOT_TREES", join(catalogue.one_shot_trees, " ")},
        {"REVISIONS", wrapped_words(catalogue.revisions, kWidth, "    ")},
        {"LABELS", wrapped_words(catalogue.labels, kWidth, "    ")},
        {"COMMAND_FUNCTIONS", command_functions(cli)},
        {"COMMAND_DESCRIPTIONS", command_descriptions(cli)},
        {"GLOBAL_OPTION_SPECS", global_specs(cli)},
    };
}

}  // namespace butler_migrate::docgen

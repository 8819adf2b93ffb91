// butler-migrate-docgen: writes the shell completions and the man page's generated parts at build time, from
// the subcommand table (as CLI11 sees it after each setup) and the compiled catalogue.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace butler_migrate::docgen {

// One option of a command, as CLI11 holds it after the subcommand's setup.
struct OptionInfo {
    std::vector<std::string> names;     // "-v", "--verbose": short names first
    std::string metavar;                // "PATH"; empty for a flag
    std::string description;            // its CLI11 help text
    std::vector<std::string> excluded;  // the names of the options it cannot go with
    bool takes_value = false;
    bool repeatable = false;
    bool exclusive = false;             // --help, --version: nothing else goes with it

    const std::string& key() const { return names.back(); }  // the long name when there is one
};

// A positional argument ("REPO").
struct ArgumentInfo {
    std::string name;
    bool required = false;
    bool many = false;  // takes any number of values (TABLE ...)
};

struct CommandInfo {
    std::string name;  // empty for the global options
    std::string summary;
    std::vector<OptionInfo> options;  // in the order they were added, hidden ones included, help last
    std::vector<ArgumentInfo> arguments;
};

struct CliInfo {
    CommandInfo global;
    std::vector<CommandInfo> commands;  // in the order of the subcommand table
};

struct CatalogueInfo {
    std::vector<std::string> trees;           // regular tree names, sorted
    std::vector<std::string> one_shot_trees;  // "<type>/<name>", sorted
    std::vector<std::string> labels;          // every branch label a revision declares, sorted
    std::vector<std::string> revisions;       // every revision id, regular and one-shot, sorted
    std::vector<std::pair<std::string, std::string>> one_shot_heads;  // one-shot tree, its head revision
};

// make_command_line() read back: the table's subcommands with their options and arguments.
CliInfo read_command_line();
// compiled_catalogue() as the completions offer it.
CatalogueInfo read_catalogue();

// What the value of an option, or a positional argument, completes to.
enum class ValueKind {
    none,              // nothing to offer (the message only)
    files,             // files and folders
    directories,       // folders
    words,             // the fixed `words`
    trees,             // regular tree names
    one_shot_trees,    // one-shot tree names
    tree_or_one_shot,  // tree names, or with --one-shot one-shot trees and manager types (show-history)
    revision,          // revision ids, branch labels, <label>@head
    revision_or_head,  // the same and "head" (upgrade)
};

struct ValueCompletion {
    ValueKind kind = ValueKind::none;
    std::string message;              // what the value is, for zsh ("folder", "revision")
    std::vector<std::string> words;   // for ValueKind::words
    bool no_space = false;            // the word is the start of the value (KEY=): no space after it
};

ValueCompletion option_value_completion(const std::string& command, const OptionInfo& option);
ValueCompletion argument_completion(const std::string& command, const ArgumentInfo& argument);

// Placeholder name (without its @s) -> the text that replaces it.
using Substitutions = std::map<std::string, std::string>;

Substitutions bash_substitutions(const CliInfo& cli, const CatalogueInfo& catalogue);
Substitutions zsh_substitutions(const CliInfo& cli, const CatalogueInfo& catalogue);
Substitutions man_substitutions(const CliInfo& cli, const CatalogueInfo& catalogue);

// `text` with every @NAME@ (capitals, digits, _) replaced; throws std::runtime_error naming `template_name` and
// the placeholder when one has no substitution.
std::string fill_template(const std::string& text, const Substitutions& substitutions,
                          const std::string& template_name);

// Shared text helpers.
std::string join(const std::vector<std::string>& words, const std::string& separator);
// `words` joined by spaces in lines of at most `width` characters, each after `indent`.
std::string wrapped_words(const std::vector<std::string>& words, size_t width, const std::string& indent = "");
// The note at the top of each generated file, saying where it comes from.
std::string generated_note(const std::string& template_name);

}  // namespace butler_migrate::docgen

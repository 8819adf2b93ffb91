// Reads what the completions and the man page list: the command line built from the subcommand table, as
// CLI11 holds it after each setup, and the compiled catalogue.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "butler_migrate/migrations/catalogue.hpp"
#include "cli/subcommand_table.hpp"
#include "docgen.hpp"

namespace butler_migrate::docgen {

namespace {

std::vector<std::string> option_names(const CLI::Option& option) {
    std::vector<std::string> names;
    for (const auto& name : option.get_snames()) names.push_back("-" + name);
    for (const auto& name : option.get_lnames()) names.push_back("--" + name);
    return names;
}

// A flag expects no value (CLI11 sets expected(0) for every flag).
bool takes_value(const CLI::Option& option) { return option.get_expected_max() > 0; }

bool is_repeatable(const CLI::Option& option) {
    if (!takes_value(option)) return false;
    const auto policy = option.get_multi_option_policy();
    return option.get_expected_max() > 1 || policy == CLI::MultiOptionPolicy::TakeAll ||
           policy == CLI::MultiOptionPolicy::Join;
}

OptionInfo option_info(const CLI::App& app, const CLI::Option& option) {
    OptionInfo info;
    info.names = option_names(option);
    info.takes_value = takes_value(option);
    if (info.takes_value) {
        info.metavar = option.get_type_name();
        info.metavar = info.metavar.substr(0, info.metavar.find(':'));  // CLI11 appends validator names
    }
    info.description = option.get_description();
    info.repeatable = is_repeatable(option);
    info.exclusive = &option == app.get_help_ptr() || &option == app.get_version_ptr();
    for (const CLI::Option* other : option.get_excludes()) {
        for (const auto& name : option_names(*other)) info.excluded.push_back(name);
    }
    std::sort(info.excluded.begin(), info.excluded.end());
    return info;
}

CommandInfo command_info(const CLI::App& app, const std::string& name, const std::string& summary) {
    CommandInfo info{name, summary, {}, {}};
    for (const CLI::Option* option : app.get_options([](const CLI::Option* o) { return o->nonpositional(); })) {
        if (option != app.get_help_ptr()) info.options.push_back(option_info(app, *option));
    }
    if (app.get_help_ptr() != nullptr) info.options.push_back(option_info(app, *app.get_help_ptr()));
    for (const CLI::Option* option : app.get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        info.arguments.push_back(
            {option->get_name(true), option->get_required(), option->get_items_expected_max() > 1});
    }
    return info;
}

}  // namespace

CliInfo read_command_line() {
    const std::unique_ptr<cli::CommandLine> line = cli::make_command_line();
    CliInfo info;
    info.global = command_info(line->app, "", line->app.get_description());
    for (const cli::Subcommand& entry : cli::subcommand_table()) {
        info.commands.push_back(command_info(*line->app.get_subcommand(entry.name), entry.name, entry.summary));
    }
    return info;
}

CatalogueInfo read_catalogue() {
    const Catalogue& catalogue = compiled_catalogue();
    CatalogueInfo info;
    info.trees = catalogue.regular_tree_names();
    info.one_shot_trees = catalogue.one_shot_tree_names();
    std::set<std::string> labels;
    for (const Revision& revision : catalogue.revisions()) {
        info.revisions.push_back(revision.id);
        labels.insert(revision.branch_labels.begin(), revision.branch_labels.end());
    }
    std::sort(info.revisions.begin(), info.revisions.end());
    info.revisions.erase(std::unique(info.revisions.begin(), info.revisions.end()), info.revisions.end());
    info.labels.assign(labels.begin(), labels.end());
    for (const std::string& tree : info.one_shot_trees) {
        const std::vector<std::string> heads = catalogue.of_trees({tree}).heads();
        if (heads.size() != 1) throw std::runtime_error("one-shot tree " + tree + " does not have exactly one head");
        info.one_shot_heads.emplace_back(tree, heads.front());
    }
    return info;
}

}  // namespace butler_migrate::docgen

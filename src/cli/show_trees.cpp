// `show-trees`: the names of the known revision trees (or their root revisions with -v), no database needed.
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <memory>
#include <ostream>
#include <string>

#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "butler_migrate/core/revision_graph.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/json_output.hpp"
#include "cli/revision_text.hpp"

namespace butler_migrate::cli {
namespace {

struct ShowTreesOptions {
    bool verbose = false;
    bool one_shot = false;
    std::string mig_path;
    OutputFormat format = OutputFormat::text;
};

void show_regular_trees(const ShowTreesOptions& options, std::ostream& out) {
    const RevisionGraph graph = compiled_catalogue().regular();
    std::map<std::string, const Revision*> roots_by_label;  // sorted by tree label, as upstream prints them
    for (const std::string& root : graph.bases()) roots_by_label[graph.tree_label(root)] = &graph.at(root);

    const std::string folder = migrations_folder(options.mig_path);
    for (const auto& [label, root] : roots_by_label) {
        if (!options.verbose) {
            out << label << "\n";
            continue;
        }
        // Upstream quirk (kept): naming a tree pops the label out of a root that has exactly one, so the
        // verbose entry of such a root (collections, datasets) has no "Branch names:" line.
        LogEntryOptions entry_options;
        entry_options.show_branch_names = graph.branch_labels(root->id).size() != 1;
        out << log_entry(graph, *root, folder, entry_options) << "\n";
    }
}

void show_one_shot_trees(const ShowTreesOptions& options, std::ostream& out) {
    const std::string folder = migrations_folder(options.mig_path);
    for (const std::string& tree : compiled_catalogue().one_shot_tree_names()) {
        if (!options.verbose) {
            out << tree << "\n";
            continue;
        }
        const RevisionGraph graph = compiled_catalogue().of_trees({tree});
        for (const std::string& root : graph.bases()) out << log_entry(graph, graph.at(root), folder) << "\n";
    }
}

Json tree_json(const std::string& name, const RevisionGraph& graph, const Revision& root) {
    return {{"name", name}, {"root", revision_json(graph, root)}};
}

// The JSON document: the trees in the order of the text, each with its root revision.
Json trees_json(const ShowTreesOptions& options) {
    Json trees = Json::array();
    if (options.one_shot) {
        for (const std::string& tree : compiled_catalogue().one_shot_tree_names()) {
            const RevisionGraph graph = compiled_catalogue().of_trees({tree});
            for (const std::string& root : graph.bases()) trees.push_back(tree_json(tree, graph, graph.at(root)));
        }
    } else {
        const RevisionGraph graph = compiled_catalogue().regular();
        std::map<std::string, const Revision*> roots_by_label;
        for (const std::string& root : graph.bases()) roots_by_label[graph.tree_label(root)] = &graph.at(root);
        for (const auto& [label, root] : roots_by_label) trees.push_back(tree_json(label, graph, *root));
    }
    Json document = json_document("show-trees");
    document["one_shot"] = options.one_shot;
    document["trees"] = trees;
    return document;
}

int show_trees(const ShowTreesOptions& options, std::ostream& out) {
    if (options.format == OutputFormat::json) {
        print_json(out, trees_json(options));
    } else if (options.one_shot) {
        show_one_shot_trees(options, out);
    } else {
        show_regular_trees(options, out);
    }
    return to_int(ExitStatus::success);
}

}  // namespace

void setup_show_trees(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<ShowTreesOptions>();
    add_verbose_flag(command, options->verbose);
    add_mig_path_option(command, options->mig_path);
    command.add_flag("--one-shot", options->one_shot, "Use special one-shot history trees.");
    add_format_option(command, options->format);
    run = [options] { return show_trees(*options, std::cout); };
}

}  // namespace butler_migrate::cli

// `show-history`: the revisions of one tree or of all trees, newest first, no database needed.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/revision_graph.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/json_output.hpp"
#include "cli/revision_text.hpp"

namespace butler_migrate::cli {
namespace {

struct ShowHistoryOptions {
    std::string tree_name;
    bool verbose = false;
    bool one_shot = false;
    std::string mig_path;
    OutputFormat format = OutputFormat::text;
};

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
    return text;
}

// Port decision: upstream prints nothing for a tree it does not know (an empty version location); the port
// says which trees exist instead.
[[noreturn]] void unknown_tree(const std::string& name, bool one_shot) {
    if (one_shot) {
        throw RevisionError("Unknown one-shot tree '" + name + "'; known one-shot trees: " +
                            joined(compiled_catalogue().one_shot_tree_names()));
    }
    throw RevisionError("Unknown tree '" + name + "'; known trees: " + joined(compiled_catalogue().regular_tree_names()));
}

std::string checked_one_shot_tree(const std::string& name) {
    if (!contains(compiled_catalogue().one_shot_tree_names(), name)) unknown_tree(name, true);
    return name;
}

// The one-shot trees named by TREE_NAME under --one-shot: `<type>/<name>` is that tree, `<type>` all trees of
// that manager type (none for a type without one-shot trees, as upstream), empty all one-shot trees.
std::vector<std::string> selected_one_shot_trees(const std::string& tree_name) {
    if (tree_name.find('/') != std::string::npos) return {checked_one_shot_tree(tree_name)};
    std::vector<std::string> selected;
    for (const std::string& tree : compiled_catalogue().one_shot_tree_names()) {
        if (tree_name.empty() || tree.substr(0, tree.find('/')) == tree_name) selected.push_back(tree);
    }
    if (selected.empty() && !tree_name.empty() && !contains(compiled_catalogue().regular_tree_names(), tree_name)) {
        unknown_tree(tree_name, false);
    }
    return selected;
}

// Graphs printed one after another, each as its own history block (upstream runs alembic once per block).
std::vector<RevisionGraph> selected_graphs(const ShowHistoryOptions& options) {
    std::vector<RevisionGraph> graphs;
    if (options.one_shot) {
        for (const std::string& tree : selected_one_shot_trees(options.tree_name)) {
            graphs.push_back(compiled_catalogue().of_trees({tree}));
        }
    } else if (options.tree_name.empty()) {
        graphs.push_back(compiled_catalogue().regular());
    } else if (options.tree_name.find('/') != std::string::npos) {
        // As upstream: a name with a slash is a one-shot tree location even without --one-shot.
        graphs.push_back(compiled_catalogue().of_trees({checked_one_shot_tree(options.tree_name)}));
    } else {
        if (!contains(compiled_catalogue().regular_tree_names(), options.tree_name)) unknown_tree(options.tree_name, false);
        graphs.push_back(compiled_catalogue().of_trees({options.tree_name}));
    }
    return graphs;
}

// The JSON document: the same revisions in the same order as the text, `head`/`branch_point` within each block.
Json history_json(const std::vector<RevisionGraph>& graphs) {
    Json revisions = Json::array();
    for (const RevisionGraph& graph : graphs) {
        for (const Revision* revision : graph.history()) revisions.push_back(revision_json(graph, *revision));
    }
    Json document = json_document("show-history");
    document["revisions"] = revisions;
    return document;
}

int show_history(const ShowHistoryOptions& options, std::ostream& out) {
    if (options.format == OutputFormat::json) {
        print_json(out, history_json(selected_graphs(options)));
        return to_int(ExitStatus::success);
    }
    const std::string folder = migrations_folder(options.mig_path);
    for (const RevisionGraph& graph : selected_graphs(options)) {
        for (const Revision* revision : graph.history()) {
            if (options.verbose) {
                out << log_entry(graph, *revision, folder) << "\n";
            } else {
                out << history_line(graph, *revision) << "\n";
            }
        }
    }
    return to_int(ExitStatus::success);
}

}  // namespace

void setup_show_history(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<ShowHistoryOptions>();
    add_verbose_flag(command, options->verbose);
    add_mig_path_option(command, options->mig_path);
    command.add_flag("--one-shot", options->one_shot, "Use special one-shot history trees.");
    add_format_option(command, options->format);
    command.add_option("TREE_NAME", options->tree_name,
                       "Revision tree name, usually the name of a registry manager type (e.g. 'datasets'); "
                       "all trees when omitted.");
    run = [options] { return show_history(*options, std::cout); };
}

}  // namespace butler_migrate::cli

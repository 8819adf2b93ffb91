// `status`: whether every tree the registry is on is at its head, as text or JSON and as the exit status.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "butler_migrate/migrations/catalogue.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/repository_status.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/json_output.hpp"

namespace butler_migrate::cli {

namespace {

struct StatusOptions {
    std::string repo;
    std::optional<std::string> ns;
    OutputFormat format = OutputFormat::text;
};

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

std::string plural(size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Tree names are padded to the longest regular tree name, so the columns do not move between registries.
size_t tree_column_width() {
    size_t width = 0;
    for (const auto& name : compiled_catalogue().regular_tree_names()) width = std::max(width, name.size());
    return width;
}

// What is left to do for one tree: "at head", "N steps pending: ..." or the branch choice.
std::string tree_verdict(const TreeStatus& tree) {
    if (tree.needs_branch_choice()) return "branch point: choose one of the heads to upgrade to";
    if (tree.at_head()) {
        std::string text = "at head";
        for (const auto& next : tree.one_shot) {
            text += "; one-shot tree " + next.tree + " leads on to " + next.head;
        }
        return text;
    }
    std::vector<std::string> ids, missing;
    for (const auto& step : tree.pending) {
        ids.push_back(step.revision);
        if (step.availability != StepAvailability::available) missing.push_back(step.revision);
    }
    std::string text = plural(ids.size(), "step", "steps") + " pending: " + joined(ids);
    if (missing.empty()) return text + " (all available)";
    return text + " (not available in this build: " + joined(missing) + ")";
}

// `<tree>  <current>  head(s) <ids>  <verdict>`
std::string tree_line(const TreeStatus& tree, size_t width) {
    std::string name = tree.tree;
    name.resize(std::max(width, name.size()), ' ');
    const char* heads_word = tree.heads.size() == 1 ? "head " : "heads ";
    return name + "  " + tree.current + "  " + heads_word + joined(tree.heads) + "  " + tree_verdict(tree);
}

std::string summary_line(const RepositoryStatus& status) {
    const size_t behind = static_cast<size_t>(
        std::count_if(status.trees.begin(), status.trees.end(), [](const TreeStatus& t) { return !t.at_head(); }));
    switch (status.state) {
        case RepositoryState::at_head:
            return "At head: all " + plural(status.trees.size(), "tree is", "trees are") + " at their head.";
        case RepositoryState::upgrades_pending:
            return "Upgrades pending: " + std::to_string(behind) + " of " +
                   plural(status.trees.size(), "tree is", "trees are") + " not at their head.";
        case RepositoryState::inconsistent:
            return "Inconsistent: alembic_version and butler_attributes disagree (see the error below).";
        case RepositoryState::not_stamped:
            return "Not stamped: alembic_version is missing or empty; run `butler-migrate stamp` first.";
    }
    return {};
}

void print_text(const RepositoryStatus& status, const std::string& url, std::ostream& out) {
    out << "Registry: " << url << "\n";
    const size_t width = tree_column_width();
    for (const auto& tree : status.trees) out << tree_line(tree, width) << "\n";
    out << summary_line(status) << "\n";
}

Json tree_json(const TreeStatus& tree) {
    Json pending = Json::array();
    for (const auto& step : tree.pending) {
        pending.push_back({{"revision", step.revision}, {"availability", availability_name(step.availability)}});
    }
    Json one_shot = Json::array();
    for (const auto& next : tree.one_shot) one_shot.push_back({{"tree", next.tree}, {"head", next.head}});
    return {{"tree", tree.tree},     {"current", tree.current},
            {"heads", tree.heads},   {"at_head", tree.at_head()},
            {"needs_branch_choice", tree.needs_branch_choice()},
            {"pending", pending},    {"one_shot", one_shot}};
}

Json status_json(const RepositoryStatus& status, const std::string& url) {
    Json document = json_document("status");
    document["url"] = url;
    document["state"] = state_name(status.state);
    document["exit_status"] = to_int(exit_status_of(status.state));
    Json trees = Json::array();
    for (const auto& tree : status.trees) trees.push_back(tree_json(tree));
    document["trees"] = trees;
    document["inconsistency"] = status.inconsistency.empty() ? Json(nullptr) : Json(status.inconsistency);
    return document;
}

int status(const StatusOptions& options, std::ostream& out) {
    auto registry = open_registry(options.repo, AccessMode::read_only);
    const RepositoryStatus status = repository_status(*registry.db, compiled_catalogue(), options.ns);
    const std::string url = registry.location.url.render(true);
    if (options.format == OutputFormat::json) {
        print_json(out, status_json(status, url));
    } else {
        print_text(status, url, out);
    }
    out.flush();
    // The report is complete on stdout; the inconsistency is then reported as the error it is.
    if (status.state == RepositoryState::inconsistent) throw RevisionError(status.inconsistency);
    return to_int(exit_status_of(status.state));
}

}  // namespace

void setup_status(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<StatusOptions>();
    add_namespace_option(command, options->ns);
    add_format_option(command, options->format);
    add_repo_argument(command, options->repo);
    run = [options] { return status(*options, std::cout); };
}

}  // namespace butler_migrate::cli

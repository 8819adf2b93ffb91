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
#include "cli/config_change_text.hpp"
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

// Tree names are padded to the longest regular tree name that is not a patch tree, so the columns do not move
// between registries (nor since patch trees came); a patch tree's longer name pushes the rest of its own line.
size_t tree_column_width() {
    size_t width = 0;
    for (const Revision& revision : compiled_catalogue().revisions()) {
        if (!revision.is_one_shot() && !revision.is_in_patch_tree()) width = std::max(width, revision.tree.size());
    }
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

// One line per patch tree the registry is not on: whether its patches apply, and the two commands that take them.
std::string patch_tree_line(const PatchTreeStatus& patch, const std::string& repo) {
    std::string text = "Patch tree " + patch.tree + " is not recorded; its patches (" + joined(patch.patches) + ") ";
    const std::string needs = patch.needs.empty() ? "" : " (they need " + joined(patch.needs) + ")";
    const std::string take = "take them with `butler-migrate stamp " + repo + " " + patch.tree +
                             "` and `butler-migrate upgrade " + repo + " head`.";
    switch (patch.applicability) {
        case PatchTreeStatus::Applicability::now: return text + "apply to this registry: " + take;
        case PatchTreeStatus::Applicability::after_pending:
            return text + "apply once the pending upgrades are done" + needs + ": " + take;
        case PatchTreeStatus::Applicability::not_reachable:
            return text + "do not apply to this registry" + needs + ".";
    }
    return text;
}

void print_text(const RepositoryStatus& status, const std::vector<ConfigMismatch>& mismatches, const std::string& url,
                const std::string& repo, std::ostream& out) {
    out << "Registry: " << url << "\n";
    const size_t width = tree_column_width();
    for (const auto& tree : status.trees) out << tree_line(tree, width) << "\n";
    for (const auto& patch : status.patch_trees) out << patch_tree_line(patch, repo) << "\n";
    for (const auto& mismatch : mismatches) out << mismatch_text(mismatch, repo) << "\n";
    out << summary_line(status) << "\n";
}

// A butler.yaml that names other manager classes than the registry records makes a consistent registry unusable:
// the configuration status (3), unless the registry itself is worse off.
ExitStatus exit_status_with(const RepositoryStatus& status, const std::vector<ConfigMismatch>& mismatches) {
    const bool usable_registry =
        status.state == RepositoryState::at_head || status.state == RepositoryState::upgrades_pending;
    return usable_registry && !mismatches.empty() ? ExitStatus::config_error : exit_status_of(status.state);
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

Json status_json(const RepositoryStatus& status, const std::vector<ConfigMismatch>& mismatches, const std::string& url) {
    Json document = json_document("status");
    document["url"] = url;
    document["state"] = state_name(status.state);
    document["exit_status"] = to_int(exit_status_with(status, mismatches));
    Json trees = Json::array();
    for (const auto& tree : status.trees) trees.push_back(tree_json(tree));
    document["trees"] = trees;
    Json patch_trees = Json::array();
    for (const auto& patch : status.patch_trees) {
        patch_trees.push_back({{"tree", patch.tree},
                               {"root", patch.root},
                               {"patches", patch.patches},
                               {"needs", patch.needs},
                               {"applicability", applicability_name(patch.applicability)}});
    }
    document["patch_trees"] = patch_trees;
    Json config = Json::array();
    for (const auto& m : mismatches) {
        config.push_back({{"manager", m.manager}, {"butler_yaml", m.butler_yaml}, {"registry", m.registry}});
    }
    document["config_mismatches"] = config;
    document["inconsistency"] = status.inconsistency.empty() ? Json(nullptr) : Json(status.inconsistency);
    return document;
}

int status(const StatusOptions& options, std::ostream& out) {
    auto registry = open_registry(options.repo, AccessMode::read_only);
    const RepositoryStatus status = repository_status(*registry.db, compiled_catalogue(), options.ns);
    std::vector<ConfigMismatch> mismatches;
    if (status.state != RepositoryState::not_stamped) {
        mismatches = config_mismatches(options.repo, manager_versions(*registry.db, options.ns));
    }
    const std::string url = registry.location.url.render(true);
    if (options.format == OutputFormat::json) {
        print_json(out, status_json(status, mismatches, url));
    } else {
        print_text(status, mismatches, url, options.repo, out);
    }
    out.flush();
    // The report is complete on stdout; the inconsistency is then reported as the error it is.
    if (status.state == RepositoryState::inconsistent) throw RevisionError(status.inconsistency);
    return to_int(exit_status_with(status, mismatches));
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

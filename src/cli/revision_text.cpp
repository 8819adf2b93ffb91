// Shared CLI text for revisions: history one-liners, alembic's log entries, and the `Path:` of a script.
#include "cli/revision_text.hpp"

#include <cstdlib>
#include <sstream>
#include <vector>

namespace butler_migrate::cli {
namespace {

// os.path.join of two parts: no second separator when `base` already ends with one.
std::string join_path(const std::string& base, const std::string& name) {
    if (base.empty()) return name;
    if (base.back() == '/') return base + name;
    return base + "/" + name;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) text += separator;
        text += items[i];
    }
    return text;
}

std::string parent_text(const Revision& revision) {
    return revision.is_root() ? std::string("<base>") : revision.down_revision;
}

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

std::string migrations_folder(const std::string& mig_path_option) {
    if (!mig_path_option.empty()) return mig_path_option;
    const std::string migrations = environment("DAF_BUTLER_MIGRATE_MIGRATIONS");
    if (!migrations.empty()) return migrations;
    const std::string package = environment("DAF_BUTLER_MIGRATE_DIR");
    if (!package.empty()) return join_path(package, "migrations");
    return "migrations";
}

std::string script_path(const std::string& folder, const Revision& revision) {
    const std::string location = revision.is_one_shot() ? join_path("_oneshot", revision.tree) : revision.tree;
    return join_path(join_path(folder, location), revision.id + ".py");
}

std::string long_doc(const Revision& revision) {
    std::string text = revision.message + "\n\n";
    if (!revision.extra_doc.empty()) text += revision.extra_doc + "\n\n";
    text += "Revision ID: " + revision.id + "\n";
    text += revision.is_root() ? std::string("Revises:") : "Revises: " + revision.down_revision;
    text += "\nCreate Date: " + revision.create_date;
    return text;
}

std::string joined_labels(const RevisionGraph& graph, const Revision& revision) {
    return join(graph.branch_labels(revision.id), ", ");
}

std::string history_line(const RevisionGraph& graph, const Revision& revision, bool current) {
    // alembic Script._head_only(include_parents=True): "<down> (<depends_on>) -> <id>" for a revision with
    // dependencies (alembic/script/base.py, 1.19).
    std::string text = parent_text(revision);
    if (!revision.depends_on.empty()) text += " (" + join(revision.depends_on, ", ") + ")";
    text += " -> " + revision.id;
    const std::string labels = joined_labels(graph, revision);
    if (!labels.empty()) text += " (" + labels + ")";
    // The markers after the labels are those of revision_marker_line, in the same order.
    text += revision_marker_line(graph, revision, current).substr(revision.id.size());
    return text + ", " + revision.message;
}

std::string revision_marker_line(const RevisionGraph& graph, const Revision& revision, bool current) {
    std::string text = revision.id;
    if (graph.is_head(revision.id)) text += " (head)";
    if (current) text += " (current)";
    if (graph.is_branch_point(revision.id)) text += " (branchpoint)";
    return text;
}

std::string log_entry(const RevisionGraph& graph, const Revision& revision, const std::string& folder,
                      const LogEntryOptions& options) {
    std::string text = "Rev: " + revision.id;
    if (graph.is_head(revision.id)) text += " (head)";
    if (graph.is_branch_point(revision.id)) text += " (branchpoint)";
    if (options.current) text += " (current)";
    text += "\nParent: " + parent_text(revision) + "\n";
    // alembic Script.log_entry: the declared dependencies right after the parent.
    if (!revision.depends_on.empty()) text += "Also depends on: " + join(revision.depends_on, ", ") + "\n";
    if (graph.is_branch_point(revision.id)) {
        // Upstream prints a set here (unstable order); the port lists the ids ascending.
        text += "Branches into: " + join(graph.children(revision.id), ", ") + "\n";
    }
    const std::string labels = joined_labels(graph, revision);
    if (options.show_branch_names && !labels.empty()) text += "Branch names: " + labels + "\n";
    text += "Path: " + script_path(folder, revision) + "\n\n";

    std::istringstream doc(long_doc(revision));
    std::vector<std::string> lines;
    for (std::string line; std::getline(doc, line);) lines.push_back("    " + line);
    return text + join(lines, "\n") + "\n";
}

}  // namespace butler_migrate::cli

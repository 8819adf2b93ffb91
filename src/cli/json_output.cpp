// Shared pieces of the --format option and of the JSON documents the commands print.
#include "cli/json_output.hpp"

#include <CLI/CLI.hpp>

#include <map>

namespace butler_migrate::cli {

void add_format_option(CLI::App& command, OutputFormat& format) {
    const std::map<std::string, OutputFormat> formats = {{"text", OutputFormat::text}, {"json", OutputFormat::json}};
    command.add_option("--format", format, "Output format: text (default) or json (see docs/json-output.md).")
            ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case))
            ->type_name("[text|json]");
}

Json json_document(const std::string& command) {
    Json document;
    document["command"] = command;
    document["format_version"] = kJsonFormatVersion;
    return document;
}

Json revision_json(const RevisionGraph& graph, const Revision& revision) {
    Json entry;
    entry["id"] = revision.id;
    entry["tree"] = revision.tree;
    entry["down_revision"] = revision.is_root() ? Json(nullptr) : Json(revision.down_revision);
    entry["branch_labels"] = graph.branch_labels(revision.id);
    entry["message"] = revision.message;
    entry["create_date"] = revision.create_date;
    entry["head"] = graph.is_head(revision.id);
    entry["branch_point"] = graph.is_branch_point(revision.id);
    entry["depends_on"] = revision.depends_on;  // alembic depends_on, as the script declares it
    return entry;
}

void print_json(std::ostream& out, const Json& document) { out << document.dump(2) << "\n"; }

}  // namespace butler_migrate::cli

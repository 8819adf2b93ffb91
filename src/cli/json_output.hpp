// Shared pieces of the --format option and of the JSON documents the commands print (docs/json-output.md).
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

#include "butler_migrate/core/revision.hpp"
#include "butler_migrate/core/revision_graph.hpp"

namespace CLI {
class App;
}

namespace butler_migrate::cli {

// Keys keep the order they are written in, so documents read in a fixed, documented order.
using Json = nlohmann::ordered_json;

enum class OutputFormat { text, json };

// The version of the documents' layout; raised only for a change that removes or renames a key.
inline constexpr int kJsonFormatVersion = 1;

// Adds `--format [text|json]` (default text). `listed_in_help` false keeps it out of the help page, for the
// commands whose --help must stay identical to upstream's.
void add_format_option(CLI::App& command, OutputFormat& format);

// The opening keys every document has: {"command": <name>, "format_version": 1}.
Json json_document(const std::string& command);

// A revision as the JSON documents describe it; `head` and `branch_point` are relative to `graph`:
// {"id", "tree", "down_revision" (null for a root), "branch_labels", "message", "create_date", "head",
//  "branch_point"}.
Json revision_json(const RevisionGraph& graph, const Revision& revision);

// Writes `document` indented by 2 spaces and a final newline.
void print_json(std::ostream& out, const Json& document);

}  // namespace butler_migrate::cli

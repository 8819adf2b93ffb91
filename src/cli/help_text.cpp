// The long help of each subcommand shown by `<subcommand> --help` (the wording operators know from `butler migrate`).
#include "cli/help_text.hpp"

#include <fmt/format.h>

#include <utility>

#include "butler_migrate/util/exit_status.hpp"
#include "cli/subcommand_table.hpp"

namespace butler_migrate::cli {

namespace {

const char* const kRepoParagraph =
    "REPO is the URI or path to an existing data repository root or configuration file.";
const char* const kRevisionParagraph =
    "REVISION is a target alembic revision, in offline mode it can also specify initial revision using "
    "INITIAL:TARGET format.";
const char* const kTreeNameParagraph =
    "TREE_NAME is the revision tree name, usually it is the name of a registry manager type (e.g. 'datasets').";

// butler-migrate's addition to upgrade's REVISION paragraph (tests compare the rest with upstream's page).
const char* const kRevisionFormsParagraph =
    "REVISION may be a full revision id, a unique prefix of at least 4 characters, a branch label, "
    "'<label>@head', or 'head' for every tree the registry is on.";

// The exit statuses of `status`, kept as written ("\b"), their numbers from the named statuses.
std::string status_exit_paragraph() {
    const std::pair<ExitStatus, const char*> outcomes[] = {
        {ExitStatus::success, "every tree is at its head"},
        {ExitStatus::upgrades_pending, "upgrades pending (some tree is not at its head)"},
        {ExitStatus::not_stamped, "not stamped (alembic_version is missing or empty)"},
        {ExitStatus::revision_error, "alembic_version and butler_attributes are inconsistent"},
        {ExitStatus::database_error, "the database cannot be opened or read"},
        {ExitStatus::config_error, "the repository configuration cannot be used"},
        {ExitStatus::usage, "bad command line, or --namespace needed (the registry stores no namespace)"},
    };
    std::string text = "\b\nExit status:";
    for (const auto& [status, meaning] : outcomes) text += fmt::format("\n  {}  {}", to_int(status), meaning);
    return text;
}

}  // namespace

const std::vector<CommandHelp>& command_help_table() {
    static const std::vector<CommandHelp> table = {
        {"downgrade",
         {"Downgrade schema to a specified revision.", kRepoParagraph, kRevisionParagraph}},
        {"dump-schema",
         {"Dump database schema in human-readable format.", kRepoParagraph,
          "TABLE specify multiple optional table names to dump, by default all tables are dumped."}},
        {"set-namespace",
         {"Add or update namespace attribute to dimensions.json.", kRepoParagraph,
          "NAMESPACE to add or replace in the stored dimensions configuration. If namespace is not specified "
          "then existing namespace is printed."}},
        {"show-current",
         {"Display current revisions from either alembic_version or butler_attributes tables.", kRepoParagraph}},
        {"show-history",
         {"Display revision history for a tree.", kTreeNameParagraph}},
        {"show-trees",
         {"Print a list of known revision trees (manager types)."}},
        {"stamp",
         // Upstream's 2026 page (DM-55966, cli/cmd/commands.py and cli/opt/arguments.py @c70930da): the
         // argument is TREE_NAME; a tree not in butler_attributes yet gets its root revision stamped.
         {"Stamp Alembic revision table (alembic_version) with current manager versions from butler_attributes. "
          "If TREE_NAME argument is not provided then all revision trees are stamped.",
          kRepoParagraph,
          "TREE_NAME is the revision tree name, usually it is the name of a registry manager type (e.g. "
          "'datasets')."}},
        {"status",
         {"Report, for each revision tree the database is on, its current revision, its head and the upgrade "
          "steps still pending; the exit status tells a script the outcome.",
          kRepoParagraph,
          status_exit_paragraph(),
          "The same check is available as `show-current --check`; `--format json` is described in "
          "docs/json-output.md."}},
        {"update-day-obs",
         {"Update the day_obs values if needed.", kRepoParagraph, "INSTRUMENT is the name of the instrument to use."}},
        {"upgrade",
         {"Upgrade schema to a specified revision.", kRepoParagraph, kRevisionParagraph, kRevisionFormsParagraph}},
    };
    return table;
}

const CommandHelp* find_command_help(const std::string& name) {
    for (const auto& entry : command_help_table()) {
        if (name == entry.name) return &entry;
    }
    return nullptr;
}

std::string long_help(const std::string& name) {
    const CommandHelp* entry = find_command_help(name);
    if (entry == nullptr) return {};
    std::string text;
    for (const std::string& paragraph : entry->paragraphs) {
        if (!text.empty()) text += "\n\n";
        text += paragraph;
    }
    return text;
}

std::string command_summary(const std::string& name) {
    const Subcommand* entry = find_subcommand(name);
    return entry == nullptr ? std::string() : std::string(entry->summary);
}

}  // namespace butler_migrate::cli

// `dump-schema`: prints the reflected schema of the registry tables in upstream's format.
#include <CLI/CLI.hpp>

#include <iostream>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/db/schema_dump.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"

namespace butler_migrate::cli {

namespace {

struct DumpSchemaOptions {
    std::string repo;
    std::vector<std::string> tables;
    bool json = false;  // upstream's --json (2026)
};

int dump_schema(const DumpSchemaOptions& options, std::ostream& out) {
    auto registry = open_registry(options.repo, AccessMode::read_only);
    // Nothing to dump is no schema: a PostgreSQL namespace that does not exist (a typo) or an empty database.
    if (registry.db->table_names().empty()) {
        const auto& schema = registry.db->schema();
        throw DatabaseError(schema ? fmt::format("Not a Butler registry: schema {:?} has no tables (does it exist?)", *schema)
                                   : std::string("Not a Butler registry: the database has no tables"));
    }
    out << (options.json ? render_schema_dump_json(*registry.db, options.tables)
                         : render_schema_dump(*registry.db, options.tables));
    return to_int(ExitStatus::success);
}

}  // namespace

void setup_dump_schema(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<DumpSchemaOptions>();
    command.description("Dump database schema in human-readable format.");
    add_repo_argument(command, options->repo);
    command.add_option("TABLE", options->tables,
                       "TABLE specify multiple optional table names to dump, by default all tables are dumped.");
    command.add_flag("--json", options->json, "Produce JSON output.");
    run = [options] { return dump_schema(*options, std::cout); };
}

}  // namespace butler_migrate::cli

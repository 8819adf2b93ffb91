// `update-day-obs`: recompute the day_obs of one instrument's exposures and visits from the exposures' begin times.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "butler_migrate/core/migration_options.hpp"
#include "butler_migrate/steps/day_obs_update.hpp"
#include "butler_migrate/util/exit_status.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/write_options.hpp"

namespace butler_migrate::cli {

namespace {

struct UpdateDayObsOptions {
    std::string repo;
    std::string instrument;
    std::vector<std::string> options;  // --options KEY=VALUE
    bool dry_run = false;
    long long chunk_size = 10000;
    WriteOptions write;
};

void print_dry_run(const std::string& instrument, const DayObsUpdateCounts& counts, std::ostream& out) {
    out << fmt::format("Instrument {}: {} exposures, {} without a begin time (left as they are).\n", instrument,
                       counts.exposures, counts.exposures_without_begin);
    out << fmt::format("Exposures whose day_obs would change: {}\n", counts.exposures_changed);
    out << fmt::format("Visits whose day_obs would change: {}\n", counts.visits_changed);
    out << fmt::format("day_obs records that would be added: {}\n", counts.day_obs_added);
}

int update_day_obs_command(const UpdateDayObsOptions& options, std::ostream& out) {
    DayObsUpdateSettings settings;
    settings.options = MigrationOptions::parse(options.options);  // malformed --options fail before the database is touched
    settings.chunk_size = options.chunk_size;
    if (options.dry_run) {
        auto registry = open_registry(options.repo, AccessMode::read_only);
        print_dry_run(options.instrument, count_day_obs_update(*registry.db, options.instrument, settings.options), out);
        return to_int(ExitStatus::success);
    }
    auto registry = open_registry(options.repo, AccessMode::read_write);
    auto lock = take_migration_lock(*registry.db, options.write);
    settings.before_first_write = [&] { back_up_before_writing(registry, options.write); };
    update_day_obs(*registry.db, options.instrument, settings);
    return to_int(ExitStatus::success);
}

}  // namespace

void setup_update_day_obs(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<UpdateDayObsOptions>();
    command.description("Update the day_obs values if needed.");
    command.add_option("--options", options->options,
                       "Observing-day offsets, as day_obs_offset.<INSTRUMENT>=<seconds> (see "
                       "docs/observing-day-offsets.md); they win over the built-in table.")
        ->type_name("TEXT=TEXT")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.add_flag("--dry-run", options->dry_run,
                     "Print how many exposures and visits would get a new day_obs, and change nothing.");
    command.add_option("--chunk-size", options->chunk_size,
                       "Exposures and visits per committed transaction (a visit with the id of an exposure goes "
                       "with it); an interrupted run keeps the chunks it committed, and running again finishes the "
                       "job.")
        ->type_name("ROWS")
        ->check(CLI::Range(1LL, 100000000LL))
        ->default_val(10000);
    add_write_options(command, options->write);
    add_repo_argument(command, options->repo);
    command.add_option("INSTRUMENT", options->instrument, "INSTRUMENT is the name of the instrument to use.")
        ->required();
    run = [options] { return update_day_obs_command(*options, std::cout); };
}

}  // namespace butler_migrate::cli

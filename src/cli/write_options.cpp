// Options shared by the writing commands, and what they do before the first write.
#include "cli/write_options.hpp"

#include <cmath>
#include <cstdlib>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "butler_migrate/util/exit_status.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/db/registry_backup.hpp"

namespace butler_migrate::cli {

namespace {
constexpr std::string_view kLogger = "butler_migrate.backup";

// A number of seconds from 0 to `max`, said in those words when it is not (CLI::Range prints "not in range
// 0.000000 to ...", and the same for text that is no number at all).
CLI::Validator seconds_validator(double max) {
    return CLI::Validator(
        [max](std::string& text) -> std::string {
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value)) {
                return fmt::format("'{}' is not a number of seconds", text);
            }
            if (value < 0 || value > max) return fmt::format("{} is not between 0 and {:g} seconds", text, max);
            return {};
        },
        "SECONDS");
}
}

void add_write_options(CLI::App& command, WriteOptions& options) {
    command
        .add_option("--lock-timeout", options.lock_timeout_seconds,
                    fmt::format("Seconds to wait for another migration of the same registry to finish before "
                                "giving up (exit status {}).",
                                to_int(ExitStatus::lock_busy)))
        ->type_name("SECONDS")
        ->check(seconds_validator(86400.0 * 7))
        ->default_val(kDefaultLockTimeoutSeconds);
    auto* no_backup = command.add_flag("--no-backup", options.no_backup,
                                       "Do not copy a SQLite registry before writing to it.");
    command
        .add_option("--backup-dir", options.backup_dir,
                    "Folder for the copy of a SQLite registry taken before writing (default: next to the "
                    "database file).")
        ->type_name("DIR")
        ->check(CLI::ExistingDirectory)  // a mistyped folder is a command-line error, found before anything runs
        ->excludes(no_backup);
}

std::unique_ptr<MigrationLock> take_migration_lock(Database& db, const WriteOptions& options) {
    auto timeout = std::chrono::milliseconds(static_cast<long long>(options.lock_timeout_seconds * 1000.0));
    return std::make_unique<MigrationLock>(db, timeout);
}

void back_up_before_writing(const OpenedRegistry& registry, const WriteOptions& options) {
    if (options.no_backup) return;
    if (registry.db->dialect() == Dialect::postgresql) {
        log::info(kLogger, "PostgreSQL registries are not copied; to keep a backup, run first: " +
                               pg_dump_command(registry.location));
        return;
    }
    std::optional<std::filesystem::path> dir;
    if (options.backup_dir) dir = *options.backup_dir;
    auto path = backup_sqlite_registry(*registry.db, registry.location, dir);
    log::info(kLogger, fmt::format("Registry copied to {} before writing (to undo everything, copy it back over {})",
                                   path.string(), registry.location.url.database.value_or("the database file")));
}

}  // namespace butler_migrate::cli

// Options shared by the writing commands, and what they do before the first write.
#include "cli/write_options.hpp"

#include <CLI/CLI.hpp>

namespace butler_migrate::cli {

void add_write_options(CLI::App& command, WriteOptions& options) {
    command
        .add_option("--lock-timeout", options.lock_timeout_seconds,
                    "Seconds to wait for another migration of the same registry to finish before giving up "
                    "(exit status 6).")
        ->type_name("SECONDS")
        ->check(CLI::Range(0.0, 86400.0 * 7))
        ->default_val(kDefaultLockTimeoutSeconds);
}

std::unique_ptr<MigrationLock> take_migration_lock(Database& db, const WriteOptions& options) {
    auto timeout = std::chrono::milliseconds(static_cast<long long>(options.lock_timeout_seconds * 1000.0));
    return std::make_unique<MigrationLock>(db, timeout);
}

}  // namespace butler_migrate::cli

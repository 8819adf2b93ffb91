// Options of the commands that write to a registry (stamp, upgrade, downgrade, set-namespace): the lock and
// the backup taken before the first write.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "butler_migrate/core/migration_lock.hpp"
#include "cli/common_options.hpp"

namespace CLI {
class App;
}

namespace butler_migrate::cli {

struct WriteOptions {
    double lock_timeout_seconds = kDefaultLockTimeoutSeconds;
    bool no_backup = false;
    std::optional<std::string> backup_dir;
};

void add_write_options(CLI::App& command, WriteOptions& options);

// Takes the registry's migration lock, waiting up to --lock-timeout.
std::unique_ptr<MigrationLock> take_migration_lock(Database& db, const WriteOptions& options);

// Before the first write: a SQLite registry is copied (unless --no-backup) and the copy's path logged; for
// PostgreSQL the pg_dump command an operator would run is logged instead.
void back_up_before_writing(const OpenedRegistry& registry, const WriteOptions& options);

}  // namespace butler_migrate::cli

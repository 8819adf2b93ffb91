// Options of the commands that write to a registry (stamp, upgrade, downgrade, set-namespace): the lock.
#pragma once

#include <chrono>
#include <memory>

#include "butler_migrate/migration_lock.hpp"

namespace CLI {
class App;
}

namespace butler_migrate::cli {

struct WriteOptions {
    double lock_timeout_seconds = kDefaultLockTimeoutSeconds;
};

void add_write_options(CLI::App& command, WriteOptions& options);

// Takes the registry's migration lock, waiting up to --lock-timeout.
std::unique_ptr<MigrationLock> take_migration_lock(Database& db, const WriteOptions& options);

}  // namespace butler_migrate::cli

// The registry's migration lock: one writer at a time, released by the database when the holder dies.
#pragma once

#include <chrono>

#include "butler_migrate/db/database.hpp"

namespace butler_migrate {

// Held from construction to destruction by every command that writes. PostgreSQL: a session-level
// advisory lock on a key derived from the registry schema, tried and polled (never a blocking wait).
// SQLite: the database file locked exclusively for the connection (locking_mode EXCLUSIVE), waited for
// with the busy timeout. Either way a killed holder's lock goes away with its connection.
class MigrationLock {
public:
    // Waits up to `timeout` for the lock; throws LockBusyError when another process still holds it (on SQLite
    // told by the result code of the failed lock, DatabaseError::busy(), not by its message), and DatabaseError
    // for any other failure of the database.
    MigrationLock(Database& db, std::chrono::milliseconds timeout);
    ~MigrationLock();
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

private:
    Database& db_;
};

// The default of --lock-timeout, in seconds.
inline constexpr int kDefaultLockTimeoutSeconds = 60;

}  // namespace butler_migrate

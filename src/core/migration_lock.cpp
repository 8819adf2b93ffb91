// The migration lock: a PostgreSQL advisory lock per registry schema, or an exclusive lock on a SQLite file.
#include "butler_migrate/core/migration_lock.hpp"

#include <openssl/sha.h>

#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"

namespace butler_migrate {

namespace {

constexpr std::string_view kLogger = "butler_migrate.lock";
constexpr std::chrono::milliseconds kPollInterval{100};
constexpr int kSqliteBusyTimeoutAfterMs = 5000;  // the backend's usual busy timeout, restored afterwards

// The advisory lock key of a registry: the first 8 bytes of SHA-1("butler-migrate:<schema>"), so every
// butler-migrate (of any version) agrees on it and registries in different schemas do not block each other.
long long advisory_key(const std::optional<std::string>& schema) {
    const std::string text = "butler-migrate:" + schema.value_or("public");
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    unsigned long long key = 0;
    for (int i = 0; i < 8; ++i) key = (key << 8) | digest[i];
    long long signed_key;
    std::memcpy(&signed_key, &key, sizeof key);
    return signed_key;
}

std::string seconds_text(std::chrono::milliseconds timeout) {
    return fmt::format("{:g} s", static_cast<double>(timeout.count()) / 1000.0);
}

// The backend pid holding the advisory lock, for the message; empty when it cannot be told.
std::string advisory_holder(Database& db, long long key) {
    try {
        auto rows = db.query(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND ((classid::bigint << 32) | objid::bigint) = ?::bigint AND objsubid = 1",
            {std::to_string(key)});
        if (!rows.empty() && rows[0][0]) return fmt::format(" (PostgreSQL backend pid {})", *rows[0][0]);
    } catch (const DatabaseError&) {
    }
    return "";
}

void lock_postgres(Database& db, std::chrono::milliseconds timeout) {
    const long long key = advisory_key(db.schema());
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool announced = false;
    while (true) {
        auto rows = db.query("SELECT pg_try_advisory_lock(?::bigint)", {std::to_string(key)});
        if (!rows.empty() && rows[0][0] && (*rows[0][0] == "t" || *rows[0][0] == "true")) return;
        if (std::chrono::steady_clock::now() >= deadline) {
            throw LockBusyError(fmt::format(
                "another process holds the migration lock of schema {}{} and did not release it within {}; "
                "wait for it to finish or raise --lock-timeout",
                db.schema().value_or("public"), advisory_holder(db, key), seconds_text(timeout)));
        }
        if (!announced) {
            log::info(kLogger, fmt::format("Waiting up to {} for another process's migration lock", seconds_text(timeout)));
            announced = true;
        }
        std::this_thread::sleep_for(kPollInterval);
    }
}

// SQLite's busy handler does the polling: BEGIN EXCLUSIVE waits up to the busy timeout for other
// connections to finish, and locking_mode EXCLUSIVE keeps the lock until the connection closes.
void lock_sqlite(Database& db, std::chrono::milliseconds timeout) {
    db.execute(fmt::format("PRAGMA busy_timeout = {}", timeout.count()));
    db.execute("PRAGMA locking_mode = EXCLUSIVE");
    try {
        // Rolled back, not committed: the lock stays held either way, and an empty file stays empty.
        db.execute("BEGIN EXCLUSIVE");
        db.execute("ROLLBACK");
    } catch (const DatabaseError& e) {
        db.execute("PRAGMA locking_mode = NORMAL");
        if (!e.busy()) throw;  // told by SQLite's result code (SQLITE_BUSY/SQLITE_LOCKED), not by the message
        throw LockBusyError(fmt::format(
            "another process holds a lock on the SQLite registry and did not release it within {}; "
            "wait for it to finish or raise --lock-timeout",
            seconds_text(timeout)));
    }
    db.execute(fmt::format("PRAGMA busy_timeout = {}", kSqliteBusyTimeoutAfterMs));
}

}  // namespace

MigrationLock::MigrationLock(Database& db, std::chrono::milliseconds timeout) : db_(db) {
    if (db.dialect() == Dialect::postgresql) lock_postgres(db, timeout);
    else lock_sqlite(db, timeout);
}

MigrationLock::~MigrationLock() {
    // Closing the connection releases the lock as well; releasing it here lets the holder read on.
    try {
        if (db_.dialect() == Dialect::postgresql) {
            db_.query("SELECT pg_advisory_unlock(?::bigint)", {std::to_string(advisory_key(db_.schema()))});
        } else {
            db_.execute("PRAGMA locking_mode = NORMAL");
            db_.query("SELECT count(*) FROM sqlite_master");  // the lock is dropped at the next access
        }
    } catch (...) {
    }
}

}  // namespace butler_migrate

// The few error types the core throws; the command line catches them once and maps each to an exit status.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

#include "butler_migrate/util/exit_status.hpp"

namespace butler_migrate {

// Base of all errors the tool reports to the user as one line on stderr. `details` (empty for most errors) is
// explanation that needs several lines, such as a diff; it is printed as it is after the error line.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, std::string details = {})
        : std::runtime_error(message), details_(std::move(details)) {}
    virtual ExitStatus exit_status() const { return ExitStatus::failure; }
    const std::string& details() const { return details_; }

private:
    std::string details_;
};

// Bad command-line input found after parsing (malformed --options, bad --one-shot-tree, ...).
class UsageError : public Error {
public:
    using Error::Error;
    ExitStatus exit_status() const override { return ExitStatus::usage; }
};

// butler.yaml, its includes, the registry URL, or db-auth.yaml cannot be used.
class ConfigError : public Error {
public:
    using Error::Error;
    ExitStatus exit_status() const override { return ExitStatus::config_error; }
};

// The database cannot be opened or reached, or a statement failed.
class DatabaseError : public Error {
public:
    using Error::Error;
    // What the backend's own error code says about a failed statement, told apart by the code, never by the
    // message text: PostgreSQL's SQLSTATE (empty on SQLite and when unknown), and whether the statement failed
    // because another connection holds a lock it needed (SQLite SQLITE_BUSY or SQLITE_LOCKED, PostgreSQL
    // lock_not_available 55P03: lock_timeout or NOWAIT).
    struct Cause {
        std::string sqlstate;
        bool busy = false;
    };
    DatabaseError(const std::string& message, Cause cause) : Error(message), cause_(std::move(cause)) {}
    ExitStatus exit_status() const override { return ExitStatus::database_error; }
    const std::string& sqlstate() const { return cause_.sqlstate; }
    bool busy() const { return cause_.busy; }

private:
    Cause cause_;
};

// A revision cannot be found or resolved, or the recorded revisions are inconsistent.
class RevisionError : public Error {
public:
    using Error::Error;
    ExitStatus exit_status() const override { return ExitStatus::revision_error; }
};

// Another process holds the migration lock of the registry and did not release it within the lock timeout.
class LockBusyError : public Error {
public:
    using Error::Error;
    ExitStatus exit_status() const override { return ExitStatus::lock_busy; }
};

// The registry has no alembic_version rows: nothing can be planned until it is stamped.
class NotStampedError : public Error {
public:
    using Error::Error;
    ExitStatus exit_status() const override { return ExitStatus::not_stamped; }
};

// The operator stopped the process (SIGINT, SIGTERM, SIGHUP); the message says what state the registry is in.
class InterruptedError : public Error {
public:
    using Error::Error;
    ExitStatus exit_status() const override { return ExitStatus::interrupted; }
};

// A migration step (or a registry operation such as stamp or set-namespace) cannot be carried out.
class MigrationError : public Error {
public:
    using Error::Error;
};

// Checks before the first step of a plan found problems (listed in details); nothing was changed.
class PreflightError : public Error {
public:
    using Error::Error;
    ExitStatus exit_status() const override { return ExitStatus::preflight_failed; }
};

// A step needed to read the database while only its SQL was being written (upgrade/downgrade --sql).
class OfflineModeUnsupported : public MigrationError {
public:
    using MigrationError::MigrationError;
};

}  // namespace butler_migrate

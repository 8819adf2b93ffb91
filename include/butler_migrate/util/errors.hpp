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
    ExitStatus exit_status() const override { return ExitStatus::database_error; }
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

// A migration step (or a registry operation such as stamp or set-namespace) cannot be carried out.
class MigrationError : public Error {
public:
    using Error::Error;
};

// A step needed to read the database while only its SQL was being written (upgrade/downgrade --sql).
class OfflineModeUnsupported : public MigrationError {
public:
    using MigrationError::MigrationError;
};

}  // namespace butler_migrate

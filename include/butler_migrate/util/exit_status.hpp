// Every exit status of butler-migrate, by name. docs/exit-codes.md explains each for operators.
#pragma once

namespace butler_migrate {

enum class ExitStatus : int {
    success = 0,
    failure = 1,          // a migration step or another operation failed (upstream's only error code)
    usage = 2,            // bad command line: unknown option, missing argument, malformed value
    config_error = 3,     // the repository configuration or db-auth.yaml could not be used
    database_error = 4,   // the registry database could not be opened, reached or read
    revision_error = 5,   // unknown/ambiguous revision, or alembic_version and butler_attributes disagree
    lock_busy = 6,        // another process held the migration lock for longer than --lock-timeout
    upgrades_pending = 7, // status: the registry is consistent but some tree is not at its head
    not_stamped = 8,      // status: alembic_version is missing or empty (run stamp first); upgrade/downgrade too
    preflight_failed = 9, // upgrade/downgrade (and --dry-run): the plan would not run; found before the first step
    interrupted = 130,    // SIGINT, SIGTERM or SIGHUP: the running step was rolled back, earlier ones stay
};

inline int to_int(ExitStatus status) { return static_cast<int>(status); }

}  // namespace butler_migrate

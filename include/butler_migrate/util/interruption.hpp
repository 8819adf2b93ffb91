// Whether the operator asked the process to stop (SIGINT, SIGTERM, SIGHUP), and who to tell at once.
#pragma once

#include <functional>

namespace butler_migrate {

// True once a stop was requested; the engine checks it between steps.
bool interruption_requested();
// The signal that asked for the stop (0 when none).
int interruption_signal();

// Records a stop request and calls the current canceller (from the watcher thread, never from a signal handler).
// With no canceller set (no step running), the signal takes its default action: the process ends as it would have.
void request_interruption(int signal_number);

// What stops the statement running now (sqlite3_interrupt, a PostgreSQL cancel request); set by whoever opened the
// database, cleared by passing an empty function. Called at most once per request, from another thread.
void set_interruption_canceller(std::function<void()> canceller);

// Installs handlers for SIGINT, SIGTERM and SIGHUP that hand the signal to a watcher thread (the handler only
// writes to a pipe), and ignores SIGXFSZ so that a write over a file-size limit fails with an error message
// instead of killing the process. Idempotent.
void install_interruption_handlers();

}  // namespace butler_migrate

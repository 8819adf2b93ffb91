#!/usr/bin/env bash
# The main test suites: builds the project with its tests, starts a throw-away PostgreSQL server on
# loopback, runs every CTest suite (layers, unit, conformance, reliability, packaging; SQLite and
# PostgreSQL), scans all output for the test passwords, and stops the server. About 10 minutes on 2 cores.
# The sanitized rebuild and the fuzz run are tests/run-hardening.sh (CI runs it after this one).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build/test}
jobs=$(nproc 2>/dev/null || echo 2)

# CTest hands each test name to Catch as an argument: a name starting with '-' would be read as an option.
if grep -rn --include='*.cpp' 'TEST_CASE("-' tests/; then echo "run-tests.sh: a test name starts with '-'" >&2; exit 1; fi

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUTLER_MIGRATE_WERROR=ON >/dev/null
cmake --build "$build_dir" -j "$jobs"

pg_dir=$(mktemp -d /tmp/butler-migrate-pg.XXXXXX)
trap 'tests/pg-server.sh stop "$pg_dir"' EXIT
tests/pg-server.sh start "$pg_dir"
# shellcheck disable=SC1091
source "$pg_dir/env"

# Everything butler-migrate prints in the tests goes to one log, scanned for the test passwords afterwards.
export BUTLER_MIGRATE_TEST_OUTPUT_LOG="$PWD/$build_dir/test-output.log"
rm -f "$BUTLER_MIGRATE_TEST_OUTPUT_LOG"
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --output-log "$build_dir/ctest.log" "$@"
tests/scan-passwords.sh "$BUTLER_MIGRATE_TEST_OUTPUT_LOG" "$build_dir/ctest.log"

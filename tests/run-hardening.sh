#!/usr/bin/env bash
# The slow checks, after tests/run-tests.sh: the unit and conformance suites rebuilt and run under
# AddressSanitizer and UndefinedBehaviorSanitizer (tests/run-sanitized.sh), then a short run of every fuzz
# target (tests/fuzz/run-fuzz.sh, clang and libFuzzer). Starts and stops its own PostgreSQL server.
#   BUTLER_MIGRATE_SANITIZED=0 skips the sanitized suites; BUTLER_MIGRATE_FUZZ_SECONDS (default 15 per
#   target, 0 skips) sets the fuzz run.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc 2>/dev/null || echo 2)

if [ "${BUTLER_MIGRATE_SANITIZED:-1}" != 0 ]; then
  pg_dir=$(mktemp -d /tmp/butler-migrate-pg.XXXXXX)
  trap 'tests/pg-server.sh stop "$pg_dir"' EXIT
  tests/pg-server.sh start "$pg_dir"
  # shellcheck disable=SC1091
  source "$pg_dir/env"
  # The reliability and packaging tests only repeat what the plain build showed, at sanitizer speed.
  BUILD_DIR=build/sanitize JOBS="$jobs" tests/run-sanitized.sh -E "reliability|packaging|layers"
fi

fuzz_seconds=${BUTLER_MIGRATE_FUZZ_SECONDS:-15}
if [ "$fuzz_seconds" != 0 ]; then
  BUILD_DIR=build/fuzz JOBS="$jobs" tests/fuzz/run-fuzz.sh "$fuzz_seconds"
fi

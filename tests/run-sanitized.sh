#!/usr/bin/env bash
# Builds the project and its tests with AddressSanitizer + UndefinedBehaviorSanitizer in build/sanitize and
# runs every CTest suite (unit, conformance, reliability) on it; any sanitizer report fails its test.
#   tests/run-sanitized.sh [ctest arguments...]      e.g. tests/run-sanitized.sh -R unit
# The caller provides the PostgreSQL test server (BUTLER_MIGRATE_TEST_PG_* in the environment, as
# tests/run-tests.sh sets them); without it the PostgreSQL tests fail.
# Environment: BUILD_DIR (default build/sanitize), JOBS (default: number of cores), CXX (default gcc's c++).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build/sanitize}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

if [ -z "${BUTLER_MIGRATE_TEST_PG_HOST:-}" ]; then
  echo "run-sanitized.sh: BUTLER_MIGRATE_TEST_PG_* not set; start a server first (tests/pg-server.sh)" >&2
  exit 2
fi

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

start=$(date +%s)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUTLER_MIGRATE_WERROR=ON \
  -DBUTLER_MIGRATE_SANITIZE=ON -DBUTLER_MIGRATE_BUILD_TESTS=ON -DBUTLER_MIGRATE_BUILD_FUZZERS=OFF \
  "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j "$jobs"
built=$(date +%s)

# Every report is fatal and makes the process exit non-zero (the tests that run butler-migrate check its
# status and its stderr); leaks are reported at exit. Suppressions: none.
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:exitcode=86:strict_string_checks=1:check_initialization_order=1:print_stacktrace=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=87
export LSAN_OPTIONS=exitcode=88

status=0
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@" || status=$?
end=$(date +%s)
echo "run-sanitized.sh: build $((built - start)) s, tests $((end - built)) s"
exit "$status"

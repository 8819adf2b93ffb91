#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build/fuzz) and runs each one, one after the other, on its seed
# corpus for N seconds; fails if any target crashes, leaks, times out or breaks an invariant.
#   tests/fuzz/run-fuzz.sh [seconds-per-target] [target...]     (default 20 s, all fuzz_* targets)
# Environment: BUILD_DIR (default build/fuzz), JOBS (build jobs, default: number of cores), FUZZ_CXX (default
# clang++-14). New inputs found go to $BUILD_DIR/corpus/<target>, crashing inputs to $BUILD_DIR/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-20}
[ $# -gt 0 ] && shift
build_dir=${BUILD_DIR:-build/fuzz}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
cxx=${FUZZ_CXX:-clang++-14}
case "$seconds" in ''|*[!0-9]*) echo "usage: tests/fuzz/run-fuzz.sh [seconds-per-target] [target...]" >&2; exit 2;; esac

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# Debug with -O1: optimised enough to fuzz quickly, assertions (nlohmann, libstdc++) kept on.
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1 -D_GLIBCXX_ASSERTIONS" -DBUTLER_MIGRATE_BUILD_FUZZERS=ON \
  -DBUTLER_MIGRATE_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j "$jobs" --target fuzzers

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for source in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:print_stacktrace=1:allocator_may_return_null=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
failed=()
for target in "${targets[@]}"; do
  corpus="$build_dir/corpus/$target"
  artifacts="$build_dir/artifacts/$target"
  log="$build_dir/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  status=0
  "$build_dir/tests/fuzz/$target" "$corpus" "tests/fuzz/corpus/$target" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    echo "$target: FAILED (exit $status) after ${runs:-?} executions; log $log" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz invariant|.*runtime error|artifact_prefix|Test unit written)' "$log" >&2 || tail -20 "$log" >&2
  else
    echo "$target: ${runs:-?} executions in $seconds s, no crash"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run-fuzz.sh: crashes in ${failed[*]}" >&2
  exit 1
fi

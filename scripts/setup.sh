#!/usr/bin/env bash
# README command (1): install the dependencies, build butler-migrate in Release, and run it on the demo repository.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUTLER_MIGRATE_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j "$(nproc 2>/dev/null || echo 2)"

demo=build/demo-repo
examples/make-demo-repo.sh --force "$demo"
bm=build/release/butler-migrate
run() { echo "\$ butler-migrate $*"; "$bm" "$@"; local status=$?; echo; return $status; }
# An operator's first session: record the versions, check, preview and run every pending upgrade, check again.
run stamp "$demo"
run status "$demo" || true   # exit status 7: upgrades pending (and the patch tree that applies)
run stamp "$demo" dimensions-config-patches
run upgrade --dry-run "$demo" head
run upgrade "$demo" head
run status "$demo"
run show-current --butler "$demo"

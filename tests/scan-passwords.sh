#!/usr/bin/env bash
# Scans everything butler-migrate printed during the test suite (the log that tests/support writes when
# BUTLER_MIGRATE_TEST_OUTPUT_LOG is set, and CTest's own log) for the test passwords: the random password of
# the test PostgreSQL server and the fixed ones the unit tests put into URLs and db-auth files.
# Usage: tests/scan-passwords.sh LOG... ; exits 1 naming the file and line when one is found.
set -euo pipefail

passwords=(topsecret hunter2 s3cret jsonpw tiger)
if [[ -n "${BUTLER_MIGRATE_TEST_PG_PASSWORD:-}" ]]; then passwords+=("$BUTLER_MIGRATE_TEST_PG_PASSWORD"); fi

status=0
for log in "$@"; do
  [[ -f "$log" ]] || { echo "scan-passwords: no such log: $log" >&2; exit 1; }
  runs=$(grep -c '^\$ ' "$log" || true)
  # Command lines ("$ butler-migrate ...") are the tests' own input; only what the tool printed is scanned.
  for password in "${passwords[@]}"; do
    if grep -v '^\$ ' "$log" | grep -n -F -e "$password" >/dev/null; then
      echo "scan-passwords: a test password appears in $log:" >&2
      grep -v '^\$ ' "$log" | grep -n -F -e "$password" | head -5 | sed "s/$password/<password>/g" >&2
      status=1
    fi
  done
  echo "scan-passwords: $log: $runs runs, $(wc -c <"$log") bytes, ${#passwords[@]} passwords: $([[ $status == 0 ]] && echo none found || echo FOUND)"
done
exit $status

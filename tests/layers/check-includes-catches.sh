#!/usr/bin/env bash
# Shows that tests/layers/check-includes.py can fail: on a copy of the tree with one planted wrong-way
# include (and one public header including a private one) it must exit 1 and name both files and lines.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source_dir/src" "$source_dir/include" "$work/"
python3 "$source_dir/tests/layers/check-includes.py" "$work" >/dev/null 2>&1 || {
  echo "the unchanged copy should pass"; exit 1; }

printf '#include "butler_migrate/core/catalogue.hpp"\n' >> "$work/src/db/database.cpp"
printf '#include "db/sqlite_database.hpp"\n' >> "$work/include/butler_migrate/db/database.hpp"
line_cpp=$(wc -l < "$work/src/db/database.cpp")
line_hpp=$(wc -l < "$work/include/butler_migrate/db/database.hpp")
status=0
out=$(python3 "$source_dir/tests/layers/check-includes.py" "$work" 2>/dev/null) || status=$?
[ "$status" = 1 ] || { echo "expected exit 1, got $status"; exit 1; }
grep -qx "src/db/database.cpp:$line_cpp: db includes butler_migrate/core/catalogue.hpp of the higher layer core" <<<"$out" || {
  echo "wrong-way include not reported:"; echo "$out"; exit 1; }
grep -qx "include/butler_migrate/db/database.hpp:$line_hpp: public header includes the private db/sqlite_database.hpp" <<<"$out" || {
  echo "private include not reported:"; echo "$out"; exit 1; }
[ "$(wc -l <<<"$out")" = 2 ] || { echo "expected exactly two problems:"; echo "$out"; exit 1; }
echo "check-includes.py reports both planted includes"

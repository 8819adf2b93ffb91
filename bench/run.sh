#!/usr/bin/env bash
# Times `butler-migrate upgrade` of datasets 4e2d7a28475b and datastores a81dddabd837 on a generated registry
# (median of RUNS runs, a fresh copy of the registry each time), its peak memory, and the floor: the same
# statements run by the sqlite3 shell / psql (bench/floor_*.sql). Not part of CTest.
#
# usage: bench/run.sh [ROWS]            (default 1000000 datasets, as many trash rows)
# environment:
#   BUILD_DIR   build folder with butler-migrate and bench/make_registry (default build/bench: configure it with
#               -DCMAKE_BUILD_TYPE=Release -DBUTLER_MIGRATE_BUILD_BENCH=ON)
#   BUTLER_MIGRATE, MAKE_REGISTRY   the two programs, when they are not in BUILD_DIR
#   BACKENDS    "sqlite postgresql" (default), or one of them
#   RUNS        runs per measurement (default 3)
#   BUTLER_MIGRATE_TEST_PG_HOST/_PORT/_USER/_PASSWORD   the PostgreSQL server (tests/pg-server.sh start DIR;
#               source DIR/env); it needs CREATE DATABASE rights
#   WORK_DIR    scratch folder (default: a new one under $TMPDIR, removed at the end)
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true

here=$(cd "$(dirname "$0")" && pwd)
rows=${1:-1000000}
runs=${RUNS:-3}
backends=${BACKENDS:-"sqlite postgresql"}
build=${BUILD_DIR:-$here/../build/bench}
butler_migrate=${BUTLER_MIGRATE:-$build/butler-migrate}
make_registry=${MAKE_REGISTRY:-$build/bench/make_registry}
migrations="4e2d7a28475b a81dddabd837"

for tool in "$butler_migrate" "$make_registry"; do
    [[ -x $tool ]] || { echo "run.sh: $tool not found (set BUILD_DIR)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

own_work=0
if [[ -z ${WORK_DIR:-} ]]; then WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/butler-migrate-bench.XXXX"); own_work=1; fi
work=$WORK_DIR
cleanup() {
    if [[ $backends == *postgresql* && -n ${BUTLER_MIGRATE_TEST_PG_HOST:-} ]]; then
        pg_admin "DROP DATABASE IF EXISTS bench_run" >/dev/null 2>&1 || true
        pg_admin "DROP DATABASE IF EXISTS bench_template" >/dev/null 2>&1 || true
    fi
    if ((own_work)); then rm -rf "$work"; fi
}
trap cleanup EXIT

pg_url() {
    # shellcheck disable=SC2153  # set by the environment
    echo "postgresql://$BUTLER_MIGRATE_TEST_PG_USER:$BUTLER_MIGRATE_TEST_PG_PASSWORD@$BUTLER_MIGRATE_TEST_PG_HOST:$BUTLER_MIGRATE_TEST_PG_PORT/$1"
}
pg_admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$(pg_url postgres)" -c "$1"; }

# The registry every run starts from.
make_template() {
    local backend=$1
    rm -rf "$work/template" && mkdir -p "$work/template"
    if [[ $backend == sqlite ]]; then
        "$make_registry" sqlite "$work/template" --datasets "$rows"
    else
        pg_admin "DROP DATABASE IF EXISTS bench_template"
        pg_admin "CREATE DATABASE bench_template"
        "$make_registry" postgresql "$work/template" --url "$(pg_url bench_template)" --schema bench --datasets "$rows"
    fi
}

# A fresh copy of the template in $work/run (SQLite file copy; PostgreSQL CREATE DATABASE ... TEMPLATE).
fresh_registry() {
    local backend=$1
    rm -rf "$work/run" && mkdir -p "$work/run"
    if [[ $backend == sqlite ]]; then
        cp "$work/template/gen3.sqlite3" "$work/template/butler.yaml" "$work/run/"
    else
        pg_admin "DROP DATABASE IF EXISTS bench_run"
        pg_admin "CREATE DATABASE bench_run TEMPLATE bench_template"
        printf 'registry:\n  db: %s\n  namespace: bench\n' "$(pg_url bench_run)" >"$work/run/butler.yaml"
    fi
    sync
}

# The floor's SQL file, with the tool's own conversion expression substituted.
floor_sql() {
    local backend=$1 revision=$2
    local sql
    sql=$(<"$here/floor_${backend}_${revision}.sql")
    if [[ $sql == *@UTC_TO_TAI@* ]]; then
        sql=${sql//@UTC_TO_TAI@/$("$make_registry" sql-expression utc-to-tai ingest_date)}
    fi
    printf '%s\n' "$sql" >"$work/floor.sql"
}

# Runs a command under /usr/bin/time, which writes "seconds max_rss_kb" to $work/time.txt.
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || {
        echo "run.sh: failed: $*" >&2; cat "$work/err.txt" >&2; exit 1
    }
}

run_tool() { measure "$butler_migrate" upgrade "$work/run" "$2"; }
run_floor() {
    if [[ $1 == sqlite ]]; then
        measure sqlite3 -bail "$work/run/gen3.sqlite3" ".read $work/floor.sql"
    else
        measure psql -X -q -v ON_ERROR_STOP=1 "$(pg_url bench_run)" -f "$work/floor.sql"
    fi
}

median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

results=()
for backend in $backends; do
    echo "== $backend: generating $rows datasets" >&2
    make_template "$backend"
    for revision in $migrations; do
        floor_sql "$backend" "$revision"
        tool_times=() tool_rss=() floor_times=()
        for ((i = 1; i <= runs; i++)); do
            fresh_registry "$backend"
            run_tool "$backend" "$revision"
            read -r seconds rss <"$work/time.txt"
            tool_times+=("$seconds") tool_rss+=("$rss")
            fresh_registry "$backend"
            run_floor "$backend" "$revision"
            read -r seconds _ <"$work/time.txt"
            floor_times+=("$seconds")
            echo "   $revision run $i: tool ${tool_times[-1]} s (${tool_rss[-1]} KB), floor $seconds s" >&2
        done
        t=$(printf '%s\n' "${tool_times[@]}" | median)
        f=$(printf '%s\n' "${floor_times[@]}" | median)
        m=$(printf '%s\n' "${tool_rss[@]}" | sort -g | tail -1)
        results+=("$(printf '%-10s  %-12s  %9s  %8.2f  %8.2f  %6.2f  %9.1f' "$backend" "$revision" "$rows" "$t" "$f" \
            "$(awk -v a="$t" -v b="$f" 'BEGIN {print (b > 0 ? a / b : 0)}')" "$(awk -v k="$m" 'BEGIN {print k / 1024}')")")
    done
done

printf '%-10s  %-12s  %9s  %8s  %8s  %6s  %9s\n' backend migration rows "tool s" "floor s" ratio "peak MiB"
printf '%s\n' "${results[@]}"
echo "(median of $runs runs each; peak MiB = largest max RSS of the butler-migrate process)"

#!/usr/bin/env bash
# Times `butler-migrate upgrade --no-backup` of datasets 4e2d7a28475b and datastores a81dddabd837 on a generated registry
# (median of RUNS runs, a fresh copy of the registry each time), its peak memory, and the floor: the least SQL
# work, run by the sqlite3 shell / psql, that reaches the same end state (bench/floor_*.sql; bench/check-floor.sh
# checks that). Not part of CTest.
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

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"
rows=${1:-1000000}
migrations="4e2d7a28475b a81dddabd837"
bench_setup run.sh bench bench

# The registry every run starts from.
make_template() {
    local backend=$1
    rm -rf "$work/template" && mkdir -p "$work/template"
    if [[ $backend == sqlite ]]; then
        "$make_registry" sqlite "$work/template" --datasets "$rows"
    else
        fresh_template_db
        "$make_registry" postgresql "$work/template" --url "$(pg_url "$template_db")" --schema bench --datasets "$rows"
    fi
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

# The migration alone, as in run-oneshot.sh: no copy of a SQLite registry before writing, since the floor makes none
# (the copy costs a plain file copy: 0.6 s for the 466 MB registry of 1,000,000 rows).
run_tool() { measure "$butler_migrate" upgrade --no-backup "$work/run" "$2"; }

for backend in $backends; do
    echo "== $backend: generating $rows datasets" >&2
    make_template "$backend"
    for revision in $migrations; do
        floor_sql "$backend" "$revision"
        time_runs "$backend" "$revision"
        add_result 12 "$backend" "$revision" "$rows"
    done
done

print_table 12 migration rows

#!/usr/bin/env bash
# Times the two one-shot migrations on generated 2021-era registries (NameKey collections 2.0.0, integer dataset
# ids 1.0.0; bench/make_registry --layout oneshot): `upgrade --one-shot-tree collections/name_2.0.0_to_int_2.0.0
# REPO 8c57494cabcc` and `upgrade --one-shot-tree datasets/int_1.0.0_to_uuid_1.0.0 REPO 2101fbf51ad3`, each from
# a fresh copy of the same registry, against the floor: the least SQL work, run by the sqlite3 shell / psql, that
# reaches the same end state (bench/floor_oneshot_*.sql; bench/check-floor.sh checks that). Reports the median
# time of RUNS runs and the largest max RSS of butler-migrate; with TRACED=1 also the median time of the tool's
# own statements replayed by the shell / psql (bench/traced_oneshot_*.sql). Not part of CTest.
#
# usage: bench/run-oneshot.sh [SIZE ...]        (dataset counts; default 1000000)
# environment:
#   BUILD_DIR   build folder with butler-migrate and bench/make_registry (default build/bench-release: configure
#               it with -DCMAKE_BUILD_TYPE=Release -DBUTLER_MIGRATE_BUILD_BENCH=ON)
#   BACKENDS    "sqlite postgresql" (default), or one of them
#   STEPS       "8c57494cabcc 2101fbf51ad3" (default), or one of them
#   RUNS        runs per measurement (default 3)
#   FLOOR       1 (default) to time the floor scripts too, 0 to time butler-migrate only
#   TRACED      1 to time the traced scripts too (column "traced s", RUNS runs after the paired ones), 0 (default)
#   BUTLER_MIGRATE_TEST_PG_HOST/_PORT/_USER/_PASSWORD   the PostgreSQL server (tests/pg-server.sh start DIR;
#               source DIR/env); it needs CREATE DATABASE rights
#   WORK_DIR    scratch folder (default: a new one under $TMPDIR, removed at the end)
#   KEEP_LOGS   a folder that receives each butler-migrate run's stderr (progress lines)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"
sizes=("${@:-1000000}")
steps=${STEPS:-"8c57494cabcc 2101fbf51ad3"}
bench_setup run-oneshot.sh oneshot bench-release
with_floor=${FLOOR:-1}
with_traced=${TRACED:-0}
if ((with_traced)); then extra_heading="traced s"; fi
tool_word=butler-migrate
error_lines=20

tree_of() { [[ $1 == 8c57494cabcc ]] && echo collections/name_2.0.0_to_int_2.0.0 || echo datasets/int_1.0.0_to_uuid_1.0.0; }
label_of() { [[ $1 == 8c57494cabcc ]] && echo "collections" || echo "datasets"; }

# The registry every run starts from, and the raw datasets' uuid5 map the datasets floor loads.
make_template() {
    local backend=$1 rows=$2
    rm -rf "$work/template" && mkdir -p "$work/template"
    if [[ $backend == sqlite ]]; then
        "$make_registry" sqlite "$work/template" --layout oneshot --datasets "$rows" --raw-id-map "$work/raw_ids.csv"
    else
        fresh_template_db
        "$make_registry" postgresql "$work/template" --layout oneshot --url "$(pg_url "$template_db")" --schema bench \
            --datasets "$rows" --raw-id-map "$work/raw_ids.csv"
    fi
}

# The floor's SQL file (or with a third argument "traced", the traced one) with @RAW_ID_MAP@ replaced by the
# map's path, in $work/floor.sql.
floor_sql() {
    local backend=$1 revision=$2 kind=${3:-floor} sql
    sql=$(<"$here/${kind}_oneshot_${backend}_${revision}.sql")
    printf '%s\n' "${sql//@RAW_ID_MAP@/$work/raw_ids.csv}" >"$work/floor.sql"
}

# Median seconds of RUNS runs of the traced script, each on a fresh registry.
time_traced() {
    local backend=$1 revision=$2 i seconds times=()
    floor_sql "$backend" "$revision" traced
    for ((i = 1; i <= runs; i++)); do
        fresh_registry "$backend"
        run_floor "$backend" "$revision"
        read -r seconds _ <"$work/time.txt"
        times+=("$seconds")
        echo "   $revision run $i: traced $seconds s" >&2
    done
    printf '%s\n' "${times[@]}" | median
}

# The migration alone: no copy of a SQLite registry before writing (--no-backup, where the tool has it), since
# the floor makes none; the copy's cost is a plain file copy of the registry (see README.md).
no_backup=()
if "$butler_migrate" upgrade --help 2>/dev/null | grep -q -- --no-backup; then no_backup=(--no-backup); fi
run_tool() { measure "$butler_migrate" upgrade "${no_backup[@]}" --one-shot-tree "$(tree_of "$2")" "$work/run" "$2"; }

for rows in "${sizes[@]}"; do
    for backend in $backends; do
        echo "== $backend: generating $rows datasets" >&2
        make_template "$backend" "$rows"
        for revision in $steps; do
            floor_sql "$backend" "$revision"
            time_runs "$backend" "$revision" "$backend-$(label_of "$revision")-$rows"
            traced=
            if ((with_traced)); then traced=$(time_traced "$backend" "$revision"); fi
            add_result 24 "$backend" "$(label_of "$revision") $revision" "$rows" "$traced"
        done
    done
done

print_table 24 step datasets

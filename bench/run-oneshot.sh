#!/usr/bin/env bash
# Times the two one-shot migrations on generated 2021-era registries (NameKey collections 2.0.0, integer dataset
# ids 1.0.0; bench/make_registry --layout oneshot): `upgrade --one-shot-tree collections/name_2.0.0_to_int_2.0.0
# REPO 8c57494cabcc` and `upgrade --one-shot-tree datasets/int_1.0.0_to_uuid_1.0.0 REPO 2101fbf51ad3`, each from
# a fresh copy of the same registry, against the floor: the same statements run by the sqlite3 shell / psql
# (bench/floor_oneshot_*.sql). Reports the median time of RUNS runs and the largest max RSS of butler-migrate.
# Not part of CTest.
#
# usage: bench/run-oneshot.sh [SIZE ...]        (dataset counts; default 1000000)
# environment:
#   BUILD_DIR   build folder with butler-migrate and bench/make_registry (default build/bench-release: configure
#               it with -DCMAKE_BUILD_TYPE=Release -DBUTLER_MIGRATE_BUILD_BENCH=ON)
#   BACKENDS    "sqlite postgresql" (default), or one of them
#   STEPS       "8c57494cabcc 2101fbf51ad3" (default), or one of them
#   RUNS        runs per measurement (default 3)
#   FLOOR       1 (default) to time the floor scripts too, 0 to time butler-migrate only
#   BUTLER_MIGRATE_TEST_PG_HOST/_PORT/_USER/_PASSWORD   the PostgreSQL server (tests/pg-server.sh start DIR;
#               source DIR/env); it needs CREATE DATABASE rights
#   WORK_DIR    scratch folder (default: a new one under $TMPDIR, removed at the end)
#   KEEP_LOGS   a folder that receives each butler-migrate run's stderr (progress lines)
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true

here=$(cd "$(dirname "$0")" && pwd)
sizes=("${@:-1000000}")
runs=${RUNS:-3}
backends=${BACKENDS:-"sqlite postgresql"}
steps=${STEPS:-"8c57494cabcc 2101fbf51ad3"}
with_floor=${FLOOR:-1}
build=${BUILD_DIR:-$here/../build/bench-release}
butler_migrate=${BUTLER_MIGRATE:-$build/butler-migrate}
make_registry=${MAKE_REGISTRY:-$build/bench/make_registry}

for tool in "$butler_migrate" "$make_registry"; do
    [[ -x $tool ]] || { echo "run-oneshot.sh: $tool not found (set BUILD_DIR)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "run-oneshot.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

own_work=0
if [[ -z ${WORK_DIR:-} ]]; then WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/butler-migrate-oneshot.XXXX"); own_work=1; fi
work=$WORK_DIR
pg_admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$(pg_url postgres)" -c "$1"; }
pg_url() {
    # shellcheck disable=SC2153  # set by the environment
    echo "postgresql://$BUTLER_MIGRATE_TEST_PG_USER:$BUTLER_MIGRATE_TEST_PG_PASSWORD@$BUTLER_MIGRATE_TEST_PG_HOST:$BUTLER_MIGRATE_TEST_PG_PORT/$1"
}
cleanup() {
    if [[ $backends == *postgresql* && -n ${BUTLER_MIGRATE_TEST_PG_HOST:-} ]]; then
        pg_admin "DROP DATABASE IF EXISTS oneshot_run" >/dev/null 2>&1 || true
        pg_admin "DROP DATABASE IF EXISTS oneshot_template" >/dev/null 2>&1 || true
    fi
    if ((own_work)); then rm -rf "$work"; fi
}
trap cleanup EXIT

tree_of() { [[ $1 == 8c57494cabcc ]] && echo collections/name_2.0.0_to_int_2.0.0 || echo datasets/int_1.0.0_to_uuid_1.0.0; }
label_of() { [[ $1 == 8c57494cabcc ]] && echo "collections" || echo "datasets"; }

# The registry every run starts from, and the raw datasets' uuid5 map the datasets floor loads.
make_template() {
    local backend=$1 rows=$2
    rm -rf "$work/template" && mkdir -p "$work/template"
    if [[ $backend == sqlite ]]; then
        "$make_registry" sqlite "$work/template" --layout oneshot --datasets "$rows" --raw-id-map "$work/raw_ids.csv"
    else
        pg_admin "DROP DATABASE IF EXISTS oneshot_template"
        pg_admin "CREATE DATABASE oneshot_template"
        "$make_registry" postgresql "$work/template" --layout oneshot --url "$(pg_url oneshot_template)" --schema bench \
            --datasets "$rows" --raw-id-map "$work/raw_ids.csv"
    fi
}

# A fresh copy of the template in $work/run (SQLite file copy; PostgreSQL CREATE DATABASE ... TEMPLATE).
fresh_registry() {
    local backend=$1
    rm -rf "$work/run" && mkdir -p "$work/run"
    if [[ $backend == sqlite ]]; then
        cp "$work/template/gen3.sqlite3" "$work/template/butler.yaml" "$work/run/"
    else
        pg_admin "DROP DATABASE IF EXISTS oneshot_run"
        pg_admin "CREATE DATABASE oneshot_run TEMPLATE oneshot_template"
        printf 'registry:\n  db: %s\n  namespace: bench\n' "$(pg_url oneshot_run)" >"$work/run/butler.yaml"
    fi
    sync
}

# The floor's SQL file with @RAW_ID_MAP@ replaced by the map's path.
floor_sql() {
    local backend=$1 revision=$2 sql
    sql=$(<"$here/floor_oneshot_${backend}_${revision}.sql")
    printf '%s\n' "${sql//@RAW_ID_MAP@/$work/raw_ids.csv}" >"$work/floor.sql"
}

# Runs a command under /usr/bin/time, which writes "seconds max_rss_kb" to $work/time.txt.
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || {
        echo "run-oneshot.sh: failed: $*" >&2; tail -20 "$work/err.txt" >&2; exit 1
    }
}

# The migration alone: no copy of a SQLite registry before writing (--no-backup, where the tool has it), since
# the floor makes none; the copy's cost is a plain file copy of the registry (see README.md).
no_backup=()
if "$butler_migrate" upgrade --help 2>/dev/null | grep -q -- --no-backup; then no_backup=(--no-backup); fi
run_tool() { measure "$butler_migrate" upgrade "${no_backup[@]}" --one-shot-tree "$(tree_of "$1")" "$work/run" "$1"; }
run_floor() {
    if [[ $1 == sqlite ]]; then
        measure sqlite3 -bail "$work/run/gen3.sqlite3" ".read $work/floor.sql"
    else
        measure psql -X -q -v ON_ERROR_STOP=1 "$(pg_url oneshot_run)" -f "$work/floor.sql"
    fi
}

median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

results=()
for rows in "${sizes[@]}"; do
    for backend in $backends; do
        echo "== $backend: generating $rows datasets" >&2
        make_template "$backend" "$rows"
        for revision in $steps; do
            floor_sql "$backend" "$revision"
            tool_times=() tool_rss=() floor_times=()
            for ((i = 1; i <= runs; i++)); do
                fresh_registry "$backend"
                run_tool "$revision"
                read -r seconds rss <"$work/time.txt"
                tool_times+=("$seconds") tool_rss+=("$rss")
                if [[ -n ${KEEP_LOGS:-} ]]; then
                    mkdir -p "$KEEP_LOGS" && cp "$work/err.txt" "$KEEP_LOGS/$backend-$(label_of "$revision")-$rows-run$i.stderr"
                fi
                seconds=0
                if ((with_floor)); then
                    fresh_registry "$backend"
                    run_floor "$backend" "$revision"
                    read -r seconds _ <"$work/time.txt"
                fi
                floor_times+=("$seconds")
                echo "   $revision run $i: butler-migrate ${tool_times[-1]} s (${tool_rss[-1]} KB), floor $seconds s" >&2
            done
            t=$(printf '%s\n' "${tool_times[@]}" | median)
            f=$(printf '%s\n' "${floor_times[@]}" | median)
            m=$(printf '%s\n' "${tool_rss[@]}" | sort -g | tail -1)
            results+=("$(printf '%-10s  %-24s  %9s  %8.2f  %8.2f  %6.2f  %9.1f' "$backend" "$(label_of "$revision") $revision" \
                "$rows" "$t" "$f" "$(awk -v a="$t" -v b="$f" 'BEGIN {print (b > 0 ? a / b : 0)}')" \
                "$(awk -v k="$m" 'BEGIN {print k / 1024}')")")
        done
    done
done

printf '%-10s  %-24s  %9s  %8s  %8s  %6s  %9s\n' backend step datasets "tool s" "floor s" ratio "peak MiB"
printf '%s\n' "${results[@]}"
echo "(median of $runs runs each; peak MiB = largest max RSS of the butler-migrate process)"

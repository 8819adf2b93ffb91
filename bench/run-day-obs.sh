#!/usr/bin/env bash
# Times `butler-migrate update-day-obs --no-backup REPO LSSTCam` on a generated registry (bench/day_obs_registry.sh:
# EXPOSURES exposures, each its own visit, with the day_obs of a wrong offset) against the floor: the end state
# written directly by the sqlite3 shell / psql (bench/floor_day_obs_<backend>.sql). Before timing, one run of each is
# checked to leave the same rows. Then the same command on the repaired registry, where nothing changes (no floor:
# the least SQL for no change is none). Median of RUNS runs, peak memory. Not part of CTest.
#
# usage: bench/run-day-obs.sh [EXPOSURES]     (default 1000000)
# environment: as bench/run-oneshot.sh (BUILD_DIR default build/bench-release, BACKENDS, RUNS, WORK_DIR, the
#   BUTLER_MIGRATE_TEST_PG_* server variables), and CHUNK_SIZE (the tool's --chunk-size, default its own).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"
exposures=${1:-1000000}
export MAKE_REGISTRY=${MAKE_REGISTRY:-$here/day_obs_registry.sh}
bench_setup run-day-obs.sh dayobs bench-release
chunk_args=()
if [[ -n ${CHUNK_SIZE:-} ]]; then chunk_args=(--chunk-size "$CHUNK_SIZE"); fi

make_template() {
    local backend=$1
    rm -rf "$work/template" && mkdir -p "$work/template"
    if [[ $backend == sqlite ]]; then
        "$make_registry" sqlite "$work/template" --exposures "$exposures"
    else
        fresh_template_db
        "$make_registry" postgresql "$work/template" --url "$(pg_url "$template_db")" --schema bench --exposures "$exposures"
    fi
}

run_tool() { measure "$butler_migrate" update-day-obs --no-backup "${chunk_args[@]}" "$work/run" LSSTCam; }

# The rows update-day-obs can change, sorted, of the registry in $work/run.
end_state() {
    local sql="SELECT 'e', instrument, id, day_obs FROM exposure UNION ALL SELECT 'v', instrument, id, day_obs FROM visit"
    if [[ $1 == sqlite ]]; then
        sqlite3 "$work/run/gen3.sqlite3" "$sql UNION ALL SELECT 'd', instrument, id, timespan_begin FROM day_obs ORDER BY 1, 2, 3"
    else
        psql -X -q -A -t "$(pg_url "$run_db")" -c "SET search_path = bench; $sql UNION ALL SELECT 'd', instrument, id,
            lower(timespan) FROM day_obs ORDER BY 1, 2, 3"
    fi | md5sum
}

check_floor() {
    local backend=$1 tool floor
    fresh_registry "$backend" && run_tool "$backend" repair && tool=$(end_state "$backend")
    fresh_registry "$backend" && run_floor "$backend" && floor=$(end_state "$backend")
    fresh_registry "$backend" && before=$(end_state "$backend")
    [[ $tool == "$floor" && $tool != "$before" ]] || { echo "run-day-obs.sh: floor and tool disagree on $backend" >&2; exit 1; }
    echo "   tool and floor leave the same rows" >&2
}

# The template repaired by the tool, for the runs where nothing changes.
repair_template() {
    if [[ $1 == sqlite ]]; then
        "$butler_migrate" update-day-obs --no-backup "$work/template" LSSTCam 2>/dev/null
    else
        "$butler_migrate" update-day-obs --no-backup "$work/template" LSSTCam 2>/dev/null
        psql -X -q "$(pg_url "$template_db")" -c "VACUUM ANALYZE"
    fi
}

for backend in $backends; do
    echo "== $backend: generating $exposures exposures" >&2
    make_template "$backend"
    cp "$here/floor_day_obs_$backend.sql" "$work/floor.sql"
    check_floor "$backend"
    with_floor=1
    time_runs "$backend" repair
    add_result 8 "$backend" repair "$exposures"
    repair_template "$backend"
    with_floor=0
    time_runs "$backend" no-change
    add_result 8 "$backend" no-change "$exposures"
done

print_table 8 run exposures

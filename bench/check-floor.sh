#!/usr/bin/env bash
# Checks that a floor (bench/floor_oneshot_<backend>_<revision>.sql for the one-shot steps, bench/floor_<backend>_
# <revision>.sql for those of bench/run.sh) reaches the same end state as butler-migrate: generates a small
# registry (make_registry, --layout oneshot for the one-shot steps), migrates one copy with the tool
# and one with the floor, and compares the schema (SQLite: sqlite_master text; PostgreSQL: pg_dump --schema-only
# --schema=bench), every table's rows as sets and the sequences' values. For the datasets one-shot step the random
# uuid4 dataset ids are masked as "u4:<path of the dataset's datastore record>" (so that every table must still
# point at the same dataset); raw datasets' uuid5 ids, and everything of the other steps, are compared as they
# are. Prints "same end state" (exit 0) or the differences (exit 1). Not part of CTest.
#
# usage: bench/check-floor.sh BACKEND REVISION [DATASETS]      (BACKEND sqlite|postgresql; REVISION 8c57494cabcc,
#        2101fbf51ad3, 4e2d7a28475b or a81dddabd837; default 20000 datasets: the one-shot layout has raw datasets,
#        the uuid5 ones, from about 12000 on)
# environment:
#   BUILD_DIR, BUTLER_MIGRATE, MAKE_REGISTRY   the programs (as for bench/run-oneshot.sh)
#   FLOOR_SQL   the floor file to check (default: the step's floor, as above)
#   BUTLER_MIGRATE_TEST_PG_HOST/_PORT/_USER/_PASSWORD   the PostgreSQL server (tests/pg-server.sh)
#   WORK_DIR    scratch folder (default: a new one, removed at the end); KEEP=1 keeps the end-state dumps there
# shellcheck disable=SC2317  # the functions are called through the trap and "dump_$backend"
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
backend=${1:?usage: check-floor.sh sqlite|postgresql REVISION [DATASETS]}
revision=${2:?usage: check-floor.sh sqlite|postgresql REVISION [DATASETS]}
datasets=${3:-20000}
export BACKENDS=$backend RUNS=1
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"
bench_setup check-floor.sh check_floor bench-release
oneshot=1 layout=(--layout oneshot --raw-id-map "$work/raw_ids.csv") tool_args=(--no-backup)
case $revision in
8c57494cabcc) tool_args+=(--one-shot-tree collections/name_2.0.0_to_int_2.0.0) ;;
2101fbf51ad3) tool_args+=(--one-shot-tree datasets/int_1.0.0_to_uuid_1.0.0) ;;
4e2d7a28475b | a81dddabd837) oneshot=0 layout=() ;;
*) echo "check-floor.sh: unknown revision $revision" >&2; exit 2 ;;
esac
# Only the datasets one-shot step makes random ids (masked); every other value is compared as it is.
mask=0
if [[ $revision == 2101fbf51ad3 ]]; then mask=1; fi
default_floor=$here/floor_${backend}_${revision}.sql
if ((oneshot)); then default_floor=$here/floor_oneshot_${backend}_${revision}.sql; fi
floor_file=${FLOOR_SQL:-$default_floor}
[[ -f $floor_file ]] || { echo "check-floor.sh: no floor $floor_file" >&2; exit 2; }
if [[ -n ${KEEP:-} ]]; then own_work=0; fi

cleanup_all() {
    if [[ $backend == postgresql ]]; then
        local db
        for db in check_floor_tool check_floor_floor; do pg_admin "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
    fi
    bench_cleanup
}
trap cleanup_all EXIT

# The registry, and a copy of it in $work/<copy> (PostgreSQL: database check_floor_<copy>).
echo "== $backend $revision: generating $datasets datasets" >&2
rm -rf "$work/template" && mkdir -p "$work/template"
if [[ $backend == sqlite ]]; then
    "$make_registry" sqlite "$work/template" "${layout[@]}" --datasets "$datasets" >/dev/null
else
    fresh_template_db
    "$make_registry" postgresql "$work/template" "${layout[@]}" --url "$(pg_url "$template_db")" --schema bench \
        --datasets "$datasets" >/dev/null
fi
copy_of() {
    run_db=check_floor_$1
    fresh_registry "$backend"
    rm -rf "${work:?}/$1" && mv "$work/run" "$work/$1"
}

# Dumps the end state of copy $1 into $work/$1.schema and $work/$1.rows.
dump_sqlite() {
    local db=$work/$1/gen3.sqlite3 table select
    sqlite3 "$db" "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name" >"$work/$1.schema"
    : >"$work/$1.rows"
    for table in $(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
        # Each column quoted (so that types show); dataset ids that are uuid4 masked by their record's path.
        select=$(sqlite3 "$db" "SELECT group_concat(CASE WHEN $mask AND name = 'dataset_id' OR $mask AND ('$table' = 'dataset' AND name = 'id')
            THEN replace('CASE WHEN typeof(t.@) = ''text'' AND length(t.@) = 32 AND substr(t.@, 13, 1) = ''4'' THEN
                CASE WHEN substr(t.@, 17, 1) IN (''8'', ''9'', ''a'', ''b'') THEN ''u4:'' || coalesce((SELECT min(r.path)
                FROM file_datastore_records r WHERE r.dataset_id = t.@), ''?'') ELSE ''not-a-uuid4:'' || t.@ END
                ELSE quote(t.@) END', '@', name)
            ELSE 'quote(t.' || name || ')' END, ' || ''|'' || ') FROM pragma_table_info('$table')")
        { echo "== $table"; sqlite3 "$db" "SELECT $select FROM \"$table\" t" | LC_ALL=C sort; } >>"$work/$1.rows"
    done
}
dump_postgresql() {
    local url table select
    url=$(pg_url "check_floor_$1")
    # (the \restrict / \unrestrict lines carry a random key per dump: left out)
    pg_dump --schema-only --schema=bench "$url" | grep -Ev '^\\(un)?restrict ' >"$work/$1.schema"
    : >"$work/$1.rows"
    for table in $(psql -X -At "$url" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'bench' ORDER BY 1"); do
        select=$(psql -X -At "$url" -c "SELECT string_agg(CASE WHEN $mask = 1 AND atttypid = 'uuid'::regtype
            THEN format('CASE WHEN substr(t.%1\$I::text, 15, 1) = ''4'' AND substr(t.%1\$I::text, 20, 1) IN (''8'', ''9'', ''a'', ''b'')
                THEN ''u4:'' || coalesce((SELECT min(r.path) FROM bench.file_datastore_records r WHERE r.dataset_id = t.%1\$I), ''?'')
                ELSE t.%1\$I::text END', attname)
            ELSE format('quote_nullable(t.%I)', attname) END, ' || ''|'' || ' ORDER BY attnum)
            FROM pg_attribute WHERE attrelid = 'bench.$table'::regclass AND attnum > 0 AND NOT attisdropped")
        { echo "== $table"; psql -X -At "$url" -c "SELECT $select FROM bench.\"$table\" t" | LC_ALL=C sort; } >>"$work/$1.rows"
    done
    for table in $(psql -X -At "$url" -c "SELECT sequencename FROM pg_sequences WHERE schemaname = 'bench' ORDER BY 1"); do
        psql -X -At "$url" -c "SELECT 'sequence $table', last_value, is_called FROM bench.\"$table\"" >>"$work/$1.rows"
    done
}

# The tool.
copy_of tool
"$butler_migrate" upgrade "${tool_args[@]}" "$work/tool" "$revision" >"$work/tool.log" 2>&1 || {
    cat "$work/tool.log" >&2; echo "check-floor.sh: butler-migrate failed" >&2; exit 1; }
# The floor.
copy_of floor
sql=$(<"$floor_file")
sql=${sql//@RAW_ID_MAP@/$work/raw_ids.csv}
if [[ $sql == *@UTC_TO_TAI@* ]]; then sql=${sql//@UTC_TO_TAI@/$("$make_registry" sql-expression utc-to-tai ingest_date)}; fi
printf '%s\n' "$sql" >"$work/floor.sql"
if [[ $backend == sqlite ]]; then
    sqlite3 -bail "$work/floor/gen3.sqlite3" ".read $work/floor.sql" >"$work/floor.log" 2>&1 || {
        cat "$work/floor.log" >&2; echo "check-floor.sh: floor failed" >&2; exit 1; }
else
    psql -X -q -v ON_ERROR_STOP=1 "$(pg_url check_floor_floor)" -f "$work/floor.sql" >"$work/floor.log" 2>&1 || {
        cat "$work/floor.log" >&2; echo "check-floor.sh: floor failed" >&2; exit 1; }
fi

"dump_$backend" tool
"dump_$backend" floor
same=1
diff -u "$work/tool.schema" "$work/floor.schema" >"$work/schema.diff" || same=0
diff -u "$work/tool.rows" "$work/floor.rows" >"$work/rows.diff" || same=0
if ((same)); then
    echo "$backend $revision ($datasets datasets): same end state ($(grep -vc '^==' "$work/tool.rows") rows)"
    exit 0
fi
echo "$backend $revision ($datasets datasets): DIFFERENT end state (- tool, + floor)"
[[ -s $work/schema.diff ]] && { echo "-- schema:"; head -60 "$work/schema.diff"; }
[[ -s $work/rows.diff ]] && { echo "-- rows ($(grep -c '^[-+][^-+]' "$work/rows.diff") lines differ):"; head -40 "$work/rows.diff"; }
exit 1

# Sourced by bench/run.sh and bench/run-oneshot.sh: programs, scratch folder, PostgreSQL copies, timing, result table.
# shellcheck shell=bash
#
# A runner sets `here` (the bench folder), sources this file and calls
#   bench_setup SCRIPT NAME BUILD_SUBDIR
# SCRIPT names the runner in messages; NAME is the scratch folder's prefix (butler-migrate-NAME.XXXX under
# $TMPDIR) and the PostgreSQL databases' (NAME_template, NAME_run); BUILD_SUBDIR is the default build folder
# under the source tree. It reads RUNS, BACKENDS, BUILD_DIR, BUTLER_MIGRATE, MAKE_REGISTRY and WORK_DIR (see the
# runners' usage) and sets runs, backends, build, butler_migrate, make_registry and work. A runner may then change
#   with_floor     1 (default): time_runs times the floor after each butler-migrate run; 0: it does not
#   tool_word      how the progress lines on stderr name butler-migrate (default "tool")
#   error_lines    how many of its last stderr lines a failed command shows (default: all of them)
#   extra_heading  the heading of an extra column of the table (default none; add_result's 5th argument)
# and defines run_tool BACKEND REVISION (one butler-migrate run, through measure) for time_runs.

# patsub_replacement (bash 5.2) would give `&` a meaning in the runners' ${sql//@NAME@/value} replacements.
shopt -u patsub_replacement 2>/dev/null || true

bench_setup() {
    script=$1
    local name=$2 build_subdir=$3
    runs=${RUNS:-3}
    backends=${BACKENDS:-"sqlite postgresql"}
    build=${BUILD_DIR:-$here/../build/$build_subdir}
    butler_migrate=${BUTLER_MIGRATE:-$build/butler-migrate}
    make_registry=${MAKE_REGISTRY:-$build/bench/make_registry}
    template_db=${name}_template
    run_db=${name}_run
    with_floor=1
    tool_word=tool
    error_lines=
    extra_heading=
    results=()

    local tool
    for tool in "$butler_migrate" "$make_registry"; do
        [[ -x $tool ]] || { echo "$script: $tool not found (set BUILD_DIR)" >&2; exit 2; }
    done
    [[ -x /usr/bin/time ]] || { echo "$script: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

    own_work=0
    if [[ -z ${WORK_DIR:-} ]]; then WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/butler-migrate-$name.XXXX"); own_work=1; fi
    work=$WORK_DIR
    trap bench_cleanup EXIT
}

bench_cleanup() {
    if [[ $backends == *postgresql* && -n ${BUTLER_MIGRATE_TEST_PG_HOST:-} ]]; then
        pg_admin "DROP DATABASE IF EXISTS $run_db" >/dev/null 2>&1 || true
        pg_admin "DROP DATABASE IF EXISTS $template_db" >/dev/null 2>&1 || true
    fi
    if ((own_work)); then rm -rf "$work"; fi
}

pg_url() {
    # shellcheck disable=SC2153  # set by the environment
    echo "postgresql://$BUTLER_MIGRATE_TEST_PG_USER:$BUTLER_MIGRATE_TEST_PG_PASSWORD@$BUTLER_MIGRATE_TEST_PG_HOST:$BUTLER_MIGRATE_TEST_PG_PORT/$1"
}
pg_admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$(pg_url postgres)" -c "$1"; }

# An empty template database for the runner's make_registry; its URL is $(pg_url "$template_db").
fresh_template_db() {
    pg_admin "DROP DATABASE IF EXISTS $template_db"
    pg_admin "CREATE DATABASE $template_db"
}

# A fresh copy of the template in $work/run (SQLite file copy; PostgreSQL CREATE DATABASE ... TEMPLATE).
fresh_registry() {
    local backend=$1
    rm -rf "$work/run" && mkdir -p "$work/run"
    if [[ $backend == sqlite ]]; then
        cp "$work/template/gen3.sqlite3" "$work/template/butler.yaml" "$work/run/"
    else
        pg_admin "DROP DATABASE IF EXISTS $run_db"
        pg_admin "CREATE DATABASE $run_db TEMPLATE $template_db"
        printf 'registry:\n  db: %s\n  namespace: bench\n' "$(pg_url "$run_db")" >"$work/run/butler.yaml"
    fi
    sync
}

# Runs a command under /usr/bin/time, which writes "seconds max_rss_kb" to $work/time.txt.
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || {
        echo "$script: failed: $*" >&2
        if [[ -n $error_lines ]]; then tail "-$error_lines" "$work/err.txt" >&2; else cat "$work/err.txt" >&2; fi
        exit 1
    }
}

# The floor: $work/floor.sql run by the sqlite3 shell / psql on the registry in $work/run.
run_floor() {
    if [[ $1 == sqlite ]]; then
        measure sqlite3 -bail "$work/run/gen3.sqlite3" ".read $work/floor.sql"
    else
        measure psql -X -q -v ON_ERROR_STOP=1 "$(pg_url "$run_db")" -f "$work/floor.sql"
    fi
}

# time_runs BACKEND REVISION [LOG_NAME]: RUNS runs of butler-migrate (the runner's run_tool) and, with with_floor,
# of the floor, each from a fresh registry, into tool_times, tool_rss and floor_times (0 s when there is no floor).
# With LOG_NAME and KEEP_LOGS set, each butler-migrate run's stderr goes to $KEEP_LOGS/LOG_NAME-runI.stderr.
time_runs() {
    local backend=$1 revision=$2 log_name=${3:-} i seconds rss
    tool_times=() tool_rss=() floor_times=()
    for ((i = 1; i <= runs; i++)); do
        fresh_registry "$backend"
        run_tool "$backend" "$revision"
        read -r seconds rss <"$work/time.txt"
        tool_times+=("$seconds") tool_rss+=("$rss")
        if [[ -n $log_name && -n ${KEEP_LOGS:-} ]]; then
            mkdir -p "$KEEP_LOGS" && cp "$work/err.txt" "$KEEP_LOGS/$log_name-run$i.stderr"
        fi
        seconds=0
        if ((with_floor)); then
            fresh_registry "$backend"
            run_floor "$backend" "$revision"
            read -r seconds _ <"$work/time.txt"
        fi
        floor_times+=("$seconds")
        echo "   $revision run $i: $tool_word ${tool_times[-1]} s (${tool_rss[-1]} KB), floor $seconds s" >&2
    done
}

median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# add_result WIDTH BACKEND WHAT ROWS [EXTRA]: a row of the table from the last time_runs (WHAT in a column WIDTH
# wide): median seconds of butler-migrate and of the floor, their ratio, the largest max RSS in MiB, and EXTRA
# in the extra column when extra_heading is set.
add_result() {
    local width=$1 backend=$2 what=$3 rows=$4 extra=${5:-} t f m column=
    if [[ -n $extra_heading ]]; then column=$(printf "  %9s" "$extra"); fi
    t=$(printf '%s\n' "${tool_times[@]}" | median)
    f=$(printf '%s\n' "${floor_times[@]}" | median)
    m=$(printf '%s\n' "${tool_rss[@]}" | sort -g | tail -1)
    results+=("$(printf "%-10s  %-${width}s  %9s  %8.2f  %8.2f  %6.2f  %9.1f" "$backend" "$what" "$rows" "$t" "$f" \
        "$(awk -v a="$t" -v b="$f" 'BEGIN {print (b > 0 ? a / b : 0)}')" "$(awk -v k="$m" 'BEGIN {print k / 1024}')")$column")
}

# print_table WIDTH WHAT_HEADING ROWS_HEADING: the heading, the rows add_result made, the footnote.
print_table() {
    local width=$1
    printf "%-10s  %-${width}s  %9s  %8s  %8s  %6s  %9s" backend "$2" "$3" "tool s" "floor s" ratio "peak MiB"
    if [[ -n $extra_heading ]]; then printf "  %9s" "$extra_heading"; fi
    printf '\n'
    printf '%s\n' "${results[@]}"
    echo "(median of $runs runs each; peak MiB = largest max RSS of the butler-migrate process)"
}

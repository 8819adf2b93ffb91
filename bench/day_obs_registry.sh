#!/usr/bin/env bash
# Generates the registry bench/run-day-obs.sh times update-day-obs on: the universe 7 tables update-day-obs uses
# (bench/day_obs_schema_<backend>.sql) filled by bench/day_obs_fill_<backend>.sql, with butler.yaml.
#
# usage: bench/day_obs_registry.sh sqlite DIR --exposures N
#        bench/day_obs_registry.sh postgresql DIR --url URL --schema NAME --exposures N
# The PostgreSQL database at URL must exist; the schema is created in it.
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true

here=$(cd "$(dirname "$0")" && pwd)
backend=${1:?backend}
dir=${2:?folder}
shift 2
exposures=1000000 url='' schema=bench
while (($#)); do
    case $1 in
    --exposures) exposures=$2 ;;
    --url) url=$2 ;;
    --schema) schema=$2 ;;
    *) echo "day_obs_registry.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift 2
done
[[ $exposures =~ ^[1-9][0-9]*$ ]] || { echo "day_obs_registry.sh: --exposures must be a positive integer" >&2; exit 2; }
mkdir -p "$dir"

fill=$(<"$here/day_obs_fill_$backend.sql")
fill=${fill//@EXPOSURES@/$exposures}
if [[ $backend == sqlite ]]; then
    rm -f "$dir/gen3.sqlite3"
    { cat "$here/day_obs_schema_sqlite.sql"; printf '%s\n' "$fill"; } | sqlite3 -bail "$dir/gen3.sqlite3" >/dev/null
    printf 'registry:\n  db: sqlite:///<butlerRoot>/gen3.sqlite3\n' >"$dir/butler.yaml"
elif [[ $backend == postgresql ]]; then
    [[ -n $url ]] || { echo "day_obs_registry.sh: --url is required for postgresql" >&2; exit 2; }
    schema_sql=$(<"$here/day_obs_schema_postgresql.sql")
    {
        echo "SET client_min_messages = warning;"
        echo "CREATE SCHEMA $schema; SET search_path = $schema, public;"
        printf '%s\n%s\n' "$schema_sql" "$fill"
    } | psql -X -q -v ON_ERROR_STOP=1 "$url" >/dev/null
    printf 'registry:\n  db: %s\n  namespace: %s\n' "$url" "$schema" >"$dir/butler.yaml"
else
    echo "day_obs_registry.sh: backend must be sqlite or postgresql" >&2
    exit 2
fi

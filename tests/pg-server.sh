#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL cluster on a loopback port for the test suites.
#   tests/pg-server.sh start DIR   -> initdb in DIR, start the server, write DIR/env (variables to source)
#   tests/pg-server.sh stop DIR    -> stop it and remove DIR
# When run as root the cluster belongs to the 'postgres' user (initdb refuses root).
set -euo pipefail

action=${1:?usage: pg-server.sh start|stop DIR}
dir=${2:?usage: pg-server.sh start|stop DIR}

pg_bin=${PG_BIN:-}
if [ -z "$pg_bin" ]; then
  for candidate in /usr/lib/postgresql/*/bin; do pg_bin=$candidate; done
fi
[ -x "$pg_bin/initdb" ] || { echo "pg-server.sh: no PostgreSQL server binaries found (install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  chmod 700 "$dir"
  port=${BUTLER_MIGRATE_TEST_PG_PORT:-}
  if [ -z "$port" ]; then
    for candidate in $(seq 54320 54399); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
  fi
  password="bm-test-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pwfile"
  as_owner "$pg_bin/initdb" -D "$dir/data" -U butler --pwfile="$dir/pwfile" -A scram-sha-256 \
    --auth-local=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  cat > "$dir/env" <<ENV
export BUTLER_MIGRATE_TEST_PG_HOST=127.0.0.1
export BUTLER_MIGRATE_TEST_PG_PORT=$port
export BUTLER_MIGRATE_TEST_PG_USER=butler
export BUTLER_MIGRATE_TEST_PG_PASSWORD=$password
ENV
  [ "$(id -u)" = 0 ] && chmod 755 "$dir" && chmod 644 "$dir/env"
  echo "PostgreSQL test server on 127.0.0.1:$port (data in $dir)"
  ;;
stop)
  if [ -d "$dir/data" ]; then
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: pg-server.sh start|stop DIR" >&2; exit 2 ;;
esac

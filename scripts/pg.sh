#!/usr/bin/env bash
# Start or stop a throw-away PostgreSQL on loopback for the tests.
#   eval "$(scripts/pg.sh start)"   -> exports FACILITY_TEST_PG_URL and PG_TEST_DIR
#   scripts/pg.sh stop "$PG_TEST_DIR"
# PostgreSQL refuses to run as root, so as root it runs as the postgres user.
set -euo pipefail
action="${1:-start}"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# the real bin folder (PATH may hold only symlinks to pg_ctl/initdb, not createdb)
bindir="$(pg_config --bindir 2>/dev/null || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  bindir="$(dirname "$(readlink -f "$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -n 1)")")"
fi
case "$action" in
  start)
    dir="$(mktemp -d /tmp/facility-pg.XXXXXX)"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    port=$(( 20000 + RANDOM % 20000 ))
    as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
    as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres facility_test
    echo "export PG_TEST_DIR=$dir"
    echo "export FACILITY_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/facility_test"
    ;;
  stop)
    dir="${2:?data folder}"
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
esac

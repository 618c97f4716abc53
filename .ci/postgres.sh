#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on a loopback port, for tests and CI.
#   bash .ci/postgres.sh start [PORT]   prints the DATABASE_URL to use
#   bash .ci/postgres.sh stop [PORT]
#   bash .ci/postgres.sh pause PORT    stop the server but keep its data (fault tests)
#   bash .ci/postgres.sh resume PORT   start a paused server again
# Data lives in a temporary folder owned by the postgres user (initdb refuses to run as root).
set -euo pipefail
PGPORT="${2:-${GATEHOUSE_PG_PORT:-55432}}"
STATE="/tmp/gatehouse-pg-$PGPORT"
PGDATA="$STATE/data"

find_bin() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }; done
  return 1
}

server_options() { echo "-p $PGPORT -k $STATE -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"; }

run_as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if ! BIN=$(find_bin); then
      echo "PostgreSQL server not found; installing it with apt-get" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
      BIN=$(find_bin)
    fi
    if [ -f "$STATE/port" ] && run_as_pg "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
      echo "postgresql://postgres@127.0.0.1:$(cat "$STATE/port")/postgres"; exit 0
    fi
    rm -rf "$STATE"; mkdir -p "$STATE"
    [ "$(id -u)" = 0 ] && chown postgres "$STATE"
    run_as_pg "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-sync >"$STATE/initdb.log" 2>&1 \
      || { cat "$STATE/initdb.log" >&2; exit 1; }
    run_as_pg "$BIN/pg_ctl" -D "$PGDATA" -l "$STATE/server.log" -w -t 60 start \
      -o "$(server_options)" >&2 \
      || { cat "$STATE/server.log" >&2; exit 1; }
    echo "$PGPORT" >"$STATE/port"
    echo "postgresql://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    BIN=$(find_bin) || exit 0
    [ -d "$PGDATA" ] && run_as_pg "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >&2 || true
    rm -rf "$STATE"
    ;;
  pause)
    BIN=$(find_bin)
    run_as_pg "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >&2
    ;;
  resume)
    BIN=$(find_bin)
    run_as_pg "$BIN/pg_ctl" -D "$PGDATA" -l "$STATE/server.log" -w -t 60 start -o "$(server_options)" >&2
    ;;
  *) echo "usage: $0 start [PORT] | stop [PORT] | pause PORT | resume PORT" >&2; exit 2 ;;
esac

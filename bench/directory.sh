#!/usr/bin/env bash
# Directory benchmark on SQLite and PostgreSQL: first-run seeding, warm start, search latency over HTTP.
# Usage: bench/directory.sh [sqlite|postgres|both]   (default both)
# PostgreSQL: set LINGJING_BENCH_POSTGRES_SERVER="Host=...;Port=...;Username=..." to use a running
# server (the script creates a fresh database on it); otherwise a throwaway PostgreSQL 15 is started
# on a loopback port as ./test.sh does. Extra options go to the tool: BENCH_ARGS="--requests 4000".
set -euo pipefail
cd "$(dirname "$0")/.."

WHICH="${1:-both}"
PG_PORT="${LINGJING_BENCH_PG_PORT:-55442}"
PG_BIN=/usr/lib/postgresql/15/bin
WORK="$(mktemp -d /tmp/lingjing-bench.XXXXXX)"
log() { printf '\n== %s\n' "$*"; }

stop_all() {
  if [ -f "$WORK/pg/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap stop_all EXIT

start_postgres() {
  log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
  mkdir -p "$WORK/pg"
  chown -R postgres:postgres "$WORK"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -w -l "$WORK/pg.log" \
    -o "-k $WORK -c listen_addresses=127.0.0.1 -p $PG_PORT -c max_connections=300" start >/dev/null
  LINGJING_BENCH_POSTGRES_SERVER="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
}

# A fresh, empty database on the server, as a connection string.
fresh_database() {
  local name="lingjing_bench_$(date +%s)_$$"
  local host port user
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$LINGJING_BENCH_POSTGRES_SERVER")
  port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$LINGJING_BENCH_POSTGRES_SERVER")
  user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$LINGJING_BENCH_POSTGRES_SERVER")
  psql "host=$host port=${port:-5432} user=${user:-postgres} dbname=postgres" -qc "CREATE DATABASE $name" >/dev/null
  echo "$LINGJING_BENCH_POSTGRES_SERVER;Database=$name"
}

log "Build (Release)"
dotnet build src/Lingjing.Server -c Release -v quiet -nologo
dotnet build bench/Lingjing.Bench -c Release -v quiet -nologo

if [ "$WHICH" = sqlite ] || [ "$WHICH" = both ]; then
  log "SQLite"
  dotnet bench/Lingjing.Bench/bin/Release/net10.0/Lingjing.Bench.dll --db sqlite ${BENCH_ARGS:-}
fi
if [ "$WHICH" = postgres ] || [ "$WHICH" = both ]; then
  [ -n "${LINGJING_BENCH_POSTGRES_SERVER:-}" ] || start_postgres
  log "PostgreSQL"
  dotnet bench/Lingjing.Bench/bin/Release/net10.0/Lingjing.Bench.dll --db postgres --postgres "$(fresh_database)" ${BENCH_ARGS:-}
fi

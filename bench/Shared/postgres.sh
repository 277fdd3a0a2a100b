# Shared by the benchmark scripts that run on SQLite and PostgreSQL: a work directory, a throwaway PostgreSQL 15 on a
# loopback port (unless LINGJING_BENCH_POSTGRES_SERVER names a running server) and fresh databases on it.
# Sourced after `cd` to the repository root; sets WHICH from the script's first argument.
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


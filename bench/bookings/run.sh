#!/usr/bin/env bash
# Booking benchmark: 1,000 concurrent clients on 50 hot spaces for 60 s over HTTP, on PostgreSQL and
# SQLite, then double bookings counted in the database; pgbench (tpcb-like) on the same PostgreSQL in
# the same run, and the ratio. Usage: bench/bookings/run.sh [both|postgres|sqlite]
# Settings (environment): CLIENTS=1000 SPACES=50 DURATION=60 (seconds) PGBENCH_CLIENTS=32 PG_PORT=55461.
set -euo pipefail
cd "$(dirname "$0")/../.."

WHICH="${1:-both}"
CLIENTS="${CLIENTS:-1000}"
SPACES="${SPACES:-50}"
SECONDS_="${DURATION:-60}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-32}"
PG_PORT="${PG_PORT:-55461}"
PG_BIN=/usr/lib/postgresql/15/bin
WORK="$(mktemp -d /tmp/lingjing-bookbench.XXXXXX)"
TOOL=bench/Lingjing.Bench.Bookings/bin/Release/net10.0/Lingjing.Bench.Bookings.dll
log() { printf '\n== %s\n' "$*"; }

stop_all() {
  if [ -f "$WORK/pg/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap stop_all EXIT

log "Build (Release)"
dotnet build src/Lingjing.Server -c Release -v quiet -nologo
dotnet build bench/Lingjing.Bench.Bookings -c Release -v quiet -nologo

PGBENCH_TPS=""
PGBENCH_COMMAND=""
if [ "$WHICH" != sqlite ]; then
  log "PostgreSQL 15 on 127.0.0.1:$PG_PORT (throwaway cluster in $WORK/pg, default settings, fsync on)"
  mkdir -p "$WORK/pg"
  chown -R postgres:postgres "$WORK"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -w -l "$WORK/pg.log" \
    -o "-k $WORK -c listen_addresses=127.0.0.1 -p $PG_PORT -c max_connections=300" start >/dev/null
  PSQL=(psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qc)
  "${PSQL[@]}" "CREATE DATABASE pgbench" >/dev/null
  "${PSQL[@]}" "CREATE DATABASE lingjing_bench" >/dev/null

  log "pgbench -i -s 10, then tpcb-like: -c $PGBENCH_CLIENTS -j 2 -T $SECONDS_"
  pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -s 10 -q pgbench 2>&1 | tail -1
  PGBENCH_COMMAND="pgbench -c $PGBENCH_CLIENTS -j 2 -T $SECONDS_ (tpcb-like, scale 10)"
  pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "$PGBENCH_CLIENTS" -j 2 -T "$SECONDS_" pgbench | tee "$WORK/pgbench.txt"
  PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$WORK/pgbench.txt")
  echo "pgbench TPS: $PGBENCH_TPS"

  log "Bookings on PostgreSQL"
  dotnet "$TOOL" --db postgres --postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=lingjing_bench" \
    --clients "$CLIENTS" --spaces "$SPACES" --seconds "$SECONDS_" --pgbench-tps "$PGBENCH_TPS" --pgbench-command "$PGBENCH_COMMAND"
fi
if [ "$WHICH" != postgres ]; then
  log "Bookings on SQLite"
  dotnet "$TOOL" --db sqlite --clients "$CLIENTS" --spaces "$SPACES" --seconds "$SECONDS_" \
    ${PGBENCH_TPS:+--pgbench-tps "$PGBENCH_TPS" --pgbench-command "$PGBENCH_COMMAND"}
fi

log "Summary"
python3 - "$WHICH" <<'PY'
import json, os, sys
rows = []
for db in ("postgres", "sqlite"):
    path = f"bench/results/bookings-{db}.json"
    if sys.argv[1] not in ("both", db) or not os.path.exists(path):
        continue
    r = json.load(open(path))
    ratio = lambda v: "-" if v is None else f"{v:.1%}"
    other = ", ".join(f"{k}: {v}" for k, v in r["otherStatuses"].items()) or "0"
    rows.append(f"| {db} | {r['clients']} | {r['hotSpaces']} | {r['seconds']:.0f} s | {r['requestsPerSecond']:.0f} | {r['bookingsPerSecond']:.1f} "
                f"| {r['latency']['p50Ms']} ms | {r['latency']['p99Ms']} ms | {r['conflicts']:,} | {other} | {r['doubleBookingsInDatabase']} "
                f"| {r['pgbenchTps'] or '-'} | {ratio(r['requestsToPgbenchRatio'])} | {ratio(r['bookingsToPgbenchRatio'])} |")
print("| database | clients | hot spaces | run | requests/s | bookings/s (201) | p50 | p99 | 409s | other statuses | double bookings | pgbench TPS | requests/s ÷ TPS | bookings/s ÷ TPS |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
print("\n".join(rows))
PY

#!/usr/bin/env bash
# Twins benchmark: builds the server and bench/Lingjing.TwinsBench in Release, starts a throwaway
# PostgreSQL and RabbitMQ (MQTT plugin) on loopback ports, and runs the benchmark on SQLite and on
# PostgreSQL. Results: bench/results/twins-sqlite.json, bench/results/twins-postgres.json.
#
#   bench/twins/run.sh [sqlite|postgres|both] [extra bench options, e.g. --seconds 60]
set -euo pipefail
cd "$(dirname "$0")/../.."
which_db="${1:-both}"; shift || true
PG_PORT="${TWINS_BENCH_PG_PORT:-55457}"
SERVER_PORT="${TWINS_BENCH_SERVER_PORT:-55458}"
WORK="$(mktemp -d /tmp/lingjing-twinsbench.XXXXXX)"
PG_BIN=/usr/lib/postgresql/15/bin

cleanup() {
  TWINS_EPMD_PORT=4383 tools/Lingjing.Devices/rabbitmq-loopback.sh stop "$WORK/rabbitmq" || true
  [ -f "$WORK/pg/postmaster.pid" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build -c Release src/Lingjing.Server -v q -nologo | grep -E "error|Warn|Error" || true
dotnet build -c Release bench/Lingjing.TwinsBench -v q -nologo | grep -E "error|Warn|Error" || true

echo "== RabbitMQ (AMQP 5684, MQTT 1895)"
TWINS_AMQP_PORT=5684 TWINS_MQTT_PORT=1895 TWINS_DIST_PORT=25684 TWINS_EPMD_PORT=4383 TWINS_AUTH_URL="http://127.0.0.1:$SERVER_PORT" \
  tools/Lingjing.Devices/rabbitmq-loopback.sh start "$WORK/rabbitmq"
mqtt=(--amqp amqp://guest:guest@127.0.0.1:5684/ --mqtt 127.0.0.1:1895 --port "$SERVER_PORT")

bench() { dotnet bench/Lingjing.TwinsBench/bin/Release/net10.0/Lingjing.TwinsBench.dll --server-dll src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll "$@"; }

if [ "$which_db" = sqlite ] || [ "$which_db" = both ]; then
  echo "== SQLite"
  bench --db sqlite --out bench/results/twins-sqlite.json "${mqtt[@]}" "$@"
fi
if [ "$which_db" = postgres ] || [ "$which_db" = both ]; then
  echo "== PostgreSQL 15 on 127.0.0.1:$PG_PORT"
  mkdir -p "$WORK/pg" && chown -R postgres "$WORK"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -w -l "$WORK/pg.log" -o "-k $WORK -c listen_addresses=127.0.0.1 -p $PG_PORT -c max_connections=200" start >/dev/null
  bench --db postgres --postgres-server "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" --out bench/results/twins-postgres.json "${mqtt[@]}" "$@"
fi

#!/usr/bin/env bash
# World benchmark: one Lingjing server (Release, SQLite, demo data, fresh data directory, loopback)
# and Lingjing.Bots on the same machine; 500 / 1,000 / 2,000 / 5,000 bots walking in the zone world,
# first with interest management (Lingjing), then without it (naive broadcast baseline).
# Writes bench/results/world-<timestamp>.json and prints the table for bench/world/README.md.
#
#   bench/world/run.sh                         # full run
#   SIZES="500 1000" DURATION=20 bench/world/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=${SIZES:-"500 1000 2000 5000"}
BASELINE_SIZES=${BASELINE_SIZES:-$SIZES}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-10}
PORT=${PORT:-5391}
# Bots spawn in a disc of this radius around the zone centre: about 30 avatars in view at 5,000 bots.
SCATTER_CM=${SCATTER_CM:-65000}
URL="http://127.0.0.1:$PORT"
# Extra server configuration, e.g. SERVER_ARGS="--Lingjing:World:CellSizeCm=1000"
SERVER_ARGS=${SERVER_ARGS:-}
OBSERVERS=${OBSERVERS:-100}

ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"

echo "== building (Release)"
dotnet build -c Release src/Lingjing.Server -v q -nologo | tail -n 2
dotnet build -c Release tools/Lingjing.Bots -v q -nologo | tail -n 2

# A fresh data directory (seeding ~20 s, then sign-ins at the server's deliberately slow password
# hashing); BENCH_DATA_DIR=<dir of an earlier run> reuses its database and cached tokens.
DATA=${BENCH_DATA_DIR:-$(mktemp -d /tmp/lingjing-world-bench.XXXXXX)}
RUNS="$DATA/runs"
rm -rf "$RUNS"
mkdir -p "$RUNS"
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

start_server() { # $1: interest management true|false
  echo "== starting the server (interest management $1; data in $DATA)"
  Lingjing__DataDirectory="$DATA/data" Lingjing__Demo=true ASPNETCORE_URLS="$URL" ASPNETCORE_ENVIRONMENT=Production \
  Lingjing__World__InterestManagement="$1" Lingjing__World__SpawnScatterCm="$SCATTER_CM" \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Lingjing=Information \
    dotnet src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll $SERVER_ARGS > "$DATA/server-$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    if curl -fs "$URL/health/live" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$DATA/server-$1.log"; exit 1; fi
    sleep 1
  done
  echo "server did not start"; exit 1
}

run_bots() { # $1: mode label, $2: bots, $3: seconds allowed for signing in and connecting
  echo "== $1: $2 bots"
  timeout $((DURATION + WARMUP + $3)) dotnet tools/Lingjing.Bots/bin/Release/net10.0/Lingjing.Bots.dll \
    --url "$URL" --bots "$2" --duration "$DURATION" --warmup "$WARMUP" --world zone \
    --tokens "$DATA/bot-tokens.json" --observers "$OBSERVERS" --server-pid "$SERVER_PID" --label "$1" --quiet \
    --out "$RUNS/$1-$2.json" | tail -n 40 || echo "run $1 $2 failed (exit $?)"
  sleep 5 # let the server settle (sessions closing) before the next size
}

start_server true
MAX_BOTS=$(printf '%s\n' $SIZES $BASELINE_SIZES | sort -n | tail -n 1)
if (( MAX_BOTS > 2000 )); then python3 bench/world/add_bench_users.py "$DATA/data/lingjing.db" "$MAX_BOTS"; fi
# Sign-ins (slow password hashing, cached for the baseline) happen in this phase.
for n in $SIZES; do run_bots lingjing "$n" 1200; done
stop_server
start_server false
for n in $BASELINE_SIZES; do run_bots baseline "$n" 300; done
stop_server

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="bench/results/world-$STAMP.json"
python3 bench/world/report.py "$RUNS" "$OUT" "$(nproc)" "bench/world/run.sh (SIZES=\"$SIZES\" DURATION=$DURATION WARMUP=$WARMUP SCATTER_CM=$SCATTER_CM SERVER_ARGS=\"$SERVER_ARGS\")"
echo "== results in $OUT"

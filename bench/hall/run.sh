#!/usr/bin/env bash
# An event's hall across a three-node cluster (issue 16's goal): tools/cluster/cluster.sh starts PostgreSQL, RabbitMQ,
# three Lingjing nodes (demo zone) and nginx on loopback; benchmark accounts are added up to the largest size; then for
# each size Lingjing.Bots --hall creates a hall event, registers and seats every bot (instances of HALL_INSTANCE_SIZE),
# spreads them over the three nodes (bot i on node i mod 3), brings bot 0 on stage walking about, and measures
#   - the stage's moves seen by observers in every instance (other instances through the shared stage), and
#   - the floor: FLOOR listeners follow the event's stream while a question is asked every 2 s.
# Writes bench/results/hall-<timestamp>.json and prints the rows for bench/README.md.
#
#   bench/hall/run.sh                              # SIZES="1000 2500 5000" FLOOR=1000 HALL_INSTANCE_SIZE=300
#   SIZES=500 DURATION=15 bench/hall/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=${SIZES:-"1000 2500 5000"}
FLOOR=${FLOOR:-1000}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-20}
INSTANCE_SIZE=${HALL_INSTANCE_SIZE:-300}
DIR=${CLUSTER_DIR:-$(mktemp -d /tmp/lingjing-hall-bench.XXXXXX)}
HTTP=${CLUSTER_HTTP_PORT:-8090}
NODE=${CLUSTER_NODE_PORT:-8091}
PG_PORT=${CLUSTER_PG_PORT:-55460}
ulimit -n 60000 2>/dev/null || ulimit -n "$(ulimit -Hn)"

echo "== building (Release)"
dotnet build -c Release tools/Lingjing.Bots -v q -nologo | tail -n 2
trap 'tools/cluster/cluster.sh stop "$DIR" || true' EXIT
echo "== starting the cluster in $DIR (hall instances of $INSTANCE_SIZE)"
CLUSTER_NODE_ARGS="--Lingjing:Events:HallInstanceSize=$INSTANCE_SIZE ${CLUSTER_NODE_ARGS:-}" tools/cluster/cluster.sh start "$DIR" 3

# The demo zone has 2,000 visitor accounts (user0001..user2000); one account per bot above that is a copy of user0001.
largest=$(printf '%s\n' $SIZES | sort -n | tail -1)
if [ "$largest" -gt 2000 ]; then
  runuser -u postgres -- psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d lingjing -q -v target="$largest" -f bench/hall/add_users.sql
fi

RUNS="$DIR/runs"
mkdir -p "$RUNS"
list=$(for k in 1 2 3; do printf 'http://127.0.0.1:%d,' $((NODE + k - 1)); done)
for n in $SIZES; do
  listeners=$(( FLOOR < n - 1 ? FLOOR : n - 1 ))
  echo "== $n bots in one hall over 3 nodes, $listeners following the floor"
  timeout $((DURATION + WARMUP + 1800)) dotnet tools/Lingjing.Bots/bin/Release/net10.0/Lingjing.Bots.dll \
    --url "http://127.0.0.1:$NODE" --nodes "${list%,}" --bots "$n" --duration "$DURATION" --warmup "$WARMUP" \
    --hall --floor-listeners "$listeners" --tokens "$DIR/bot-tokens.json" --observers 300 --label "hall-$n" --quiet \
    --out "$RUNS/hall-$n.json" | tail -n 40 || echo "run $n failed (exit $?)"
  sleep 5
done

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="bench/results/hall-$STAMP.json"
python3 bench/hall/report.py "$RUNS" "$OUT" "$(nproc)" "bench/hall/run.sh (SIZES=\"$SIZES\" FLOOR=$FLOOR HALL_INSTANCE_SIZE=$INSTANCE_SIZE DURATION=$DURATION)"
echo "== results in $OUT"

#!/usr/bin/env bash
# Cluster benchmark: tools/cluster/cluster.sh starts PostgreSQL, RabbitMQ, three Lingjing nodes (demo zone) and nginx
# on loopback; then
#   1. move-to-seen latency in the zone's world with the bots spread over 1, 2 and 3 nodes (Lingjing.Bots --nodes),
#      split into watchers on the mover's node and on another node;
#   2. failover over KILLS crashes: kill -9 of the node owning the zone's world, to every person moving again
#      (Lingjing.Bench.Failover), the node restarted between rounds.
# Writes bench/results/cluster-<timestamp>.json and prints the rows for bench/README.md.
#
#   bench/cluster/run.sh                          # SIZES="1000 2000" KILLS=10
#   SIZES=500 KILLS=3 DURATION=15 bench/cluster/run.sh
#   SIZES="" bench/cluster/run.sh                 # failover only
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=${SIZES-"1000 2000"}  # SIZES="" measures failover only
KILLS=${KILLS:-10}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-10}
DIR=${CLUSTER_DIR:-$(mktemp -d /tmp/lingjing-cluster-bench.XXXXXX)}
HTTP=${CLUSTER_HTTP_PORT:-8090}
NODE=${CLUSTER_NODE_PORT:-8091}
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"

echo "== building (Release)"
dotnet build -c Release tools/Lingjing.Bots -v q -nologo | tail -n 2
dotnet build -c Release bench/Lingjing.Bench.Failover -v q -nologo | tail -n 2
trap 'tools/cluster/cluster.sh stop "$DIR" || true' EXIT
echo "== starting the cluster in $DIR"
tools/cluster/cluster.sh start "$DIR" 3

RUNS="$DIR/runs"
mkdir -p "$RUNS"
for n in $SIZES; do
  for nodes in 1 2 3; do
    list=$(for k in $(seq 1 "$nodes"); do printf 'http://127.0.0.1:%d,' $((NODE + k - 1)); done)
    echo "== $n bots over $nodes node(s)"
    timeout $((DURATION + WARMUP + 900)) dotnet tools/Lingjing.Bots/bin/Release/net10.0/Lingjing.Bots.dll \
      --url "http://127.0.0.1:$HTTP" --nodes "${list%,}" --bots "$n" --duration "$DURATION" --warmup "$WARMUP" \
      --world zone --tokens "$DIR/bot-tokens.json" --observers 100 --label "nodes-$nodes" --quiet \
      --out "$RUNS/world-$n-$nodes.json" | tail -n 30 || echo "run $n/$nodes failed (exit $?)"
    sleep 5
  done
done

echo "== failover: $KILLS kills"
dotnet bench/Lingjing.Bench.Failover/bin/Release/net10.0/Lingjing.Bench.Failover.dll \
  --cluster "$DIR" --url "http://127.0.0.1:$HTTP" --kills "$KILLS" --out "$RUNS/failover.json"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="bench/results/cluster-$STAMP.json"
python3 bench/cluster/report.py "$RUNS" "$OUT" "$(nproc)" "bench/cluster/run.sh (SIZES=\"$SIZES\" KILLS=$KILLS DURATION=$DURATION)"
echo "== results in $OUT"

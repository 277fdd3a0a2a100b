#!/usr/bin/env bash
# Starts or stops a Lingjing cluster on loopback: a throwaway PostgreSQL 15, RabbitMQ with MQTT, N Lingjing nodes
# (Orleans silos over that database) and nginx in front of them. For trying the cluster by hand, the cluster tests
# and bench/. Needs Debian's postgresql, rabbitmq-server and nginx (./test.sh installs them).
#
#   tools/cluster/cluster.sh start DIR [N]   # N nodes, default 3; prints where everything listens
#   tools/cluster/cluster.sh kill DIR K      # kill -9 node K (1..N), as a crash would
#   tools/cluster/cluster.sh restart DIR K   # start node K again
#   tools/cluster/cluster.sh stop DIR
#
# Ports (environment, defaults): CLUSTER_HTTP_PORT=8090 (nginx), CLUSTER_NODE_PORT=8091 (node K listens on
# 8090+K), CLUSTER_SILO_PORT=11111 (node K's silo on 11110+K), CLUSTER_PG_PORT=55460, CLUSTER_AMQP_PORT=5702,
# CLUSTER_MQTT_PORT=1913. CLUSTER_DEMO=false starts without the demo zone (it is seeded once, by the first node).
# CLUSTER_NODE_ARGS adds arguments to every node, e.g. "--Logging:LogLevel:Orleans.Runtime.MembershipService=Information".
# The nodes share one data directory (DIR/shared): the keys that sign sign-in cookies and tokens, and uploads, must be
# the same on every node for nginx to send any request to any node (on several machines: a shared folder).
set -euo pipefail
command="${1:?start, kill, restart or stop}"
dir="$(mkdir -p "${2:?directory}" && cd "$2" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

http="${CLUSTER_HTTP_PORT:-8090}"
node_base="${CLUSTER_NODE_PORT:-8091}"
silo_base="${CLUSTER_SILO_PORT:-11111}"
pg_port="${CLUSTER_PG_PORT:-55460}"
amqp="${CLUSTER_AMQP_PORT:-5702}"
mqtt="${CLUSTER_MQTT_PORT:-1913}"
demo="${CLUSTER_DEMO:-true}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | tail -1)"
postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=lingjing"

node_port() { echo $((node_base + $1 - 1)); }
silo_port() { echo $((silo_base + $1 - 1)); }

start_node() {
  local k="$1"
  mkdir -p "$dir/node$k" "$dir/shared"
  if ss -ltn "sport = :$(node_port "$k")" | grep -q LISTEN; then
    echo "port $(node_port "$k") is taken (a node of an earlier cluster still running?): not starting node $k" >&2
    return 1
  fi
  # Only the server is put in the background (not the cd with it), so that the pid written is the server's own and
  # kill -9 of it is a crash of the node.
  (cd "$dir/app" && { ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Logging__Console__TimestampFormat="HH:mm:ss.fff " \
    nohup dotnet Lingjing.Server.dll --urls "http://127.0.0.1:$(node_port "$k")" \
      --ConnectionStrings:Postgres="$postgres" --ConnectionStrings:RabbitMq="amqp://guest:guest@127.0.0.1:$amqp/" \
      --Lingjing:DataDirectory="$dir/shared" --Lingjing:Demo="$demo" \
      --Lingjing:Cluster:Enabled=true --Lingjing:Cluster:SiloPort="$(silo_port "$k")" \
      --Lingjing:ForwardedHeaders:KnownProxies:0=127.0.0.1 ${CLUSTER_NODE_ARGS:-} \
      >> "$dir/node$k/server.log" 2>&1 & echo $! > "$dir/node$k/pid"; })
}

wait_ready() {
  local k="$1" tries=0
  until curl -sf "http://127.0.0.1:$(node_port "$k")/health/ready" >/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 900 ] || ! kill -0 "$(cat "$dir/node$k/pid")" 2>/dev/null; then
      echo "node $k did not become ready; its log: $dir/node$k/server.log" >&2
      tail -20 "$dir/node$k/server.log" >&2
      return 1
    fi
    sleep 0.2
  done
}

case "$command" in
  start)
    nodes="${3:-3}"
    echo "$nodes" > "$dir/nodes"
    dotnet publish "$repo/src/Lingjing.Server" -c Release -o "$dir/app" -v quiet -nologo >/dev/null
    if [ ! -d "$dir/pg" ]; then
      chmod 755 "$dir" && mkdir -p "$dir/pg" && chown postgres:postgres "$dir/pg" 2>/dev/null || true
      runuser -u postgres -- "$pg_bin/initdb" -D "$dir/pg/data" -A trust -U postgres >/dev/null
    fi
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/pg/data" -w -l "$dir/pg/pg.log" \
      -o "-k $dir/pg -c listen_addresses=127.0.0.1 -p $pg_port -c max_connections=300" start >/dev/null
    runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE lingjing" 2>/dev/null || true
    TWINS_AMQP_PORT=$amqp TWINS_MQTT_PORT=$mqtt TWINS_DIST_PORT=25702 TWINS_EPMD_PORT=4402 \
      TWINS_AUTH_URL="http://127.0.0.1:$http" "$repo/tools/Lingjing.Devices/rabbitmq-loopback.sh" start "$dir/rabbitmq"
    # The first node sets up the schema (and the demo zone); the others start once it is ready and join.
    start_node 1 && wait_ready 1
    for k in $(seq 2 "$nodes"); do start_node "$k"; done
    for k in $(seq 2 "$nodes"); do wait_ready "$k"; done
    upstreams=""
    for k in $(seq 1 "$nodes"); do
      upstreams+="        server 127.0.0.1:$(node_port "$k") max_fails=1 fail_timeout=3s;"$'\n'
    done
    sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$http|g" "$here/nginx.conf.template" \
      | awk -v ups="$upstreams" '{ if ($0 ~ /@UPSTREAMS@/) printf "%s", ups; else print }' > "$dir/nginx.conf"
    nginx -c "$dir/nginx.conf"
    echo "Lingjing on http://127.0.0.1:$http (nginx) over $nodes nodes on ports $(node_port 1)-$(node_port "$nodes"),"
    echo "PostgreSQL 127.0.0.1:$pg_port, MQTT 127.0.0.1:$mqtt; logs in $dir/node*/server.log"
    ;;
  kill)
    k="${3:?node number}"
    pid="$(cat "$dir/node$k/pid")"
    kill -9 "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    ;;
  restart)
    k="${3:?node number}"
    start_node "$k" && wait_ready "$k"
    ;;
  stop)
    [ -f "$dir/nginx.pid" ] && nginx -c "$dir/nginx.conf" -s stop 2>/dev/null || true
    for pidfile in "$dir"/node*/pid; do
      [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    sleep 2
    for pidfile in "$dir"/node*/pid; do
      [ -f "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
      rm -f "$pidfile"
    done
    # Any node of this cluster the pid files lost track of (all of them share its data directory).
    pkill -9 -f -- "--Lingjing:DataDirectory=$dir/shared" 2>/dev/null || true
    TWINS_EPMD_PORT=4402 "$repo/tools/Lingjing.Devices/rabbitmq-loopback.sh" stop "$dir/rabbitmq" 2>/dev/null || true
    [ -d "$dir/pg/data" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "unknown command $command: start, kill, restart or stop" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Starts or stops a throwaway RabbitMQ (Debian's rabbitmq-server) on loopback with the MQTT plugin
# and device authentication through Lingjing's HTTP endpoint (rabbitmq_auth_backend_http behind
# rabbitmq_auth_backend_cache). Used by ./test.sh and bench/twins.
#
#   rabbitmq-loopback.sh start DIR   # prints nothing on success; DIR holds config, data and logs
#   rabbitmq-loopback.sh stop DIR
#
# Ports (environment, defaults): TWINS_AMQP_PORT=5682, TWINS_MQTT_PORT=1893, TWINS_DIST_PORT=25682,
# TWINS_EPMD_PORT=4382 (an epmd of its own), TWINS_AUTH_URL=http://127.0.0.1:55453 (where Lingjing
# answers /api/v1/broker/auth/*). AMQP user guest/guest (loopback only) is Lingjing's consumer.
set -euo pipefail
command="${1:?start or stop}"
dir="$(mkdir -p "${2:?directory}" && cd "$2" && pwd)"

amqp="${TWINS_AMQP_PORT:-5682}"
mqtt="${TWINS_MQTT_PORT:-1893}"
auth="${TWINS_AUTH_URL:-http://127.0.0.1:55453}"
sbin="$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin | tail -1)"

export PATH="$sbin:$PATH"
export HOME="$dir"
export RABBITMQ_NODENAME="lingjing-twins@localhost"
export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
export RABBITMQ_MNESIA_BASE="$dir/mnesia"
export RABBITMQ_LOG_BASE="$dir/log"
export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
export RABBITMQ_DIST_PORT="${TWINS_DIST_PORT:-25682}"
export ERL_EPMD_PORT="${TWINS_EPMD_PORT:-4382}"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

case "$command" in
  start)
    mkdir -p "$dir/mnesia" "$dir/log"
    cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$amqp
mqtt.listeners.tcp.default = 127.0.0.1:$mqtt
mqtt.allow_anonymous = false
mqtt.vhost = /
mqtt.exchange = amq.topic
auth_backends.1 = internal
auth_backends.2 = cache
auth_cache.cached_backend = http
auth_cache.cache_ttl = 30000
auth_http.http_method = post
auth_http.user_path = $auth/api/v1/broker/auth/user
auth_http.vhost_path = $auth/api/v1/broker/auth/vhost
auth_http.resource_path = $auth/api/v1/broker/auth/resource
auth_http.topic_path = $auth/api/v1/broker/auth/topic
log.console = false
log.file.level = warning
CONF
    rabbitmq-plugins enable --offline rabbitmq_mqtt rabbitmq_auth_backend_http rabbitmq_auth_backend_cache >/dev/null
    rabbitmq-server -detached >/dev/null 2>&1
    rabbitmqctl wait --timeout 120 "$RABBITMQ_PID_FILE" >/dev/null
    ;;
  stop)
    if [ -f "$RABBITMQ_PID_FILE" ]; then
      rabbitmqctl stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || true
    fi
    epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac

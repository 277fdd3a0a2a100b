#!/usr/bin/env bash
# Runs Lingjing's whole test suite: installs what the tests need (Debian packages), starts a
# throwaway PostgreSQL on a loopback port, restores, builds and runs `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

PG_PORT="${LINGJING_TEST_PG_PORT:-55432}"
PG_BIN=/usr/lib/postgresql/15/bin
WORK="$(mktemp -d /tmp/lingjing-test.XXXXXX)"

log() { printf '\n== %s\n' "$*"; }

install_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x "$PG_BIN/postgres" ] || missing+=(postgresql)
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  [ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)
  command -v node >/dev/null || missing+=(nodejs npm)
  [ -d /usr/lib/rabbitmq ] || missing+=(rabbitmq-server)
  [ -x /usr/bin/janus ] || missing+=(janus)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
  fi
}

start_postgres() {
  log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
  mkdir -p "$WORK/pg"
  chown -R postgres:postgres "$WORK"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -w -l "$WORK/pg.log" \
    -o "-k $WORK -c listen_addresses=127.0.0.1 -p $PG_PORT -c max_connections=800 -c fsync=on" start >/dev/null
  export LINGJING_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
}

# RabbitMQ with the MQTT plugin for the twins' MQTT end-to-end test, on loopback ports of its own.
# If it does not start, the variables stay unset and that test fails (it never skips).
RABBITMQ_AMQP_PORT="${LINGJING_TEST_AMQP_PORT:-5692}"
RABBITMQ_MQTT_PORT="${LINGJING_TEST_MQTT_PORT:-1903}"
# Below Linux's ephemeral range (32768-60999): the MQTT test binds it late, after hundreds of test servers and silos
# have taken free ports from that range, one of which could be this one.
BROKER_AUTH_PORT="${LINGJING_TEST_BROKER_AUTH_PORT:-29454}"
start_rabbitmq() {
  log "Starting RabbitMQ on 127.0.0.1:$RABBITMQ_AMQP_PORT (MQTT $RABBITMQ_MQTT_PORT)"
  if TWINS_AMQP_PORT=$RABBITMQ_AMQP_PORT TWINS_MQTT_PORT=$RABBITMQ_MQTT_PORT TWINS_DIST_PORT=25692 TWINS_EPMD_PORT=4392 \
     TWINS_AUTH_URL="http://127.0.0.1:$BROKER_AUTH_PORT" tools/Lingjing.Devices/rabbitmq-loopback.sh start "$WORK/rabbitmq"; then
    export LINGJING_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$RABBITMQ_AMQP_PORT/"
    export LINGJING_TEST_MQTT="127.0.0.1:$RABBITMQ_MQTT_PORT"
    export LINGJING_TEST_BROKER_AUTH_PORT="$BROKER_AUTH_PORT"
  else
    log "RabbitMQ did not start; the MQTT end-to-end test will fail"
  fi
}

stop_rabbitmq() {
  if [ -d "$WORK/rabbitmq" ]; then
    TWINS_EPMD_PORT=4392 tools/Lingjing.Devices/rabbitmq-loopback.sh stop "$WORK/rabbitmq" || true
  fi
}

# Janus (VideoRoom, AudioBridge) with its HTTP API on loopback, for the Janus gateway tests.
# If it does not start, the variables stay unset and those tests fail (they never skip).
JANUS_HTTP_PORT="${LINGJING_TEST_JANUS_PORT:-58088}"
JANUS_API_SECRET="lingjing-test-api-secret"
JANUS_ADMIN_KEY="lingjing-test-admin-key"
start_janus() {
  log "Starting Janus on 127.0.0.1:$JANUS_HTTP_PORT"
  if JANUS_HTTP_PORT=$JANUS_HTTP_PORT JANUS_API_SECRET=$JANUS_API_SECRET JANUS_ADMIN_KEY=$JANUS_ADMIN_KEY \
     tools/janus/janus-loopback.sh start "$WORK/janus"; then
    export LINGJING_TEST_JANUS="http://127.0.0.1:$JANUS_HTTP_PORT/janus"
    export LINGJING_TEST_JANUS_SECRET="$JANUS_API_SECRET"
    export LINGJING_TEST_JANUS_ADMIN_KEY="$JANUS_ADMIN_KEY"
  else
    log "Janus did not start; the Janus tests will fail"
  fi
}

stop_janus() {
  if [ -d "$WORK/janus" ]; then
    tools/janus/janus-loopback.sh stop "$WORK/janus" || true
  fi
}

stop_all() {
  stop_janus
  stop_rabbitmq
  if [ -f "$WORK/pg/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap stop_all EXIT

install_packages
start_postgres
start_rabbitmq
start_janus

log "Third-party readers for the tests (tools/interop: Redocly CLI, ical.js)"
(cd tools/interop && npm ci --no-audit --no-fund --loglevel=error)

log "Restore and build"
dotnet restore Lingjing.slnx
dotnet build Lingjing.slnx --no-restore -c Debug

log "Test"
status=0
# Errors the in-memory servers log go here; shown below when a test fails, to explain a 500.
# nginx in front of three server processes for the cluster tests (each test starts its own, on a free port).
export LINGJING_TEST_NGINX=/usr/sbin/nginx
export LINGJING_TEST_ERROR_LOG="$WORK/server-errors.log"
# Each test's duration goes to TestResults/*.trx; tools/slowest-tests.sh lists the slowest tests and classes.
rm -rf TestResults
dotnet test Lingjing.slnx --no-build -c Debug --logger "trx;LogFilePrefix=lingjing" --results-directory TestResults 2>&1 | tee "$WORK/test.log" || status=$?

# One closing line with the totals over all test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$WORK/test.log"
if [ "$status" -ne 0 ] && [ -s "$LINGJING_TEST_ERROR_LOG" ]; then
  log "Errors logged by the servers under test (last 150 lines; some tests provoke errors on purpose)"
  tail -n 150 "$LINGJING_TEST_ERROR_LOG"
fi
exit $status

#!/usr/bin/env bash
# Starts or stops a throwaway Janus (Debian's janus 1.1.x) on loopback with the configuration in this
# folder: the HTTP Janus API on 127.0.0.1 only, VideoRoom and AudioBridge, ICE on this machine's own
# IPv4 address only. Used by ./test.sh.
#
# Why not ICE on 127.0.0.1: Janus 1.1 skips loopback interfaces when it gathers candidates (ice.c), and
# when its list of addresses ends up empty libnice gathers on every other address, IPv6 included. So the
# closest to loopback is one host candidate on the machine's first IPv4 address: media between a browser
# and Janus on the same machine still never leaves it (the kernel delivers local addresses itself).
#
#   janus-loopback.sh start DIR   # prints nothing on success; DIR holds the configs, the log and janus.pid
#   janus-loopback.sh stop DIR
#
# Environment (defaults): JANUS_HTTP_PORT=58088, JANUS_RTP_PORT_RANGE=40000-40999,
# JANUS_API_SECRET=lingjing-test-api-secret, JANUS_ADMIN_KEY=lingjing-test-admin-key,
# JANUS_ICE_ENFORCE_LIST=the first IPv4 address of `hostname -I`.
# The API answers at http://127.0.0.1:$JANUS_HTTP_PORT/janus.
set -euo pipefail
command="${1:?start or stop}"
dir="$(mkdir -p "${2:?directory}" && cd "$2" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"

port="${JANUS_HTTP_PORT:-58088}"
rtp="${JANUS_RTP_PORT_RANGE:-40000-40999}"
secret="${JANUS_API_SECRET:-lingjing-test-api-secret}"
key="${JANUS_ADMIN_KEY:-lingjing-test-admin-key}"
pidfile="$dir/janus.pid"
ice="${JANUS_ICE_ENFORCE_LIST:-$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -m1 -E '^[0-9]+\.[0-9]+\.' || true)}"

case "$command" in
  start)
    if [ -z "$ice" ]; then
      echo "janus-loopback.sh: no IPv4 address besides loopback; Janus will gather ICE candidates wherever libnice finds them" >&2
      ice=lo
    fi
    # Something already answering there would pass the readiness check below for us.
    if curl -s -m 2 -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
      echo "janus-loopback.sh: port $port is in use" >&2
      exit 1
    fi
    for f in janus.jcfg janus.transport.http.jcfg janus.plugin.videoroom.jcfg janus.plugin.audiobridge.jcfg; do
      sed -e "s|@HTTP_PORT@|$port|g" -e "s|@RTP_PORT_RANGE@|$rtp|g" -e "s|@API_SECRET@|$secret|g" \
          -e "s|@ADMIN_KEY@|$key|g" -e "s|@ICE_ENFORCE_LIST@|$ice|g" "$here/$f" > "$dir/$f"
    done
    # -i: the address Janus puts in its SDP; -N -L: log to a file, not to our stdout.
    janus -F "$dir" -C "$dir/janus.jcfg" -i 127.0.0.1 -N -L "$dir/janus.log" -o >"$dir/janus.out" 2>&1 &
    echo $! > "$pidfile"
    # Ready when the HTTP API answers "info" (about 2 s); a Janus that exits (bad config, port taken) fails at once.
    # ("info" answers without the api_secret.)
    deadline=$((SECONDS + 30))
    while [ "$SECONDS" -lt "$deadline" ]; do
      if curl -sf -m 2 -H 'Content-Type: application/json' -d '{"janus":"info","transaction":"ready"}' \
           "http://127.0.0.1:$port/janus" 2>/dev/null | grep -q '"server_info"'; then
        exit 0
      fi
      if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        echo "janus exited at start; see $dir/janus.log" >&2
        tail -n 20 "$dir/janus.log" >&2 || true
        exit 1
      fi
      sleep 0.1
    done
    echo "janus did not answer on 127.0.0.1:$port within 30 s; see $dir/janus.log" >&2
    kill "$(cat "$pidfile")" 2>/dev/null || true
    exit 1
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      # Janus ends its sessions and plugins on SIGTERM; give it 5 s before SIGKILL.
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    fi
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# What a new user waits for: `dotnet run --project src/Lingjing.Server` from a clean clone (restore, build of
# the server and the browser client, demo seeding) until /health/ready answers, then a second start of the
# same clone. The NuGet and npm caches are the machine's (a first-ever start also downloads packages).
# Usage: bench/first-start.sh   Writes bench/results/first-start.json and prints the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${LINGJING_BENCH_PORT:-5180}"
OUT=bench/results/first-start.json
clone="$(mktemp -d /tmp/lingjing-first-start.XXXXXX)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$clone"; }
trap cleanup EXIT
git clone -q . "$clone"

# Starts the server in the clone and sets $took to the seconds until /health/ready answers 200.
start() {
  local began=$SECONDS
  ( cd "$clone" && exec dotnet run --project src/Lingjing.Server -- --urls "http://127.0.0.1:$PORT" ) > "$clone.$1.log" 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || { echo "the server stopped; see $clone.$1.log" >&2; exit 1; }
    sleep 1
  done
  took=$((SECONDS - began))
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

start first; first=$took; stop
start second; second=$took; stop
load=$(cut -d' ' -f1 /proc/loadavg)
mkdir -p bench/results
printf '{\n  "measuredAt": "%s",\n  "commit": "%s",\n  "cores": %d,\n  "loadAverageAfter": %s,\n  "firstStartSeconds": %d,\n  "secondStartSeconds": %d\n}\n' \
  "$(date -u +%FT%TZ)" "$(git rev-parse --short HEAD)" "$(nproc)" "$load" "$first" "$second" > "$OUT"
cat "$OUT"

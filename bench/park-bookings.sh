#!/usr/bin/env bash
# Booking utilization endpoints (park and zone views) over HTTP on the demo zone: 1,000 spaces x 35
# days, ~26,000 bookings in range. Sequential requests (no concurrency): the figure is the cost of one
# computation (three queries + the in-memory pass), not throughput.
# Usage: bench/park-bookings.sh               # builds Release, seeds a fresh SQLite demo zone, measures, stops
#        LINGJING_BENCH_POSTGRES_SERVER="Host=127.0.0.1;Port=5432;Username=postgres" bench/park-bookings.sh
#                                             # the same on a fresh database of that PostgreSQL server
#        LINGJING_BENCH_URL=http://127.0.0.1:5000 bench/park-bookings.sh   # measures a running demo server
# Results: bench/results/park-bookings-<db>.json (db = sqlite, postgres, or "url" for a running server).
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS="${REQUESTS:-30}"
WORK="$(mktemp -d /tmp/lingjing-bench-bookings.XXXXXX)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${LINGJING_BENCH_URL:-}" ]; then
  URL="$LINGJING_BENCH_URL"; LABEL=url
else
  dotnet build src/Lingjing.Server -c Release -v quiet -nologo
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  URL="http://127.0.0.1:$PORT"; LABEL=sqlite; DATABASE=()
  if [ -n "${LINGJING_BENCH_POSTGRES_SERVER:-}" ]; then
    NAME="lingjing_bench_bookings_$(date +%s)"
    HOST=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$LINGJING_BENCH_POSTGRES_SERVER")
    PGPORT=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$LINGJING_BENCH_POSTGRES_SERVER")
    PGUSER=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$LINGJING_BENCH_POSTGRES_SERVER")
    psql "host=$HOST port=${PGPORT:-5432} user=${PGUSER:-postgres} dbname=postgres" -qc "CREATE DATABASE $NAME" >/dev/null
    DATABASE=(--ConnectionStrings:Postgres="$LINGJING_BENCH_POSTGRES_SERVER;Database=$NAME"); LABEL=postgres
  fi
  dotnet src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll --urls "$URL" \
    --Lingjing:DataDirectory="$WORK/data" --Lingjing:Demo=true "${DATABASE[@]}" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  echo "Seeding the demo zone (about a minute)..."
  until curl -sf "$URL/health/ready" >/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 1
  done
fi

python3 - "$URL" "$REQUESTS" "bench/results/park-bookings-$LABEL.json" <<'PY'
import json, statistics, sys, time, urllib.request, platform, os
url, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def token(email):
    body = json.dumps({"email": email, "password": "Demo#2026"}).encode()
    req = urllib.request.Request(url + "/api/v1/auth/token", body, {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))["accessToken"]

def get(path, bearer):
    req = urllib.request.Request(url + path, headers={"Authorization": "Bearer " + bearer})
    start = time.perf_counter()
    with urllib.request.urlopen(req) as response:
        body = response.read()
    return (time.perf_counter() - start) * 1000, body

gov, park = token("gov@demo.lingjing.local"), token("park01@demo.lingjing.local")
endpoints = [(p, gov) for p in ["/api/v1/zone/bookings/utilization/parks", "/api/v1/zone/bookings/utilization/space-types",
                                 "/api/v1/zone/bookings/utilization/daily", "/api/v1/zone/bookings/summary"]] + \
            [(p, park) for p in ["/api/v1/park/bookings/utilization/daily", "/api/v1/park/bookings/utilization/space-types",
                                  "/api/v1/park/bookings/summary", "/api/v1/park/bookings/week"]]
results = []
for path, bearer in endpoints:
    for _ in range(3): get(path, bearer)
    times = sorted(get(path, bearer)[0] for _ in range(n))
    row = {"endpoint": path, "requests": n, "medianMs": round(statistics.median(times), 1),
           "p95Ms": round(times[max(0, int(round(0.95 * n)) - 1)], 1), "maxMs": round(times[-1], 1)}
    results.append(row)
    print(f"{path:55} median {row['medianMs']:7.1f} ms   p95 {row['p95Ms']:7.1f} ms")
summary = json.loads(get("/api/v1/zone/bookings/summary", gov)[1])
report = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": f"{os.cpu_count()} cores, {platform.machine()}",
          "zone": {"spaces": summary["spaces"], "openHours28Days": summary["openHours"], "bookingsThisWeek": summary["bookingsThisWeek"]},
          "results": results}
os.makedirs(os.path.dirname(out), exist_ok=True)
json.dump(report, open(out, "w"), indent=2)
print("Wrote", out)
PY

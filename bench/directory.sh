#!/usr/bin/env bash
# Directory benchmark on SQLite and PostgreSQL: first-run seeding, warm start, search latency over HTTP.
# Usage: bench/directory.sh [sqlite|postgres|both]   (default both)
# PostgreSQL: set LINGJING_BENCH_POSTGRES_SERVER="Host=...;Port=...;Username=..." to use a running
# server (the script creates a fresh database on it); otherwise a throwaway PostgreSQL 15 is started
# on a loopback port as ./test.sh does. Extra options go to the tool: BENCH_ARGS="--requests 4000".
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/Shared/postgres.sh

log "Build (Release)"
dotnet build src/Lingjing.Server -c Release -v quiet -nologo
dotnet build bench/Lingjing.Bench -c Release -v quiet -nologo

if [ "$WHICH" = sqlite ] || [ "$WHICH" = both ]; then
  log "SQLite"
  dotnet bench/Lingjing.Bench/bin/Release/net10.0/Lingjing.Bench.dll --db sqlite ${BENCH_ARGS:-}
fi
if [ "$WHICH" = postgres ] || [ "$WHICH" = both ]; then
  [ -n "${LINGJING_BENCH_POSTGRES_SERVER:-}" ] || start_postgres
  log "PostgreSQL"
  dotnet bench/Lingjing.Bench/bin/Release/net10.0/Lingjing.Bench.dll --db postgres --postgres "$(fresh_database)" ${BENCH_ARGS:-}
fi

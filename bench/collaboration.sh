#!/usr/bin/env bash
# Collaboration benchmark on SQLite and PostgreSQL: latency of a need's matches and of the feed over HTTP, and the
# quality of matching against the demo generator's ground truth beside a plain keyword search.
# Usage: bench/collaboration.sh [sqlite|postgres|both]   (default both)
# PostgreSQL: set LINGJING_BENCH_POSTGRES_SERVER="Host=...;Port=...;Username=..." to use a running
# server (the script creates a fresh database on it); otherwise a throwaway PostgreSQL 15 is started
# on a loopback port as ./test.sh does. Extra options go to the tool: BENCH_ARGS="--requests 1000".
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/Shared/postgres.sh

log "Build (Release)"
dotnet build src/Lingjing.Server -c Release -v quiet -nologo
dotnet build bench/Lingjing.Bench.Collaboration -c Release -v quiet -nologo

if [ "$WHICH" = sqlite ] || [ "$WHICH" = both ]; then
  log "SQLite"
  dotnet bench/Lingjing.Bench.Collaboration/bin/Release/net10.0/Lingjing.Bench.Collaboration.dll --db sqlite ${BENCH_ARGS:-}
fi
if [ "$WHICH" = postgres ] || [ "$WHICH" = both ]; then
  [ -n "${LINGJING_BENCH_POSTGRES_SERVER:-}" ] || start_postgres
  log "PostgreSQL"
  dotnet bench/Lingjing.Bench.Collaboration/bin/Release/net10.0/Lingjing.Bench.Collaboration.dll --db postgres --postgres "$(fresh_database)" ${BENCH_ARGS:-}
fi

#!/usr/bin/env bash
# Sign-in timing: unknown email, wrong password and locked account against a successful sign-in, on a
# fresh SQLite demo zone. Builds the server and the tool in Release, then runs the tool.
# Usage: bench/sign-in.sh [--samples 200]   Results: bench/results/sign-in.json
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Lingjing.Server -c Release -v quiet -nologo
dotnet run --project bench/Lingjing.Bench.SignIn -c Release -- "$@"

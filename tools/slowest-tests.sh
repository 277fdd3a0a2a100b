#!/usr/bin/env bash
# Lists where the test suite spends its time, from the .trx files ./test.sh writes to TestResults/:
# the slowest tests, and the test classes by their summed durations.
# Usage: tools/slowest-tests.sh [N] [TRX ...]   (default: 25 rows from TestResults/*.trx)
set -u  # no pipefail: head closes the pipes early on purpose
cd "$(dirname "$0")/.."
rows="${1:-25}"; shift || true
files=("$@"); [ ${#files[@]} -gt 0 ] || files=(TestResults/*.trx)
[ -e "${files[0]}" ] || { echo "No .trx files: run ./test.sh first." >&2; exit 1; }

# One line per result: seconds, then the test's full name (class.method(arguments)).
results() {
  grep -ho '<UnitTestResult [^>]*>' "${files[@]}" |
    sed -E 's/.*testName="([^"]*)".*duration="([0-9]+):([0-9]+):([0-9.]+)".*/\2 \3 \4 \1/' |
    awk '{ seconds = $1 * 3600 + $2 * 60 + $3; $1 = $2 = $3 = ""; sub(/^ +/, ""); printf "%.1f\t%s\n", seconds, $0 }'
}

echo "Slowest tests (seconds):"
results | sort -t$'\t' -k1,1 -rn | head -n "$rows"
echo
echo "Test classes by summed seconds (tests of a class run one after another; classes run in parallel):"
results | awk -F'\t' '{ name = $2; sub(/\(.*/, "", name); n = split(name, parts, "."); cls = parts[n - 1]; sum[cls] += $1; count[cls]++ }
  END { for (c in sum) printf "%.1f\t%d tests\t%s\n", sum[c], count[c], c }' | sort -t$'\t' -k1,1 -rn | head -n "$rows"

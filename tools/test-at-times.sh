#!/usr/bin/env bash
# Runs the whole test suite (./test.sh) from a clean clone once per pinned instant and then unpinned,
# to prove that no test depends on the date, the hour or the day of the week (issue 19).
# Usage: tools/test-at-times.sh [INSTANT ...]   (default: the instants below, then 3 unpinned runs;
#        with instants given, UNPINNED_RUNS (default 0) unpinned runs follow them;
#        tools/test-at-times.sh --unpinned N runs only N unpinned runs in a row)
# Each run's totals and duration go to stdout and to $OUT (default /tmp/lingjing-test-at-times.txt).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-/tmp/lingjing-test-at-times.txt}"
if [ "${1:-}" = "--unpinned" ]; then UNPINNED_RUNS="${2:-3}"; set --; instants=()
elif [ $# -gt 0 ]; then UNPINNED_RUNS="${UNPINNED_RUNS:-0}"; instants=("$@"); else
  UNPINNED_RUNS="${UNPINNED_RUNS:-3}"
  instants=(
    "2026-12-07T08:30:00+08:00"  # a Monday morning
    "2026-12-11T23:30:00+08:00"  # a Friday, half an hour before midnight
    "2026-12-13T15:00:00+08:00"  # a Sunday
    "2027-03-31T18:00:00+08:00"  # the last day of a month
    "2026-12-31T23:20:00+08:00"  # New Year's Eve
  )
fi
clone="$(mktemp -d /tmp/lingjing-clone.XXXXXX)"
git clone -q . "$clone"
run() {
  local label="$1" started=$SECONDS status totals
  ( cd "$clone" && ./test.sh ) > "$clone.$label.log" 2>&1
  status=$?
  totals="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$clone.$label.log" | tail -1)"
  printf '%-28s %-40s exit %s, %d min %02d s\n' "$label" "${totals:-no totals}" "$status" $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) | tee -a "$OUT"
  [ "$status" -eq 0 ] || grep -E '^\s+Failed ' "$clone.$label.log" | head -20 | tee -a "$OUT"
}
echo "== $(date -u +%FT%TZ) $(git rev-parse --short HEAD), logs in $clone.*.log" | tee -a "$OUT"
for instant in "${instants[@]}"; do LINGJING_TEST_CLOCK="$instant" run "$instant"; done
for i in $(seq 1 "$UNPINNED_RUNS"); do LINGJING_TEST_CLOCK= run "unpinned-$i"; done

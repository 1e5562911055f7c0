#!/usr/bin/env bash
# Lighthouse 12.2.3 (mobile profile) on the member pages: home, the service hall (first visit and
# with a union chosen), the application form, "my items" and the member card (the worker becomes a
# member through the API first). Scores and sizes go to the console and to
# benchmarks/target/lighthouse/ (summary.json and one HTML report per page); record them in
# BENCHMARKS.md. A page under 90 in performance or accessibility fails the run.
#
#   benchmarks/lighthouse.sh            measures a UnionHub already running at $UNIONHUB_URL
#                                       (default http://localhost:8080 plus UNIONHUB_PORT_OFFSET,
#                                       i.e. ./unionhub start)
#   benchmarks/lighthouse.sh --start    builds if needed, then starts UnionHub, measures and stops
#                                       it, holding /tmp/uh-it.lock only while servers run
#                                       (UNIONHUB_LOCK_HELD=1: the caller already holds it)
#
# Needs Node 20 (Lighthouse 13 wants Node 22, hence 12.2.3) and Chromium (CHROME_PATH, default
# /usr/bin/chromium). The first run installs the pinned packages into benchmarks/lighthouse/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export UNIONHUB_URL=${UNIONHUB_URL:-http://localhost:$((8080 + ${UNIONHUB_PORT_OFFSET:-0}))}
out="$here/target/lighthouse"

if [ ! -d "$here/lighthouse/node_modules/lighthouse" ]; then
  (cd "$here/lighthouse" && npm install --no-audit --no-fund)
fi

measure() { node "$here/lighthouse/measure.mjs" "$out"; }

if [ "${1:-}" = "--start" ]; then
  cd "$root"
  mkdir -p benchmarks/target
  # Build outside the lock (./unionhub start would build too, but while holding it); a caller that
  # holds the lock has built already.
  [ "${UNIONHUB_LOCK_HELD:-}" = 1 ] || ./mvnw -q -B -o -DskipTests -Dspotless.check.skip=true package
  lock=(flock /tmp/uh-it.lock)
  [ "${UNIONHUB_LOCK_HELD:-}" = 1 ] && lock=()
  "${lock[@]}" bash -c '
    ./unionhub start > benchmarks/target/unionhub-start.log 2>&1 &
    for i in $(seq 1 300); do
      grep -q "UnionHub is running" benchmarks/target/unionhub-start.log 2>/dev/null && break
      sleep 1
    done
    status=0
    node benchmarks/lighthouse/measure.mjs benchmarks/target/lighthouse || status=$?
    ./unionhub stop
    wait
    exit $status' || exit $?
else
  measure
fi

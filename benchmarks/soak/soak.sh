#!/usr/bin/env bash
# Soak harness (on demand, not part of ./mvnw verify): starts UnionHub through the launcher on the
# embedded PostgreSQL (ports shifted by 4000, its own folders under benchmarks/target/soak), with
# the timer poller every second; runs benchmarks/soak/Soak.java for MINUTES (default 60) of mixed
# traffic — workers submitting and reading, staff working the worklist, an admin publishing
# configuration and reading the audit log — while pending timers are made due every 5 s so that
# they fire all along; samples WildFly's live heap (after a full GC), Metaspace and threads and
# PostgreSQL's connections every minute; then stops UnionHub and prints a summary, including the
# ERROR lines of the server log. Results: benchmarks/target/soak/{samples.csv,summary.txt}.
# Starts servers: run it under `flock /tmp/uh-it.lock` on a shared machine.
#
#   benchmarks/soak/soak.sh [MINUTES]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
minutes=${1:-60}
out="$root/benchmarks/target/soak"
export UNIONHUB_PORT_OFFSET=4000 UNIONHUB_RUN_DIR="$out/run" UNIONHUB_DATA_DIR="$out/data"
export UNIONHUB_WILDFLY_OPTS="-Dunionhub.timers.poll-seconds=1"
mkdir -p "$out"
rm -rf "$out/data" "$out/run/wildfly/log"
trap 'bash "$root/unionhub" stop >/dev/null 2>&1 || true' EXIT
bash "$root/unionhub" start > "$out/start.log" 2>&1 &
launcher=$!
until grep -q 'UnionHub is running' "$out/start.log"; do
  kill -0 $launcher 2>/dev/null || { cat "$out/start.log"; exit 1; }
  sleep 1
done
grep 'ready after\|Ready in' "$out/start.log"
java -cp "$(ls "$root"/launcher/target/lib/postgresql-*.jar)" "$root/benchmarks/soak/Soak.java" \
  "http://localhost:$((8080 + 4000))" "http://localhost:$((8180 + 4000))" $((8432 + 4000)) \
  "$out/data/postgresql.credentials" "$(cat "$out/run/wildfly.pid")" "$minutes" \
  "$out/run/wildfly/log/server.log" "$out"

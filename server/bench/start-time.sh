#!/usr/bin/env bash
# Start-time harness: runs `./unionhub start` RUNS times (default 3) on ports shifted by 3000 and in
# a scratch folder, and prints the seconds until it reported ready. The first run starts from an
# empty folder (initdb of the embedded PostgreSQL, schema migration, demo data); later runs are
# restarts. Usage: server/bench/start-time.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
scratch=$(mktemp -d)
chmod 755 "$scratch" # started as root, the launcher runs PostgreSQL as nobody, who must reach it
export UNIONHUB_PORT_OFFSET=3000 UNIONHUB_RUN_DIR="$scratch/run" UNIONHUB_DATA_DIR="$scratch/data"
trap 'bash "$root/unionhub" stop >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
bash "$root/unionhub" status >/dev/null
for i in $(seq 1 "$runs"); do
  log="$scratch/start-$i.log"
  t0=$(date +%s.%N)
  bash "$root/unionhub" start > "$log" 2>&1 &
  pid=$!
  until grep -q 'UnionHub is running' "$log"; do
    kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.2
  done
  t1=$(date +%s.%N)
  printf "run %d: ready in %.1f s (%s)\n" "$i" "$(awk -v a="$t0" -v b="$t1" "BEGIN{print b-a}")" "$([ "$i" = 1 ] && echo 'empty database and realm' || echo 'restart')"
  bash "$root/unionhub" stop >/dev/null
  wait $pid || true
done

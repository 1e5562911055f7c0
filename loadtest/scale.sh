#!/usr/bin/env bash
# Data at scale and two nodes, in one run (issue 13, docs/adr/0027):
#
#   loadtest/scale.sh [--data-only | --cluster-only] [--requests 1000000] [--members 1000000]
#                     [--clients 16] [--seconds 20] [--keep] [--no-append] [--note "text"]
#
# 1. builds the server and the harness (offline when ~/.m2 has everything);
# 2. data at scale (loadtest/scale/data.sh): a database of its own on the shared PostgreSQL,
#    migrated by UnionHub's changelog at its first start; templates written through the API;
#    10,000 tenants in five levels, the requests with their history and timers, and the members
#    generated from them inside PostgreSQL (personal data sealed by UnionHub's own classes);
#    start-up time before and after; EXPLAIN ANALYZE of the worklist and count queries;
#    worklist pages (district, province), subtree counts (a city of 2,000 unions) and a publish
#    at a province reaching its 1,000 descendants, over HTTP with real tokens;
# 3. two nodes (loadtest/scale/cluster.sh): standalone-ha.xml nodes on one database and one
#    Keycloak behind HAProxy; configuration, rules, timers and a web session checked across them;
#    throughput through both and through one;
# 4. appends the numbers, machine, date and load average to BENCHMARKS.md.
# The databases are dropped at the end (--keep leaves them). Servers run on port offsets 6000
# (node 1, Keycloak, HAProxy at 14090) and 6200 (node 2); SCALE_OFFSET moves them.
# Environment: UH_PG_HOST (127.0.0.1), UH_PG_PORT (5432), UH_PG_ADMIN (postgres, a superuser that
# logs in without a password, as for ./mvnw verify).
# To measure again on a database kept by an earlier run, without generating it anew:
#   SCALE_DB=uh_scale_<stamp> SCALE_WORK=loadtest/target/scale-<stamp> loadtest/scale.sh --data-only --keep
# (SCALE_WORK holds that run's key file, with which the personal data was sealed).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
data=1 cluster=1 append=1 note=""
export SCALE_KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --data-only) cluster=0; shift ;;
    --cluster-only) data=0; shift ;;
    --requests) export SCALE_REQUESTS=$2; shift 2 ;;
    --members) export SCALE_MEMBERS=$2; shift 2 ;;
    --clients) export SCALE_CLIENTS=$2; shift 2 ;;
    --seconds) export SCALE_SECONDS=$2; shift 2 ;;
    --keep) export SCALE_KEEP=1; shift ;;
    --no-append) append=0; shift ;;
    --note) note=$2; shift 2 ;;
    -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scale.sh: unknown option $1 (see --help)" >&2; exit 1 ;;
  esac
done
command -v psql >/dev/null || { echo "scale.sh: psql is required (apt-get install postgresql-client)" >&2; exit 1; }
if [ $cluster = 1 ] && ! command -v haproxy >/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y haproxy >/dev/null
fi
stamp=$(date -u +%Y%m%d%H%M%S)
export SCALE_WORK=${SCALE_WORK:-$root/loadtest/target/scale-$stamp}
mkdir -p "$SCALE_WORK"
printf '\n== Building the server and the harness\n'
build=(./mvnw -q -B -pl server,loadtest -am package -DskipTests -Dspotless.check.skip=true)
"${build[@]}" -o || "${build[@]}"
machine=$(java -cp "$root/loadtest/target/classes:$(cat "$root/loadtest/target/classpath.txt")" org.unionhub.loadtest.Machine 2>/dev/null || uname -a)
load_start=$(cut -d' ' -f1 /proc/loadavg)
status=0
[ $data = 0 ] || bash loadtest/scale/data.sh || status=$?
[ $cluster = 0 ] || bash loadtest/scale/cluster.sh || status=$?

if [ $append = 1 ]; then
  {
    printf '\n### Scale run %s (`loadtest/scale.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'Commit %s%s. Machine: %s. PostgreSQL: %s. Load average (1 min) at the start %s, at the end %s.%s\n' \
      "$(git rev-parse --short HEAD)" "$(git diff --quiet HEAD -- . ':!BENCHMARKS.md' || echo ' (with uncommitted changes)')" \
      "$machine" "$(psql -X -At -h "${UH_PG_HOST:-127.0.0.1}" -p "${UH_PG_PORT:-5432}" -U "${UH_PG_ADMIN:-postgres}" -d postgres -c 'SHOW server_version')" \
      "$load_start" "$(cut -d' ' -f1 /proc/loadavg)" "${note:+ $note}"
    if [ -s "$SCALE_WORK/data.tsv" ]; then
      printf '\nData at scale, one officer at a time over HTTP with real tokens (ms):\n\n'
      cat "$SCALE_WORK/data.md"
      printf '\n| What | Calls | p50 | p95 | p99 | max | Note |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n'
      awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$SCALE_WORK/data.tsv"
    fi
    if [ -s "$SCALE_WORK/cluster.md" ]; then
      printf '\nTwo nodes (standalone-ha.xml, one PostgreSQL, one Keycloak, HAProxy), same run:\n\n'
      cat "$SCALE_WORK/cluster.md"
      if [ -s "$SCALE_WORK/cluster.tsv" ]; then
        printf '\n| Where | Work | Per second | p50 ms | p95 ms | p99 ms | Errors | Load avg |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n'
        awk -F'\t' '{ printf "| %s | %s | %.1f | %.1f | %.1f | %.1f | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$SCALE_WORK/cluster.tsv"
        printf '\nBoth nodes share the same 2 cores (and the machine with other builds): two nodes here measure the overhead of the cluster path (HAProxy, session replication, two JVMs), not a gain.\n'
      fi
    fi
  } >> BENCHMARKS.md
  echo "Appended to BENCHMARKS.md"
fi
echo "Logs and plans: $SCALE_WORK"
exit $status

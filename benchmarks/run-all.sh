#!/usr/bin/env bash
# Runs every benchmark and harness of this module one after the other (about 30 minutes on
# 2 cores), writing each one's output and the load average before and after it to a folder.
#
#   benchmarks/run-all.sh [results-folder]     (from the repository root)
#
# Extra Maven options (e.g. -Dmaven.repo.local=...) can be given in MVN_OPTS_EXTRA.
# The reactor modules it needs are installed first (tests skipped); nothing else is built.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-benchmarks/target/results/$(date -u +%Y-%m-%dT%H%M)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
mvn=(./mvnw -B -q ${MVN_OPTS_EXTRA:-})

"${mvn[@]}" install -pl benchmarks -am -DskipTests

run() {
  local name=$1
  shift
  {
    echo "== $name"
    echo "start: $(date -u +%FT%TZ), uptime: $(uptime)"
  } | tee "$out/$name.log"
  "${mvn[@]}" -pl benchmarks exec:exec "$@" 2>&1 | grep --line-buffered -v '^SLF4J' | tee -a "$out/$name.log"
  echo "end: $(date -u +%FT%TZ), uptime: $(uptime)" | tee -a "$out/$name.log"
}

jmh() {
  local name=$1
  shift
  run "$name" -Djmh="$* -rf json -rff $out/$name.json"
}

jmh rule-evaluation RuleEvaluationBenchmark
run evaluation-cpu -Dbench.main=org.unionhub.benchmarks.EvaluationCpuHarness -Djmh="50 200" \
  -Dbench.jvm="-Xms1g -Xmx1g -Dops=20000"
jmh rule-compile RuleCompileBenchmark
jmh config-lookup ConfigLookupBenchmark
jmh config-publish ConfigPublishBenchmark
run heap -Dbench.main=org.unionhub.benchmarks.HeapHarness -Djmh="200 10000 50 2000" \
  -Dbench.jvm="-Xms2g -Xmx8g"
run metaspace -Dbench.main=org.unionhub.benchmarks.MetaspaceHarness -Djmh="10000 10 50 100" \
  -Dbench.jvm="-Xms1g -Xmx1g"
echo "results in $out"

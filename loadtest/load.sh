#!/usr/bin/env bash
# UnionHub under load, side by side with PostgreSQL alone and with Flowable, in one run (issue 13).
#
#   loadtest/load.sh [--clients 16] [--seconds 30] [--warmup 10] [--jit-warmup 120]
#                    [--scenarios floor,pair,submit,worklist,config,answer]
#                    [--jfr] [--no-append] [--keep] [--unionhub-only] [--note "text for BENCHMARKS.md"]
#
# 1. builds the server and the harness (offline when ~/.m2 has everything);
# 2. creates a fresh PostgreSQL database with a schema-owner and an application role;
# 3. under `flock /tmp/uh-it.lock` (ports 8080/8180/9990): `./unionhub start --db-url ...` on that
#    database, --jit-warmup seconds of submit-and-approve pairs that are not measured (a JFR
#    recording after 10 s of load found a quarter of WildFly's CPU in the JIT compiler threads: the
#    first minutes measure the compiler, not the server; Flowable's JVM gets the same warm-up), then
#    the HTTP harness (real Keycloak tokens) scenario by scenario, each after its own --warmup, and
#    `./unionhub stop`. Pairs run before submissions, for both systems: submissions alone leave open
#    requests (open tasks in Flowable) behind, and pairs are compared on databases without them;
#    with --jfr, a JFR recording of WildFly during each scenario (loadtest/target/<scenario>.jfr);
# 4. pgbench on the same database: a one-row insert copied from a stored enrollment request
#    (same columns, same width, same indexes; durable: synchronous_commit as configured);
# 5. Flowable 7 embedded in a plain JVM on a second database of the same server: start a process
#    that evaluates a DMN decision and waits in a user task, then complete the task (history audit);
# 6. prints the ratios and appends everything, with the machine, date and load, to BENCHMARKS.md.
# --unionhub-only stops after step 3 (profiling, before/after comparisons of a change).
#
# Environment: UH_PG_HOST (127.0.0.1), UH_PG_PORT (5432), UH_PG_ADMIN (postgres; a superuser that
# logs in without a password, as for ./mvnw verify).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

clients=16 seconds=30 warmup=10 jit_warmup=120 scenarios=floor,pair,submit,worklist,config,answer jfr=0 append=1 keep=0 only=0 note=""
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --jit-warmup) jit_warmup=$2; shift 2 ;;
    --scenarios) scenarios=$2; shift 2 ;;
    --jfr) jfr=1; shift ;;
    --no-append) append=0; shift ;;
    --keep) keep=1; shift ;;
    --unionhub-only) only=1; shift ;;
    --note) note=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "load.sh: unknown option $1 (see --help)" >&2; exit 1 ;;
  esac
done

pg_host=${UH_PG_HOST:-127.0.0.1} pg_port=${UH_PG_PORT:-5432} pg_admin=${UH_PG_ADMIN:-postgres}
stamp=$(date -u +%Y%m%d%H%M%S)
db=uh_load_$stamp
flowable_db=uh_load_flowable_$stamp
out=$root/loadtest/target/load-$stamp
mkdir -p "$out"
results=$out/results.tsv
: > "$results"

say() { printf '\n== %s\n' "$*"; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_admin" "$@"; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# --- 1. tools and build -----------------------------------------------------------------------
if ! command -v pgbench >/dev/null; then
  say "Installing pgbench (Debian: postgresql-client)"
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y postgresql-client >/dev/null || $sudo apt-get install -y postgresql-contrib >/dev/null
fi
command -v psql >/dev/null || { echo "load.sh: psql is required (apt-get install postgresql-client)" >&2; exit 1; }

say "Building the server and the harness"
build=(./mvnw -q -B -pl server,loadtest -am package -DskipTests -Dspotless.check.skip=true)
"${build[@]}" -o || "${build[@]}"
classpath="$root/loadtest/target/classes:$(cat "$root/loadtest/target/classpath.txt")"

# --- 2. databases -----------------------------------------------------------------------------
say "Creating databases $db and $flowable_db on $pg_host:$pg_port"
psql_admin -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uh_load_owner') THEN
    CREATE ROLE uh_load_owner LOGIN PASSWORD 'uh-load-owner' NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uh_load_app') THEN
    CREATE ROLE uh_load_app LOGIN PASSWORD 'uh-load-app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END \$\$;
CREATE DATABASE $db OWNER uh_load_owner ENCODING 'UTF8';
CREATE DATABASE $flowable_db ENCODING 'UTF8';
SQL
cleanup() {
  if [ $keep = 0 ]; then
    psql_admin -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS $flowable_db" || true
  fi
}
trap cleanup EXIT

# --- 3. UnionHub and the harness, under the lock -------------------------------------------------
# Everything that starts servers or puts load on ports 8080/8180/9990 runs in this function, with
# /tmp/uh-it.lock held, and stops UnionHub before returning.
run_unionhub() {
  local run=${UNIONHUB_RUN_DIR:-"$root/.unionhub"}
  say "Starting UnionHub on PostgreSQL ($db)"
  ./unionhub start --db-url "jdbc:postgresql://$pg_host:$pg_port/$db" \
    --db-user uh_load_app --db-password uh-load-app \
    --db-owner-user uh_load_owner --db-owner-password uh-load-owner > "$out/unionhub.log" 2>&1 &
  local launcher=$! t0=$SECONDS
  until grep -q "UnionHub is running" "$out/unionhub.log"; do
    if ! kill -0 $launcher 2>/dev/null; then
      cat "$out/unionhub.log" >&2; echo "load.sh: UnionHub did not start" >&2; return 1
    fi
    [ $((SECONDS - t0)) -lt 600 ] || { ./unionhub stop; echo "load.sh: UnionHub not ready after 600 s" >&2; return 1; }
    sleep 2
  done
  echo "UnionHub ready after $((SECONDS - t0)) s"
  local wildfly_java
  wildfly_java=$(pgrep -P "$(cat "$run/wildfly.pid")" java | head -1)
  local status=0 s
  if [ "$jit_warmup" -gt 0 ]; then
    say "JIT warm-up: submit-and-approve pairs for $jit_warmup s, not measured (load $(load1))"
    java -cp "$classpath" org.unionhub.loadtest.LoadTest --scenarios pair --clients "$clients" \
      --seconds 0 --warmup "$jit_warmup" || status=$?
  fi
  for s in ${scenarios//,/ }; do
    if [ "$autovacuum" != on ]; then
      # This server's autovacuum is off: refresh the planner's statistics as autovacuum would, or a
      # worklist page is planned for the tiny table the run started with (it sorted 14,651 open
      # requests for a page of 50: 18 ms instead of 0.4 ms).
      psql -X -q -h "$pg_host" -p "$pg_port" -U "$pg_admin" -d "$db" -c ANALYZE
    fi
    say "Harness: $s ($clients clients, ${warmup} s warm-up, ${seconds} s measured; load $(load1))"
    if [ $jfr = 1 ] && [ -n "$wildfly_java" ]; then
      # Recording starts when the warm-up ends (the first submissions compile the rules).
      jcmd "$wildfly_java" JFR.start name=load settings=profile delay="${warmup}s" \
        filename="$out/$s.jfr" >/dev/null
    fi
    java -cp "$classpath" org.unionhub.loadtest.LoadTest --scenarios "$s" --clients "$clients" \
      --seconds "$seconds" --warmup "$warmup" --tsv "$results" --server-pid "${wildfly_java:-0}" \
      || status=$?
    if [ $jfr = 1 ] && [ -n "$wildfly_java" ]; then
      jcmd "$wildfly_java" JFR.stop name=load >/dev/null
      echo "JFR recording of the $s load: $out/$s.jfr"
    fi
  done
  ps -o pid=,etimes=,times=,comm= -p "$wildfly_java" > "$out/wildfly-cpu.txt" 2>/dev/null || true
  ./unionhub stop > /dev/null
  wait $launcher 2>/dev/null || true
  return $status
}
export -f run_unionhub say load1
# Autovacuum keeps the planner's statistics only with track_counts on as well.
autovacuum=$(psql_admin -d postgres -At -c "SELECT CASE WHEN bool_and(setting = 'on') THEN 'on' ELSE 'off' END FROM pg_settings WHERE name IN ('autovacuum', 'track_counts')")
[ "$autovacuum" = on ] || echo "load.sh: autovacuum (or track_counts) is off on $pg_host:$pg_port; the database is analyzed before each workload"
export root out db pg_host pg_port pg_admin autovacuum clients seconds warmup jit_warmup scenarios jfr classpath results
say "Waiting for /tmp/uh-it.lock (other engineers' servers and tests)"
harness_status=0
flock /tmp/uh-it.lock bash -c run_unionhub || harness_status=$?
if [ ! -s "$results" ]; then
  echo "load.sh: the harness produced no results (exit status $harness_status)" >&2
  exit 1
fi
if [ $only = 1 ]; then
  cat "$results"
  exit $harness_status
fi

# --- 4. pgbench: a one-row insert of the same width ---------------------------------------------
say "pgbench: one-row insert of a stored enrollment request's columns ($clients clients, ${seconds} s; load $(load1))"
psql_admin -d "$db" -c "CREATE TABLE pgbench_submission (LIKE service_request INCLUDING DEFAULTS INCLUDING INDEXES)"
# The INSERT copies every column of the newest stored enrollment request as literals; fresh ids.
psql_admin -d "$db" -At > "$out/insert.sql" <<'SQL'
SELECT 'INSERT INTO pgbench_submission (' || string_agg(quote_ident(key), ', ' ORDER BY key)
    || ') VALUES (' || string_agg(
      CASE WHEN key = 'id' THEN 'gen_random_uuid()'
           WHEN key = 'idempotency_key' THEN 'gen_random_uuid()::text'
           WHEN value = 'null'::jsonb THEN 'NULL'
           ELSE quote_literal(value #>> '{}') END, ', ' ORDER BY key) || ');'
FROM (SELECT * FROM service_request WHERE module = 'enrollment' ORDER BY submitted_at DESC LIMIT 1) r,
     jsonb_each(to_jsonb(r)) AS e(key, value);
SQL
[ -s "$out/insert.sql" ] || { echo "load.sh: no stored enrollment request to copy (did the harness run?)" >&2; exit 1; }
pgbench -h "$pg_host" -p "$pg_port" -U "$pg_admin" -n -c "$clients" -j 2 -T "$seconds" \
  -f "$out/insert.sql" "$db" > "$out/pgbench.txt" 2>&1 || { cat "$out/pgbench.txt"; exit 1; }
pg_tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$out/pgbench.txt")
pg_lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$out/pgbench.txt")
width=$(psql_admin -d "$db" -At -c "SELECT (SELECT round(avg(pg_column_size(s.*))) FROM service_request s WHERE module = 'enrollment') || ' / ' || (SELECT round(avg(pg_column_size(p.*))) FROM pgbench_submission p)")
grep -E '^(tps|latency average|number of transactions actually)' "$out/pgbench.txt"
echo "row width in bytes, service_request / pgbench_submission: $width"

# --- 5. Flowable ----------------------------------------------------------------------------------
say "Flowable 7 embedded: DMN decision + user task, then complete it ($clients clients; load $(load1))"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" org.unionhub.loadtest.flowable.FlowableBench \
  --jdbc-url "jdbc:postgresql://$pg_host:$pg_port/$flowable_db" --user "$pg_admin" \
  --clients "$clients" --seconds "$seconds" --warmup "$warmup" --jit-warmup "$jit_warmup" \
  --scenarios pair,start --tsv "$results"

# --- 6. ratios and BENCHMARKS.md ------------------------------------------------------------------
col() { awk -F'\t' -v s="$1" -v c="$2" '$1 == s { print $c }' "$results"; }
uh_submit=$(col submit 5) uh_pair=$(col pair 5) fl_pair=$(col flowable-pair 5)
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }' || echo "n/a"; }
r_submit=$(ratio "$uh_submit" "$pg_tps")
r_pair=$(ratio "$uh_pair" "$fl_pair")
say "Ratios"
echo "UnionHub submissions/s ÷ pgbench inserts/s = ${uh_submit:-?} / $pg_tps = $r_submit (target ≥ 0.1)"
echo "UnionHub pairs/s ÷ Flowable pairs/s       = ${uh_pair:-?} / ${fl_pair:-?} = $r_pair (target ≥ 2)"

if [ $append = 1 ]; then
  machine=$(java -cp "$classpath" org.unionhub.loadtest.Machine 2>/dev/null || uname -a)
  {
    printf '\n### Load run %s (`loadtest/load.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'Commit %s%s. Machine: %s. PostgreSQL: %s. %d clients; %d s of unmeasured JIT warm-up (UnionHub and Flowable alike), then %d s warm-up and %d s measured per line.\n' \
      "$(git rev-parse --short HEAD)" "$(git diff --quiet HEAD -- . ':!BENCHMARKS.md' || echo ' (with uncommitted changes)')" \
      "$machine" "$(psql_admin -d postgres -At -c 'SHOW server_version')" "$clients" "$jit_warmup" "$warmup" "$seconds"
    printf 'The machine is shared with other engineers'"'"' builds: the 1-minute load average is next to every number, and numbers taken under a load above the core count are noisy.%s\n\n' \
      "${note:+ $note}"
    printf '| Work | Per second | p50 ms | p95 ms | p99 ms | max ms | Errors | Load avg before → after |\n'
    printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n'
    awk -F'\t' '{ printf "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.2f → %.2f |\n", $1, $5, $6, $7, $8, $9, $10, $11, $12 }' "$results"
    printf '| pgbench one-row insert (row width %s bytes) | %.1f | avg %s | | | | | |\n' "$width" "$pg_tps" "$pg_lat"
    printf '\nUnionHub submissions/s ÷ pgbench inserts/s = **%s** (target ≥ 0.1); UnionHub pairs/s ÷ Flowable pairs/s = **%s** (target ≥ 2).\n' "$r_submit" "$r_pair"
    [ -s "$out/wildfly-cpu.txt" ] && printf 'WildFly JVM CPU time over the run (pid, elapsed s, cpu time): %s\n' "$(tr -s ' ' < "$out/wildfly-cpu.txt")"
  } >> BENCHMARKS.md
  echo "Appended to BENCHMARKS.md"
fi
exit $harness_status

#!/usr/bin/env bash
# Storage-level harness of the survey module (BENCHMARKS.md): answers per second against
# enrollment submissions, and the results read of a survey with 100,000 answers.
# Needs a local PostgreSQL whose superuser logs in without a password; uses a scratch database.
set -euo pipefail
cd "$(dirname "$0")"
DB=unionhub_survey_bench
PG="-h ${PGHOST:-127.0.0.1} -U ${PGUSER:-postgres}"
CLIENTS=${CLIENTS:-4}
SECONDS_EACH=${SECONDS_EACH:-30}
dropdb $PG --if-exists "$DB"
createdb $PG "$DB"
psql $PG -q -d "$DB" -f schema.sql
target=$(psql $PG -qtA -d "$DB" -c "select gen_random_uuid()")
echo "== enrollment submissions ($CLIENTS clients, ${SECONDS_EACH}s)"
pgbench $PG -n -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" -f enrollment.sql "$DB" | grep -E "tps|latency average"
echo "== survey answers to one survey ($CLIENTS clients, ${SECONDS_EACH}s)"
pgbench $PG -n -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" -D target="'$target'" -f answer.sql "$DB" | grep -E "tps|latency average"
have=$(psql $PG -qtA -d "$DB" -c "select count(*) from module_action where target_id = '$target'")
echo "== filling the survey up to 100,000 answers (has $have)"
if [ "$have" -lt 100000 ]; then
  pgbench $PG -n -c "$CLIENTS" -j 2 -t $(( (100000 - have) / CLIENTS + 1 )) -D target="'$target'" -f answer.sql "$DB" | grep -E "tps"
fi
psql $PG -qtA -d "$DB" -c "select count(*) as answers from module_action where target_id = '$target'"
psql $PG -qtA -d "$DB" -c "select cell_key, sum(cell_count) from tally_cell where target_id = '$target' and cell_key = 'count' group by cell_key"
psql $PG -q -d "$DB" -c "vacuum analyze"
echo "== results read (cells + 2,000 payloads), 1 client, ${SECONDS_EACH}s"
pgbench $PG -n -c 1 -T "$SECONDS_EACH" -D target="'$target'" -f results.sql "$DB" | grep -E "tps|latency average"
echo "== the same, cells only, counting every answer instead (what tally cells avoid)"
psql $PG -q -d "$DB" -c "\\timing on" -c "select payload->>'canteen', count(*) from module_action where target_id = '$target' group by 1" | grep -E "Time"
dropdb $PG "$DB"

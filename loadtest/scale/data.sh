#!/usr/bin/env bash
# Data at scale (issue 13): a database migrated by UnionHub's own changelog, templates written by
# UnionHub through its API, 10,000 tenants / N requests / M members generated from them in
# PostgreSQL, then measurements against UnionHub running on it. Called by loadtest/scale.sh;
# writes $work/data.tsv (name, calls, p50, p95, p99, max, note) and $work/data.md (notes).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$root"
requests=${SCALE_REQUESTS:-1000000} members=${SCALE_MEMBERS:-1000000}
small_ready=${SCALE_SMALL_READY:-} small_boot=${SCALE_SMALL_BOOT:-}
work=${SCALE_WORK:?} keep=${SCALE_KEEP:-0}
# SCALE_DB names an already generated database (kept by --keep): only the measurements run on it,
# with the key file already in SCALE_WORK.
db=${SCALE_DB:-uh_scale_$(date -u +%Y%m%d%H%M%S)}
classpath="$root/loadtest/target/classes:$(cat "$root/loadtest/target/classpath.txt")"
export UNIONHUB_PORT_OFFSET=$offset1 UNIONHUB_RUN_DIR=$work/run-data UNIONHUB_DATA_DIR=$work/data-data
mkdir -p "$UNIONHUB_RUN_DIR" "$UNIONHUB_DATA_DIR"
api=http://localhost:$((8080 + offset1))/api/v1
realm=http://localhost:$((8180 + offset1))/realms/unionhub
tsv=$work/data.tsv notes=$work/data.md
: > "$tsv"; : > "$notes"
note() { printf '%s\n' "$*" | tee -a "$notes"; }

cleanup() {
  stop_unionhub
  if [ "$keep" = 0 ]; then psql_admin -d postgres -c "DROP DATABASE IF EXISTS $db" || true; fi
}
trap cleanup EXIT

if [ -z "${SCALE_DB:-}" ]; then
say "Database $db on $pg_host:$pg_port; UnionHub on port offset $offset1 migrates it and writes the templates"
create_database "$db"
export UNIONHUB_WILDFLY_OPTS="-Dunionhub.timers.poll-seconds=1"
start_unionhub "$db" "$work/unionhub-1.log"
note "- First start (empty database, Liquibase creates the schema): WildFly ready after ${ready_after} s (boot ${boot_ms} ms)."

submit() { # worker idNumber key → prints id and version
  curl -sf -H "Authorization: Bearer $(token "$1")" -H 'Content-Type: application/json' -H "Idempotency-Key: $3" \
    -d '{"data":{"name":"张三","gender":"male","idNumber":"'"$2"'","mobile":"13800138000","employerName":"深圳市福田区星河科技有限公司","employerCreditCode":"91440300192185379H","employmentType":"employee","district":"gd-sz-ft"}}' \
    "$api/tenants/gd-sz-ft-001/modules/enrollment/requests" | python3 -c 'import sys,json;d=json.load(sys.stdin);print(d["id"],d["version"])'
}
act() { # id version action
  curl -sf -o /dev/null -H "Authorization: Bearer $(token ft-staff)" -H 'Content-Type: application/json' \
    -H "If-Match: \"$2\"" -d '{"action":"'"$3"'","comment":"scale.sh"}' "$api/requests/$1/transitions"
}
read -r id1 v1 < <(submit worker1 44030419900307123X scale-1); act "$id1" "$v1" approve
read -r id2 v2 < <(submit worker2 440305198811122340 scale-2); act "$id2" "$v2" reject
read -r id3 v3 < <(submit worker3 33010619950521345X scale-3)
read -r id4 v4 < <(submit worker2 440106199208154567 scale-4)
# The fourth is left until it is overdue: its timers are made due now and fire (poll every second).
psql_owner -d "$db" -c "SET unionhub.tenants = '*'; UPDATE request_timer SET fire_at = now() - interval '1 second' WHERE request_id = '$id4'" >/dev/null
for _ in $(seq 1 60); do
  [ "$(psql_owner -d "$db" -At -c "SET unionhub.tenants = '*'; SELECT count(*) FROM service_request WHERE id = '$id4' AND escalated_to IS NOT NULL" | tail -1)" = 1 ] && break
  sleep 1
done
psql_owner -d "$db" -c "SET unionhub.tenants = '*'; SELECT submitted_by, state, escalated_to, due_date, left(data::text, 300) AS data FROM service_request ORDER BY submitted_at"
stop_unionhub

say "Start on the small database (already migrated): the start-up time to compare with"
unset UNIONHUB_WILDFLY_OPTS
start_unionhub "$db" "$work/unionhub-2.log"
small_ready=$ready_after small_boot=$boot_ms
stop_unionhub

say "Generating: people (sealed by UnionHub's classes), then tenants, requests, history, timers, members (load $(load1))"
keys="$UNIONHUB_DATA_DIR/unionhub-keys.properties"
[ -f "$keys" ] || { echo "scale: no key file at $keys" >&2; exit 1; }
people=$((members + requests / 5))
psql_owner -d "$db" -c "CREATE UNLOGGED TABLE gen_person (n bigint PRIMARY KEY, name text, id_sealed text, id_index text, id_last4 text, mobile_sealed text)"
t0=$SECONDS
java -cp "$classpath" org.unionhub.loadtest.scale.PersonData "$keys" 1 "$people" \
  | psql_owner -d "$db" -c "\\copy gen_person FROM STDIN"
psql_owner -d "$db" -c "ANALYZE gen_person"
people_s=$((SECONDS - t0))
t0=$SECONDS
{ echo "SET unionhub.tenants = '*';"; cat loadtest/scale/generate.sql; } \
  | psql_owner -1 -d "$db" -v requests="$requests" -v members="$members" -f - | tee "$work/generate.log"
gen_s=$((SECONDS - t0))
psql_owner -d "$db" -c "DROP TABLE gen_person"
# A database that has been in use has been vacuumed by autovacuum; a million rows inserted in one
# transaction a moment ago have not, and PostgreSQL then reads every counted row from the table
# instead of from the index alone (no page is marked all-visible yet). Vacuum as autovacuum would.
psql_admin -d "$db" -c "VACUUM (ANALYZE)" >/dev/null
psql_admin -d "$db" -c "CHECKPOINT" >/dev/null
counts=$(psql_owner -d "$db" -At -F' ' -c "SET unionhub.tenants = '*'" -c "SELECT (SELECT count(*) FROM tenant), (SELECT count(*) FROM service_request), (SELECT count(*) FROM request_transition), (SELECT count(*) FROM request_timer), (SELECT count(*) FROM membership), pg_size_pretty(pg_database_size(current_database()))" | tail -1)
note "- Generated in $((people_s + gen_s)) s ($people people sealed and copied in ${people_s} s, the rest in SQL in ${gen_s} s): tenants, requests, transitions, timers, members, database size = $counts."
fi

say "Start on the full database"
start_unionhub "$db" "$work/unionhub-3.log"
note "- Start-up, small database → full database: WildFly ready after ${small_ready:-?} s → ${ready_after} s; WildFly's boot (deployment included) ${small_boot:-?} ms → ${boot_ms} ms."

say "Plans (EXPLAIN ANALYZE as the application role, its scope set as UnionHub sets it)"
explain() { # label tenant extra-where
  local codes
  codes=$(psql_owner -d "$db" -At -c "WITH RECURSIVE s AS (SELECT code FROM tenant WHERE code = '$2' UNION ALL SELECT t.code FROM tenant t JOIN s ON t.parent_code = s.code) SELECT string_agg(code, ',') FROM s")
  local list
  list=$(printf '%s' "$codes" | sed "s/[^,]*/'&'/g")
  {
    echo "#### $1"
    echo '```'
    psql_app -d "$db" -At <<SQL
BEGIN;
SELECT set_config('unionhub.tenants', '$codes', true), set_config('unionhub.user', '', true) \\g /dev/null
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $3
ROLLBACK;
SQL
    echo '```'
  } | sed -E 's/^(.{220}).+$/\1 …/' >> "$work/plans.md"
}
explain_all() {
  for t in gd-sz-ft gd; do
    local codes list
    codes=$(psql_owner -d "$db" -At -c "WITH RECURSIVE s AS (SELECT code FROM tenant WHERE code = '$t' UNION ALL SELECT t.code FROM tenant t JOIN s ON t.parent_code = s.code) SELECT string_agg(quote_literal(code), ',') FROM s")
    # As UnionHub asks since session 6: the walls narrowed to the subtree select it (the tenant
    # filter's condition below), no second IN-list in the query.
    explain "worklist first page, open=true, $t" "$t" "SELECT * FROM service_request r WHERE (r.tenant_id IN ($codes) OR r.submitted_by = '') AND r.finished_at IS NULL ORDER BY r.submitted_at DESC, r.id DESC LIMIT 51;"
    explain "worklist first page, all, $t" "$t" "SELECT * FROM service_request r WHERE (r.tenant_id IN ($codes) OR r.submitted_by = '') ORDER BY r.submitted_at DESC, r.id DESC LIMIT 51;"
  done
  codes=$(psql_owner -d "$db" -At -c "WITH RECURSIVE s AS (SELECT code FROM tenant WHERE code = 'gd-sz' UNION ALL SELECT t.code FROM tenant t JOIN s ON t.parent_code = s.code) SELECT string_agg(quote_literal(code), ',') FROM s")
  explain "request counts, gd-sz" gd-sz "SELECT module, state, count(*), sum(CASE WHEN due_date < current_date THEN 1 ELSE 0 END) FROM service_request r WHERE r.tenant_id IN ($codes) GROUP BY module, state;"
}
: > "$work/plans.md"
explain_all

say "Measurements over HTTP (load $(load1))"
psql_owner -d "$db" -At -c "WITH RECURSIVE s AS (SELECT code FROM tenant WHERE parent_code = 'zj' UNION ALL SELECT t.code FROM tenant t JOIN s ON t.parent_code = s.code) SELECT code FROM s" > "$work/zj-descendants.txt"
load_before=$(load1)
java -cp "$classpath" org.unionhub.loadtest.scale.ScaleProbe --api "$api/" --realm "$realm" --tsv "$tsv" \
  --descendants "$work/zj-descendants.txt" --calls "${SCALE_CALLS:-200}" ${SCALE_ONLY:+--only "$SCALE_ONLY"}
note "- Load average (1 min) during the measurements: $load_before → $(load1)."
stop_unionhub

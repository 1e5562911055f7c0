#!/usr/bin/env bash
# Results of a survey with 100,000 answers through the real API (issue 10's benchmark), against a
# running UnionHub on its embedded PostgreSQL (./unionhub start; UNIONHUB_PORT_OFFSET and
# UNIONHUB_DATA_DIR as for the launcher). A member can answer a survey only once, so 100,000
# answers cannot come through the API from the demo's members: the script creates and publishes a
# survey through the API (sz-admin), answers it once through the API (ft-member1), then adds the
# other answers with pgbench as the schema owner, row for row what the answer endpoint writes
# (answer.sql's shape: participation, action, tally UPSERTs into 16 stripes) under the same
# row-level security scope the application sets, and finally times
# GET .../tallies/results as the city admin with curl: N calls (default 200) after 20 warm-up calls.
#
#   benchmarks/survey/http-results.sh [ANSWERS] [CALLS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
answers=${1:-100000}
calls=${2:-200}
offset=${UNIONHUB_PORT_OFFSET:-0}
app="http://localhost:$((8080 + offset))"
kc="http://localhost:$((8180 + offset))"
data=${UNIONHUB_DATA_DIR:-"$root/data"}
. "$data/postgresql.credentials"
export PGPASSWORD=$pg_owner_password
pg=(-h 127.0.0.1 -p $((8432 + offset)) -U "$pg_owner" -d "$pg_database")

token() {
  curl -sf -d grant_type=password -d client_id=unionhub-cli -d username="$1" -d password=unionhub \
    "$kc/realms/unionhub/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
admin=$(token sz-admin)
member=$(token ft-member1)
items="$app/api/v1/tenants/gd-sz/modules/survey/items"
closes=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)
body=$(cat <<JSON
{"title":"十万份答卷","description":"结果读取基准","anonymous":false,"resultsVisibility":"LIVE",
 "closesAt":"$closes","questions":[
  {"name":"canteen","type":"CHOICE","label":"食堂满意吗",
   "choices":[{"value":"yes","label":"满意"},{"value":"no","label":"不满意"}]},
  {"name":"wishes","type":"MULTI_CHOICE","label":"希望增加","required":false,"maxChoices":2,
   "choices":[{"value":"fruit","label":"水果"},{"value":"noodles","label":"面食"},{"value":"soup","label":"汤"}]},
  {"name":"score","type":"RATING","label":"评分"},
  {"name":"remarks","type":"LONG_TEXT","label":"其他意见","required":false,"maxLength":50}]}
JSON
)
id=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "$body" "$items" \
  | sed 's/.*"id":"\([^"]*\)".*/\1/')
curl -sf -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{}' "$items/$id/publish"
curl -sf -o /dev/null -H "Authorization: Bearer $member" -H 'Content-Type: application/json' \
  -d '{"values":{"canteen":"yes","wishes":"noodles,soup","score":"4","remarks":"多些蔬菜"}}' \
  "$items/$id/actions/answer"
echo "survey $id published and answered once through the API"

cat > /tmp/uh-answer-$$.sql <<'SQL'
\set m random(1, 1000000000)
\set c random(0, 1)
\set r random(1, 5)
\set s random(0, 15)
BEGIN;
SELECT set_config('unionhub.tenants', 'gd-sz', true), set_config('unionhub.user', 'bench', true);
INSERT INTO module_participation (id, tenant_id, target_id, action_type, member, taken_on)
  VALUES (gen_random_uuid(), 'gd-sz', :target::uuid, 'answer', 'bench-' || :m || '-' || txid_current(), current_date)
  ON CONFLICT DO NOTHING;
INSERT INTO module_action (id, tenant_id, module, target_id, action_type, actor, acted_on, acted_at, payload)
  VALUES (gen_random_uuid(), 'gd-sz', 'survey', :target::uuid, 'answer', 'bench-' || :m, current_date, now(),
          jsonb_build_object('canteen', (ARRAY['yes','no'])[:c + 1], 'wishes', 'noodles,soup', 'score', :r::text,
                             'remarks', '多些蔬菜'));
INSERT INTO tally_cell (target_id, tally, cell_key, tenant_id, cell_count, cell_sum, stripe) VALUES
  (:target::uuid, 'results', 'canteen=' || (ARRAY['yes','no'])[:c + 1], 'gd-sz', 1, 0, :s),
  (:target::uuid, 'results', 'count', 'gd-sz', 1, 0, :s),
  (:target::uuid, 'results', 'remarks', 'gd-sz', 1, 0, :s),
  (:target::uuid, 'results', 'score', 'gd-sz', 1, :r, :s),
  (:target::uuid, 'results', 'wishes=noodles', 'gd-sz', 1, 0, :s),
  (:target::uuid, 'results', 'wishes=soup', 'gd-sz', 1, 0, :s)
  ON CONFLICT (target_id, tally, cell_key, stripe) DO UPDATE
  SET cell_count = tally_cell.cell_count + excluded.cell_count, cell_sum = tally_cell.cell_sum + excluded.cell_sum;
COMMIT;
SQL
trap 'rm -f /tmp/uh-answer-$$.sql' EXIT
pgbench "${pg[@]}" -n -c 4 -j 2 -t $(( (answers - 1) / 4 )) -D target="'$id'" -f /tmp/uh-answer-$$.sql \
  | grep -E "^tps|failed"
psql "${pg[@]}" -qtA -c "vacuum analyze module_action, tally_cell, module_participation"

# Warm up, then time each call (curl's time_total, seconds).
for _ in $(seq 1 20); do
  curl -sf -o /dev/null -H "Authorization: Bearer $admin" "$items/$id/tallies/results"
done
curl -sf -H "Authorization: Bearer $admin" "$items/$id/tallies/results" \
  | grep -o '"responses":[0-9]*' | sed 's/^/results: /'
for _ in $(seq 1 "$calls"); do
  curl -sf -o /dev/null -w '%{time_total} %{size_download}\n' -H "Authorization: Bearer $admin" \
    "$items/$id/tallies/results"
done | sort -n | awk '{ t[NR] = $1 * 1000; size = $2 } END {
  printf "GET results, %d calls: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %d bytes\n",
    NR, t[int(NR * 0.5)], t[int(NR * 0.95)], t[int(NR * 0.99)], t[NR], size }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Beyond one machine (issue 13): two WildFly nodes (standalone-ha.xml, sessions replicated over
# JGroups on loopback) on one PostgreSQL database and one Keycloak, behind HAProxy started here.
# Checks, each failing the run: configuration and rules published through one node take effect on
# the other within 2 s; due timers fire once; a signed-in web session survives the node that
# served it. Then throughput through the load balancer (two nodes) and of one node alone.
# Called by loadtest/scale.sh; writes $work/cluster.tsv and $work/cluster.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$root"
work=${SCALE_WORK:?} keep=${SCALE_KEEP:-0}
clients=${SCALE_CLIENTS:-16} seconds=${SCALE_SECONDS:-20} warmup=${SCALE_WARMUP:-10}
db=uh_scale_cluster_$(date -u +%Y%m%d%H%M%S)
classpath="$root/loadtest/target/classes:$(cat "$root/loadtest/target/classpath.txt")"
node1=http://localhost:$((8080 + offset1)) node2=http://localhost:$((8080 + offset2))
lb_port=$((8090 + offset1)) lb=http://localhost:$((8090 + offset1))
kc=http://localhost:$((8180 + offset1)) realm=http://localhost:$((8180 + offset1))/realms/unionhub
peers="-Dunionhub.cluster.peer1=$((7600 + offset1)) -Dunionhub.cluster.peer2=$((7600 + offset2))"
tsv=$work/cluster.tsv notes=$work/cluster.md
: > "$tsv"; : > "$notes"
note() { printf '%s\n' "$*" | tee -a "$notes"; }
node2_dir=$work/run-node2
export UNIONHUB_PORT_OFFSET=$offset1 UNIONHUB_RUN_DIR=$work/run-node1 UNIONHUB_DATA_DIR=$work/data-node1
mkdir -p "$UNIONHUB_RUN_DIR" "$UNIONHUB_DATA_DIR" "$node2_dir"
node2_pid="" haproxy_pid=""

stop_node2() {
  [ -n "$node2_pid" ] && kill -0 "$node2_pid" 2>/dev/null || return 0
  kill -TERM -- "-$node2_pid" 2>/dev/null || kill -TERM "$node2_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$node2_pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL -- "-$node2_pid" 2>/dev/null || true
}
cleanup() {
  [ -n "$haproxy_pid" ] && kill "$haproxy_pid" 2>/dev/null || true
  stop_node2
  stop_unionhub
  if [ "$keep" = 0 ]; then psql_admin -d postgres -c "DROP DATABASE IF EXISTS $db" || true; fi
}
trap cleanup EXIT

say "Database $db; node 1 (offset $offset1, with Keycloak) through ./unionhub, standalone-ha.xml"
create_database "$db"
export UNIONHUB_WILDFLY_CONFIG=standalone-ha.xml
export UNIONHUB_WILDFLY_OPTS="-Djboss.node.name=node1 $peers -Dunionhub.timers.poll-seconds=1"
start_unionhub "$db" "$work/node1.log"

say "Node 2 (offset $offset2): the same WildFly distribution and WAR, its own base directory"
rm -rf "$node2_dir/wildfly"; mkdir -p "$node2_dir/wildfly/deployments" "$node2_dir/logs"
cp -a server/target/wildfly/standalone/configuration "$node2_dir/wildfly/configuration"
cp server/target/unionhub.war "$node2_dir/wildfly/deployments/"
JBOSS_JAVA_SIZING="-Xms256m -Xmx1g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m" \
setsid server/target/wildfly/bin/standalone.sh -c standalone-ha.xml \
  -Djboss.server.base.dir="$node2_dir/wildfly" -Djboss.socket.binding.port-offset="$offset2" \
  -Djboss.node.name=node2 $peers -Dunionhub.timers.poll-seconds=1 \
  -Dunionhub.db.url="jdbc:postgresql://$pg_host:$pg_port/$db" \
  -Dunionhub.db.user=uh_scale_app -Dunionhub.db.password=uh-scale-app \
  -Dunionhub.db.owner-user=uh_scale_owner -Dunionhub.db.owner-password=uh-scale-owner \
  -Dunionhub.oidc.provider-url="$realm" -Dunionhub.keys.file="$UNIONHUB_DATA_DIR/unionhub-keys.properties" \
  -Dunionhub.worker.threads="$((3 * $(nproc)))" -Dunionhub.io.threads="$(( ($(nproc) + 3) / 4 ))" \
  > "$node2_dir/logs/console.log" 2>&1 < /dev/null &
node2_pid=$!
t0=$SECONDS
until curl -sf "http://localhost:$((9990 + offset2))/health/ready" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$node2_pid" 2>/dev/null || { tail -40 "$node2_dir/logs/console.log" >&2; exit 1; }
  [ $((SECONDS - t0)) -lt 600 ] || { echo "scale: node 2 not ready after 600 s" >&2; exit 1; }
  sleep 1
done
note "- Node 2 ready after $((SECONDS - t0)) s."
view=$(grep -ho "joined cluster .* with view: .*" "$node2_dir/wildfly/log/server.log" | tail -1 || true)
[ -n "$view" ] || { echo "scale: node 2 joined no cluster (JGroups)" >&2; exit 1; }
note "- Node 2 $view"

say "HAProxy on port $lb_port in front of both nodes"
cat > "$work/haproxy.cfg" <<CFG
global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  option redispatch
  retries 3
  retry-on conn-failure empty-response 503
frontend unionhub
  bind 127.0.0.1:$lb_port
  default_backend nodes
backend nodes
  balance roundrobin
  # The public address the realm's redirect URIs name (http://localhost:8080 in the demo realm):
  # the nodes build OIDC redirects from it; the client reaches it through this balancer.
  http-request set-header Host localhost:8080
  # Browsers stick to the node that holds their session (cookie UHNODE); API calls without it
  # are spread request by request. Readiness comes from each node's management port.
  cookie UHNODE insert indirect nocache httponly
  option httpchk GET /health/ready
  http-check expect string UP
  server node1 127.0.0.1:$((8080 + offset1)) cookie node1 check port $((9990 + offset1)) inter 1s fall 2 rise 2
  server node2 127.0.0.1:$((8080 + offset2)) cookie node2 check port $((9990 + offset2)) inter 1s fall 2 rise 2
CFG
haproxy -f "$work/haproxy.cfg" -db > "$work/haproxy.log" 2>&1 &
haproxy_pid=$!
sleep 3
curl -sf -o /dev/null "$lb/" || { cat "$work/haproxy.log"; echo "scale: HAProxy does not answer" >&2; exit 1; }

# SCALE_STEPS picks the steps (a rerun of one check on fresh nodes).
steps=" ${SCALE_STEPS:-config rules timers throughput session} "
step() { [[ "$steps" == *" $1 "* ]]; }
check() { java -cp "$classpath" org.unionhub.loadtest.scale.ClusterCheck --node1 "$node1" --node2 "$node2" --lb "$lb" --realm "$realm" "$@" | tee -a "$work/checks.log"; }
: > "$work/checks.log"
status=0
if step config; then
say "Check: configuration published through node 1, in force on node 2"
check --check config || status=1
fi
if step rules; then
say "Check: rules published through node 2, applied by node 1 (KieBase)"
check --check rules || status=1
fi

if step timers; then
say "Check: due timers fire once with both nodes polling every second"
ids=()
for i in $(seq 1 20); do
  ids+=("$(curl -sf -H "Authorization: Bearer $(token worker3)" -H 'Content-Type: application/json' -H "Idempotency-Key: timer-$i-$RANDOM" \
    -d '{"data":{"name":"王五","gender":"male","idNumber":"33010619950521345X","mobile":"13800138000","employerName":"杭州云帆物流有限公司","employerCreditCode":"91440300192185379H","employmentType":"employee","district":"gd-sz-ft"}}' \
    "$lb/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests" | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')")
done
id_list=$(printf "'%s'," "${ids[@]}"); id_list=${id_list%,}
psql_owner -d "$db" -c "SET unionhub.tenants = '*'; UPDATE request_timer SET fire_at = now() WHERE request_id IN ($id_list) AND kind = 'REMIND'" > /dev/null
sleep 8
timer_result=$(psql_owner -d "$db" -At -F' ' -c "SET unionhub.tenants = '*'" -c "
  SELECT count(*) FILTER (WHERE n = 1), count(*) FILTER (WHERE n <> 1), string_agg(DISTINCT fired_by, ',')
  FROM (SELECT r.id, (SELECT count(*) FROM request_transition x WHERE x.request_id = r.id AND x.action = 'remind') AS n,
               (SELECT string_agg(fired_by, ',') FROM request_timer t WHERE t.request_id = r.id AND t.kind = 'REMIND') AS fired_by
        FROM service_request r WHERE r.id IN ($id_list)) s" | tail -1)
read -r once other fired_by <<<"$timer_result"
by_node=$(psql_owner -d "$db" -At -c "SET unionhub.tenants = '*'" -c "SELECT string_agg(fired_by || ': ' || n, ', ') FROM (SELECT fired_by, count(*) n FROM request_timer WHERE request_id IN ($id_list) AND kind = 'REMIND' GROUP BY 1) s" | tail -1)
if [ "$once" = 20 ] && [ "$other" = 0 ]; then
  echo "PASS timers: 20 due reminders, each recorded exactly once in the request's history (fired by $by_node)" | tee -a "$work/checks.log"
else
  echo "FAIL timers: $once of 20 reminders recorded once, $other not exactly once ($by_node)" | tee -a "$work/checks.log"; status=1
fi
fi

if step throughput; then
say "Throughput: $clients clients, ${warmup} s warm-up, ${seconds} s; both nodes through HAProxy, then node 1 alone"
for target in "two nodes via HAProxy|$lb" "one node (node 1 direct)|$node1"; do
  label=${target%%|*} url=${target#*|}
  for s in submit worklist; do
    before=$(load1)
    java -cp "$classpath" org.unionhub.loadtest.LoadTest --scenarios "$s" --clients "$clients" --seconds "$seconds" \
      --warmup "$warmup" --api "$url/api/v1/" --realm "$realm" --tsv "$work/throughput-raw.tsv" > "$work/lt-$s.log" 2>&1 \
      || { tail -20 "$work/lt-$s.log"; status=1; }
    tail -1 "$work/throughput-raw.tsv" | awk -F'\t' -v l="$label" -v b="$before" -v a="$(load1)" \
      'BEGIN{OFS="\t"} { print l, $1, $5, $6, $7, $8, $10, b " → " a }' >> "$tsv"
  done
done
cat "$tsv"
fi

if step session; then
say "Check: a signed-in session survives the node that served it"
stop1="UNIONHUB_RUN_DIR=$UNIONHUB_RUN_DIR; kill -TERM -- -\$(cat $UNIONHUB_RUN_DIR/wildfly.pid) 2>/dev/null; while kill -0 \$(cat $UNIONHUB_RUN_DIR/wildfly.pid) 2>/dev/null; do sleep 0.2; done"
stop2="kill -TERM -- -$node2_pid 2>/dev/null; while kill -0 $node2_pid 2>/dev/null; do sleep 0.2; done"
sleep 2
check --check session --public http://localhost:8080 --prefer node2 --stop-node1 "$stop1" --stop-node2 "$stop2" || status=1
fi
grep -h "^PASS\|^FAIL" "$work/checks.log" | sed 's/^/- /' >> "$notes"
exit $status

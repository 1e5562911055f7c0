# Shared by loadtest/scale/data.sh and cluster.sh (sourced): databases, UnionHub start/stop, tokens.
root=${SCALE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
pg_host=${UH_PG_HOST:-127.0.0.1} pg_port=${UH_PG_PORT:-5432} pg_admin=${UH_PG_ADMIN:-postgres}
# Port offsets of this harness's servers; 4000 belongs to the soak run, 0 and 1000 to the tests.
offset1=${SCALE_OFFSET:-6000}
offset2=$((offset1 + 200))
say() { printf '\n== %s\n' "$*"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_admin" "$@"; }
psql_owner() { PGPASSWORD=uh-scale-owner psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U uh_scale_owner "$@"; }
psql_app() { PGPASSWORD=uh-scale-app psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U uh_scale_app "$@"; }

create_database() { # name
  psql_admin -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uh_scale_owner') THEN
    CREATE ROLE uh_scale_owner LOGIN PASSWORD 'uh-scale-owner' NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uh_scale_app') THEN
    CREATE ROLE uh_scale_app LOGIN PASSWORD 'uh-scale-app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END \$\$;
CREATE DATABASE $1 OWNER uh_scale_owner ENCODING 'UTF8';
SQL
  psql_admin -d "$1" -c "CREATE EXTENSION IF NOT EXISTS pgcrypto" >/dev/null 2>&1 || true
}

# start_unionhub DB LOG [extra env...]: ./unionhub start on DB with this harness's offset and
# directories; waits until it is ready and prints WildFly's own boot time.
start_unionhub() {
  local db=$1 log=$2
  ./unionhub start --db-url "jdbc:postgresql://$pg_host:$pg_port/$db" \
    --db-user uh_scale_app --db-password uh-scale-app \
    --db-owner-user uh_scale_owner --db-owner-password uh-scale-owner > "$log" 2>&1 &
  launcher_pid=$!
  local t0=$SECONDS
  until grep -q "UnionHub is running" "$log"; do
    if ! kill -0 $launcher_pid 2>/dev/null; then
      tail -40 "$log" >&2; echo "scale: UnionHub did not start" >&2; return 1
    fi
    [ $((SECONDS - t0)) -lt 900 ] || { ./unionhub stop; echo "scale: not ready after 900 s" >&2; return 1; }
    sleep 1
  done
  ready_after=$(sed -n 's/.*WildFly ready after \([0-9]*\) s.*/\1/p' "$log" | tail -1)
  boot_ms=$(grep -o 'WFLYSRV0025: .* started in [0-9]*ms' "$UNIONHUB_RUN_DIR/wildfly/log/server.log" | tail -1 | sed 's/.*started in \([0-9]*\)ms/\1/')
  echo "UnionHub ready: launcher says WildFly ready after ${ready_after} s; WildFly booted (deployment included) in ${boot_ms} ms"
}

stop_unionhub() {
  ./unionhub stop > /dev/null 2>&1 || true
  wait "$launcher_pid" 2>/dev/null || true
}

token() { # user [realm url]
  curl -sf -d grant_type=password -d client_id=unionhub-cli -d username="$1" -d password=unionhub \
    "${2:-http://localhost:$((8180 + offset1))/realms/unionhub}/protocol/openid-connect/token" \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])'
}

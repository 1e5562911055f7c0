#!/usr/bin/env bash
# Configures the unpacked WildFly at $1 for UnionHub: the PostgreSQL driver module and
# configure.cli, in standalone.xml (one node) and standalone-ha.xml (a cluster, with configure-ha.cli
# on top). Re-runs only when this script, a .cli file or the driver changed.
set -euo pipefail
home=$1
here=$(cd "$(dirname "$0")" && pwd)
stamp="$home/.unionhub-provisioned"
want=$(cat "$0" "$here/configure.cli" "$here/configure-ha.cli" "$home/modules/org/postgresql/main/postgresql.jar" | sha256sum | cut -c1-64)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "WildFly at $home is already configured for UnionHub"
  exit 0
fi
cp "$home/standalone/configuration/standalone.xml.orig" "$home/standalone/configuration/standalone.xml" 2>/dev/null \
  || cp "$home/standalone/configuration/standalone.xml" "$home/standalone/configuration/standalone.xml.orig"
JAVA_OPTS="-Xmx512m" "$home/bin/jboss-cli.sh" --file="$here/configure.cli"
conf=$home/standalone/configuration
cp "$conf/standalone-ha.xml.orig" "$conf/standalone-ha.xml" 2>/dev/null \
  || cp "$conf/standalone-ha.xml" "$conf/standalone-ha.xml.orig"
sed 's/--server-config=standalone.xml/--server-config=standalone-ha.xml/' "$here/configure.cli" > "$home/configure-ha-base.cli"
JAVA_OPTS="-Xmx512m" "$home/bin/jboss-cli.sh" --file="$home/configure-ha-base.cli"
JAVA_OPTS="-Xmx512m" "$home/bin/jboss-cli.sh" --file="$here/configure-ha.cli"
echo "$want" > "$stamp"
echo "WildFly at $home configured for UnionHub"

#!/usr/bin/env bash
# Configures the unpacked WildFly at $1 for UnionHub: the PostgreSQL driver module and
# configure.cli. Re-runs only when configure.cli or the driver changed.
set -euo pipefail
home=$1
here=$(cd "$(dirname "$0")" && pwd)
stamp="$home/.unionhub-provisioned"
want=$(cat "$here/configure.cli" "$home/modules/org/postgresql/main/postgresql.jar" | sha256sum | cut -c1-64)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "WildFly at $home is already configured for UnionHub"
  exit 0
fi
cp "$home/standalone/configuration/standalone.xml.orig" "$home/standalone/configuration/standalone.xml" 2>/dev/null \
  || cp "$home/standalone/configuration/standalone.xml" "$home/standalone/configuration/standalone.xml.orig"
JAVA_OPTS="-Xmx512m" "$home/bin/jboss-cli.sh" --file="$here/configure.cli"
echo "$want" > "$stamp"
echo "WildFly at $home configured for UnionHub"

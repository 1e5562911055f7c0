#!/usr/bin/env bash
# Prepares the unpacked Keycloak at $1 for UnionHub, once per change:
#  1. kc.sh build, so that it starts with --optimized (again whenever UnionHub's providers in
#     $1/providers change);
#  2. imports the demo realm ($2) into a fresh database and keeps that database as a seed
#     ($1/seed/h2), so that a first start copies it instead of creating Keycloak's schema and
#     importing the realm while WildFly starts beside it (about 40 s on 2 cores).
set -euo pipefail
home=$1
realm=$2
options="--db=dev-file --cache=local"
providers=$(for jar in "$home"/providers/*.jar; do [ -f "$jar" ] && unzip -p "$jar"; done | sha256sum | cut -c1-64)
stamp="$home/.unionhub-built"
# Keycloak records each provider jar's modification time when it builds, and `start --optimized`
# refuses to start (exit 2, "A provider JAR was updated since the last build") when one differs.
# A UnionHub build that leaves a jar's contents as they were (a comment edited in the SDK) still
# writes the jar anew: give it back the time Keycloak recorded instead of building again.
times="$home/.unionhub-provider-times"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$options $providers" ] && [ -f "$times" ]; then
  while read -r mtime jar; do
    if [ -f "$jar" ]; then touch -m -d "@$mtime" "$jar"; fi
  done < "$times"
else
  # shellcheck disable=SC2086
  JAVA_OPTS_APPEND="-Xmx512m" "$home/bin/kc.sh" build $options
  echo "$options $providers" > "$stamp"
  stat -c '%.9Y %n' "$home"/providers/*.jar > "$times"
  rm -f "$home/seed/.realm-sha256"
fi
want=$(sha256sum "$realm" | cut -c1-64)
if [ "$(cat "$home/seed/.realm-sha256" 2>/dev/null)" != "$want" ]; then
  rm -rf "$home/data/h2" "$home/seed"
  JAVA_OPTS_APPEND="-Xmx512m -XX:TieredStopAtLevel=1" \
    "$home/bin/kc.sh" import --optimized --file "$realm" --override true
  mkdir -p "$home/seed"
  mv "$home/data/h2" "$home/seed/h2"
  echo "$want" > "$home/seed/.realm-sha256"
  echo "Keycloak at $home: demo realm imported into the seed database"
else
  echo "Keycloak at $home is ready"
fi

#!/usr/bin/env bash
# Pre-builds the unpacked Keycloak at $1 (kc.sh build) so that it starts with --optimized.
# Re-runs only when the build options below change.
set -euo pipefail
home=$1
options="--db=dev-file"
stamp="$home/.unionhub-built"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$options" ]; then
  echo "Keycloak at $home is already built"
  exit 0
fi
# shellcheck disable=SC2086
JAVA_OPTS_APPEND="-Xmx512m" "$home/bin/kc.sh" build $options
echo "$options" > "$stamp"

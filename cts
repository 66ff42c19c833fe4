#!/usr/bin/env bash
# cts: builds the executable jar when it is missing or older than the sources, then runs it.
# Needs only Java 17+; Maven comes through the wrapper (./mvnw).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/cts-pipeline.jar"

stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]
}

if stale; then
  echo "cts: building the jar (first run, or sources changed)..." >&2
  (cd "$here" && ./mvnw -q -B -DskipTests package) >&2 || {
    echo "cts: the build failed; run '(cd $here && ./mvnw -DskipTests package)' to see why." >&2
    exit 2
  }
fi
exec java ${CTS_JAVA_OPTS:-} -jar "$jar" "$@"

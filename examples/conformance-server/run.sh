#!/usr/bin/env bash
# Runs the conformance server (the one the official protocol test suites run against) on 127.0.0.1:${PORT:-3000} in the foreground.
# Builds it first when nothing is built yet. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$root/examples/conformance-server"
if [ ! -d "$module/target/lib" ] || [ -n "${REBUILD:-}" ]; then
  (cd "$root" && mvn -B -q -pl examples/conformance-server -am package -DskipTests -Dspotless.check.skip=true)
fi
exec java -cp "$module/target/classes:$module/target/lib/*" io.jsocketio.examples.conformance.ConformanceServer "$@"

#!/usr/bin/env bash
# Runs the chat demo in the foreground: http://localhost:${PORT:-3000} (every interface unless HOST
# is set, e.g. HOST=127.0.0.1). Builds what it needs first (the chat module and the modules it uses,
# tests skipped); REBUILD=1 forces a new build. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$root/examples/chat"
if [ ! -d "$module/target/lib" ] || [ ! -d "$module/target/classes" ] || [ -n "${REBUILD:-}" ]; then
  echo "building the chat (mvn -q -pl examples/chat -am package -DskipTests) ..."
  (cd "$root" && mvn -B -q -pl examples/chat -am package -DskipTests -Dspotless.check.skip=true)
fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$module/target/classes:$module/target/lib/*" io.jsocketio.examples.chat.ChatServer "$@"

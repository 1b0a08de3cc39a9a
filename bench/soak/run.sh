#!/usr/bin/env bash
# Soak run (not part of `mvn verify`; see README.md "Soak"): starts the conformance server with the
# defaults (heartbeat 25 s / 20 s, connectTimeout 45 s) on 127.0.0.1:${PORT:-3300}, connects W WebSocket and P polling
# official clients for M minutes (bench/soak/soak.js), then disconnects them all at once. Samples
# the server every 30 s: heap after a full GC, threads, open descriptors, RSS, CPU. Writes
# bench/soak/target/soak-<time>.log and prints it. The clients are split over DRIVERS Node processes
# (default 4): one Node process cannot open 11,000 sockets quickly on a busy core.
#
#   [NICE=19] [DRIVERS=4] bench/soak/run.sh [W=10000] [P=1000] [M=10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
W="${1:-10000}"; P="${2:-1000}"; M="${3:-10}"; D="${DRIVERS:-4}"
port="${PORT:-3300}"
out="$root/bench/soak/target"; mkdir -p "$out"
log="$out/soak-$(date -u +%Y%m%dT%H%M%S).log"
ulimit -n "$(ulimit -Hn)"  # both processes hold one descriptor per connection
module="$root/examples/conformance-server"
[ -d "$module/target/lib" ] || (cd "$root" && mvn -B -q -pl examples/conformance-server -am package -DskipTests -Dspotless.check.skip=true)
[ -d "$root/testkit/node/node_modules" ] || sh "$root/testkit/node/ensure-node-modules.sh"

PORT="$port" PING_INTERVAL_MS=25000 PING_TIMEOUT_MS=20000 CONNECT_TIMEOUT_MS=45000 nice -n "${NICE:-19}" java -Xmx2g \
  -cp "$module/target/classes:$module/target/lib/*" io.jsocketio.examples.conformance.ConformanceServer \
  > "$out/server.log" 2>&1 &
server=$!
drivers=()
trap 'kill "$server" 2>/dev/null || true; for d in "${drivers[@]}"; do kill "$d" 2>/dev/null || true; done' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$port/socket.io/?EIO=4&transport=polling"; do sleep 0.2; done

hz=$(getconf CLK_TCK)
last_cpu=0; last_t=$(date +%s)
sample() { # label
  jcmd "$server" GC.run > /dev/null 2>&1 || true
  local heap threads fds rss cpu now pct
  heap=$(jcmd "$server" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$server/status")
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status")
  fds=$(ls "/proc/$server/fd" | wc -l)
  cpu=$(awk '{print $14+$15}' "/proc/$server/stat"); now=$(date +%s)
  pct=$(awk -v c="$cpu" -v l="$last_cpu" -v n="$now" -v t="$last_t" -v hz="$hz" 'BEGIN { if (n>t) printf "%.1f", 100*(c-l)/hz/(n-t); else print "-" }')
  last_cpu=$cpu; last_t=$now
  echo "$(date -u +%H:%M:%S) $1 heap_after_gc=$heap threads=$threads fds=$fds rss_kb=$rss cpu%=$pct" | tee -a "$log"
}
echo "soak: $W websocket + $P polling clients over $D driver processes, $M min, server pid $server, port $port, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$log"
sample start
for i in $(seq 0 $((D - 1))); do
  w=$(( W / D + (i < W % D ? 1 : 0) )); p=$(( P / D + (i < P % D ? 1 : 0) ))
  NODE_PATH="$root/testkit/node/node_modules" nice -n "${NICE:-19}" node "$root/bench/soak/soak.js" "http://127.0.0.1:$port" "$w" "$p" "$M" \
    > "$out/driver-$i.log" 2>&1 &
  drivers+=("$!")
done
alive() { for d in "${drivers[@]}"; do kill -0 "$d" 2>/dev/null && return 0; done; return 1; }
# "connected=N lost=L" summed over the drivers' last report lines
status() {
  for i in $(seq 0 $((D - 1))); do grep -E '^(t=|connected )' "$out/driver-$i.log" | tail -n 1; done |
    awk '{for (i=1;i<=NF;i++) {split($i,kv,"="); if (kv[1]=="connected") c+=kv[2]; if (kv[1]=="lost") l+=kv[2]; if (kv[1]=="errors") e+=kv[2]}}
         /^connected / {split($2,a,"/"); c+=a[1]} END {printf "connected=%d lost=%d errors=%d", c, l, e}'
}
while alive; do
  sleep 30
  grep -q DISCONNECTED "$out"/driver-*.log && break
  sample "$(status)"
done
rc=0
for d in "${drivers[@]}"; do wait "$d" || rc=1; done
sleep 5; sample after-disconnect
sleep 25; sample after-disconnect+30s
for i in $(seq 0 $((D - 1))); do echo "-- driver $i"; cat "$out/driver-$i.log"; done >> "$log"
echo "drivers exit $rc" | tee -a "$log"

// Fan-out measurement (not a test): N socket.io-client sockets over WebSocket join one room on a
// server that speaks the BENCH contract (bench/README.md: "echo", "join", "bcast" on "/"); one of them asks
// for M broadcasts to the room, and we time until every socket has received all of them.
//
//   npm ci --prefix bench/load     (once: the pinned socket.io-client of bench/load/package-lock.json)
//   node bench/load/fanout.js [url] [clients] [messages]
//
// The load driver's fanout scenario (driver.js --scenarios=fanout) measures the same with a steady
// load, a time window and per-delivery latency; this script is the one-shot form.
// Prints one line: clients, messages, deliveries, seconds, deliveries per second. Against the
// conformance server, relax its 300/200 ms heartbeat and 1 s connect timeout (one Node process
// opens and answers the pings of a thousand sockets):
//   PING_INTERVAL_MS=25000 PING_TIMEOUT_MS=20000 CONNECT_TIMEOUT_MS=45000 examples/conformance-server/run.sh
const { io } = require("socket.io-client");

const url = process.argv[2] || "http://127.0.0.1:3000";
const clients = Number(process.argv[3] || 1000);
const messages = Number(process.argv[4] || 200);
const room = "fanout-" + process.pid;

function connectAll() {
  const sockets = [];
  let joined = 0;
  return new Promise((resolve, reject) => {
    for (let i = 0; i < clients; i++) {
      const s = io(url, { transports: ["websocket"], forceNew: true, reconnection: false });
      s.on("connect_error", reject);
      s.on("disconnect", (reason) => reject(new Error("socket " + i + " disconnected: " + reason)));
      s.on("connect", () => {
        s.emit("join", room);
        // a round trip proves the join was processed before we start
        s.emit("echo", "joined", () => {
          if (++joined === clients) resolve(sockets);
        });
      });
      sockets.push(s);
    }
  });
}

async function main() {
  const sockets = await connectAll();
  const expected = clients * messages;
  let received = 0;
  const done = new Promise((resolve, reject) => {
    for (const s of sockets) {
      s.on("disconnect", (reason) => reject(new Error("disconnected during the run: " + reason)));
      s.on("bcast", () => {
        if (++received === expected) resolve();
      });
    }
  });
  const start = process.hrtime.bigint();
  for (let i = 0; i < messages; i++) {
    sockets[i % clients].emit("bcast", room, { n: i, text: "hello fan-out" });
  }
  await done;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `clients=${clients} messages=${messages} deliveries=${expected} ` +
      `seconds=${seconds.toFixed(3)} deliveries/s=${Math.round(expected / seconds)}`
  );
  sockets.forEach((s) => s.close());
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error("fan-out failed:", e && e.message);
    process.exit(1);
  }
);

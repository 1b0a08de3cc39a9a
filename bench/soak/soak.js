// Soak clients (not a test): W official socket.io-client 4.x sockets over WebSocket and P over
// HTTP long-polling only, connected to one server on loopback and held for M minutes with the
// server's heartbeat; then all disconnect at once. Bounded: at most 20,000 sockets and 60 minutes.
//
//   NODE_PATH=testkit/node/node_modules node bench/soak/soak.js [url] [W] [P] [minutes]
//
// Prints a line every 30 s (connected, lost, errors) and exits 0 when no socket was lost.
// bench/soak/run.sh starts the server, samples it and runs this.
const { io } = require("socket.io-client");

const url = process.argv[2] || "http://127.0.0.1:3000";
const ws = Math.min(Number(process.argv[3] || 10000), 20000);
const polling = Math.min(Number(process.argv[4] || 1000), 20000 - ws);
const minutes = Math.min(Number(process.argv[5] || 10), 60);
if (!/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) {
  console.error("loopback only: " + url);
  process.exit(2);
}

const sockets = [];
let connected = 0;
let lost = 0;
let errors = 0;
const reasons = {};
let phase = "connecting";

function open(transports) {
  return new Promise((resolve) => {
    const s = io(url, { transports, forceNew: true, reconnection: false, timeout: 60000 });
    s.once("connect", () => {
      s.everConnected = true;
      connected++;
      resolve();
    });
    s.on("connect_error", (e) => {
      errors++;
      resolve();
    });
    s.on("disconnect", (reason) => {
      if (!s.everConnected) {
        errors++; // closed before the CONNECT was answered
        reasons["before connect: " + reason] = (reasons["before connect: " + reason] || 0) + 1;
        resolve();
        return;
      }
      connected--;
      if (phase !== "leaving") {
        lost++;
        reasons[reason] = (reasons[reason] || 0) + 1;
      }
    });
    sockets.push(s);
  });
}

async function connectAll() {
  const started = Date.now();
  for (let i = 0; i < ws + polling; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(i + 100, ws + polling); j++) {
      batch.push(open(j < ws ? ["websocket"] : ["polling"]));
    }
    await Promise.all(batch);
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`connected ${connected}/${ws + polling} (${ws} websocket, ${polling} polling) in ${secs} s, errors ${errors}`);
}

function report(t) {
  console.log(`t=${t}s connected=${connected} lost=${lost} errors=${errors} ${JSON.stringify(reasons)}`);
}

async function main() {
  await connectAll();
  console.log("READY");
  phase = "holding";
  const end = Date.now() + minutes * 60000;
  const start = Date.now();
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      report(Math.round((Date.now() - start) / 1000));
      if (Date.now() >= end) {
        clearInterval(timer);
        resolve();
      }
    }, 30000);
  });
  phase = "leaving";
  for (const s of sockets) s.disconnect();
  console.log("DISCONNECTED");
  report(Math.round((Date.now() - start) / 1000));
  setTimeout(() => process.exit(lost === 0 && errors === 0 ? 0 : 1), 2000);
}

main();

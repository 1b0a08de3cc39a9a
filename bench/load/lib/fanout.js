"use strict";
// fanout: R sockets join one room; one more socket asks for broadcasts to that room ("bcast"),
// keeping B of them in flight (a broadcast is done when all R sockets got it; then the next one is
// sent). Each broadcast carries its send time, so every delivery's latency is measured.
// Measures deliveries per second in the window and the delivery latency.

const { now, openMany, closeAll, watchDisconnects } = require("./clients");
const { Histogram } = require("./histogram");
const { measure } = require("./phases");
const { round } = require("./report");

async function run(url, options) {
  const members = options["fanout-sockets"];
  const inflight = options["fanout-inflight"];
  const size = options["fanout-size"];
  const room = `fanout-${process.pid}-${Date.now()}`;
  const setupMs = options["setup-timeout"] * 1000;
  const sockets = await openMany(url, members + 1, ["websocket"], setupMs);
  const sender = sockets.pop();
  try {
    await joinAll(sockets, room, setupMs);
  } catch (error) {
    closeAll(sockets.concat(sender));
    throw error;
  }

  const latency = new Histogram();
  const errors = {};
  const window = { measuring: false };
  const watching = { active: true };
  const received = new Map(); // broadcast number -> deliveries so far
  const text = "x".repeat(size);
  let deliveries = 0;
  let sentCount = 0;
  let stopped = false;
  watchDisconnects(sockets.concat(sender), watching, errors);

  function send() {
    if (stopped) return;
    const n = sentCount++;
    received.set(n, 0);
    sender.emit("bcast", room, { n, t: now(), text });
  }

  for (const socket of sockets) {
    socket.on("bcast", (data) => {
      if (window.measuring) {
        deliveries++;
        latency.record(now() - data.t);
      }
      if (!received.has(data.n)) {
        errors.unexpected = (errors.unexpected || 0) + 1; // a broadcast not in flight
        return;
      }
      const count = received.get(data.n) + 1;
      if (count === members) {
        received.delete(data.n);
        send();
      } else {
        received.set(data.n, count);
      }
    });
  }
  for (let i = 0; i < inflight; i++) send();

  const seconds = await measure(options, window);
  stopped = true;
  watching.active = false;
  closeAll(sockets.concat(sender));
  // broadcasts still missing deliveries when the window ended: a few are normal (in flight)
  return {
    sockets: members,
    inflight,
    size,
    seconds: round(seconds, 3),
    deliveries,
    broadcasts: sentCount,
    unfinished: received.size,
    rate: Math.round(deliveries / seconds),
    unit: "deliveries/s",
    p50_ms: latency.percentile(0.5),
    p99_ms: latency.percentile(0.99),
    errors,
  };
}

// Every socket joins the room; an acked echo after the join proves the server has processed it
// (a server handles one socket's packets in order).
async function joinAll(sockets, room, timeoutMs) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`joining ${room} took over ${timeoutMs} ms`)), timeoutMs);
  });
  const joined = Promise.all(
    sockets.map(
      (socket) =>
        new Promise((resolve) => {
          socket.emit("join", room);
          socket.emit("echo", "joined", resolve);
        }),
    ),
  );
  try {
    await Promise.race([joined, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

module.exports = { run };

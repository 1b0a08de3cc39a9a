"use strict";
// connect: opens connections one after another, K at a time, each closed as soon as its socket is
// connected (namespace CONNECT answered). Measures completed connections per second in the window
// (at most N) and the time from io() to the "connect" event.

const { now, sleep, transportsFor, connect } = require("./clients");
const { Histogram } = require("./histogram");
const { round } = require("./report");

const CONNECT_TIMEOUT_MS = 20000;

async function run(url, options) {
  const total = options["connect-total"];
  const inflight = options["connect-inflight"];
  const transports = transportsFor(options["connect-transport"]);
  const latency = new Histogram();
  const errors = { failed: 0 };
  let measuring = false;
  let stopped = false;
  let completed = 0;
  let pending = 0;
  let start = 0;
  let end = 0;
  let drained;
  const done = new Promise((resolve) => (drained = resolve));

  function finish() {
    if (stopped) return;
    stopped = true;
    measuring = false;
    end = now();
  }

  function one() {
    pending++;
    const begun = now();
    connect(url, transports, CONNECT_TIMEOUT_MS)
      .then(
        (socket) => {
          const took = now() - begun;
          socket.disconnect();
          if (measuring) {
            completed++;
            latency.record(took);
            if (completed >= total) finish();
          }
        },
        (error) => {
          errors.failed++;
          errors.lastReason = error.message;
        },
      )
      .finally(() => {
        pending--;
        pump();
      });
  }

  function pump() {
    while (!stopped && pending < inflight) one();
    if (stopped && pending === 0) drained();
  }

  pump();
  await sleep(options.warmup * 1000);
  start = now();
  measuring = true;
  const timer = setTimeout(finish, options.duration * 1000);
  await done;
  clearTimeout(timer);
  const seconds = (end - start) / 1000;
  if (completed === 0) {
    throw new Error(`no connection completed in the window (${errors.failed} failed: ${errors.lastReason})`);
  }
  return {
    transport: options["connect-transport"],
    total,
    inflight,
    seconds: round(seconds, 3),
    connections: completed,
    rate: Math.round(completed / seconds),
    unit: "conn/s",
    p50_ms: latency.percentile(0.5),
    p99_ms: latency.percentile(0.99),
    errors,
  };
}

module.exports = { run };

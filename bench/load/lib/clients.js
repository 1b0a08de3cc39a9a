"use strict";
// Opening and closing many official socket.io-client sockets, and the clock every scenario uses.

const { io } = require("socket.io-client");

// Milliseconds on a monotonic clock, with sub-millisecond precision.
function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The client's transports option for a transport name: "default" leaves the client's own default.
function transportsFor(name) {
  return name === "default" ? undefined : [name];
}

// One socket on the main namespace, without reconnection; resolves once connected, rejects on a
// connect_error, on a close before the namespace CONNECT was answered (socket.io-client reports
// that as "disconnect", not as connect_error) and after `timeoutMs`.
function connect(url, transports, timeoutMs) {
  const socket = io(url, { transports, forceNew: true, reconnection: false, timeout: timeoutMs });
  return new Promise((resolve, reject) => {
    const fail = (message) => {
      clearTimeout(timer);
      socket.off();
      socket.close();
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail(`no connect within ${Math.round(timeoutMs)} ms`), timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.off("connect_error").off("disconnect");
      resolve(socket);
    });
    socket.once("connect_error", (error) => fail(`connect_error: ${error.message}`));
    socket.once("disconnect", (reason) => fail(`closed before connect: ${reason}`));
  });
}

// Opens `count` sockets, at most `concurrency` at a time, within `timeoutMs`; on any failure closes
// what it opened and rejects.
async function openMany(url, count, transports, timeoutMs, concurrency = 100) {
  const sockets = [];
  const deadline = now() + timeoutMs;
  let next = 0;
  let failed = null;
  async function worker() {
    while (next < count && !failed) {
      next++;
      const left = deadline - now();
      if (left <= 0) throw new Error(`opened ${sockets.length} of ${count} sockets in ${timeoutMs} ms`);
      sockets.push(await connect(url, transports, left));
    }
  }
  const workers = [];
  for (let i = 0; i < Math.min(concurrency, count); i++) {
    workers.push(worker().catch((e) => (failed = failed || e)));
  }
  await Promise.all(workers);
  if (failed) {
    closeAll(sockets);
    throw failed;
  }
  return sockets;
}

function closeAll(sockets) {
  for (const socket of sockets) socket.disconnect();
}

// Counts sockets that disconnect while `watching.active` is true (the server closed them, or the
// connection broke): a run with such losses reports them as errors.
function watchDisconnects(sockets, watching, errors) {
  for (const socket of sockets) {
    socket.on("disconnect", (reason) => {
      if (watching.active) {
        errors.disconnects = (errors.disconnects || 0) + 1;
        errors.lastReason = reason;
      }
    });
  }
}

module.exports = { now, sleep, transportsFor, connect, openMany, closeAll, watchDisconnects };

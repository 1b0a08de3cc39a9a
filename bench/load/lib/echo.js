"use strict";
// echo-ws, echo-polling and binary: C connections, each keeping F "echo" messages in flight (a
// reply sends the next one). Without --ack the server emits "echo" back and the replies of one
// connection come in the order sent; with --ack each message's ack is its reply. Measures replies
// per second in the window, payload MiB/s (received back) and the round-trip latency.

const { now, openMany, closeAll, watchDisconnects } = require("./clients");
const { Histogram } = require("./histogram");
const { measure } = require("./phases");
const { round } = require("./report");

// settings: { conns, inflight, size, transports, binary }
async function run(url, options, settings) {
  const { conns, inflight, size, transports, binary } = settings;
  const useAck = options.ack;
  const payload = binary ? Buffer.alloc(size, 0x2a) : "x".repeat(size);
  const sockets = await openMany(url, conns, transports, options["setup-timeout"] * 1000);
  const latency = new Histogram();
  const errors = { mismatched: 0 };
  const window = { measuring: false };
  const watching = { active: true };
  let replies = 0;
  let stopped = false;
  watchDisconnects(sockets, watching, errors);

  function onReply(sentAt, data) {
    if (!window.measuring) return;
    if (sentAt === undefined) {
      errors.unexpected = (errors.unexpected || 0) + 1; // an "echo" nobody sent
      return;
    }
    const length = binary ? (Buffer.isBuffer(data) ? data.length : -1) : typeof data === "string" ? data.length : -1;
    if (length !== size) errors.mismatched++;
    replies++;
    latency.record(now() - sentAt);
  }

  for (const socket of sockets) {
    const sent = []; // send times, oldest first (replies without ack come back in this order)
    const send = () => {
      if (stopped) return;
      const at = now();
      if (useAck) {
        socket.emit("echo", payload, (data) => {
          onReply(at, data);
          send();
        });
      } else {
        sent.push(at);
        socket.emit("echo", payload);
      }
    };
    if (!useAck) {
      socket.on("echo", (data) => {
        onReply(sent.shift(), data);
        send();
      });
    }
    for (let i = 0; i < inflight; i++) send();
  }

  const seconds = await measure(options, window);
  stopped = true;
  watching.active = false;
  closeAll(sockets);
  const result = {
    conns,
    inflight,
    size,
    ack: useAck,
    seconds: round(seconds, 3),
    messages: replies,
    rate: Math.round(replies / seconds),
    unit: "msg/s",
    p50_ms: latency.percentile(0.5),
    p99_ms: latency.percentile(0.99),
    errors,
  };
  if (binary) {
    result.msgs_per_s = result.rate;
    result.rate = round((replies * size) / seconds / 1048576, 1);
    result.unit = "MiB/s";
  }
  return result;
}

module.exports = { run };

"use strict";
// A Node socket.io 4.8 server in a Redis cluster (@socket.io/redis-adapter 8.x), for mixed-cluster
// tests; also publishes through @socket.io/redis-emitter.
//   node redis-cluster-server.js <redisUrl>                       (createAdapter: classic pub/sub)
//   node redis-cluster-server.js --sharded <redisUrl> [mode]      (createShardedAdapter, one Redis)
//   node redis-cluster-server.js --sharded-cluster <url,url,...> [mode]
//                                 (createShardedAdapter on a Redis Cluster; mode: subscriptionMode)
// The emitter commands need the pub/sub adapter.
// Listens on 127.0.0.1, a free port. Each socket gets data {server: "node", n}; a client "join"
// event joins the room named by its first argument (acked). Server-side event "ping" is answered
// with "pong-node"; every server-side event received is printed.
// Commands (JSON lines):
//   {"cmd":"broadcast","event","args","rooms":[],"except":[],"nsp"}   (nsp: "/" or "/chat")
//   {"cmd":"broadcastAck","event","args","timeout"}        -> broadcastAck {error, responses}
//   {"cmd":"fetchSockets","rooms":[]}                       -> sockets {sockets: [{id, rooms, data, url}]}
//   {"cmd":"socketsJoin","rooms":[],"room"} / {"cmd":"socketsLeave",...} / {"cmd":"disconnectSockets","rooms":[]}
//   {"cmd":"serverSideEmit","event","args","ack":true}      -> serverSideEmitAck {error, responses}
//   {"cmd":"emitter","event","args","rooms":[]}             publishes with @socket.io/redis-emitter
//   {"cmd":"emitterJoin","rooms":[],"room"}, {"cmd":"emitterServerSideEmit","event","args"}  (emitter)
//   {"cmd":"allRooms"}                                      -> allRooms {rooms}
//   {"cmd":"serverCount"}                                   -> serverCount {count}
// Events: listening {port}, serverSideEmit {name, args}, and the answers above.

const http = require("http");
const { Server } = require("socket.io");
const { createAdapter, createShardedAdapter } = require("@socket.io/redis-adapter");
const { Emitter } = require("@socket.io/redis-emitter");
const { createClient, createCluster } = require("redis");
const { print, encodeBinary, decodeBinary, readCommands } = require("./lines");

const sharded = process.argv[2] === "--sharded" || process.argv[2] === "--sharded-cluster";
const redisUrl = sharded ? process.argv[3] : process.argv[2];
if (!redisUrl) {
  console.error("usage: node redis-cluster-server.js [--sharded|--sharded-cluster] <redisUrl[,...]> [mode]");
  process.exit(2);
}

async function main() {
  const pub =
    process.argv[2] === "--sharded-cluster"
      ? createCluster({ rootNodes: redisUrl.split(",").map((url) => ({ url })) })
      : createClient({ url: redisUrl });
  const sub = pub.duplicate();
  const clients = sharded ? [pub, sub] : [pub, sub, pub.duplicate()];
  for (const c of clients) c.on("error", (e) => console.error("redis:", e.message));
  await Promise.all(clients.map((c) => c.connect()));
  const emitterClient = clients[2];
  const emitter = sharded ? null : new Emitter(emitterClient);
  const adapter = sharded
    ? createShardedAdapter(pub, sub, process.argv[4] ? { subscriptionMode: process.argv[4] } : {})
    : createAdapter(pub, sub);

  const httpServer = http.createServer();
  const io = new Server(httpServer, { adapter });
  let n = 0;
  io.on("connection", (socket) => {
    socket.data = { server: "node", n: ++n };
    socket.on("join", (room, ack) => {
      socket.join(room);
      if (typeof ack === "function") ack("joined");
    });
  });
  io.on("ping", (...args) => {
    const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
    print("serverSideEmit", { name: "ping", args: encodeBinary(args) });
    if (ack) ack("pong-node");
  });
  io.on("hello", (...args) => print("serverSideEmit", { name: "hello", args: encodeBinary(args) }));

  io.of("/chat"); // a second namespace, for per-namespace channels
  const target = (c) => {
    let op = c.nsp ? io.of(c.nsp) : io;
    for (const r of c.rooms || []) op = op.to(r);
    for (const r of c.except || []) op = op.except(r);
    return op;
  };

  readCommands(
    (c) => {
      const args = decodeBinary(c.args || []);
      switch (c.cmd) {
        case "broadcast":
          target(c).emit(c.event, ...args);
          break;
        case "broadcastAck":
          target(c).timeout(c.timeout || 2000).emit(c.event, ...args, (err, responses) =>
            print("broadcastAck", { error: err ? err.message : null, responses: encodeBinary(responses) }));
          break;
        case "fetchSockets":
          target(c).fetchSockets().then(
            (sockets) => print("sockets", {
              sockets: sockets.map((s) => ({ id: s.id, rooms: [...s.rooms], data: s.data, url: s.handshake.url })),
            }),
            (e) => print("sockets", { error: e.message }));
          break;
        case "socketsJoin":
          target(c).socketsJoin(c.room);
          break;
        case "socketsLeave":
          target(c).socketsLeave(c.room);
          break;
        case "disconnectSockets":
          target(c).disconnectSockets(true);
          break;
        case "serverSideEmit":
          if (c.ack) {
            io.serverSideEmit(c.event, ...args, (err, responses) =>
              print("serverSideEmitAck", { error: err ? err.message : null, responses: encodeBinary(responses) }));
          } else {
            io.serverSideEmit(c.event, ...args);
          }
          break;
        case "emitter": {
          let op = emitter;
          for (const r of c.rooms || []) op = op.to(r);
          op.emit(c.event, ...args);
          break;
        }
        case "allRooms":
          io.of("/").adapter.allRooms().then(
            (rooms) => print("allRooms", { rooms: [...rooms] }),
            (e) => print("allRooms", { error: e.message }));
          break;
        case "emitterJoin": {
          let op = emitter;
          for (const r of c.rooms || []) op = op.to(r);
          op.socketsJoin(c.room);
          break;
        }
        case "emitterServerSideEmit":
          emitter.serverSideEmit(c.event, ...args);
          break;
        case "serverCount":
          io.of("/").adapter.serverCount().then((count) => print("serverCount", { count }));
          break;
        default:
          throw new Error("unknown command " + c.cmd);
      }
    },
    () => {
      io.close();
      for (const c of clients) c.disconnect().catch(() => {});
    },
  );

  httpServer.listen(0, "127.0.0.1", () => print("listening", { port: httpServer.address().port }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

"use strict";
// A Node socket.io 4.8 server in a Redis Streams cluster (@socket.io/redis-streams-adapter 0.3.x)
// with connection state recovery on, for mixed-cluster tests.
//   node redis-streams-server.js <redisUrl>
// Listens on 127.0.0.1, a free port. Each new socket gets data {server: "node"}; a client "join"
// event joins the room named by its first argument (acked with "joined"); "drop" closes the
// socket's Engine.IO connection (a recoverable disconnect); "whoami" acks {id, recovered}.
// Commands (JSON lines):
//   {"cmd":"broadcast","event","args","rooms":[]}
//   {"cmd":"fetchSockets","rooms":[]}          -> sockets {sockets: [{id, rooms, data}]}
//   {"cmd":"serverSideEmit","event","args"}     (with "ack": true -> serverSideEmitAck {error, responses})
// Events: listening {port}, connection {id, recovered, rooms}, serverSideEmit {name, args}, and the answers above.

const http = require("http");
const { Server } = require("socket.io");
const { createAdapter } = require("@socket.io/redis-streams-adapter");
const { createClient } = require("redis");
const { print, encodeBinary, decodeBinary, readCommands } = require("./lines");

const redisUrl = process.argv[2];
if (!redisUrl) {
  console.error("usage: node redis-streams-server.js <redisUrl>");
  process.exit(2);
}

async function main() {
  const client = createClient({ url: redisUrl });
  client.on("error", (e) => console.error("redis:", e.message));
  await client.connect();

  const httpServer = http.createServer();
  const io = new Server(httpServer, {
    adapter: createAdapter(client),
    connectionStateRecovery: { maxDisconnectionDuration: 120000, skipMiddlewares: true },
  });
  io.on("connection", (socket) => {
    if (!socket.recovered) socket.data = { server: "node" };
    print("connection", { id: socket.id, recovered: socket.recovered, rooms: [...socket.rooms] });
    socket.on("join", (room, ack) => {
      socket.join(room);
      if (typeof ack === "function") ack("joined");
    });
    socket.on("whoami", (ack) => ack({ id: socket.id, recovered: socket.recovered }));
    socket.on("drop", () => socket.conn.close());
  });
  io.on("ping", (...args) => {
    const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
    print("serverSideEmit", { name: "ping", args: encodeBinary(args) });
    if (ack) ack("pong-node");
  });

  const target = (c) => {
    let op = io;
    for (const r of c.rooms || []) op = op.to(r);
    return op;
  };

  readCommands(
    (c) => {
      const args = decodeBinary(c.args || []);
      switch (c.cmd) {
        case "broadcast":
          target(c).emit(c.event, ...args);
          break;
        case "fetchSockets":
          target(c).fetchSockets().then(
            (sockets) => print("sockets", {
              sockets: sockets.map((s) => ({ id: s.id, rooms: [...s.rooms], data: s.data })),
            }),
            (e) => print("sockets", { error: e.message }));
          break;
        case "serverSideEmit":
          if (c.ack) {
            io.serverSideEmit(c.event, ...args, (err, responses) =>
              print("serverSideEmitAck", { error: err ? err.message : null, responses: encodeBinary(responses) }));
          } else {
            io.serverSideEmit(c.event, ...args);
          }
          break;
        default:
          throw new Error("unknown command " + c.cmd);
      }
    },
    () => {
      io.close();
      client.disconnect().catch(() => {});
    },
  );

  httpServer.listen(0, "127.0.0.1", () => print("listening", { port: httpServer.address().port }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

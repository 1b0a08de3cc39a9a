"use strict";
// The Node reference server (socket.io 4.8.x and its engine.io), for proving the test harness and
// for side-by-side comparisons. Binds 127.0.0.1 on a free port; exits when stdin ends.
//   node reference-server.js
// Events: listening {port}
// Behaviour: /engine.io/ echoes every message. On the "/" namespace of /socket.io/, an event sent
// with an ack is acked with its own arguments; "ask" makes the server emit "question" with the
// same arguments and an ack, then "answer" with what the client acked; any other event is emitted
// back unchanged. Namespace "/refused" rejects every client: message "unauthorized", data {code: 401}.
// allowEIO3 is on, so the 2.x client connects too.

const http = require("http");
const engine = require("engine.io");
const { Server } = require("socket.io");
const { print, readCommands } = require("./lines");

const httpServer = http.createServer();

const eio = engine.attach(httpServer, { path: "/engine.io" });
eio.on("connection", (socket) => socket.on("message", (data) => socket.send(data)));

const io = new Server(httpServer, { allowEIO3: true });
io.on("connection", (socket) => {
  socket.onAny((event, ...args) => {
    const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
    if (ack) ack(...args);
    else if (event === "ask") socket.emit("question", ...args, (...answer) => socket.emit("answer", ...answer));
    else socket.emit(event, ...args);
  });
});
io.of("/refused").use((socket, next) => {
  const err = new Error("unauthorized");
  err.data = { code: 401 };
  next(err);
});

httpServer.listen(0, "127.0.0.1", () => print("listening", { port: httpServer.address().port }));

readCommands(
  () => {},
  () => {
    io.close();
    eio.close();
  },
);

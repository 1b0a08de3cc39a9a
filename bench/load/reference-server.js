"use strict";
// The Node.js reference for the load driver: socket.io 4.8.4 with its default options (heartbeat
// 25 s / 20 s, maxHttpBufferSize 1e6), speaking the BENCH contract of bench/README.md
// section 4 on namespace "/", so the driver measures it exactly as it measures jsocketio.
//
//   PORT=3001 node bench/load/reference-server.js
//
// Binds 127.0.0.1:$PORT (default 3000), prints one "listening" line, runs until SIGINT or SIGTERM.

const http = require("http");
const { Server } = require("socket.io");

const port = Number(process.env.PORT || 3000);
const httpServer = http.createServer();
const io = new Server(httpServer);

io.on("connection", (socket) => {
  // the data comes back unchanged (binary stays binary): as an ack when asked, else as "echo"
  socket.on("echo", (data, ack) => {
    if (typeof ack === "function") ack(data);
    else socket.emit("echo", data);
  });
  socket.on("join", (room) => socket.join(String(room)));
  socket.on("bcast", (room, data) => io.to(String(room)).emit("bcast", data));
});

httpServer.listen(port, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${httpServer.address().port} (socket.io ${require("socket.io/package.json").version}, node ${process.version})`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    io.close();
    process.exit(0);
  });
}

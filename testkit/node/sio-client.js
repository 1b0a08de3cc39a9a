"use strict";
// Drives the official socket.io-client for a test; several client sockets per process, by id.
//   node sio-client.js [4|2] [msgpack]   (4 = socket.io-client 4.8.x, 2 = socket.io-client 2.5.0;
//                                        msgpack: every socket uses socket.io-msgpack-parser 3.x)
// Commands:
//   {"cmd":"connect","id","url","nsp","auth","query","transports","path","forceNew","reconnection","extraHeaders"}
//   {"cmd":"emit","id","event","args","ack":true,"seq","timeout"}   (timeout: ms, version 4 only)
//   {"cmd":"ack","id","ackId","args"}     answers an event that the server sent with an ack
//   {"cmd":"disconnect","id"}
//   {"cmd":"closeTransport","id"}       closes the engine connection as a network failure would (reconnects)
//   {"cmd":"setUrl","id","url"}           the next reconnection goes to url (as a load balancer may send it)
//   {"cmd":"reconnection","id","on"}      turns reconnection off, or on again (reconnecting now if disconnected)
// Events:
//   ready {client, version}, connect {id, socketId, transport, recovered}, upgrade {id, transport}, connect_error {id, message, data, description?},
//   event {id, name, args, ackId?}, ack {id, seq, args, error?}, disconnect {id, reason}
// Binary values in args are {"$bin": "<base64>"} both ways. Reconnection is off unless asked.

const { print, encodeBinary, decodeBinary, readCommands } = require("./lines");

const version = process.argv[2] || "4";
const parserName = process.argv[3];
if ((version !== "4" && version !== "2") || (parserName !== undefined && (parserName !== "msgpack" || version !== "4"))) {
  console.error("usage: node sio-client.js [4|2] [msgpack]   (msgpack with 4 only)");
  process.exit(2);
}
const parser = parserName === "msgpack" ? require("socket.io-msgpack-parser") : undefined;
const pkg = version === "4" ? "socket.io-client" : "socket.io-client-v2";
const io = require(pkg);

const sockets = new Map(); // id -> socket
const serverAcks = new Map(); // ackId -> callback the server waits on
let nextAckId = 1;
let nextSeq = 1;

print("ready", {
  client: "socket.io-client",
  version: require(pkg + "/package.json").version,
  parser: parser ? "socket.io-msgpack-parser@" + require("socket.io-msgpack-parser/package.json").version : "default",
});

function printEvent(id, name, args) {
  const fields = { id, name };
  if (args.length > 0 && typeof args[args.length - 1] === "function") {
    const ackId = nextAckId++;
    serverAcks.set(ackId, args.pop());
    fields.ackId = ackId;
  }
  fields.args = encodeBinary(args);
  print("event", fields);
}

function connect(command) {
  const { id, url, nsp = "/" } = command;
  if (sockets.has(id)) throw new Error("client id in use: " + id);
  const opts = { reconnection: command.reconnection === true };
  for (const key of ["query", "transports", "path", "forceNew", "reconnectionDelay", "extraHeaders"]) {
    if (command[key] !== undefined) opts[key] = command[key];
  }
  if (command.auth !== undefined && version === "4") opts.auth = command.auth;
  if (parser) opts.parser = parser;

  const socket = io(url.replace(/\/$/, "") + nsp, opts);
  sockets.set(id, socket);

  socket.on("connect", () =>
    print("connect", { id, socketId: socket.id, transport: socket.io.engine.transport.name, recovered: socket.recovered === true }));
  socket.io.on("open", () =>
    socket.io.engine.on("upgrade", (transport) => print("upgrade", { id, transport: transport.name })));
  socket.on("disconnect", (reason) => print("disconnect", { id, reason }));
  socket.on("connect_error", (err) => {
    const fields = { id, message: String((err && err.message) || err), data: (err && err.data) ?? null };
    // a transport error's cause: the HTTP status of a failed poll, or the network error
    const cause = err && err.description;
    if (typeof cause === "number" || typeof cause === "string") fields.description = cause;
    else if (cause && cause.message) fields.description = String(cause.message);
    print("connect_error", fields);
  });
  if (version === "4") {
    socket.onAny((event, ...args) => printEvent(id, event, args));
  } else {
    // 2.x: a refused namespace arrives as an "error" event; there is no onAny, so take over onevent
    socket.on("error", (data) =>
      print("connect_error", { id, message: typeof data === "string" ? data : String(data && data.message), data: data ?? null }));
    socket.onevent = function (packet) {
      const args = (packet.data || []).slice();
      if (packet.id != null) args.push(this.ack(packet.id));
      printEvent(id, args.shift(), args);
    };
  }
}

function emit(command) {
  const socket = clientSocket(command.id);
  const args = decodeBinary(command.args || []);
  if (!command.ack) {
    socket.emit(command.event, ...args);
    return;
  }
  const seq = command.seq ?? nextSeq++;
  if (command.timeout !== undefined) {
    if (version !== "4") throw new Error("timeout needs socket.io-client 4");
    socket.timeout(command.timeout).emit(command.event, ...args, (err, ...res) =>
      print("ack", { id: command.id, seq, args: encodeBinary(res), error: err ? err.message : null }));
  } else {
    socket.emit(command.event, ...args, (...res) => print("ack", { id: command.id, seq, args: encodeBinary(res) }));
  }
}

function clientSocket(id) {
  const socket = sockets.get(id);
  if (!socket) throw new Error("no client with id " + id);
  return socket;
}

readCommands(
  (command) => {
    switch (command.cmd) {
      case "connect":
        connect(command);
        break;
      case "emit":
        emit(command);
        break;
      case "ack": {
        const callback = serverAcks.get(command.ackId);
        if (!callback) throw new Error("no server ack with id " + command.ackId);
        serverAcks.delete(command.ackId);
        callback(...decodeBinary(command.args || []));
        break;
      }
      case "setUrl":
        clientSocket(command.id).io.uri = command.url;
        break;
      case "reconnection": {
        const socket = clientSocket(command.id);
        socket.io.reconnection(command.on === true);
        if (command.on === true && !socket.connected) socket.connect();
        break;
      }
      case "closeTransport":
        clientSocket(command.id).io.engine.close();
        break;
      case "disconnect":
        clientSocket(command.id).disconnect();
        sockets.delete(command.id);
        break;
      default:
        throw new Error("unknown command " + command.cmd);
    }
  },
  () => sockets.forEach((socket) => socket.disconnect()),
);

"use strict";
// Drives the official engine.io-client (6.x, Engine.IO v4) for a test.
//   node eio-client.js <url> [path=/engine.io] [transports=polling,websocket]
// Commands: {"cmd":"send","text"} {"cmd":"sendBinary","base64"} {"cmd":"close"}
// Events:   ready, open {sid, transport}, message {text} | {base64}, upgrade {transport},
//           close {reason, description}, error {message}

const { Socket } = require("engine.io-client");
const { print, readCommands, isBinary, toBuffer } = require("./lines");

const [url, path = "/engine.io", transports = "polling,websocket"] = process.argv.slice(2);
if (!url) {
  console.error("usage: node eio-client.js <url> [path] [transports]");
  process.exit(2);
}

print("ready", { client: "engine.io-client", version: require("engine.io-client/package.json").version });

const socket = new Socket(url, { path, transports: transports.split(",") });

socket.on("open", () => print("open", { sid: socket.id, transport: socket.transport.name }));
socket.on("message", (data) => {
  if (isBinary(data)) print("message", { base64: toBuffer(data).toString("base64") });
  else print("message", { text: data });
});
socket.on("upgrade", (transport) => print("upgrade", { transport: transport.name }));
socket.on("close", (reason, description) =>
  print("close", { reason, description: description ? String(description.message || description) : null }));
socket.on("error", (err) => print("error", { message: String((err && err.message) || err) }));

readCommands(
  (command) => {
    switch (command.cmd) {
      case "send":
        socket.send(command.text);
        break;
      case "sendBinary":
        socket.send(Buffer.from(command.base64, "base64"));
        break;
      case "close":
        socket.close();
        break;
      default:
        throw new Error("unknown command " + command.cmd);
    }
  },
  () => socket.close(),
);

"use strict";
// JSON lines between a driver script and io.jsocketio.testkit.NodeProcess:
// events go to stdout, one JSON object per line; commands arrive on stdin the same way.
// Binary values travel as {"$bin": "<base64>"}, anywhere in an argument tree.

const readline = require("readline");

function print(event, fields) {
  process.stdout.write(JSON.stringify({ event, ...fields }) + "\n");
}

function isBinary(value) {
  return Buffer.isBuffer(value) || value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function toBuffer(value) {
  if (value instanceof ArrayBuffer || Buffer.isBuffer(value)) return Buffer.from(value);
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** Replaces Buffers/ArrayBuffers/typed arrays by {"$bin": base64}, for printing. */
function encodeBinary(value) {
  if (isBinary(value)) return { $bin: toBuffer(value).toString("base64") };
  if (Array.isArray(value)) return value.map(encodeBinary);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeBinary(v);
    return out;
  }
  return value;
}

/** Replaces {"$bin": base64} by Buffers, for sending. */
function decodeBinary(value) {
  if (Array.isArray(value)) return value.map(decodeBinary);
  if (value && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "$bin") return Buffer.from(value.$bin, "base64");
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeBinary(v);
    return out;
  }
  return value;
}

/**
 * Calls handle(command) for each JSON line on stdin; a failing command is printed as a
 * "command_error" event. When stdin ends, calls onEnd() and exits.
 */
function readCommands(handle, onEnd) {
  const rl = readline.createInterface({ input: process.stdin });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let command;
    try {
      command = JSON.parse(line);
      handle(command);
    } catch (e) {
      print("command_error", { line, message: String((e && e.message) || e) });
    }
  });
  rl.on("close", () => {
    try {
      onEnd();
    } finally {
      process.exit(0);
    }
  });
}

module.exports = { print, encodeBinary, decodeBinary, readCommands, isBinary, toBuffer };

"use strict";
// The driver's command-line options: one table with each option's default and bounds, so every run
// is bounded in connections, in-flight messages, payload size and time whatever is asked.

const SCENARIOS = ["connect", "echo-ws", "fanout", "echo-polling", "binary"];

// name: [default, min, max, help]; numbers only (the string options follow below)
const NUMBERS = {
  duration: [5, 1, 300, "seconds measured per scenario"],
  warmup: [2, 0, 120, "seconds of load before measuring, per scenario"],
  pause: [1, 0, 60, "seconds between scenarios, for the server to close the last one's sockets"],
  "setup-timeout": [60, 5, 300, "seconds a scenario may take to open its sockets"],
  "connect-total": [5000, 1, 100000, "connect: connections to open (N), one after another"],
  "connect-inflight": [100, 1, 1000, "connect: connections being opened at once (K)"],
  "echo-conns": [50, 1, 5000, "echo-ws: connections (C)"],
  "echo-inflight": [10, 1, 1000, "echo-ws: messages in flight per connection (F)"],
  "echo-size": [100, 0, 1000000, "echo-ws and echo-polling: payload, bytes of a string"],
  "polling-conns": [50, 1, 5000, "echo-polling: connections"],
  "polling-inflight": [10, 1, 1000, "echo-polling: messages in flight per connection"],
  "fanout-sockets": [1000, 1, 10000, "fanout: sockets in the room (R); one more socket sends"],
  "fanout-inflight": [4, 1, 1000, "fanout: broadcasts in flight (a broadcast ends when all R got it)"],
  "fanout-size": [100, 0, 1000000, "fanout: payload, bytes of a string"],
  "binary-conns": [10, 1, 1000, "binary: connections"],
  "binary-inflight": [4, 1, 100, "binary: messages in flight per connection"],
  "binary-size": [65536, 1, 1000000, "binary: payload, bytes of a Buffer"],
};

const STRINGS = {
  url: ["http://127.0.0.1:3000", "the server, loopback only"],
  scenarios: [SCENARIOS.join(","), "comma-separated, run in this order: " + SCENARIOS.join(", ")],
  label: ["", "a name for the server, copied into every result (e.g. jsocketio, node)"],
  "connect-transport": ["websocket", "connect: websocket, polling, or default (polling, then upgrade)"],
};

const FLAGS = {
  ack: "echo scenarios: ask for an ack and time it, instead of the server emitting 'echo' back",
};

function pad(text) {
  return text.length < 36 ? text.padEnd(36) : `${text}\n${" ".repeat(36)}`;
}

function usage() {
  const lines = ["usage: node driver.js [--option=value ...]", ""];
  for (const [name, [def, help]] of Object.entries(STRINGS)) {
    lines.push(pad(`  --${name}=${def || "<text>"}`) + help);
  }
  for (const [name, [def, min, max, help]] of Object.entries(NUMBERS)) {
    lines.push(pad(`  --${name}=${def}`) + `${help} [${min}..${max}]`);
  }
  for (const [name, help] of Object.entries(FLAGS)) {
    lines.push(pad(`  --${name}`) + help);
  }
  return lines.join("\n");
}

// Parses argv (without node and the script). Throws an Error naming the option on bad input.
function parse(argv) {
  const options = {};
  for (const [name, [def]] of Object.entries(STRINGS)) options[name] = def;
  for (const [name, [def]] of Object.entries(NUMBERS)) options[name] = def;
  for (const name of Object.keys(FLAGS)) options[name] = false;
  for (const arg of argv) {
    if (arg === "--help" || arg === "-h") {
      options.help = true;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`not an option: ${arg}`);
    const [, name, value] = match;
    if (name in FLAGS) {
      if (value !== undefined) throw new Error(`--${name} takes no value`);
      options[name] = true;
    } else if (name in STRINGS) {
      if (value === undefined) throw new Error(`--${name} needs a value`);
      options[name] = value;
    } else if (name in NUMBERS) {
      const [, min, max] = NUMBERS[name];
      const n = Number(value);
      if (value === undefined || value === "" || !Number.isInteger(n) || n < min || n > max) {
        throw new Error(`--${name} must be an integer from ${min} to ${max}, got ${value}`);
      }
      options[name] = n;
    } else {
      throw new Error(`unknown option --${name} (see --help)`);
    }
  }
  const scenarios = options.scenarios.split(",").map((s) => s.trim()).filter(Boolean);
  for (const s of scenarios) {
    if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}; known: ${SCENARIOS.join(", ")}`);
  }
  if (scenarios.length === 0) throw new Error("--scenarios names no scenario");
  options.scenarios = scenarios;
  if (!["websocket", "polling", "default"].includes(options["connect-transport"])) {
    throw new Error("--connect-transport must be websocket, polling or default");
  }
  return options;
}

module.exports = { parse, usage, SCENARIOS };

"use strict";
// jsocketio's load driver: official socket.io-client 4.8.4 sockets against a server that speaks
// the BENCH contract (bench/README.md: "echo", "join", "bcast" on namespace "/"),
// such as examples/conformance-server/run.sh or reference-server.js beside this file.
//
//   node bench/load/driver.js --url=http://127.0.0.1:3000 --label=jsocketio --duration=5
//
// Runs the scenarios one after another (connect, echo-ws, fanout, echo-polling, binary; see
// --help), prints one JSON line per scenario as it ends and a table at the end, then exits.
// Loopback targets only; every count and time is bounded (options.js), and a watchdog ends the
// process if a run overstays its budget. Exit status: 0 all scenarios ran, 1 one failed, 2 bad
// options or target, 3 the watchdog fired.

const options = require("./lib/options");
const { checkLoopback } = require("./lib/loopback");
const { sleep, connect: connectOnce } = require("./lib/clients");
const { printResult, table } = require("./lib/report");
const connect = require("./lib/connect");
const echo = require("./lib/echo");
const fanout = require("./lib/fanout");

const SCENARIOS = {
  connect: (url, o) => connect.run(url, o),
  "echo-ws": (url, o) =>
    echo.run(url, o, { conns: o["echo-conns"], inflight: o["echo-inflight"], size: o["echo-size"], transports: ["websocket"] }),
  fanout: (url, o) => fanout.run(url, o),
  "echo-polling": (url, o) =>
    echo.run(url, o, { conns: o["polling-conns"], inflight: o["polling-inflight"], size: o["echo-size"], transports: ["polling"] }),
  binary: (url, o) =>
    echo.run(url, o, { conns: o["binary-conns"], inflight: o["binary-inflight"], size: o["binary-size"], transports: ["websocket"], binary: true }),
};

// Seconds one scenario may take at most: setup, warm-up, window, and time to close.
function budget(o) {
  return o["setup-timeout"] + o.warmup + o.duration + o.pause + 30;
}

async function main() {
  let o;
  try {
    o = options.parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n\n${options.usage()}`);
    return 2;
  }
  if (o.help) {
    console.log(options.usage());
    return 0;
  }
  try {
    await checkLoopback(o.url);
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  try {
    (await connectOnce(o.url, ["websocket"], 10000)).disconnect();
  } catch (error) {
    console.error(`no BENCH server answers at ${o.url}: ${error.message}`);
    return 2;
  }
  const watchdog = setTimeout(() => {
    console.error(`watchdog: the run took over ${budget(o) * o.scenarios.length} s; stopping`);
    process.exit(3);
  }, budget(o) * o.scenarios.length * 1000);
  watchdog.unref();

  const results = [];
  let failed = false;
  for (const [i, name] of o.scenarios.entries()) {
    if (i > 0) await sleep(o.pause * 1000);
    let result;
    try {
      result = { label: o.label, scenario: name, url: o.url, ...(await SCENARIOS[name](o.url, o)) };
    } catch (error) {
      failed = true;
      result = { label: o.label, scenario: name, url: o.url, error: error.message };
    }
    printResult(result);
    results.push(result);
  }
  console.log("\n" + table(results));
  return failed ? 1 : 0;
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

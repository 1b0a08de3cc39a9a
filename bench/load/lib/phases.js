"use strict";
// The common timeline of a load scenario: load runs through a warm-up, then a measured window;
// `window.measuring` tells the handlers whether to count, and `measure` returns the window's length.

const { now, sleep } = require("./clients");

async function measure(options, window) {
  await sleep(options.warmup * 1000);
  window.start = now();
  window.measuring = true;
  await sleep(options.duration * 1000);
  window.measuring = false;
  window.end = now();
  return (window.end - window.start) / 1000;
}

module.exports = { measure };

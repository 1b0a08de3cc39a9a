"use strict";
// Results: one JSON line each on stdout as soon as a scenario ends, and a short table at the end.

function round(x, digits) {
  if (x === null || x === undefined || !Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function errorCount(errors) {
  return Object.entries(errors || {})
    .filter(([, v]) => typeof v === "number")
    .reduce((sum, [, v]) => sum + v, 0);
}

// Prints one result as one JSON line; latencies rounded to 0.01 ms.
function printResult(result) {
  const line = { ...result, p50_ms: round(result.p50_ms, 2), p99_ms: round(result.p99_ms, 2) };
  console.log(JSON.stringify(line));
}

function table(results) {
  const header = ["label", "scenario", "rate", "unit", "p50 ms", "p99 ms", "errors"];
  const rows = results.map((r) => [
    r.label || "",
    r.scenario,
    r.rate === undefined ? "failed" : r.rate.toLocaleString("en-US"),
    r.unit || "",
    r.p50_ms === null || r.p50_ms === undefined ? "" : r.p50_ms.toFixed(2),
    r.p99_ms === null || r.p99_ms === undefined ? "" : r.p99_ms.toFixed(2),
    r.error ? r.error : String(errorCount(r.errors)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const format = (row) =>
    row.map((cell, i) => (i >= 2 && i !== 3 && i !== 6 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ");
  return [format(header), format(widths.map((w) => "-".repeat(w))), ...rows.map(format)].join("\n");
}

module.exports = { round, printResult, table, errorCount };

"use strict";
// A latency histogram in constant memory: logarithmic buckets 1 % wide, from 1 microsecond to
// 100 seconds, so percentiles are within 1 % whatever the number of samples.

const PER_E = 100; // buckets per factor e: each bucket spans 1 %
const MAX_MICROS = 1e8;
const SIZE = Math.ceil(Math.log(MAX_MICROS) * PER_E) + 1;

class Histogram {
  constructor() {
    this.counts = new Float64Array(SIZE);
    this.total = 0;
    this.max = 0;
  }

  // Records one latency in milliseconds.
  record(millis) {
    const micros = Math.min(Math.max(millis * 1000, 1), MAX_MICROS);
    this.counts[Math.floor(Math.log(micros) * PER_E)]++;
    this.total++;
    if (millis > this.max) this.max = millis;
  }

  // The latency in milliseconds below which a fraction q (0..1) of the samples lie; null if none.
  percentile(q) {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < SIZE; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(Math.exp((i + 1) / PER_E) / 1000, this.max);
    }
    return this.max;
  }
}

module.exports = { Histogram };

"use strict";
// The driver only ever loads a server on this machine: the target's host must be a loopback
// address, or a name whose every address is one.

const dns = require("dns").promises;
const net = require("net");

function isLoopbackAddress(address) {
  if (net.isIPv4(address)) return address.split(".")[0] === "127";
  if (net.isIPv6(address)) {
    const a = address.toLowerCase();
    return a === "::1" || a === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(a);
  }
  return false;
}

// Resolves with the parsed URL when it is http(s) on loopback; rejects with a clear Error otherwise.
async function checkLoopback(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch (e) {
    throw new Error(`--url is not a URL: ${url}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error(`--url must be http:// or https://, got ${parsed.protocol}`);
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses = [host];
  if (!net.isIP(host)) {
    try {
      addresses = (await dns.lookup(host, { all: true })).map((a) => a.address);
    } catch (e) {
      throw new Error(`refusing ${host}: it does not resolve (${e.code || e.message})`);
    }
  }
  const outside = addresses.filter((a) => !isLoopbackAddress(a));
  if (addresses.length === 0 || outside.length > 0) {
    throw new Error(`refusing a non-loopback target ${host} (${addresses.join(", ") || "no address"})`);
  }
  return parsed;
}

module.exports = { checkLoopback, isLoopbackAddress };

// Drives headless Debian chromium with playwright-core for ChatBrowserTest, in the JSON-lines
// style of testkit/node (started by testkit's NodeProcess, whose working directory is testkit/node,
// where playwright-core is installed). Never downloads a browser: CHROMIUM names the executable
// (default /usr/bin/chromium).
//
// Every command is {"cmd": ..., "seq": n, ...} on one stdin line; the answer is
// {"event":"done","seq":n,"value":...} or {"event":"failed","seq":n,"message":...}.
//   launch {}                                   starts the browser
//   open {page, url}                            a new page in its own context (own cookies)
//   fill {page, selector, value}                click {page, selector}
//   setFile {page, selector, name, mimeType, base64}
//   waitFor {page, selector, text?, timeout?}   until a matching element is visible
//   waitTexts {page, selector, expected, timeout?} until the elements' texts equal expected
//   texts {page, selector}                      the elements' texts
//   eval {page, expression}                     page.evaluate(expression)
//   websockets {page}                           the URLs of the WebSockets the page opened
//   screenshot {page, path}                     closePage {page}
//   setOffline {page, offline}                  the page's network goes away (or comes back)
"use strict";
const path = require("path");
const fs = require("fs");
const readline = require("readline");
const { chromium } = require(path.join(process.cwd(), "node_modules", "playwright-core"));

const executable = process.env.CHROMIUM || "/usr/bin/chromium";
const pages = new Map();
let browser = null;

function print(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

function page(id) {
  const p = pages.get(id);
  if (!p) throw new Error("no page " + id);
  return p.page;
}

async function launch() {
  if (!fs.existsSync(executable)) {
    throw new Error(executable + " is missing: apt-get install -y chromium (or set CHROMIUM)");
  }
  browser = await chromium.launch({
    executablePath: executable,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run",
    ],
    // playwright itself starts chromium with a fresh, empty --user-data-dir in the temp directory
    // (it refuses the flag in launch()) and deletes it on close
  });
  return browser.version();
}

async function waitTexts(p, selector, expected, timeout) {
  const want = JSON.stringify(expected);
  const deadline = Date.now() + timeout;
  let last = [];
  for (;;) {
    last = await p.locator(selector).allTextContents();
    if (JSON.stringify(last) === want) return last;
    if (Date.now() > deadline) {
      throw new Error("texts of " + selector + " stayed " + JSON.stringify(last) + ", expected " + want);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const commands = {
  launch: () => launch(),
  open: async (c) => {
    if (!browser) throw new Error("launch first");
    const context = await browser.newContext({ viewport: { width: 1000, height: 620 } });
    // the tests never reach the internet (the admin UI's page links fonts on public CDNs)
    await context.route((u) => !["127.0.0.1", "localhost"].includes(u.hostname), (r) => r.abort());
    const p = await context.newPage();
    p.on("console", (m) => print({ event: "console", page: c.page, type: m.type(), text: m.text() }));
    p.on("pageerror", (e) => print({ event: "pageerror", page: c.page, message: String(e) }));
    const entry = { context, page: p, websockets: [] };
    p.on("websocket", (ws) => entry.websockets.push(ws.url()));
    pages.set(c.page, entry);
    await p.goto(c.url);
    return p.url();
  },
  fill: (c) => page(c.page).fill(c.selector, c.value),
  click: (c) => page(c.page).click(c.selector),
  setFile: (c) => page(c.page).setInputFiles(c.selector, {
    name: c.name, mimeType: c.mimeType, buffer: Buffer.from(c.base64, "base64"),
  }),
  waitFor: async (c) => {
    let loc = page(c.page).locator(c.selector);
    if (c.text !== undefined) loc = loc.filter({ hasText: c.text });
    await loc.first().waitFor({ state: c.state || "visible", timeout: c.timeout || 10000 });
    return loc.count();
  },
  waitTexts: (c) => waitTexts(page(c.page), c.selector, c.expected, c.timeout || 10000),
  websockets: (c) => {
    const p = pages.get(c.page);
    if (!p) throw new Error("no page " + c.page);
    return p.websockets;
  },
  texts: (c) => page(c.page).locator(c.selector).allTextContents(),
  eval: (c) => page(c.page).evaluate(c.expression),
  screenshot: async (c) => {
    fs.mkdirSync(path.dirname(c.path), { recursive: true });
    await page(c.page).screenshot({ path: c.path });
    return c.path;
  },
  setOffline: (c) => {
    const p = pages.get(c.page);
    if (!p) throw new Error("no page " + c.page);
    return p.context.setOffline(c.offline === true);
  },
  closePage: async (c) => {
    const p = pages.get(c.page);
    pages.delete(c.page);
    if (p) await p.context.close();
  },
};

async function shutdown() {
  try {
    if (browser) await browser.close();
  } finally {
    process.exit(0);
  }
}

// commands run one at a time, in order
let queue = Promise.resolve();
const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => {
  queue = queue.then(async () => {
    let c;
    try {
      c = JSON.parse(line);
      const fn = commands[c.cmd];
      if (!fn) throw new Error("unknown command " + c.cmd);
      const value = await fn(c);
      print({ event: "done", seq: c.seq, value: value === undefined ? null : value });
    } catch (e) {
      print({ event: "failed", seq: c ? c.seq : null, message: String(e && e.stack || e) });
    }
  });
});
rl.on("close", () => queue.then(shutdown));
print({ event: "ready", chromium: executable });

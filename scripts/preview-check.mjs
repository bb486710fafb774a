// `pathways preview` in a real browser (the system Chromium, through
// playwright-core): start it on a copy of a fixture, open the page, edit the
// file three times and check what the page shows after each save:
//   1. a text change: the new title, at the same scroll position;
//   2. a change that introduces an error: the error, with file:line:column,
//      the source line and the hint, instead of the stale report;
//   3. the fix: the report again.
// Leaves a screenshot of the error view in target/browser/preview-error.png.
//
// Usage: node scripts/preview-check.mjs PATHWAYS [--bench N]
// With --bench N it then saves the file N more times and prints how long
// each took from the save to the updated page (p50, p95, max): a benchmark,
// run by hand (benches/README.md), not a timed test.
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const require = createRequire(path.resolve(process.env.NODE_PATH || "node_modules", "noop.js"));
const { chromium } = require("playwright-core");

const pathways = process.argv[2];
const benchAt = process.argv.indexOf("--bench");
const benchEdits = benchAt > 0 ? Number(process.argv[benchAt + 1]) : 0;
if (!pathways) {
  console.error("usage: node scripts/preview-check.mjs PATHWAYS [--bench N]");
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pathways-preview-"));
const profile = path.join(dir, "library-technicians.yaml");
const original = fs.readFileSync("profiles/library-technicians.yaml", "utf8");
fs.writeFileSync(profile, original);

const server = spawn(pathways, ["preview", profile, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
const url = await new Promise((resolve, reject) => {
  let seen = "";
  server.stderr.on("data", (chunk) => {
    seen += chunk;
    const found = seen.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (found) resolve(found[0]);
  });
  server.on("exit", (code) => reject(new Error(`preview exited (${code}): ${seen}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? "ok" : "FAILED"}: ${what}`);
  if (!ok) failures += 1;
};
const h1 = () => page.locator("h1").first().textContent();

await page.goto(url);
check((await h1()) === "Library Technicians", "the report is shown");

// 1. A text change: the page follows, and keeps its scroll position.
await page.evaluate(() => window.scrollTo(0, 3000));
await page.waitForTimeout(200);
const before = await page.evaluate(() => window.scrollY);
fs.writeFileSync(profile, original.replace("title: Library Technicians", "title: Library Technicians and Assistants"));
await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Library Technicians and Assistants", null, { timeout: 10000 });
check(true, "a text change shows without reloading by hand");
await page.waitForTimeout(300);
const after = await page.evaluate(() => window.scrollY);
check(Math.abs(after - before) < 50, `the scroll position is kept (${before} px before, ${after} px after)`);

// 2. An error: shown instead of the stale report.
fs.writeFileSync(profile, original.replace("title: Library Technicians", 'title: ""'));
await page.waitForFunction(() => document.body.innerText.includes("cannot be shown yet"), null, { timeout: 10000 });
const problems = await page.locator("pre").first().textContent();
check(/library-technicians\.yaml:4:8/.test(problems), "the error names file:line:column");
if (!/library-technicians\.yaml:4:8/.test(problems)) console.log(problems);
check(problems.includes('title: ""') && problems.includes("[empty-title]") && problems.includes("help:"),
  "with the source line, the rule and the hint");
check((await page.locator("h1").first().textContent()).includes("cannot be shown yet"), "the stale report is gone");
fs.mkdirSync("target/browser", { recursive: true });
await page.screenshot({ path: "target/browser/preview-error.png" });

// 3. The fix: the report comes back.
fs.writeFileSync(profile, original);
await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Library Technicians", null, { timeout: 10000 });
check(true, "after the fix the report is back");

// The preview's own pages, as the server sends them, for the Nu checker
// that .ci/run runs next: the report, the error view, the Markdown view.
fs.mkdirSync("target/ci-html/preview", { recursive: true });
const save = async (address, file) => {
  const response = await fetch(new URL(address, url));
  fs.writeFileSync(path.join("target/ci-html/preview", file), await response.text());
};
fs.writeFileSync(profile, original.replace("title: Library Technicians", 'title: ""'));
await page.waitForFunction(() => document.body.innerText.includes("cannot be shown yet"), null, { timeout: 10000 });
await save("/", "error.html");
fs.writeFileSync(profile, original);
await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Library Technicians", null, { timeout: 10000 });
await save("/", "report.html");
await save("/library-technicians.md.html", "markdown.html");

// Views: the handout, Markdown and plain text are one link away.
for (const [link, marker] of [["Handout", "Career Handout"], ["Markdown", "# Library Technicians"], ["Plain text", "LIBRARY TECHNICIANS"]]) {
  await page.getByRole("link", { name: link, exact: true }).click();
  await page.waitForLoadState("load");
  check((await page.content()).includes(marker), `the ${link} view`);
}

if (benchEdits > 0) {
  // Let the reloads of the saves above settle first.
  await page.waitForTimeout(1000);
  await page.goto(url);
  const times = [];
  for (let i = 1; i <= benchEdits; i++) {
    const title = `Library Technicians ${i}`;
    await page.waitForTimeout(300);
    const saved = performance.now();
    fs.writeFileSync(profile, original.replace("title: Library Technicians", `title: ${title}`));
    await page.waitForFunction((t) => document.querySelector("h1")?.textContent === t, title, { timeout: 10000, polling: "raf" });
    times.push(performance.now() - saved);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  console.log(`save to updated page over ${times.length} edits: p50 ${at(0.5).toFixed(0)} ms, ` +
    `p95 ${at(0.95).toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`);
}

await browser.close();
server.kill("SIGINT");
const code = await new Promise((resolve) => server.on("exit", resolve));
check(code === 0, `Ctrl-C stops the preview with exit 0 (got ${code})`);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(failures === 0 ? 0 : 1);

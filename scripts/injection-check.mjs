// Loads HTML reports made from the injection fixture in Chromium and fails if
// any payload ran (a dialog, a navigation, a script setting window.__pwned),
// if the page holds script elements, event-handler attributes or dangerous
// link targets, or if the payload text is not shown to the reader.
//
// Usage: node scripts/injection-check.mjs FILE.html...   (NODE_PATH as for browser-check.mjs)
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.resolve(process.env.NODE_PATH || "node_modules", "noop.js"));
const { chromium } = require("playwright-core");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let problems = 0;
const problem = (file, what) => { problems += 1; console.error(`${file}: ${what}`); };
for (const file of process.argv.slice(2)) {
  const before = problems;
  const page = await browser.newPage();
  const url = "file://" + path.resolve(file);
  let navigations = 0;
  page.on("dialog", async (dialog) => { problem(file, `a dialog opened: ${dialog.message()}`); await dialog.dismiss(); });
  page.on("framenavigated", (frame) => { if (frame.url() !== url) navigations += 1; });
  page.on("request", (request) => {
    if (!request.url().startsWith("file://")) problem(file, `a request went out: ${request.url()}`);
  });
  await page.goto(url);
  // Hover and focus everything, as a reader's mouse and keyboard would.
  for (const element of await page.$$("body *")) {
    await element.hover({ timeout: 200, force: true }).catch(() => {});
  }
  await page.waitForTimeout(200);
  const report = await page.evaluate(() => ({
    pwned: window.__pwned,
    scripts: document.querySelectorAll("script").length,
    handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
    // The page's own icon is an inline SVG image; every other data: link is a payload.
    badLinks: [...document.querySelectorAll("[href]:not(link[rel=icon]),[src]")]
      .map((e) => e.getAttribute("href") ?? e.getAttribute("src"))
      .filter((u) => /^\s*(javascript|vbscript|data):/i.test(u)),
    text: document.body.innerText,
  }));
  if (report.pwned !== undefined) problem(file, `a payload ran: window.__pwned = ${report.pwned}`);
  if (report.scripts > 0) problem(file, `${report.scripts} script elements`);
  if (report.handlers > 0) problem(file, `${report.handlers} elements with event-handler attributes`);
  if (report.badLinks.length > 0) problem(file, `dangerous links: ${report.badLinks.join(", ")}`);
  if (navigations > 0) problem(file, `${navigations} navigations`);
  if (!report.text.includes("<script>window.__pwned")) problem(file, "the payload text is not shown to the reader");
  if (problems === before) console.log(`${file}: no payload ran; payload text shown as text`);
  await page.close();
}
await browser.close();
process.exit(problems === 0 ? 0 : 1);

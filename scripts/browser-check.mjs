// Accessibility and layout checks in the system Chromium, through
// playwright-core (no browser download) and axe-core.
//
// Usage: node scripts/browser-check.mjs FILE.html...
// (with playwright-core and axe-core installed; .ci/run installs them under
// target/judges and sets NODE_PATH). For each page: axe-core must report no
// serious or critical violation, and no heading-order violation, in the light
// and the dark colour scheme; at 375 px and 1280 px wide the page must not
// scroll sideways. With AXE_ALL=1, any axe-core violation fails.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.resolve(process.env.NODE_PATH || "node_modules", "noop.js"));
const { chromium } = require("playwright-core");
const axePath = require.resolve("axe-core/axe.min.js");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/browser-check.mjs FILE.html...");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let problems = 0;
for (const file of files) {
  const page = await browser.newPage();
  let results, bad = [];
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    await page.goto("file://" + path.resolve(file));
    await page.addScriptTag({ path: axePath });
    results = await page.evaluate(async () => await window.axe.run(document));
    // AXE_ALL=1: every violation fails, whatever its impact.
    const found = results.violations.filter(
      (v) => process.env.AXE_ALL === "1" || v.impact === "serious" || v.impact === "critical" || v.id === "heading-order");
    for (const v of found) {
      problems += 1;
      console.error(`${file} (${colorScheme}): ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} elements)`);
    }
    bad = bad.concat(found);
  }
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) {
      problems += 1;
      console.error(`${file}: at ${width} px the page scrolls sideways by ${overflow} px`);
    }
  }
  console.log(`${file}: axe-core, light and dark: ${results.passes.length} rules passed, ` +
    `${results.violations.length} violations (${bad.length} serious, critical or heading order), ` +
    `${results.incomplete.length} to review by hand`);
  await page.close();
}
await browser.close();
process.exit(problems === 0 ? 0 : 1);

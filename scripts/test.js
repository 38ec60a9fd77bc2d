#!/usr/bin/env node
/**
 * npm test: the whole suite, in order —
 *   1. tsc -p tsconfig.json --noEmit      type check of src, test, bench, scripts
 *   2. tsc -p tsconfig.core.json          src/core alone, without DOM / Node / Office types
 *   3. eslint .                           lint: folder boundaries, unused names, React hooks
 *                                         (eslint.config.mjs; formatting is only a warning)
 *   4. knip                               no unused exports, files or dependencies (knip.json)
 *   5. webpack --mode production          dist/ (the browser tests and the manifest test use it)
 *   6. jest                               unit, integration and browser tests;
 *                                         results also in test-results/jest.json
 * Every step runs even when an earlier one failed (so one type error does not hide the test
 * results); the exit code is non-zero when any step failed. Extra arguments go to jest:
 *   npm test -- test/manifest.test.ts
 */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const RESULTS = path.join(ROOT, "test-results");
const JEST_JSON = path.join(RESULTS, "jest.json");
/** A package's file (its folder found from node_modules: some packages do not export package.json). */
const bin = (pkg, file) => path.join(ROOT, "node_modules", pkg, file);

function run(label, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  console.log(`${ok ? "✔" : "✘"} ${label} (${seconds} s)`);
  return { label, ok, seconds };
}

function browserSkipWarning() {
  let results;
  try {
    results = JSON.parse(fs.readFileSync(JEST_JSON, "utf8"));
  } catch {
    return;
  }
  const browserFiles = (results.testResults || []).filter((f) => /[\\/]test[\\/]browser[\\/]/.test(f.name));
  const skipped = browserFiles.filter(
    (f) => f.assertionResults.length > 0 && f.assertionResults.every((a) => a.status === "pending")
  );
  if (skipped.length) {
    const bar = "!".repeat(100);
    console.log(
      `\n${bar}\n浏览器测试已跳过 / BROWSER TESTS SKIPPED: no Chromium, Chrome or Edge was found.\n` +
        `Install one (Debian/Ubuntu): apt-get install chromium fonts-noto-cjk — or set CHROME_PATH.\n` +
        `Set REQUIRE_BROWSER=1 to make a missing browser a failure.\n${bar}`
    );
  }
}

function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.rmSync(JEST_JSON, { force: true });
  const jestArgs = process.argv.slice(2);
  const steps = [];

  steps.push(run("tsc -p tsconfig.json --noEmit", [bin("typescript", "bin/tsc"), "-p", "tsconfig.json", "--noEmit"]));
  steps.push(run("tsc -p tsconfig.core.json", [bin("typescript", "bin/tsc"), "-p", "tsconfig.core.json"]));
  steps.push(run("eslint .", [bin("eslint", "bin/eslint.js"), "."]));
  steps.push(run("knip", [bin("knip", "bin/knip.js"), "--no-progress"]));
  // the default build (office.js from the CDN); the browser test builds the OFFICE_JS=local variant itself
  const build = run("webpack --mode production", [bin("webpack-cli", "bin/cli.js"), "--mode", "production"], {
    OFFICE_JS: "cdn",
  });
  steps.push(build);
  if (!build.ok) fs.rmSync(path.join(ROOT, "dist"), { recursive: true, force: true }); // no stale dist/ for the tests
  steps.push(run("jest", [bin("jest", "bin/jest.js"), "--json", `--outputFile=${JEST_JSON}`, ...jestArgs]));

  browserSkipWarning();
  console.log("\nnpm test:");
  for (const s of steps) console.log(`  ${s.ok ? "✔" : "✘"} ${s.label} (${s.seconds} s)`);
  const failed = steps.filter((s) => !s.ok);
  if (failed.length) {
    console.log(`\n${failed.length} step(s) failed.`);
    process.exit(1);
  }
}

main();

#!/usr/bin/env node
/**
 * npm run bench: runs every bench/*.ts (with tsx) and bench/*.js (with node), one after the other,
 * in name order; each prints its own figures. Files whose name starts with "_" are helpers and are
 * not run. Filter by name: `npm run bench -- parse check` runs bench/parse.ts and bench/check.ts.
 */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const BENCH = path.join(ROOT, "bench");

function tsxCli() {
  const dir = path.dirname(require.resolve("tsx/package.json"));
  const json = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  return path.join(dir, typeof json.bin === "string" ? json.bin : json.bin.tsx);
}

function main() {
  const filters = process.argv.slice(2);
  const files = (fs.existsSync(BENCH) ? fs.readdirSync(BENCH) : [])
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts") && !f.startsWith("_"))
    .filter((f) => filters.length === 0 || filters.includes(f.replace(/\.(ts|js)$/, "")))
    .sort();
  if (files.length === 0) {
    console.log(
      filters.length
        ? `bench/ 中没有名为 ${filters.join(", ")} 的基准。`
        : "bench/ 中还没有基准脚本（bench/*.ts 或 bench/*.js）；有了之后 npm run bench 会依次运行并输出结果。"
    );
    return;
  }
  const summary = [];
  for (const file of files) {
    const full = path.join(BENCH, file);
    const args = file.endsWith(".ts") ? [tsxCli(), full] : [full];
    console.log(`\n=== bench/${file} ${"=".repeat(Math.max(0, 70 - file.length))}`);
    const started = Date.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    summary.push({ file, ok: r.status === 0, seconds, status: r.status });
  }
  console.log("\nnpm run bench:");
  for (const s of summary)
    console.log(`  ${s.ok ? "✔" : "✘"} bench/${s.file} (${s.seconds} s)${s.ok ? "" : ` exit ${s.status}`}`);
  if (summary.some((s) => !s.ok)) process.exit(1);
}

main();

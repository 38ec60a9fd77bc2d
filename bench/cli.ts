/**
 * Command-line benchmark (npx tsx bench/cli.ts): a city's worth of workbooks.
 *
 * - `perf-target check <130 copies of the sample> --json` through the real command (the compiled
 *   lib/ behind bin/perf-target.js, as a child process) against a script that only loads the same
 *   130 files with exceljs (also a child process, one file after the other). Goal: ratio ≤ 1.3 and
 *   the whole batch under 10 s on a 2-core machine.
 * - The same loads split over as many processes as the command has worker threads, so the ratio
 *   can be read both ways: against the plain sequential script, and against equal parallelism.
 * - Peak RSS (the process and its worker threads) for 130 and 520 files: memory stays flat.
 *
 * - Where the time goes, in one thread: exceljs's load, the adapter's load, reading the grids, the
 *   check, the JSON — per file, over the 130 files after a warm-up.
 *
 * lib/ is rebuilt first when a source file is newer. Each figure is the median of `RUNS` runs.
 */
import ExcelJS from "exceljs";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkGrids } from "../src/core/check";
import { fileJson, findingJson, tableJson } from "../src/cli/result";
import { XlsxWorkbook } from "../src/xlsx/workbook";

const ROOT = path.join(__dirname, "..");
const SAMPLE = path.join(ROOT, "samples", "liupanshui-2025.xlsx");
const BIN = path.join(ROOT, "bin", "perf-target.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function ensureBuilt(): void {
  const main = path.join(ROOT, "lib", "cli", "main.js");
  const src = Math.max(...["src/core", "src/xlsx", "src/cli"].map((d) => newest(path.join(ROOT, d))));
  if (fs.existsSync(main) && fs.statSync(main).mtimeMs >= src) return;
  console.log("lib/ is older than src/: npm run build:cli …");
  const tsc = path.join(path.dirname(require.resolve("typescript/package.json")), "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("build failed");
}

interface Run {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly code: number | null;
  readonly stdoutBytes: number;
}

/** Runs `node <script> <args>` with an exit hook that reports the process's peak RSS (worker threads included). */
function run(script: string, args: readonly string[], tmp: string): Promise<Run> {
  const wrapper = path.join(tmp, "rss-wrapper.js");
  if (!fs.existsSync(wrapper)) {
    fs.writeFileSync(
      wrapper,
      `process.on("exit", () => require("fs").writeSync(2, "\\nPEAK_RSS_KB " + process.resourceUsage().maxRSS + "\\n"));\n` +
        `const target = process.argv[2]; process.argv.splice(2, 1); process.argv[1] = target; require(target);\n`
    );
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [wrapper, script, ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let bytes = 0;
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (bytes += d.length));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      const m = /PEAK_RSS_KB (\d+)/.exec(stderr);
      if (!m) return reject(new Error(`no RSS figure:\n${stderr}`));
      resolve({ ms, peakRssMb: Number(m[1]) / 1024, code, stdoutBytes: bytes });
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function copies(dir: string, n: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= n; i++) fs.copyFileSync(SAMPLE, path.join(dir, `单位${String(i).padStart(3, "0")}.xlsx`));
}

const LOAD_ONLY = `
const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
const fs = require("fs");
const path = require("path");
(async () => {
  const dir = process.argv[2];
  const part = Number(process.argv[3] || 0), parts = Number(process.argv[4] || 1);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort().filter((_, i) => i % parts === part);
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, f)));
  }
})();
`;

/** Per-file milliseconds of each step, in this thread (after warming up on the first 30 files). */
async function phases(dir: string): Promise<void> {
  const files = fs
    .readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
  const t = { plain: 0, adapter: 0, read: 0, check: 0, json: 0 };
  const warm = 30;
  for (let round = 0; round < 2; round++) {
    for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] = 0;
    for (const f of round === 0 ? files.slice(0, warm) : files) {
      const bytes = fs.readFileSync(f);
      let s = performance.now();
      const plain = new ExcelJS.Workbook();
      await plain.xlsx.load(bytes as unknown as ArrayBuffer);
      t.plain += performance.now() - s;
      s = performance.now();
      const wb = await XlsxWorkbook.load(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      t.adapter += performance.now() - s;
      s = performance.now();
      const grids = await wb.readSheets();
      t.read += performance.now() - s;
      s = performance.now();
      const result = checkGrids(grids, await wb.loadSettings());
      t.check += performance.now() - s;
      s = performance.now();
      JSON.stringify(
        fileJson({
          index: 0,
          file: f,
          readError: null,
          writeError: null,
          incomplete: [],
          sheets: [],
          tables: result.parse.tables.map(tableJson),
          findings: result.findings.map(findingJson),
          counts: { error: 0, warning: 0, info: 0 },
          verdict: "",
          problems: [],
          warnings: [],
          fix: null,
          output: null,
        })
      );
      t.json += performance.now() - s;
    }
  }
  const n = files.length;
  const ours = t.adapter + t.read + t.check + t.json;
  console.log("where the time goes, one thread, ms per file (130 files after a warm-up):");
  console.log(`  exceljs load alone ${(t.plain / n).toFixed(1)}`);
  console.log(
    `  perf-target: adapter load ${(t.adapter / n).toFixed(1)} (exceljs + its own unzip of styles/customXml) + grids ${(t.read / n).toFixed(1)} + check ${(t.check / n).toFixed(1)} + JSON ${(t.json / n).toFixed(1)} = ${(ours / n).toFixed(1)}  → ratio ${(ours / t.plain).toFixed(2)}\n`
  );
}

async function main(): Promise<void> {
  ensureBuilt();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "perf-target-bench-"));
  try {
    const d130 = path.join(tmp, "130");
    const d520 = path.join(tmp, "520");
    copies(d130, 130);
    copies(d520, 520);
    const loader = path.join(tmp, "load-only.js");
    fs.writeFileSync(loader, LOAD_ONLY);
    const cpus = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    console.log(
      `${cpus} CPU(s), Node ${process.version}, load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}; median of ${RUNS} runs each`
    );
    console.log(`sample: ${path.relative(ROOT, SAMPLE)} (${(fs.statSync(SAMPLE).size / 1024).toFixed(0)} KB)\n`);
    await phases(d130);

    // warm the disk cache and the module cache of both
    await run(BIN, ["check", d130, "--json"], tmp);
    await run(loader, [d130], tmp);

    const cli: Run[] = [];
    const plain: number[] = [];
    const plainParallel: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      cli.push(await run(BIN, ["check", d130, "--json"], tmp));
      plain.push((await run(loader, [d130], tmp)).ms);
      const t = performance.now();
      await Promise.all(Array.from({ length: cpus }, (_, k) => run(loader, [d130, String(k), String(cpus)], tmp)));
      plainParallel.push(performance.now() - t);
    }
    const cliMs = median(cli.map((r) => r.ms));
    const plainMs = median(plain);
    const parallelMs = median(plainParallel);
    const codes = [...new Set(cli.map((r) => r.code))];
    console.log("130 files                                          time      ratio");
    console.log(`perf-target check --json (${cpus} worker threads)        ${(cliMs / 1000).toFixed(2).padStart(6)} s`);
    console.log(
      `exceljs load only, one process                     ${(plainMs / 1000).toFixed(2).padStart(6)} s   ${(cliMs / plainMs).toFixed(2)}  (goal ≤ 1.3)`
    );
    console.log(
      `exceljs load only, ${cpus} processes                      ${(parallelMs / 1000).toFixed(2).padStart(6)} s   ${(cliMs / parallelMs).toFixed(2)}  (equal parallelism)`
    );
    console.log(
      `whole batch under 10 s: ${cliMs < 10_000 ? "yes" : "NO"}; exit code ${codes.join("/")} (1 = findings of error severity); ${(cli[0].stdoutBytes / 1024).toFixed(0)} KB of JSON`
    );

    const seq = (await run(BIN, ["check", d130, "--json", "--jobs", "1"], tmp)).ms;
    console.log(
      `(the same in the main thread, --jobs 1: ${(seq / 1000).toFixed(2)} s, ratio to one-process load ${(seq / plainMs).toFixed(2)})\n`
    );

    const big: Run[] = [];
    for (let i = 0; i < Math.max(1, Math.min(RUNS, 2)); i++) big.push(await run(BIN, ["check", d520, "--json"], tmp));
    const rss130 = median(cli.map((r) => r.peakRssMb));
    const rss520 = median(big.map((r) => r.peakRssMb));
    console.log("peak RSS (process + worker threads)");
    console.log(`  130 files: ${rss130.toFixed(0)} MB`);
    console.log(
      `  520 files: ${rss520.toFixed(0)} MB   (${(median(big.map((r) => r.ms)) / 1000).toFixed(2)} s)   ratio ${(rss520 / rss130).toFixed(2)} (flat ≈ 1)`
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

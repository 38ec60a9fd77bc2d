/**
 * Command-line benchmark (npx tsx bench/cli.ts): a city's worth of workbooks.
 *
 * - `perf-target check <130 copies of the sample> --json` through the real command (the compiled
 *   lib/ behind bin/perf-target.js, as a child process) with its default parallelism, with
 *   `--jobs 1` and with `--jobs 2`, against a script that only loads the same 130 files with
 *   exceljs (also a child process, one file after the other). Goals: the default is never slower
 *   than one thread, and the whole batch costs no more than loading the files (ratio ≤ 1.0).
 * - `--baseline <bin/perf-target.js of another checkout>`: that command too, in the same rounds.
 * - The runs of a round are interleaved (default, --jobs 1, --jobs 2, load only, baseline) and each
 *   figure is the median of `BENCH_RUNS` rounds (default 5), so a busy machine slows them alike.
 * - Peak RSS (the process and its worker threads) for 130 and 520 files: memory stays flat.
 * - Where the time goes, in one thread: exceljs's load, the package reader, the check, the JSON —
 *   per file, over the 130 files after a warm-up.
 *
 * lib/ is rebuilt first when a source file is newer.
 */
import ExcelJS from "exceljs";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkGrids } from "../src/core/check";
import { findingJson, tableJson } from "../src/cli/result";
import { NODE_UNZIP } from "../src/cli/unzip";
import { readWorkbook } from "../src/xlsx/package-read";

const ROOT = path.join(__dirname, "..");
const SAMPLE = path.join(ROOT, "samples", "liupanshui-2025.xlsx");
const BIN = path.join(ROOT, "bin", "perf-target.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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
function run(script: string, args: readonly string[], tmp: string, nodeFlags: readonly string[] = []): Promise<Run> {
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
    const child = spawn(process.execPath, [...nodeFlags, wrapper, script, ...args], {
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
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort();
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
  const t = { plain: 0, read: 0, check: 0, json: 0 };
  for (let round = 0; round < 2; round++) {
    for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] = 0;
    for (const f of round === 0 ? files.slice(0, 30) : files) {
      const bytes = fs.readFileSync(f);
      let s = performance.now();
      const plain = new ExcelJS.Workbook();
      await plain.xlsx.load(bytes as unknown as ArrayBuffer);
      t.plain += performance.now() - s;
      s = performance.now();
      const read = await readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), NODE_UNZIP);
      t.read += performance.now() - s;
      s = performance.now();
      const result = checkGrids(read.sheets.flatMap((x) => (x.grid ? [x.grid] : [])));
      t.check += performance.now() - s;
      s = performance.now();
      JSON.stringify({ tables: result.parse.tables.map(tableJson), findings: result.findings.map(findingJson) });
      t.json += performance.now() - s;
    }
  }
  const n = files.length;
  const ours = t.read + t.check + t.json;
  console.log("where the time goes, one thread, ms per file (130 files after a warm-up):");
  console.log(`  exceljs load alone ${(t.plain / n).toFixed(1)}`);
  console.log(
    `  perf-target: package read ${(t.read / n).toFixed(1)} + check ${(t.check / n).toFixed(1)} + JSON ${(t.json / n).toFixed(1)} = ${(ours / n).toFixed(1)}  → ratio ${(ours / t.plain).toFixed(2)}\n`
  );
}

function optionValue(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? null) : null;
}

/** The interleaved rounds: each command once per round; medians. */
async function rounds(d130: string, loader: string, baseline: string | null, tmp: string): Promise<Map<string, Run[]>> {
  const commands: Array<[string, string, string[]]> = [
    ["perf-target check --json (default)", BIN, ["check", d130, "--json"]],
    ["perf-target check --json --jobs 1", BIN, ["check", d130, "--json", "--jobs", "1"]],
    ["perf-target check --json --jobs 2", BIN, ["check", d130, "--json", "--jobs", "2"]],
    ["exceljs load only, one process", loader, [d130]],
  ];
  if (baseline) commands.push(["baseline check --json (default)", baseline, ["check", d130, "--json"]]);
  for (const [, script, args] of commands) await run(script, args, tmp); // warm the caches
  const out = new Map<string, Run[]>(commands.map(([label]) => [label, []]));
  for (let i = 0; i < RUNS; i++)
    for (const [label, script, args] of commands) out.get(label)!.push(await run(script, args, tmp));
  return out;
}

async function main(): Promise<void> {
  ensureBuilt();
  const baseline = optionValue("--baseline");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "perf-target-bench-"));
  try {
    const d130 = path.join(tmp, "130");
    const d520 = path.join(tmp, "520");
    copies(d130, 130);
    copies(d520, 520);
    const loader = path.join(tmp, "load-only.js");
    fs.writeFileSync(loader, LOAD_ONLY);
    const cpus = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    const load = os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ");
    console.log(`${cpus} CPU(s), Node ${process.version}, load average ${load}; median of ${RUNS} interleaved rounds`);
    console.log(`sample: ${path.relative(ROOT, SAMPLE)} (${(fs.statSync(SAMPLE).size / 1024).toFixed(0)} KB)\n`);
    await phases(d130);

    const results = await rounds(d130, loader, baseline, tmp);
    const plainMs = median(results.get("exceljs load only, one process")!.map((r) => r.ms));
    console.log("130 files                                   time    ratio to the exceljs load, exit code");
    for (const [label, runs] of results) {
      const ms = median(runs.map((r) => r.ms));
      const codes = [...new Set(runs.map((r) => r.code))].join("/");
      console.log(
        `${label.padEnd(42)} ${(ms / 1000).toFixed(2).padStart(5)} s   ${(ms / plainMs).toFixed(2)}   exit ${codes}`
      );
    }
    const def = median(results.get("perf-target check --json (default)")!.map((r) => r.ms));
    const one = median(results.get("perf-target check --json --jobs 1")!.map((r) => r.ms));
    const first = results.get("perf-target check --json (default)")![0];
    console.log(
      `goals: ratio ≤ 1.0: ${def <= plainMs ? "yes" : "NO"}; default not slower than --jobs 1: ${def <= one * 1.05 ? "yes" : "NO"} (${(def / one).toFixed(2)}); exit code ${first.code}; ${(first.stdoutBytes / 1024).toFixed(0)} KB of JSON\n`
    );

    const big: Run[] = [];
    for (let i = 0; i < Math.max(1, Math.min(RUNS, 2)); i++) big.push(await run(BIN, ["check", d520, "--json"], tmp));
    const rss130 = median(results.get("perf-target check --json (default)")!.map((r) => r.peakRssMb));
    const rss520 = median(big.map((r) => r.peakRssMb));
    console.log("peak RSS (process + worker threads)");
    console.log(`  130 files: ${rss130.toFixed(0)} MB`);
    console.log(
      `  520 files: ${rss520.toFixed(0)} MB   (${(median(big.map((r) => r.ms)) / 1000).toFixed(2)} s)   ratio ${(rss520 / rss130).toFixed(2)}`
    );
    // what the batch really keeps: V8 grows its heap lazily, so peak RSS rises with the work done;
    // with the heap capped the same 520 files still go through, in the same memory as 130
    const capped = await run(BIN, ["check", d520, "--json"], tmp, ["--max-old-space-size=64"]);
    console.log(
      `  520 files with the heap capped at 64 MB: ${capped.code === 0 || capped.code === 1 ? "completed" : `FAILED (exit ${capped.code})`}, ${capped.peakRssMb.toFixed(0)} MB (${(capped.ms / 1000).toFixed(2)} s)`
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

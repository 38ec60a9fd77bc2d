/**
 * The fuzz harness: each case (mutate.ts) is checked by the command line's own per-file check
 * (processFile of the transpiled CLI, as `perf-target check` runs it) in a worker thread with a
 * memory limit and a time limit, and the result is judged:
 * - it ends, in time, without the worker dying (out of memory, a crash);
 * - the result is whole: its --json entry round-trips, every message is Chinese, no internal error,
 *   no rule that threw, no half an emoji;
 * - nothing that was not read passes: a file with exit code 0 has read every worksheet its
 *   workbook.xml lists (read here independently), and a sheet part the case made malformed is
 *   never among the sheets read;
 * - some cases also write a marked copy (and --fix): no temporary file is left, the input is unchanged.
 * Used by test/fuzz/fuzz.test.ts (a few hundred cases in npm test) and scripts/fuzz.ts (the long run).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import zlib from "node:zlib";
import { cliMain } from "../cli/helpers";
import { makeCase, seeds, type Case, type Seed } from "./mutate";

export interface FuzzOptions {
  readonly seed: number;
  /** Cases first..first+cases-1. */
  readonly first?: number;
  readonly cases: number;
  readonly workers: number;
  /** Old-generation heap limit of each worker. */
  readonly memoryMb: number;
  /** A case that takes longer is a hang. */
  readonly timeoutMs: number;
  /** Every n-th case also writes a marked copy (every 2n-th with --fix). */
  readonly copyEvery: number;
  /** Called after each case (the long run prints progress). */
  onCase?(k: number, done: number, failures: number): void;
  /** Called with each failing case (the long run keeps its bytes). */
  onFailure?(failure: Failure, bytes: Buffer): void;
}

interface Failure {
  readonly k: number;
  readonly what: string;
  readonly why: string;
}

export interface FuzzReport {
  cases: number;
  readonly failures: Failure[];
  slowest: { k: number; ms: number; what: string };
  /** How the cases ended: exit code 0/1/2 (2 split into unreadable / incomplete / copy not written). */
  readonly outcomes: Record<string, number>;
  peakHeapMb: number;
}

interface Message {
  readonly ok: boolean;
  readonly json?: string;
  readonly code?: number;
  readonly sheets?: string[];
  readonly readError?: string | null;
  readonly incomplete?: string[];
  readonly writeError?: string | null;
  readonly warnings?: string[];
  readonly output?: string | null;
  readonly heapMb?: number;
  readonly error?: string;
}

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { processFile } = require(workerData.dir + "/process-file.js");
const { fileJson, exitCodeOf } = require(workerData.dir + "/result.js");
console.log = console.warn = console.error = () => {};
parentPort.on("message", async ({ task, options }) => {
  try {
    const r = await processFile(task, options);
    parentPort.postMessage({ ok: true, json: JSON.stringify(fileJson(r)), code: exitCodeOf(r), sheets: r.sheets,
      readError: r.readError, incomplete: r.incomplete, writeError: r.writeError, warnings: r.warnings, output: r.output,
      heapMb: process.memoryUsage().heapUsed / 1048576 });
  } catch (e) {
    parentPort.postMessage({ ok: false, error: String((e && e.stack) || e) });
  }
});`;

const CJK = /[\u4e00-\u9fff]/;
const LONE = /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f][0-9a-f]{2})|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i;

function decodeAttr(v: string): string {
  return v
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_m, d: string) => safeChar(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[\t\n]/g, " ");
}

function safeChar(c: number): string {
  return c <= 0x10ffff ? String.fromCodePoint(c) : "\ufffd";
}

/**
 * A part of the package, read here with a zip reader of the harness's own (central directory →
 * local header → zlib, CRC-32 checked), not the one under test; null when it cannot be read.
 */
function partOf(bytes: Buffer, name: string): string | null {
  try {
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) return null;
    let p = bytes.readUInt32LE(eocd + 16);
    for (let n = bytes.readUInt16LE(eocd + 10); n > 0; n--) {
      if (bytes.readUInt32LE(p) !== 0x02014b50) return null;
      const method = bytes.readUInt16LE(p + 10);
      const crc = bytes.readUInt32LE(p + 16);
      const csize = bytes.readUInt32LE(p + 20);
      const size = bytes.readUInt32LE(p + 24);
      const nameLength = bytes.readUInt16LE(p + 28);
      if (bytes.toString("utf8", p + 46, p + 46 + nameLength) === name) {
        const at = bytes.readUInt32LE(p + 42);
        const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
        const data = bytes.subarray(start, start + csize);
        const out = method === 0 ? data : zlib.inflateRawSync(data);
        return out.length === size && zlib.crc32(out) === crc ? out.toString("utf8") : null;
      }
      p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    }
    return null;
  } catch {
    return null;
  }
}

/** The worksheets workbook.xml lists (name, part), read independently of the reader; null when it cannot be read at all. */
function listedSheets(bytes: Buffer): Array<{ name: string; part: string | null }> | null {
  const workbook = partOf(bytes, "xl/workbook.xml");
  if (!workbook) return null;
  const rels = partOf(bytes, "xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const type = /\bType="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? "";
    if (id) targets.set(id, { type: type.slice(type.lastIndexOf("/") + 1), target });
  }
  const out: Array<{ name: string; part: string | null }> = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = decodeAttr(/\sname\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? "");
    const rel = targets.get(/\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? "");
    if (rel && rel.type !== "worksheet") continue;
    out.push({
      name,
      part: rel ? path.posix.normalize(rel.target.startsWith("/") ? rel.target.slice(1) : `xl/${rel.target}`) : null,
    });
  }
  return out;
}

/** What is wrong with a case's result (empty: nothing). */
async function judge(c: Case, m: Message, outDir: string | null): Promise<string[]> {
  if (!m.ok) return [`processFile threw: ${m.error}`];
  const why: string[] = [];
  const entry = JSON.parse(m.json!) as { error: string | null };
  if (LONE.test(m.json!)) why.push("half a surrogate pair in the JSON");
  for (const text of [m.readError, m.writeError, ...(m.incomplete ?? [])])
    if (text && !CJK.test(text)) why.push(`not Chinese: ${text}`);
  for (const text of [m.readError, ...(m.incomplete ?? []), ...(m.warnings ?? [])]) {
    if (text?.includes("这是本工具的问题")) why.push(`internal error: ${text}`);
    if (text?.startsWith("检查未完成：规则")) why.push(`a rule threw: ${text}`);
  }
  if (m.code === 2 && entry.error === null) why.push("exit code 2 but no error in the JSON");
  const listed = listedSheets(c.bytes);
  if (m.code === 0) {
    if (!listed) why.push("passed, but its workbook.xml cannot be read");
    else for (const s of listed) if (!m.sheets!.includes(s.name)) why.push(`passed without reading sheet “${s.name}”`);
  }
  for (const s of listed ?? []) {
    const unique = listed!.filter((x) => x.name === s.name).length === 1;
    if (unique && s.part && c.damaged.includes(s.part) && m.sheets!.includes(s.name))
      why.push(`read sheet “${s.name}” whose XML was made malformed`);
  }
  if (outDir) {
    const left = fs.readdirSync(outDir).filter((n) => n.endsWith(".tmp"));
    if (left.length) why.push(`temporary files left: ${left.join(", ")}`);
    if (m.output && !fs.existsSync(m.output)) why.push("the copy it names is not there");
  }
  return why;
}

class Slot {
  worker: Worker | null = null;
  constructor(
    private readonly dir: string,
    private readonly memoryMb: number
  ) {}

  run(message: unknown, timeoutMs: number): Promise<Message | { died: string }> {
    const w = (this.worker ??= new Worker(WORKER, {
      eval: true,
      workerData: { dir: this.dir },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
      stdout: true,
      stderr: true,
    }));
    return new Promise((resolve) => {
      const done = (v: Message | { died: string }) => {
        clearTimeout(timer);
        w.removeAllListeners("message").removeAllListeners("error").removeAllListeners("exit");
        resolve(v);
      };
      const kill = (why: string) => {
        this.worker = null;
        void w.terminate();
        done({ died: why });
      };
      const timer = setTimeout(() => kill(`no result within ${timeoutMs} ms (a hang)`), timeoutMs);
      w.once("message", (m: Message) => done(m));
      w.once("error", (e) => kill(`the worker died: ${String(e)}`));
      w.once("exit", (code) => kill(`the worker exited (${code})`));
      w.postMessage(message);
    });
  }

  stop(): Promise<unknown> {
    return this.worker?.terminate() ?? Promise.resolve();
  }
}

function outcomeOf(m: Message): string {
  if (!m.ok) return "threw";
  if (m.code !== 2) return `exit ${m.code}`;
  return m.readError
    ? "exit 2: unreadable"
    : m.incomplete?.length
      ? "exit 2: sheet not read"
      : "exit 2: copy not written";
}

/** Runs the cases; resolves to the report. */
export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const dir = path.dirname(cliMain());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "perf-target-fuzz-"));
  const all: Seed[] = await seeds();
  const first = o.first ?? 0;
  const report: FuzzReport = {
    cases: 0,
    failures: [],
    slowest: { k: -1, ms: 0, what: "" },
    outcomes: {},
    peakHeapMb: 0,
  };
  let next = first;
  const one = async (slot: Slot, k: number) => {
    const c = await makeCase(all, o.seed, k);
    const file = path.join(tmp, `case-${k}.xlsx`);
    fs.writeFileSync(file, c.bytes);
    const hash = createHash("sha256").update(c.bytes).digest("hex");
    const outDir = o.copyEvery > 0 && k % o.copyEvery === 0 ? fs.mkdtempSync(path.join(tmp, "out-")) : null;
    const task = {
      index: 0,
      given: file,
      abs: file,
      problem: null,
      output: outDir ? path.join(outDir, "copy.xlsx") : null,
      outputProblem: null,
    };
    const options = { settings: null, fix: outDir !== null && k % (2 * o.copyEvery) === 0, workbookSettings: true };
    const started = performance.now();
    const m = await slot.run({ task, options }, o.timeoutMs);
    const ms = performance.now() - started;
    const why = "died" in m ? [m.died] : await judge(c, m, outDir);
    if (createHash("sha256").update(fs.readFileSync(file)).digest("hex") !== hash)
      why.push("the input file was changed");
    if (!("died" in m)) {
      report.outcomes[outcomeOf(m)] = (report.outcomes[outcomeOf(m)] ?? 0) + 1;
      report.peakHeapMb = Math.max(report.peakHeapMb, m.heapMb ?? 0);
    }
    if (ms > report.slowest.ms) report.slowest = { k, ms, what: c.what };
    if (why.length) {
      const failure = { k, what: c.what, why: why.join("; ") };
      report.failures.push(failure);
      o.onFailure?.(failure, c.bytes);
    }
    report.cases++;
    fs.rmSync(file, { force: true });
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
    o.onCase?.(k, report.cases, report.failures.length);
  };
  const slots = Array.from({ length: o.workers }, () => new Slot(dir, o.memoryMb));
  try {
    await Promise.all(
      slots.map(async (slot) => {
        while (next < first + o.cases) await one(slot, next++);
      })
    );
  } finally {
    await Promise.all(slots.map((s) => s.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  report.failures.sort((a, b) => a.k - b.k);
  return report;
}

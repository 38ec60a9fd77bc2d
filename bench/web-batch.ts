/**
 * Browser batch benchmark (npx tsx bench/web-batch.ts): 批量校验 of the web page (dist/web.html,
 * built when missing: run `npm run build` after changing src/) in headless Chromium on 50 and 200 copies of the sample, and the command
 * line on the same 200 files.
 *
 * - Peak memory while the batch runs, sampled every 100 ms over CDP: the worker's JS heap
 *   (Runtime.getHeapUsage in the worker, where the workbooks are) and the page's JS heap
 *   (Performance.getMetrics JSHeapUsedSize: the results, the table). The used heap's peak depends
 *   on when the collector happens to run (a longer batch lets more garbage pile up), so every
 *   second the bench also collects garbage in the worker and the page (HeapProfiler.collectGarbage)
 *   and reads what stays: the retained heap. Goal: the worker's retained peak does not grow with
 *   the number of files (workbooks are released after each one); the page's grows only by the
 *   reports it keeps.
 * - Time per file in the browser (from picking the files to the summary), beside the command line's
 *   `perf-target check --json` on the same files (wall time of the real command / files).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { DIST, ensureBuilt, launchBrowser, serveDir } from "../test/browser/harness";

const ROOT = path.join(__dirname, "..");
const SAMPLE = path.join(ROOT, "samples", "liupanshui-2025.xlsx");
const BROWSER = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  process.env.CHROME_PATH,
].find((p): p is string => Boolean(p) && fs.existsSync(p!));
const MB = 1024 * 1024;

/** The worker's heap, through a non-flat CDP attach to the page's worker target. */
class WorkerHeap {
  private sessionId: string | null = null;
  private id = 0;
  private readonly pending = new Map<number, (used: number) => void>();

  constructor(private readonly cdp: CDPSession) {
    cdp.on("Target.attachedToTarget", (e: { sessionId: string; targetInfo: { type: string } }) => {
      if (e.targetInfo.type === "worker") this.sessionId = e.sessionId;
    });
    cdp.on("Target.detachedFromTarget", (e: { sessionId: string }) => {
      if (e.sessionId === this.sessionId) this.sessionId = null;
    });
    cdp.on("Target.receivedMessageFromTarget", (e: { message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
      const done = m.id !== undefined ? this.pending.get(m.id) : undefined;
      if (done && m.result) {
        this.pending.delete(m.id!);
        done(m.result.usedSize ?? 0);
      }
    });
  }

  async start(): Promise<void> {
    await this.cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  /** The worker's used heap in bytes (after a garbage collection when `collect`), or null when no worker runs. */
  async used(collect = false): Promise<number | null> {
    if (!this.sessionId) return null;
    if (collect) await this.call("HeapProfiler.collectGarbage");
    return this.call("Runtime.getHeapUsage");
  }

  /** Sends a CDP command to the worker; its result's usedSize (0 for a command without one), or null after 1 s or when the worker is gone. */
  private async call(method: string): Promise<number | null> {
    if (!this.sessionId) return null;
    const id = ++this.id;
    const answer = new Promise<number>((resolve) => this.pending.set(id, resolve));
    await this.cdp
      .send("Target.sendMessageToTarget", { sessionId: this.sessionId, message: JSON.stringify({ id, method }) })
      .catch(() => this.pending.delete(id));
    return Promise.race([answer, new Promise<null>((r) => setTimeout(() => r(null), 1000))]);
  }
}

async function pageHeap(cdp: CDPSession, collect = false): Promise<number> {
  if (collect) await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
}

interface Measure {
  readonly files: number;
  readonly seconds: number;
  readonly workerPeakMb: number;
  readonly workerRetainedMb: number;
  readonly pagePeakMb: number;
  readonly pageRetainedMb: number;
  readonly pageEndMb: number;
}

async function batch(page: Page, origin: string, folder: string, files: number): Promise<Measure> {
  await page.goto(`${origin}/web.html`);
  await page.getByRole("tab", { name: "批量校验" }).click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const worker = new WorkerHeap(cdp);
  await worker.start();
  let workerPeak = 0;
  let pagePeak = 0;
  let workerRetained = 0;
  let pageRetained = 0;
  let sampling = true;
  const sampler = (async () => {
    for (let n = 1; sampling; n++) {
      const [w, p] = await Promise.all([worker.used(), pageHeap(cdp)]);
      workerPeak = Math.max(workerPeak, w ?? 0);
      pagePeak = Math.max(pagePeak, p);
      if (n % 10 === 0) {
        // every second: what stays after a collection
        const [wr, pr] = await Promise.all([worker.used(true), pageHeap(cdp, true)]);
        workerRetained = Math.max(workerRetained, wr ?? 0);
        pageRetained = Math.max(pageRetained, pr);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const started = performance.now();
  await page.getByTestId("batch-files").setInputFiles(fs.readdirSync(folder).map((f) => path.join(folder, f)));
  await page
    .getByTestId("batch-totals")
    .filter({ hasText: `共检查 ${files} 个文件` })
    .waitFor({ timeout: 600_000 });
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  const pageEnd = await pageHeap(cdp, true);
  await cdp.detach();
  return {
    files,
    seconds,
    workerPeakMb: workerPeak / MB,
    workerRetainedMb: workerRetained / MB,
    pagePeakMb: pagePeak / MB,
    pageRetainedMb: pageRetained / MB,
    pageEndMb: pageEnd / MB,
  };
}

function copies(dir: string, n: number): string {
  const folder = path.join(dir, String(n));
  fs.mkdirSync(folder);
  for (let i = 0; i < n; i++) fs.copyFileSync(SAMPLE, path.join(folder, `表${String(i).padStart(3, "0")}.xlsx`));
  return folder;
}

function cliSeconds(folder: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "perf-target.js"), "check", folder, "--json"], {
    stdio: ["ignore", "ignore", "ignore"],
  });
  if (r.status !== 1) throw new Error(`perf-target exited ${r.status}`);
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  if (!BROWSER) {
    console.log("没有找到 Chromium（/usr/bin/chromium 或 CHROME_PATH），跳过网页批量基准。");
    return;
  }
  ensureBuilt();
  // the command line from the current sources (lib/)
  const tsc = path.join(path.dirname(require.resolve("typescript/package.json")), "bin", "tsc");
  if (spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" }).status !== 0)
    throw new Error("npm run build:cli failed");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "perf-target-web-batch-"));
  const server = await serveDir(DIST);
  const session = await launchBrowser(BROWSER);
  try {
    const results: Measure[] = [];
    for (const n of [50, 200]) {
      const folder = copies(tmp, n);
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      results.push(await batch(page, server.origin, folder, n));
      await page.close();
    }
    console.log("批量校验 in Chromium (web page + Web Worker), copies of the sample:");
    console.log("  JS heap in MB: used (peak while running) / retained (peak after a collection, every second)");
    console.log("  files   total s   ms/file   worker used / retained   page used / retained   page retained at end");
    const mb = (x: number, w: number) => x.toFixed(1).padStart(w);
    for (const m of results)
      console.log(
        `  ${String(m.files).padStart(5)}   ${mb(m.seconds, 7)}   ${((m.seconds * 1000) / m.files).toFixed(0).padStart(7)}   ${mb(m.workerPeakMb, 11)} / ${mb(m.workerRetainedMb, 8)}   ${mb(m.pagePeakMb, 9)} / ${mb(m.pageRetainedMb, 8)}   ${mb(m.pageEndMb, 20)}`
      );
    const [small, large] = results;
    console.log(
      `  worker retained heap, 200 vs 50 files: ×${(large.workerRetainedMb / small.workerRetainedMb).toFixed(2)} (flat when close to 1); used-heap peak ×${(large.workerPeakMb / small.workerPeakMb).toFixed(2)} (depends on when the collector runs)`
    );
    console.log(
      `  page retained at end: ${(((large.pageEndMb - small.pageEndMb) * 1024) / (large.files - small.files)).toFixed(0)} KB per file more (the reports it keeps)`
    );
    const cli = cliSeconds(path.join(tmp, "200"));
    console.log(
      `Command line, perf-target check --json on the same 200 files: ${cli.toFixed(1)} s, ${((cli * 1000) / 200).toFixed(0)} ms/file (browser: ${((large.seconds * 1000) / 200).toFixed(0)} ms/file)`
    );
  } finally {
    await session.close();
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();

/**
 * A batch run on the page: the files go to the worker (worker.ts), which checks them one at a time
 * in order; at most AHEAD are sent before their results are back (so the worker never waits for the
 * page, and only one workbook at a time is in memory), and the results come back in input order. Cancel stops the worker at once. The marked copies are kept as Blobs (the
 * browser may keep them out of the page's memory) until the zip is made.
 */
import { addToStats, newStats, type BatchStats } from "../../core/report/charts";
import { addToTotals, failedResult, newTotals, type FileResult, type Totals } from "../../core/report/result";
import type { BatchInput } from "./collect";
import type { FromWorker } from "./protocol";

export interface BatchSnapshot {
  readonly total: number;
  readonly done: number;
  /** The file being checked, or null. */
  readonly current: string | null;
  readonly state: "running" | "done" | "cancelled";
  readonly results: readonly FileResult[];
  readonly totals: Totals;
  readonly stats: BatchStats;
  readonly started: Date;
  readonly seconds: number;
}

declare const __webpack_hash__: string | undefined;

/** The worker's bundle (webpack entry "batch-worker"), with the build's hash so a new build never meets an old worker. */
function workerUrl(): string {
  return `batch-worker.js${typeof __webpack_hash__ === "string" ? `?v=${__webpack_hash__}` : ""}`;
}

/** Files sent to the worker and not answered yet. */
const AHEAD = 2;

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export class BatchRun {
  private readonly results: FileResult[] = [];
  private readonly copies = new Map<number, Blob>();
  private readonly totals = newTotals();
  private readonly stats = newStats();
  private worker: Worker | null = null;
  /** The next file to answer (results are in input order) and the next to send. */
  private next = 0;
  private sent = 0;
  private state: BatchSnapshot["state"] = "running";
  private readonly started = new Date();
  private finishedAt: number | null = null;
  private snapshot: BatchSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(readonly inputs: readonly BatchInput[]) {
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): BatchSnapshot => this.snapshot;

  private makeSnapshot(): BatchSnapshot {
    const current = this.state === "running" && this.next < this.inputs.length ? this.inputs[this.next].path : null;
    return {
      total: this.inputs.length,
      done: this.results.length,
      current,
      state: this.state,
      results: [...this.results],
      totals: { ...this.totals, counts: { ...this.totals.counts } },
      stats: this.stats,
      started: this.started,
      seconds: ((this.finishedAt ?? Date.now()) - this.started.getTime()) / 1000,
    };
  }

  private changed(): void {
    this.snapshot = this.makeSnapshot();
    for (const l of this.listeners) l();
  }

  start(): void {
    this.worker = new Worker(workerUrl());
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.received(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      const input = this.inputs[this.next];
      if (input) this.add(failedResult(this.next, input.path, `检查时出错：${e.message || "后台线程意外停止"}`), null);
      this.restartWorker();
    };
    this.sendNext();
  }

  private restartWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sent = this.next;
    if (this.state === "running") this.start();
  }

  /**
   * Answers the files found unsupported at listing time (in order), sends files until AHEAD are in
   * flight, and finishes when every file has its result.
   */
  private sendNext(): void {
    while (this.next < this.inputs.length && this.next === this.sent && this.inputs[this.next].problem) {
      const input = this.inputs[this.next];
      this.add(failedResult(this.next, input.path, input.problem!), null);
      this.sent = this.next;
    }
    if (this.next >= this.inputs.length) {
      this.finish("done");
      return;
    }
    while (this.sent < this.inputs.length && this.sent - this.next < AHEAD && !this.inputs[this.sent].problem) {
      const input = this.inputs[this.sent];
      this.worker?.postMessage({ index: this.sent, path: input.path, file: input.file });
      this.sent++;
    }
    this.changed();
  }

  private received(m: FromWorker): void {
    if (this.state !== "running" || m.index !== this.next) return;
    if ("error" in m) this.add(failedResult(m.index, this.inputs[m.index].path, m.error), null);
    else this.add(m.result, m.copy);
    this.sendNext();
  }

  private add(result: FileResult, copy: Uint8Array | null): void {
    this.results.push(result);
    addToTotals(this.totals, result);
    addToStats(this.stats, result);
    if (copy) this.copies.set(result.index, new Blob([copy as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }));
    this.next = result.index + 1;
  }

  private finish(state: "done" | "cancelled"): void {
    this.state = state;
    this.finishedAt = Date.now();
    this.worker?.terminate();
    this.worker = null;
    this.changed();
  }

  /** Stops the batch now: what was checked stays. */
  cancel(): void {
    if (this.state === "running") this.finish("cancelled");
  }

  /** The marked copy of a file (its path in the zip: result.output), or undefined. */
  copyOf(index: number): Blob | undefined {
    return this.copies.get(index);
  }
}

/**
 * A batch run on the page. Checking: the files go through the worker (queue.ts) one at a time in
 * input order, check only (the package reader: no exceljs), and the page keeps each file's report
 * (no tables' contents). The marked copies are made only when the zip is asked for: the files go
 * through the worker once more, copies on (exceljs: marks and the 校验报告 sheet); they are kept
 * as Blobs (the browser may keep them out of the page's memory) until the zip is made, then only
 * the zip is kept. Cancel stops the worker at once.
 */
import { addToStats, newStats, type BatchStats } from "../../core/report/charts";
import {
  addToTotals,
  failedResult,
  newTotals,
  reportedFile,
  type ReportedFile,
  type Totals,
} from "../../core/report/result";
import type { BatchOptions } from "../../xlsx/batch-file";
import { XLSX_MIME } from "../../xlsx/file-kinds";
import type { BatchInput } from "./collect";
import type { FromWorker } from "./protocol";
import { WorkerQueue } from "./queue";
import { zipOf } from "./downloads";

export interface BatchSnapshot {
  readonly total: number;
  readonly done: number;
  /** The file being checked, or null. */
  readonly current: string | null;
  readonly state: "running" | "done" | "cancelled";
  readonly results: readonly ReportedFile[];
  readonly totals: Totals;
  readonly stats: BatchStats;
  readonly started: Date;
  readonly seconds: number;
  /** The marked copies being made for the zip (files done / to do), or null. */
  readonly copying: { readonly done: number; readonly total: number } | null;
}

/** How the page checks: the workbook's own settings or the defaults; the notice's hint. */
export type CheckChoice = Omit<BatchOptions, "copy">;

function totalsOf(results: readonly ReportedFile[]): Totals {
  const t = newTotals();
  for (const r of results) addToTotals(t, r);
  return t;
}

export class BatchRun {
  private results: ReportedFile[] = [];
  private totals = newTotals();
  private readonly stats = newStats();
  private queue: WorkerQueue | null = null;
  private copyQueue: WorkerQueue | null = null;
  private state: BatchSnapshot["state"] = "running";
  private readonly started = new Date();
  private finishedAt: number | null = null;
  private copying: { done: number; total: number } | null = null;
  private zip: Promise<Blob | null> | null = null;
  private snapshot: BatchSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly inputs: readonly BatchInput[],
    /** How the batch checks (the single-file view marks a file opened from it the same way). */
    readonly choice: CheckChoice
  ) {
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): BatchSnapshot => this.snapshot;

  private makeSnapshot(): BatchSnapshot {
    const done = this.results.length;
    const current = this.state === "running" && done < this.inputs.length ? this.inputs[done].path : null;
    return {
      total: this.inputs.length,
      done,
      current,
      state: this.state,
      results: [...this.results],
      totals: { ...this.totals, counts: { ...this.totals.counts } },
      stats: this.stats,
      started: this.started,
      seconds: ((this.finishedAt ?? Date.now()) - this.started.getTime()) / 1000,
      copying: this.copying && { ...this.copying },
    };
  }

  private changed(): void {
    this.snapshot = this.makeSnapshot();
    for (const l of this.listeners) l();
  }

  start(): void {
    const items = this.inputs.map((input, index) => ({ index, ...input }));
    this.queue = new WorkerQueue(
      items,
      { ...this.choice, copy: false },
      (m) => this.checked(m),
      () => this.finish("done")
    );
    this.queue.start();
    this.changed();
  }

  private checked(m: FromWorker): void {
    const result = "error" in m ? reportedFile(failedResult(m.index, this.inputs[m.index].path, m.error)) : m.result;
    this.results.push(result);
    addToTotals(this.totals, result);
    addToStats(this.stats, result);
    this.changed();
  }

  private finish(state: "done" | "cancelled"): void {
    this.state = state;
    this.finishedAt = Date.now();
    this.queue?.stop();
    this.queue = null;
    this.changed();
  }

  /** Stops the batch now: what was checked stays. */
  cancel(): void {
    if (this.state === "running") this.finish("cancelled");
  }

  /** Stops everything (a new batch replaces this one). */
  dispose(): void {
    this.cancel();
    this.copyQueue?.stop();
    this.copyQueue = null;
  }

  /**
   * The marked copies of the files checked, as a zip (names and folders kept; null when no copy
   * could be made). Made once; the files' reports then name their copies (or why there is none).
   * A zip that could not be made is not kept: asking again makes it again.
   */
  copiesZip(): Promise<Blob | null> {
    if (!this.zip) {
      const zip = this.makeCopies().then((copies) => zipOf(copies));
      this.zip = zip;
      zip.catch(() => {
        if (this.zip === zip) this.zip = null;
      });
    }
    return this.zip;
  }

  private makeCopies(): Promise<{ path: string; copy: Blob }[]> {
    const items = this.results
      .filter((r) => !r.readError)
      .map((r) => ({ index: r.index, path: r.file, file: this.inputs[r.index].file, problem: null }));
    const copies: { path: string; copy: Blob }[] = [];
    // one place in the zip per copy: "表.xls"'s copy 表-已校验.xlsx beside an input of that name
    // (or differing only in case) is refused, as on the command line, never silently replaced
    const taken = new Map<string, string>();
    this.copying = { done: 0, total: items.length };
    this.changed();
    return new Promise((resolve) => {
      this.copyQueue = new WorkerQueue(
        items,
        { ...this.choice, copy: true },
        (m) => {
          const r = this.results[m.index];
          let copy = "error" in m ? null : m.copy;
          let output = "error" in m ? null : m.result.output;
          let writeError = "error" in m ? `无法生成标注副本：${m.error}` : m.result.writeError;
          const first = output ? taken.get(output.toLowerCase()) : undefined;
          if (output && first !== undefined) {
            writeError = `无法生成标注副本：压缩包中的“${output}”已是“${first}”的标注副本，不能覆盖；请把其中一个文件改名后再检查。`;
            copy = null;
            output = null;
          } else if (output && copy) taken.set(output.toLowerCase(), r.file);
          this.results[m.index] = { ...r, output, writeError };
          if (copy && output)
            copies.push({
              path: output,
              copy: new Blob([copy as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }),
            });
          this.copying!.done++;
          this.changed();
        },
        () => {
          this.copyQueue = null;
          this.totals = totalsOf(this.results);
          this.copying = null;
          this.changed();
          resolve(copies);
        }
      );
      this.copyQueue.start();
    });
  }
}

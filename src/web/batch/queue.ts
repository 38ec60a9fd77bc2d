/**
 * Files through the batch worker (worker.ts) in input order: at most AHEAD are sent before their
 * answers are back (so the worker never waits for the page, and only one workbook at a time is in
 * its memory), and the answers are handed on in input order. A file known not to be checked
 * (`problem`) is answered here. A worker that dies fails only the file it was on; a new one goes on.
 */
import type { BatchOptions } from "../../xlsx/batch-file";
import type { FromWorker } from "./protocol";

export interface QueueItem {
  readonly index: number;
  readonly path: string;
  readonly file: Blob;
  /** Why it is not checked (found when listing), or null. */
  readonly problem: string | null;
}

declare const __webpack_hash__: string | undefined;

/** The worker's bundle (webpack entry "batch-worker"), with the build's hash so a new build never meets an old worker. */
function workerUrl(): string {
  return `batch-worker.js${typeof __webpack_hash__ === "string" ? `?v=${__webpack_hash__}` : ""}`;
}

/** Files sent to the worker and not answered yet. */
const AHEAD = 2;

export class WorkerQueue {
  private worker: Worker | null = null;
  /** Positions in `items`: the next to answer, the next to send. */
  private next = 0;
  private sent = 0;
  private stopped = false;

  constructor(
    private readonly items: readonly QueueItem[],
    private readonly options: BatchOptions,
    private readonly onAnswer: (answer: FromWorker) => void,
    private readonly onEnd: () => void
  ) {}

  start(): void {
    this.spawn();
    this.pump();
  }

  /** Stops now (the worker too): no more answers. */
  stop(): void {
    this.stopped = true;
    this.worker?.terminate();
    this.worker = null;
  }

  private spawn(): void {
    const worker = new Worker(workerUrl());
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.received(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      const item = this.items[this.next];
      worker.terminate();
      if (this.stopped || !item) return;
      this.onAnswer({ index: item.index, error: `检查时出错：${e.message || "后台线程意外停止"}` });
      this.next++;
      this.sent = this.next;
      this.spawn();
      this.pump();
    };
    this.worker = worker;
  }

  private pump(): void {
    if (this.stopped) return;
    while (this.next < this.items.length && this.next === this.sent && this.items[this.next].problem) {
      const item = this.items[this.next];
      this.onAnswer({ index: item.index, error: item.problem! });
      this.next++;
      this.sent++;
    }
    if (this.next >= this.items.length) {
      this.stop();
      this.onEnd();
      return;
    }
    while (this.sent < this.items.length && this.sent - this.next < AHEAD && !this.items[this.sent].problem) {
      const { index, path, file } = this.items[this.sent];
      this.worker?.postMessage({ index, path, file, options: this.options });
      this.sent++;
    }
  }

  private received(m: FromWorker): void {
    if (this.stopped || m.index !== this.items[this.next]?.index) return;
    this.onAnswer(m);
    this.next++;
    this.pump();
  }
}

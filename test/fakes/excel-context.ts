/** The fake's request context: queued actions run at sync, counted, refused in cell-edit mode (see excel.ts). */
import { fail, type FakeWorkbook } from "./excel-model";
import { FakeWorkbookProxy } from "./excel-sheets";

/* ================================================================= context */

interface Action {
  desc: unknown;
  run: () => void;
  write: boolean;
}

/** Excel.run's options the fake honours. */
export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private queue: Action[] = [];
  private loaded: Array<() => unknown> = [];
  private seq = 1;
  private undoCounted = false;
  constructor(
    readonly model: FakeWorkbook,
    private readonly options: RunOptions = {},
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  /** @internal */
  newId(): number {
    return this.seq++;
  }
  /** @internal */
  enqueue(desc: unknown, run: () => void, write = false): void {
    this.queue.push({ desc, run, write });
  }
  /** @internal a loaded value's size is counted in the response. */
  respond(value: () => unknown): void {
    this.loaded.push(value);
  }
  async sync(): Promise<void> {
    const model = this.model;
    const edit = model.cellEdit();
    if (edit) {
      if (!this.options.delayForCellEdit)
        fail("InvalidOperationInCellEditMode", "Excel 正处于单元格编辑模式，请按 Enter 或 Tab 键退出编辑模式后再试。");
      await edit;
    }
    const actions = this.queue;
    this.queue = [];
    this.loaded = [];
    model.stats.syncs++;
    const writes = actions.filter((a) => a.write).length;
    model.stats.writes += writes;
    if (writes && !(this.options.mergeUndoGroup && this.undoCounted)) {
      model.undoSteps++;
      this.undoCounted = true;
    }
    const request = actions.reduce((n, a) => n + Buffer.byteLength(JSON.stringify(a.desc)) + 1, 2);
    model.stats.requestBytes.push(request);
    if (model.payloadLimit !== null && request > model.payloadLimit) {
      model.stats.responseBytes.push(0);
      fail("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    }
    try {
      for (const a of actions) a.run();
    } finally {
      const response = this.loaded.reduce((n: number, v) => n + Buffer.byteLength(JSON.stringify(v() ?? null)) + 1, 2);
      model.stats.responseBytes.push(response);
      if (model.payloadLimit !== null && response > model.payloadLimit) fail("ResponsePayloadSizeLimitExceeded", `response of ${response} bytes`);
    }
  }
}


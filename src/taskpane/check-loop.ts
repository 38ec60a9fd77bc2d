/**
 * The assistant's state (a small store the views subscribe to) and its check loop: 一键校验 with
 * progress, one more run queued when asked during a check, the re-check after the user's edits
 * (debounced; our own writes are told apart by timing). The actions are in assistant.ts.
 */
import type { CheckResult } from "../core/checker";
import { checkThenMark } from "../core/check-run";
import type { WorkbookPort } from "../core/port";
import { isCellEditError } from "../excel/host";
import { loadLibrary } from "./library";
import { errorText, failed, INITIAL_STATE, type AssistantState, type Notice } from "./state";

/**
 * Something that reports the user's edits to the workbook (Excel's worksheet change events); it
 * calls `onError` with advice for the user when it cannot report them after all. Returns the
 * function that stops it.
 */
export type ChangeSource = (listener: () => void, onError?: (advice: string) => void) => () => void;

export interface AssistantOptions {
  /** Reports edits made by the user in the sheet: the list re-checks after them (debounced). */
  readonly changes?: ChangeSource;
  /** Debounce of the re-check after an edit, ms (default 1200). */
  readonly debounceMs?: number;
  /** Edits reported this long after our own writes are ours, not the user's (ms, default 1500). */
  readonly selfWriteMs?: number;
}

/** The port's word on whether settings stay with the file (WorkbookPort.settingsWarning). */
export function settingsWarningOf(port: WorkbookPort): string | null {
  return typeof port.settingsWarning === "string" ? port.settingsWarning : null;
}

/** The protected sheets the adapter could not mark (ExcelWorkbook and XlsxWorkbook expose them). */
export function skippedOf(port: WorkbookPort): readonly string[] {
  const s = (port as { skippedSheets?: unknown }).skippedSheets;
  return Array.isArray(s) ? (s.filter((x) => typeof x === "string") as string[]) : [];
}

export class CheckLoop {
  protected state: AssistantState = INITIAL_STATE;
  private readonly listeners = new Set<() => void>();
  private checking: Promise<CheckResult | null> | null = null;
  private rerun = false;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private selfWriteUntil = 0;
  private unwatch: (() => void) | null = null;
  private disposed = false;
  private checkError: Notice | null = null;

  constructor(
    readonly port: WorkbookPort,
    private readonly options: AssistantOptions = {}
  ) {}

  /* ------------------------------------------------------------ store */

  getState = (): AssistantState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected set(patch: Partial<AssistantState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Starts watching the user's edits (once). */
  protected watchChanges(): void {
    if (!this.options.changes || this.unwatch) return;
    try {
      this.unwatch = this.options.changes(
        () => this.workbookChanged(),
        // unless a message is shown already (it stays)
        (advice) => {
          if (!this.state.notice) this.set({ notice: { kind: "warning", text: advice }, errorCode: null });
        }
      );
    } catch {
      this.unwatch = null;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.unwatch?.();
    this.unwatch = null;
    if (this.debounce) clearTimeout(this.debounce);
    this.listeners.clear();
  }

  dismissNotice(): void {
    this.set({ notice: null, errorCode: null });
  }

  /* ------------------------------------------------------------ check */

  /**
   * 一键校验: read, check, mark. A call while a check runs queues one more run. `keepNotice` keeps
   * the message of the action that asked for the re-check (a fix, an insertion).
   */
  check(keepNotice = false): Promise<CheckResult | null> {
    if (!keepNotice && this.state.notice) this.set({ notice: null, errorCode: null });
    if (this.checking) {
      this.rerun = true;
      return this.checking;
    }
    this.checking = this.runChecks().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async runChecks(): Promise<CheckResult | null> {
    let result: CheckResult | null = null;
    do {
      this.rerun = false;
      result = await this.checkOnce();
    } while (this.rerun && !this.disposed);
    return result;
  }

  private async checkOnce(): Promise<CheckResult | null> {
    this.set({ running: true, progress: null, stale: false });
    this.markSelfWrite();
    try {
      // the template library loads while the sheets are read; the rules wait for it
      const library = loadLibrary();
      const { result, markError } = await checkThenMark(this.port, {
        settings: this.state.settings,
        onProgress: (done, total) => this.set({ progress: { done, total } }),
        templates: async (settings) => (await library).templatesFor(settings.userTemplates),
      });
      // a failed check's message goes once a check succeeds; an action's message stays
      const stale = this.state.notice !== null && this.state.notice === this.checkError;
      const markNotice = markError ? this.markFailure(markError) : null;
      this.set({
        result,
        running: false,
        progress: null,
        checkedAt: new Date(),
        skippedSheets: skippedOf(this.port),
        settingsWarning: settingsWarningOf(this.port),
        ...(markNotice ? { notice: markNotice, errorCode: null } : stale ? { notice: null, errorCode: null } : {}),
      });
      return result;
    } catch (e) {
      if (isCellEditError(e)) {
        // the user is typing in a cell (a host that would not wait): no error, the check runs again shortly
        this.set({ running: false, progress: null, stale: true });
        this.recheckLater();
        return null;
      }
      const { notice, errorCode } = failed(e, "校验未完成：");
      this.checkError = notice;
      this.set({ running: false, progress: null, notice, errorCode });
      return null;
    } finally {
      this.markSelfWrite();
    }
  }

  /** The findings are listed, but the marks could not be written: one message saying so. */
  private markFailure(e: unknown): Notice {
    const notice: Notice = {
      kind: "warning",
      text: `问题已列在下方，但单元格上的标记未能全部写入。${errorText(e)}`,
    };
    this.checkError = notice;
    return notice;
  }

  /** Our own writes raise change events too: those within this window are ignored. */
  protected markSelfWrite(): void {
    this.selfWriteUntil = Date.now() + (this.options.selfWriteMs ?? 1500);
  }

  private busyNow(): boolean {
    return this.state.running || this.state.busy !== null;
  }

  /** The user edited the sheet: re-check after a pause (only once the list has been shown). */
  workbookChanged(): void {
    if (this.disposed) return;
    if (this.busyNow() || Date.now() < this.selfWriteUntil) return;
    if (!this.state.result) return;
    this.set({ stale: true });
    this.recheckLater();
  }

  /**
   * A re-check after a pause (debounced). A check under way runs once more; an action under way
   * (清除标记, a settings save) is waited for; a check that ran meanwhile has read the change (no
   * longer stale): nothing more.
   */
  private recheckLater(): void {
    if (this.disposed) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      if (this.checking) this.rerun = true;
      else if (this.state.busy !== null) this.recheckLater();
      else if (this.state.stale) void this.check(true);
    }, this.options.debounceMs ?? 1200);
  }
}

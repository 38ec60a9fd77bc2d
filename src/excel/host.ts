/**
 * What the Office adapter needs from the host: Excel.run (every batch waits while the user edits a
 * cell instead of failing: delayForCellEdit; one undo step where ExcelApi 1.20 has mergeUndoGroup)
 * and the requirement-set check. The tests pass a fake (test/fakes/excel.ts); the add-in uses
 * officeHost().
 */
export interface RunOptions {
  /** Wait while the user is in cell-edit mode instead of failing with InvalidOperationInCellEditMode. */
  readonly delayForCellEdit?: boolean;
  /** All the run's syncs as one undo step (ExcelApi 1.20). */
  readonly mergeUndoGroup?: boolean;
}

export interface ExcelHost {
  /** Excel.run: a batch on a new context. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

export function officeHost(): ExcelHost {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}) =>
      Excel.run<T>(
        {
          ...(options.delayForCellEdit ? { delayForCellEdit: true } : {}),
          ...(options.mergeUndoGroup ? { mergeUndoGroup: true } : {}),
        },
        batch
      ),
    isSetSupported: (name, version) => {
      try {
        return Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}

/** A context that stays usable across the adapter's calls (readSheets → mark) until closed. */
export interface OpenContext {
  readonly context: Excel.RequestContext;
  close(): void;
}

/**
 * An Excel.run kept open (delayForCellEdit) so that a later call can reuse the proxies of an
 * earlier one: the run ends when the context is closed.
 */
export function openContext(host: ExcelHost): Promise<OpenContext> {
  return new Promise((resolve, reject) => {
    let close = () => {};
    const closed = new Promise<void>((r) => (close = r));
    host
      .run(
        async (context) => {
          resolve({ context, close });
          await closed;
        },
        { delayForCellEdit: true }
      )
      .catch(reject);
  });
}

/** An Office error's message and code, for a Chinese message around it. */
export function officeError(e: unknown): string {
  const err = e as { code?: string; message?: string } | null;
  return `${err?.message || String(e)}${err?.code ? `（${err.code}）` : ""}`;
}

/** An error no adapter explained (not a WorkbookError): what happened and what to do. */
export function unexpectedError(e: unknown, advice = "请重试。"): string {
  return `出现意外错误：${officeError(e)}。${advice}`;
}

/** "工作表“甲”、“乙”受保护": the protected sheets named, for a Chinese sentence around them. */
export function protectedSheets(names: readonly string[]): string {
  return `工作表${names.map((n) => `“${n}”`).join("、")}受保护`;
}

/** The user was typing in a cell and the host would not wait (no delayForCellEdit there). */
export function isCellEditError(e: unknown): boolean {
  return /InvalidOperationInCellEditMode/.test(String((e as { code?: string })?.code ?? ""));
}

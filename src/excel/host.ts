/**
 * What the Office adapter needs from the host: a request context, Excel.run (with undo grouping
 * where ExcelApi 1.20 has it) and the requirement-set check. The tests pass a fake
 * (test/fakes/excel.ts); the add-in uses officeHost().
 */
export interface ExcelHost {
  /** A long-lived context (readSheets → mark share one, so sync 2's proxies serve sync 3). */
  createContext(): Excel.RequestContext;
  /** Excel.run: a batch on a new context; mergeUndoGroup makes its syncs one undo step (ExcelApi 1.20). */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { mergeUndoGroup?: boolean }): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

export function officeHost(): ExcelHost {
  return {
    createContext: () => new Excel.RequestContext(),
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { mergeUndoGroup?: boolean }) =>
      options?.mergeUndoGroup ? Excel.run<T>({ mergeUndoGroup: true }, batch) : Excel.run<T>(batch),
    isSetSupported: (name, version) => {
      try {
        return Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}

/** An Office error's message and code, for a Chinese message around it. */
export function officeError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err?.message ? `${err.message}${err.code ? `（${err.code}）` : ""}` : String(e);
}

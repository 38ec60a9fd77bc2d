/**
 * The one-click check over a workbook port: read → parse → rules → mark, with the standard template
 * library (check-run.ts does the work). Shared by the web page, the command line's tests and the
 * benchmarks; the task pane and the ribbon use checkThenMark, which keeps the findings when marking fails.
 */
import type { CheckResult } from "./checker";
import { checkThenMark } from "./check-run";
import type { WorkbookPort } from "./port";
import type { AddinSettings } from "./settings";
import { templatesFor } from "./templates/registry";

export interface RunCheckOptions {
  /** Settings to use; by default the ones stored in the workbook. */
  readonly settings?: AddinSettings;
  /** Write marks (default: the settings' `highlight`). */
  readonly mark?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Reads every sheet, checks, and replaces the marks; a failure to mark is thrown. */
export async function runCheck(port: WorkbookPort, options: RunCheckOptions = {}): Promise<CheckResult> {
  const run = await checkThenMark(port, { ...options, templates: (s) => templatesFor(s.userTemplates) });
  if (run.markError) throw run.markError;
  return run.result;
}

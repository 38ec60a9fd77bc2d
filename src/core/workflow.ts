/**
 * The one-click check over a workbook port: read → parse → rules → mark. Shared by the task pane,
 * the ribbon command, the web page and the command line.
 */
import { checkGrids, type CheckResult } from "./check";
import type { WorkbookPort } from "./port";
import type { AddinSettings } from "./settings";

export interface RunCheckOptions {
  /** Settings to use; by default the ones stored in the workbook. */
  readonly settings?: AddinSettings;
  /** Write marks (default: the settings' `highlight`). */
  readonly mark?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Reads every sheet, checks, and replaces the marks. On the Excel adapter this costs at most three
 * context.sync() calls: the adapter reads the settings with the sheets, so loadSettings() right after
 * readSheets() is free.
 */
export async function runCheck(port: WorkbookPort, options: RunCheckOptions = {}): Promise<CheckResult> {
  const grids = await port.readSheets(options.onProgress);
  const settings = options.settings ?? (await port.loadSettings());
  const result = checkGrids(grids, settings);
  const mark = options.mark ?? settings.highlight;
  if (mark) await port.mark(result.findings, { notes: settings.notes });
  else await port.clearMarks();
  return result;
}

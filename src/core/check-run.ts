/**
 * The one-click check over a workbook port with the templates supplied by the caller: read → parse →
 * rules → mark, where a failure to mark does not lose the findings. The task pane passes the
 * template library it loads on demand; workflow.ts's runCheck passes the standard library.
 */
import { checkGridsWith, type CheckResult } from "./checker";
import type { WorkbookPort } from "./port";
import type { AddinSettings } from "./settings";
import type { IndicatorTemplate } from "./templates/types";

export interface CheckRunOptions {
  /** Settings to use; by default the ones stored in the workbook. */
  readonly settings?: AddinSettings;
  /** Write marks (default: the settings' `highlight`). */
  readonly mark?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /** The templates the quick fixes draw on, for these settings (awaited before the rules run). */
  readonly templates: (settings: AddinSettings) => readonly IndicatorTemplate[] | Promise<readonly IndicatorTemplate[]>;
}

export interface CheckRun {
  readonly result: CheckResult;
  /** Why the marks (or notes) could not be written; null when they were. The findings stand either way. */
  readonly markError: unknown;
}

/**
 * Reads every sheet, checks, and replaces the marks. On the Excel adapter this costs at most three
 * context.sync() calls: the adapter reads the settings with the sheets, so loadSettings() right after
 * readSheets() is free.
 */
export async function checkThenMark(port: WorkbookPort, options: CheckRunOptions): Promise<CheckRun> {
  const grids = await port.readSheets(options.onProgress);
  const settings = options.settings ?? (await port.loadSettings());
  const templates = await options.templates(settings);
  const result = checkGridsWith(grids, settings, { templates });
  const mark = options.mark ?? settings.highlight;
  try {
    if (mark) await port.mark(result.findings, { notes: settings.notes });
    else await port.clearMarks();
    return { result, markError: null };
  } catch (e) {
    return { result, markError: e };
  }
}

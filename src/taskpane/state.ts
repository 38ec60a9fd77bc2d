/**
 * The task pane's state (what the views show) and its messages: the notice after an action, the
 * Chinese text of any error, "工作表!单元格" labels.
 */
import type { CheckResult } from "../core/check";
import { WorkbookError, type WorkbookErrorCode } from "../core/port";
import { DEFAULT_SETTINGS, type AddinSettings } from "../core/settings";
import { unexpectedError } from "../excel/host";

type NoticeKind = "success" | "info" | "warning" | "error";

export interface Notice {
  readonly kind: NoticeKind;
  readonly text: string;
  /** Extra lines (problems of an import, protected sheets …). */
  readonly details?: readonly string[];
}

export interface AssistantState {
  readonly settings: AddinSettings;
  readonly settingsLoaded: boolean;
  readonly result: CheckResult | null;
  /** A check is running. */
  readonly running: boolean;
  /** Sheets read so far while a check runs. */
  readonly progress: { readonly done: number; readonly total: number } | null;
  /** An edit or a save is under way (its description). */
  readonly busy: string | null;
  /** The last outcome to tell the user (success, error …). */
  readonly notice: Notice | null;
  /** Code of the last WorkbookError, if the notice is one. */
  readonly errorCode: WorkbookErrorCode | null;
  /** Sheets the last check could not mark (protected). */
  readonly skippedSheets: readonly string[];
  readonly checkedAt: Date | null;
  /** The workbook changed since the last check (a re-check is pending). */
  readonly stale: boolean;
  /** Fingerprint of the finding the user is on (clicked, navigated to or fixed). */
  readonly current: string | null;
  /** Why the settings would not stay with the file (an .xls workbook, a failed save), or null. */
  readonly settingsWarning: string | null;
}

export const INITIAL_STATE: AssistantState = {
  settings: DEFAULT_SETTINGS,
  settingsLoaded: false,
  result: null,
  running: false,
  progress: null,
  busy: null,
  notice: null,
  errorCode: null,
  skippedSheets: [],
  checkedAt: null,
  stale: false,
  current: null,
  settingsWarning: null,
};

/** A Chinese message for any error an action raised. */
export function errorText(e: unknown): string {
  if (e instanceof WorkbookError) {
    if (e.code === "protected") return `${e.message}请在 Excel 的“审阅 → 撤销工作表保护”中取消保护后再试。`;
    if (e.code === "changed") return `${e.message}表格在校验之后被修改过，已重新校验，请再试一次。`;
    return e.message;
  }
  return unexpectedError(e);
}

/** The state after an action failed: no longer busy, its error as the notice (after `prefix`). */
export function failed(e: unknown, prefix = ""): Pick<AssistantState, "busy" | "notice" | "errorCode"> {
  return {
    busy: null,
    notice: { kind: "error", text: `${prefix}${errorText(e)}` },
    errorCode: e instanceof WorkbookError ? e.code : null,
  };
}

/** "工作表!D12". */
export function cellLabel(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

/**
 * The workbook port: the only way the task pane, the ribbon commands, the command line and the web
 * page touch a workbook. Implemented by src/excel (Office.js) and src/xlsx (exceljs).
 */
import type { EditPlan } from "./edit-plan";
import type { Finding } from "./finding";
import type { SheetGrid } from "./grid";
import type { AddinSettings } from "./settings";

export interface CellRef {
  readonly sheet: string;
  readonly address: string;
}

export interface MarkOptions {
  /** Also put the finding's message in a note on the cell (skipped where the user has a note). */
  readonly notes?: boolean;
}

export type WorkbookErrorCode =
  /** the sheet to write is protected */
  | "protected"
  /** a cell no longer holds what the plan expected */
  | "changed"
  /** the file cannot be read */
  | "unreadable"
  /** a sheet or cell named by a plan does not exist */
  | "missing"
  /** anything else the host refused */
  | "failed";

/** An error with a message in Chinese for the user. Adapters throw only this. */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    readonly sheet: string | null = null
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

export interface WorkbookPort {
  /**
   * Why the settings saved now would not stay with the file (an .xls workbook, which has no place
   * for them; a save that failed), in Chinese; null or absent when they do.
   */
  readonly settingsWarning?: string | null;
  /** Every worksheet as a grid (values, displayed text, value types, merged areas, protection). */
  readSheets(onProgress?: (done: number, total: number) => void): Promise<SheetGrid[]>;
  /** Highlights the findings (colour by severity), replacing the add-in's previous marks. Never changes the user's formats. */
  mark(findings: readonly Finding[], options?: MarkOptions): Promise<void>;
  /** Removes every mark the add-in (or the command line) wrote, and nothing else. */
  clearMarks(): Promise<void>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, address: string): Promise<void>;
  /** The current selection's first cell, or null. */
  getSelection(): Promise<CellRef | null>;
  /** Applies an edit plan as one batch: all of it or, on any problem, nothing (WorkbookError). */
  apply(plan: EditPlan): Promise<void>;
  /**
   * The add-in's settings stored in the workbook (defaults when none). Adapters read the settings
   * together with the sheets, so a call right after readSheets() costs no extra round trip.
   */
  loadSettings(): Promise<AddinSettings>;
  saveSettings(settings: AddinSettings): Promise<void>;
}

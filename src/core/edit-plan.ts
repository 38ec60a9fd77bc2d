/**
 * Edits as pure data: what a quick fix or a template insertion does to the sheet. The adapters
 * (src/excel, src/xlsx) apply a plan in one batch; nothing here touches a workbook.
 *
 * Steps apply in order. Addresses in a step refer to the sheet as it is after the steps before it
 * (so a cell edit after an insertRows step uses the shifted addresses).
 */

/** Write a cell's text. `oldText` is what the plan expects to find: the adapter refuses the whole plan if it differs. */
export interface SetCellStep {
  readonly kind: "set";
  readonly sheet: string;
  readonly address: string;
  readonly oldText: string;
  readonly newText: string;
}

/**
 * Insert `count` whole rows before row `before`, with the formats (fill, font, borders, alignment,
 * height, number format) of row `formatFrom` (a row number before the insertion).
 * Merges that span the insertion row grow, as in Excel; merges below shift down.
 */
export interface InsertRowsStep {
  readonly kind: "insertRows";
  readonly sheet: string;
  readonly before: number;
  readonly count: number;
  readonly formatFrom: number | null;
}

/**
 * Merge a range. When `replaces` is given, that merge is removed first (a merge extended to new
 * rows, or shrunk). A single-cell `range` only removes `replaces` (an unmerge).
 */
export interface MergeStep {
  readonly kind: "merge";
  readonly sheet: string;
  readonly range: string;
  readonly replaces: string | null;
}

/**
 * Delete `count` whole rows starting at `row`. Merges that span the deleted rows shrink, as in
 * Excel. A plan that deletes the top row of a merge must first write the merge's text into the row
 * that becomes its new top (the planner does).
 */
export interface DeleteRowsStep {
  readonly kind: "deleteRows";
  readonly sheet: string;
  readonly row: number;
  readonly count: number;
}

export type EditStep = SetCellStep | InsertRowsStep | MergeStep | DeleteRowsStep;

export interface EditPlan {
  /** What the plan does, in Chinese, for the undo list and messages ("在第40行后插入指标"). */
  readonly label: string;
  readonly steps: readonly EditStep[];
  /** The cell to select after applying (the inserted indicator's name cell, the fixed value cell). */
  readonly select: { readonly sheet: string; readonly address: string } | null;
}

export function setCell(sheet: string, address: string, oldText: string, newText: string): SetCellStep {
  return { kind: "set", sheet, address, oldText, newText };
}

/** The sheets a plan writes to (for the protected-sheet check before writing). */
export function sheetsOf(plan: EditPlan): string[] {
  return [...new Set(plan.steps.map((s) => s.sheet))];
}

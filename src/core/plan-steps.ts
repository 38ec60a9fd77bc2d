/**
 * Pure helpers for applying edit plans, shared by both adapters (no exceljs/Office imports):
 * how merges move when rows are inserted or deleted (as Excel does it), and where the cells a
 * plan's `set` steps name were before the plan ran (so oldText is checked before anything is written).
 */
import type { EditPlan, MergeStep, SetCellStep } from "./edit-plan";
import { WorkbookError } from "./port";
import { parseCell, parseRange, rangeAddress, rangesOverlap, type CellRange } from "./grid";
import { clip } from "./text";

/** Insert `count` rows before row `before`: ranges below shift, ranges spanning the insertion row grow. */
export function shiftForInsert(r: CellRange, before: number, count: number): CellRange {
  if (r.top >= before) return { ...r, top: r.top + count, bottom: r.bottom + count };
  if (r.bottom >= before) return { ...r, bottom: r.bottom + count };
  return r;
}

/** Delete `count` rows from `row`: ranges below shift up, ranges over the deleted rows shrink; null when nothing is left. */
export function shiftForDelete(r: CellRange, row: number, count: number): CellRange | null {
  const end = row + count - 1;
  if (r.bottom < row) return r;
  if (r.top > end) return { ...r, top: r.top - count, bottom: r.bottom - count };
  const removed = Math.min(r.bottom, end) - Math.max(r.top, row) + 1;
  const height = r.bottom - r.top + 1 - removed;
  if (height <= 0) return null;
  const top = r.top < row ? r.top : row;
  return { ...r, top, bottom: top + height - 1 };
}

/** Merges after an insertion (single cells are dropped). */
export function mergesAfterInsert(merges: readonly CellRange[], before: number, count: number): CellRange[] {
  return merges.map((m) => shiftForInsert(m, before, count));
}

export function mergesAfterDelete(merges: readonly CellRange[], row: number, count: number): CellRange[] {
  const out: CellRange[] = [];
  for (const m of merges) {
    const s = shiftForDelete(m, row, count);
    if (s && (s.top !== s.bottom || s.left !== s.right)) out.push(s);
  }
  return out;
}

/**
 * Merges after a merge step: the merge it replaces is gone, the new one is there. Refused
 * (WorkbookError, in Chinese) when the new range would overlap another merge: both adapters check
 * this before they write anything.
 */
export function mergesAfterMerge(merges: readonly CellRange[], step: MergeStep): CellRange[] {
  const range = parseRange(step.range);
  const old = step.replaces ? parseRange(step.replaces) : null;
  const rest = merges.filter((m) => !(old && rangesOverlap(m, old)));
  const clash = rest.find((m) => rangesOverlap(m, range));
  if (clash)
    throw new WorkbookError(
      "failed",
      `无法合并 ${step.sheet}!${step.range}：与已有的合并单元格 ${rangeAddress(clash)} 重叠。`,
      step.sheet
    );
  return [...rest, range];
}

export interface SetCheck {
  readonly step: SetCellStep;
  readonly index: number;
  /** The row the cell had before the plan; null when an earlier step inserted the row (the cell is then empty). */
  readonly originalRow: number | null;
  readonly column: number;
}

/**
 * Where each `set` step's cell was before the plan: rows are mapped back through the plan's earlier
 * insertions and deletions on the same sheet. A cell whose row an earlier step inserted is new
 * (originalRow null, current text ""); a cell written by an earlier `set` expects that step's text.
 */
export function setChecks(plan: EditPlan): SetCheck[] {
  const out: SetCheck[] = [];
  plan.steps.forEach((step, index) => {
    if (step.kind !== "set") return;
    const p = parseCell(step.address);
    let row: number | null = p.row;
    for (let i = index - 1; i >= 0 && row !== null; i--) {
      const s = plan.steps[i];
      if (s.sheet !== step.sheet) continue;
      if (s.kind === "insertRows") {
        if (row >= s.before + s.count) row -= s.count;
        else if (row >= s.before) row = null;
      } else if (s.kind === "deleteRows") {
        if (row >= s.row) row += s.count;
      }
    }
    out.push({ step, index, originalRow: row, column: p.column });
  });
  return out;
}

/** The text a `set` step expects, taking earlier `set` steps on the same cell into account. */
export function expectedBefore(check: SetCheck, checks: readonly SetCheck[]): string | null {
  // an earlier set step on the same original cell: the plan itself wrote the text, no need to check the sheet
  for (let i = checks.indexOf(check) - 1; i >= 0; i--) {
    const c = checks[i];
    if (
      c.step.sheet === check.step.sheet &&
      c.originalRow !== null &&
      c.originalRow === check.originalRow &&
      c.column === check.column
    )
      return c.step.newText;
  }
  return null;
}

/**
 * Refuses a plan whose `set` steps would meet another text than they expect (the sheet changed
 * since the check): `textOf` gives a check's current cell text (called only for cells the plan
 * itself does not write first). Nothing is written before this passes.
 */
export function assertOldTexts(plan: EditPlan, textOf: (check: SetCheck, index: number) => string): void {
  const checks = setChecks(plan);
  checks.forEach((c, i) => {
    const current = expectedBefore(c, checks) ?? (c.originalRow === null ? "" : textOf(c, i));
    if (current !== c.step.oldText) {
      throw new WorkbookError(
        "changed",
        `单元格 ${c.step.sheet}!${c.step.address} 的内容已改变（现在是“${clip(current, 20)}”，预期“${clip(c.step.oldText, 20)}”），未做任何修改。请重新校验后再试。`,
        c.step.sheet
      );
    }
  });
}

/** A plain number as a text: digits, a sign and a decimal point only, that reads back as exactly the same text. */
function plainNumberOf(text: string): number | null {
  const t = text.trim();
  if (!/^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && String(n) === t ? n : null;
}

/**
 * A `set` step writes a number only when the cell showed a plain number (or nothing) and the new
 * text is a plain number that reads back the same; anything else is written as text, so what was
 * text stays text ("0012", "08588331040", "12345678901234567890", "1e400" keep their characters).
 */
function writesNumber(step: SetCellStep): boolean {
  return plainNumberOf(step.newText) !== null && (step.oldText.trim() === "" || plainNumberOf(step.oldText) !== null);
}

/** The value an exceljs cell gets for a `set` step. */
export function cellValueOf(step: SetCellStep): string | number {
  return writesNumber(step) ? Number(step.newText.trim()) : step.newText;
}

/**
 * What Office.js is given for a `set` step. Text goes in with a leading apostrophe (Excel shows the
 * text itself and keeps it as text): whatever Excel would otherwise read from it — a number,
 * "95%", "1,000", a date, a time, "1/2", "¥100", TRUE, a formula — depends on its parser and
 * locale, and would be shown in the cell's number format instead of the text the user saw.
 */
export function excelInputOf(step: SetCellStep): string {
  const text = step.newText;
  return writesNumber(step) || text === "" ? text : `'${text}`;
}

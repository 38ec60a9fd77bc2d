/**
 * The edit steps of one insertion, built up row by row (for the planner in plan.ts): rows inserted
 * and deleted, merges extended, texts written — tracking the merges as they become.
 */
import { mergesAfterDelete, mergesAfterInsert } from "../plan-steps";
import type { EditStep } from "../edit-plan";
import { cellAddress, parseRange, rangeAddress, type CellRange } from "../grid";
import type { IndicatorBlock } from "../model";
import { parseValueText, splitForColumns } from "../value";
import type { Columns } from "./placement";

export interface RowTexts {
  readonly name: string;
  readonly value: string;
  readonly explanation: string;
}

export class PlanBuilder {
  readonly steps: EditStep[] = [];
  merges: CellRange[];
  constructor(
    readonly sheet: string,
    merges: readonly string[]
  ) {
    this.merges = merges.map((m) => parseRange(m));
  }
  insertRow(before: number, formatFrom: number | null): void {
    this.steps.push({ kind: "insertRows", sheet: this.sheet, before, count: 1, formatFrom });
    this.merges = mergesAfterInsert(this.merges, before, 1);
  }
  deleteRow(row: number): void {
    this.steps.push({ kind: "deleteRows", sheet: this.sheet, row, count: 1 });
    this.merges = mergesAfterDelete(this.merges, row, 1);
  }
  /** Extends the merge whose top-left is `top` in `column` down to `bottom`. */
  extendMerge(column: number, top: number, bottom: number): void {
    const i = this.merges.findIndex((m) => m.left === column && m.top === top);
    if (i < 0) {
      if (bottom > top) this.merge({ top, left: column, bottom, right: column }, null);
      return;
    }
    const old = this.merges[i];
    if (old.bottom >= bottom) return;
    this.merge({ ...old, bottom }, old);
  }
  /** Merges `range` (after unmerging `replaces`); a single-cell range only unmerges. */
  merge(range: CellRange, replaces: CellRange | null): void {
    this.steps.push({
      kind: "merge",
      sheet: this.sheet,
      range: rangeAddress(range),
      replaces: replaces ? rangeAddress(replaces) : null,
    });
    if (replaces) this.merges = this.merges.filter((m) => rangeAddress(m) !== rangeAddress(replaces));
    if (range.top !== range.bottom || range.left !== range.right) this.merges.push(range);
  }
  set(row: number, column: number | undefined, text: string, oldText = ""): void {
    if (column === undefined || (text === "" && oldText === "")) return;
    this.steps.push({ kind: "set", sheet: this.sheet, address: cellAddress(row, column), oldText, newText: text });
  }
  mergeAt(row: number, column: number): CellRange | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
  }
}

/** Writes a row's texts into its cells (the value split over operator/unit columns when the table has them). */
export function writeRow(b: PlanBuilder, cols: Columns, row: number, texts: RowTexts): void {
  b.set(row, cols.name, texts.name);
  if (cols.operator !== undefined || cols.unit !== undefined) {
    const parts = splitForColumns(parseValueText(texts.value), {
      operator: cols.operator !== undefined,
      unit: cols.unit !== undefined,
    });
    b.set(row, cols.unit, parts.unit);
    b.set(row, cols.operator, parts.operator);
    b.set(row, cols.value, parts.value);
  } else {
    b.set(row, cols.value, texts.value);
  }
  b.set(row, cols.explanation, texts.explanation);
}

/**
 * Label-column merges that end on the row above the insertion and span the block: they must grow
 * to cover the new row (a row inserted right after a merge is outside it in Excel).
 */
export function extendLabelMerges(b: PlanBuilder, block: IndicatorBlock, cols: Columns, before: number): void {
  // every column left of the indicator columns: label columns, and outer labels ("绩效目标情况")
  // merged down from the header area, which the block's column list does not name
  const first = Math.min(...[cols.level1, cols.level2, cols.name].filter((c): c is number => c !== undefined));
  const columns = new Set([...cols.labels, ...Array.from({ length: Math.max(0, first - 1) }, (_, k) => k + 1)]);
  for (const c of columns) {
    const m = b.mergeAt(before - 1, c);
    if (m && m.bottom === before - 1 && m.top <= block.firstRow && m.left === c) b.extendMerge(c, m.top, before);
  }
}

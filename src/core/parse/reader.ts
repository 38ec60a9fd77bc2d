/**
 * Read access to a grid the way the parser needs it: a cell's own text (empty when covered by a
 * merge), the text that applies to it (the merge's top-left text), error cells reported once.
 */
import { cellAddress, MergeIndex, type CellRange, type GridCell, type SheetGrid } from "../grid";
import type { ParseProblem } from "../model";
import { clean } from "../text";

const MAX_REPORTED_ERRORS = 20;

export class SheetReader {
  readonly merges: MergeIndex;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly problems: ParseProblem[] = [];
  private reportedErrors = 0;
  private readonly errorCells = new Set<string>();

  constructor(readonly grid: SheetGrid) {
    this.rowCount = grid.rowCount;
    this.columnCount = grid.columnCount;
    this.merges = new MergeIndex(grid.merges);
    this.rowDone = new Uint8Array(this.rowCount + 1);
  }

  get name(): string {
    return this.grid.name;
  }

  raw(row: number, column: number): GridCell | undefined {
    return this.grid.cell(row, column);
  }

  /**
   * Own texts, computed once per row (the parser reads each row several times), in one flat array:
   * no object per row for the garbage collector to carry on large sheets.
   */
  private readonly texts: string[] = [];
  private readonly rowDone: Uint8Array;

  /** The cell's own text, trimmed; "" for an empty cell, a covered cell of a merge or an error value. */
  own(row: number, column: number): string {
    if (row < 1 || row > this.rowCount || column < 1 || column > this.columnCount) return "";
    if (this.rowDone[row] === 0) this.fillRow(row);
    return this.texts[(row - 1) * this.columnCount + column - 1];
  }

  private fillRow(row: number): void {
    const base = (row - 1) * this.columnCount;
    for (let c = 1; c <= this.columnCount; c++) this.texts[base + c - 1] = this.ownUncached(row, c);
    this.rowDone[row] = 1;
  }

  private ownUncached(row: number, column: number): string {
    const cell = this.grid.cell(row, column);
    if (!cell || cell.text === "") return "";
    if (cell.type === "error") {
      this.reportError(row, column, cell.text);
      return "";
    }
    if (this.merges.isCovered(row, column)) return "";
    return clean(cell.text);
  }

  /** The text that shows in the cell: its own text, or its merge's top-left text. */
  shown(row: number, column: number): string {
    const m = this.merges.at(row, column);
    if (m) return this.own(m.top, m.left);
    return this.own(row, column);
  }

  mergeAt(row: number, column: number): CellRange | undefined {
    return this.merges.at(row, column);
  }

  isCovered(row: number, column: number): boolean {
    return this.merges.isCovered(row, column);
  }

  /** True when the cell holds a number (not text). */
  isNumber(row: number, column: number): boolean {
    return this.grid.cell(row, column)?.type === "number";
  }

  isDate(row: number, column: number): boolean {
    return this.grid.cell(row, column)?.type === "date";
  }

  /** Non-empty own cells of a row, left to right, within [from, to]. */
  rowCells(row: number, from = 1, to = this.columnCount): { column: number; text: string }[] {
    const out: { column: number; text: string }[] = [];
    for (let c = from; c <= to; c++) {
      const t = this.own(row, c);
      if (t !== "") out.push({ column: c, text: t });
    }
    return out;
  }

  rowIsEmpty(row: number, from = 1, to = this.columnCount): boolean {
    for (let c = from; c <= to; c++) if (this.own(row, c) !== "") return false;
    return true;
  }

  private reportError(row: number, column: number, text: string): void {
    const address = cellAddress(row, column);
    if (this.errorCells.has(address)) return;
    this.errorCells.add(address);
    this.reportedErrors++;
    if (this.reportedErrors <= MAX_REPORTED_ERRORS) {
      this.problems.push({
        sheet: this.grid.name,
        cell: address,
        message: `错误值 ${clean(text) || "#错误"}，已按空白处理，请先修正公式或引用。`,
        scope: "cell",
      });
    } else if (this.reportedErrors === MAX_REPORTED_ERRORS + 1) {
      this.problems.push({
        sheet: this.grid.name,
        cell: null,
        message: `本表还有更多错误值单元格（只列出前 ${MAX_REPORTED_ERRORS} 个）。`,
        scope: "cell",
      });
    }
  }
}

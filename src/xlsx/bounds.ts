/**
 * What a sheet may cost, bounded by what it really holds rather than by the addresses it names:
 * the cells read (rows of cells, sparse) and the merged ranges become a core grid, or a Chinese
 * reason why the sheet cannot be checked. Used by both ways of reading a workbook (the package
 * reader for checking, exceljs for the marked copies and the web page), so both give the same grid.
 *
 * - Merged ranges are clipped to the cells that hold content: a merge H1:XFD1048576 over a table of
 *   50 rows costs 50 rows, and one entirely beyond the content is dropped (it covers nothing).
 * - Cells covered by a merge (not its top-left cell) are empty, as Excel shows them.
 * - The parser works on the rectangle from A1 to the farthest cell: more than MAX_GRID_CELLS (a
 *   stray cell at XFD9000) is refused with the address of the far cell, instead of exhausting memory.
 */
import { cellAddress, RowGrid, type CellRange, type GridCell } from "../core/grid";

/** Excel's limits. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** The largest rectangle (rows × columns up to the farthest cell) a sheet may span to be checked. */
export const MAX_GRID_CELLS = 5_000_000;

/** Rows of cells, 0-based, sparse (undefined: no row / no cell). */
export type CellRows = (GridCell | undefined)[][];

/** A sheet as read: its grid, or why it could not be read (Chinese, one sentence, no sheet name). */
export interface SheetRead {
  readonly name: string;
  readonly grid: RowGrid | null;
  readonly problem: string | null;
}

interface Extent {
  rows: number;
  columns: number;
  /** The cells that set the extent (the lowest, the rightmost). */
  lowest: string;
  rightmost: string;
}

function extentOf(rows: CellRows): Extent {
  const e: Extent = { rows: 0, columns: 0, lowest: "", rightmost: "" };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let c = row.length - 1;
    while (c >= 0 && row[c] === undefined) c--;
    if (c < 0) continue;
    e.rows = r + 1;
    e.lowest = cellAddress(r + 1, c + 1);
    if (c + 1 > e.columns) {
      e.columns = c + 1;
      e.rightmost = e.lowest;
    }
  }
  return e;
}

/** The merges clipped to the extent; empty and one-cell results dropped. */
function clipMerges(merges: readonly CellRange[], e: Extent): CellRange[] {
  const out: CellRange[] = [];
  for (const m of merges) {
    const bottom = Math.min(m.bottom, e.rows);
    const right = Math.min(m.right, e.columns);
    if (m.top > bottom || m.left > right || (m.top === bottom && m.left === right)) continue;
    out.push({ top: m.top, left: m.left, bottom, right });
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

function area(m: CellRange): number {
  return (m.bottom - m.top + 1) * (m.right - m.left + 1);
}

/** Why a sheet spanning `rows` × `columns` is not checked; `far`: the cell(s) that make it so. */
export function tooLargeProblem(rows: number, columns: number, far: string): string {
  const cells = Math.round((rows * columns) / 10_000);
  return (
    `内容范围太大（从 A1 到 ${cellAddress(rows, columns)}，约 ${cells} 万个单元格，上限 ${MAX_GRID_CELLS / 10_000} 万），` +
    `最远的单元格是 ${far}。绩效目标表通常只有几十列、几百行，远处的内容多半是误输入：请删除后再检查。`
  );
}

function tooLarge(e: Extent): string {
  return tooLargeProblem(e.rows, e.columns, e.lowest === e.rightmost ? e.lowest : `${e.rightmost}、${e.lowest}`);
}

/** Empties the cells a merge covers (all but its top-left cell). */
function clearCovered(rows: CellRows, merges: readonly CellRange[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r <= rows.length; r++) {
      const row = rows[r - 1];
      if (!row) continue;
      for (let c = m.left; c <= m.right && c <= row.length; c++) {
        if (r !== m.top || c !== m.left) row[c - 1] = undefined;
      }
    }
  }
}

/**
 * The grid of a sheet from its cells and merged ranges, or the reason it cannot be checked.
 * `rows` is changed (covered cells emptied).
 */
export function boundedGrid(
  name: string,
  rows: CellRows,
  merges: readonly CellRange[],
  isProtected: boolean
): SheetRead {
  const before = extentOf(rows);
  if (before.rows * before.columns > MAX_GRID_CELLS) return { name, grid: null, problem: tooLarge(before) };
  const clipped = clipMerges(merges, before);
  // merges inside a rectangle cover at most its area unless they overlap
  let covered = 0;
  for (const m of clipped) covered += area(m);
  if (covered > before.rows * before.columns)
    return { name, grid: null, problem: "合并单元格相互重叠，工作表可能已损坏。请在 Excel 中打开并保存后再检查。" };
  clearCovered(rows, clipped);
  const after = extentOf(rows);
  const grid = new RowGrid(name, rows, clipMerges(clipped, after), isProtected, true);
  return { name, grid, problem: null };
}

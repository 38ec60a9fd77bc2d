/**
 * How a sheet is drawn on the web page: column widths and row heights from the file (in pixels, as
 * Excel draws them at 100 %), the cells' alignment, bold font and fill colour. Read from exceljs.
 */
import type ExcelJS from "exceljs";
import type { SheetGrid } from "../core/grid";

export interface SheetLayout {
  readonly rows: number;
  readonly columns: number;
  /** Left edge of column c (1-based) at index c-1; lefts[columns] is the total width. */
  readonly lefts: readonly number[];
  /** Top edge of row r at index r-1; tops[rows] is the total height. */
  readonly tops: readonly number[];
}

export interface CellLook {
  readonly align: "left" | "center" | "right" | null;
  readonly vertical: "top" | "middle" | "bottom";
  readonly wrap: boolean;
  readonly bold: boolean;
  /** #rrggbb of a solid fill the user gave the cell, or null. */
  readonly fill: string | null;
}

const DEFAULT_WIDTH_CHARS = 8.43;
const DEFAULT_HEIGHT_PT = 15;
/** Spare rows and columns drawn beyond the used range, as in a spreadsheet. */
const SPARE_ROWS = 6;
const SPARE_COLUMNS = 2;

/** Excel's character width (Calibri 11) → pixels. */
function widthPx(chars: number): number {
  return Math.round(chars * 7 + 5);
}

function heightPx(points: number): number {
  return Math.round((points * 4) / 3);
}

export function layoutOf(ws: ExcelJS.Worksheet | undefined, grid: SheetGrid): SheetLayout {
  let rows = grid.rowCount;
  let columns = grid.columnCount;
  for (const m of grid.merges) {
    rows = Math.max(rows, m.bottom);
    columns = Math.max(columns, m.right);
  }
  rows += SPARE_ROWS;
  columns = Math.max(columns + SPARE_COLUMNS, 6);
  const defaultWidth = (ws?.properties?.defaultColWidth as number | undefined) ?? DEFAULT_WIDTH_CHARS;
  const defaultHeight = (ws?.properties?.defaultRowHeight as number | undefined) ?? DEFAULT_HEIGHT_PT;
  const lefts = new Array<number>(columns + 1);
  lefts[0] = 0;
  for (let c = 1; c <= columns; c++) {
    let w = widthPx(defaultWidth);
    if (ws) {
      const col = ws.getColumn(c);
      if (col.hidden) w = 0;
      else if (typeof col.width === "number" && col.width > 0) w = widthPx(col.width);
    }
    lefts[c] = lefts[c - 1] + Math.min(w, 900);
  }
  const tops = new Array<number>(rows + 1);
  tops[0] = 0;
  const sheetRows = ws as unknown as { findRow?(r: number): ExcelJS.Row | undefined } | undefined;
  for (let r = 1; r <= rows; r++) {
    let h = heightPx(defaultHeight);
    const row = sheetRows?.findRow?.(r);
    if (row) {
      if (row.hidden) h = 0;
      else if (typeof row.height === "number" && row.height > 0) h = heightPx(row.height);
    }
    tops[r] = tops[r - 1] + Math.min(h, 600);
  }
  return { rows, columns, lefts, tops };
}

const PLAIN: CellLook = {
  align: null,
  vertical: "bottom",
  wrap: false,
  bold: false,
  fill: null,
};

/** How a cell looks (its own style; a merge uses its top-left cell's). */
export function lookOf(ws: ExcelJS.Worksheet | undefined, row: number, column: number): CellLook {
  const cell = (ws as unknown as { findCell?(r: number, c: number): ExcelJS.Cell | undefined } | undefined)?.findCell?.(
    row,
    column
  );
  if (!cell) return PLAIN;
  const a = cell.alignment ?? {};
  const h = a.horizontal;
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  const argb = fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
  return {
    align:
      h === "center" || h === "centerContinuous" || h === "distributed"
        ? "center"
        : h === "right"
          ? "right"
          : h === "left"
            ? "left"
            : null,
    vertical:
      a.vertical === "top"
        ? "top"
        : a.vertical === "middle" || a.vertical === "distributed" || a.vertical === "justify"
          ? "middle"
          : "bottom",
    wrap: !!a.wrapText,
    bold: !!cell.font?.bold,
    fill: argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2)}` : null,
  };
}

/** The index i with starts[i] <= x < starts[i+1] (0-based), clamped. */
export function indexAt(starts: readonly number[], x: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The sheets of an .xls read (read.ts) as the checks need them: each sheet's displayed text and
 * value types, merged ranges and protection, bounded like an .xlsx's (bounds.ts) — the same text
 * the package reader gives for an .xlsx (number-format.ts) and exceljs gives for the workbook
 * made from the .xls for its marked copy (workbook.ts), so a check and a copy agree. No exceljs.
 */
import { rangesOverlap, type CellRange, type GridCell } from "../../core/grid";
import { boundedGrid, type CellRows, type SheetRead } from "../bounds";
import { shownNumber } from "../number-format";
import type { XlsBook, XlsSheet, XlsValue } from "./biff";

/** A cell's value as shown (numbers and dates with their format), undefined when empty. */
function cellOf(value: XlsValue, format: string | undefined, date1904: boolean): GridCell | undefined {
  if (typeof value === "string") return value === "" ? undefined : { text: value, type: "text" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", type: "boolean" };
  if (typeof value === "object") return { text: value.error, type: "error" };
  return shownNumber(value, format, date1904);
}

/** The merges as Excel (and exceljs) take them: a merge overlapping an earlier one is left out. */
function mergesOf(sheet: XlsSheet): CellRange[] {
  const kept: CellRange[] = [];
  for (const m of sheet.merges) if (!kept.some((k) => rangesOverlap(k, m))) kept.push({ ...m });
  return kept;
}

function sheetRead(sheet: XlsSheet, date1904: boolean): SheetRead {
  const rows: CellRows = [];
  for (const c of sheet.cells) {
    const g = cellOf(c.value, c.format, date1904);
    if (g) (rows[c.row - 1] ??= [])[c.col - 1] = g;
  }
  return boundedGrid(sheet.name, rows, mergesOf(sheet), sheet.protected);
}

/** The sheets in workbook order (hidden ones too); a nameless or repeated name is that sheet's problem. */
export function xlsSheetReads(book: XlsBook): SheetRead[] {
  const names = new Set<string>();
  return book.sheets.map((s) => {
    const key = s.name.toLowerCase();
    if (s.name.trim() === "" || names.has(key))
      return { name: s.name, grid: null, problem: s.name.trim() === "" ? "工作表没有名称。" : "与另一个工作表同名。" };
    names.add(key);
    return sheetRead(s, book.date1904);
  });
}

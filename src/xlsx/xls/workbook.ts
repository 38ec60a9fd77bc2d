/**
 * An .xls read (read.ts) → an exceljs workbook holding what was read: the cell values with their
 * number formats (dates as dates, as exceljs loads them from an .xlsx), merged ranges, protection,
 * hidden sheets, column widths and row heights. Made only for the marked copy (and the web page's
 * single-file view): the marks, the 校验报告 sheet and saving — as .xlsx, since nobody writes .xls
 * any more. Cell styles (fonts, fills, borders) and notes are not read: the marked copy of an .xls
 * shows the values, merges and sizes only.
 */
import ExcelJS from "exceljs";
import { WorkbookError } from "../../core/port";
import { numberOrDate } from "../number-format";
import type { XlsBook, XlsSheet, XlsValue } from "./biff";
import { readXls, XLS_MESSAGES } from "./read";

function excelValue(value: XlsValue, format: string | undefined, date1904: boolean): ExcelJS.CellValue {
  if (typeof value === "number") return numberOrDate(value, format, date1904);
  if (typeof value === "object") return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

/**
 * The sheet added under its name. A name exceljs refuses (empty, repeated, “History”, a character
 * such as “:” or “/”) comes from a damaged file; the cells, sizes and merges read.ts gives are always
 * in Excel's range, so whatever else fails is this tool's fault and passes on (check-file.ts: internalError).
 */
function addWorksheet(wb: ExcelJS.Workbook, sheet: XlsSheet): ExcelJS.Worksheet {
  try {
    return wb.addWorksheet(sheet.name, {
      state: sheet.visibility === 2 ? "veryHidden" : sheet.visibility === 1 ? "hidden" : "visible",
    });
  } catch {
    throw new WorkbookError("unreadable", XLS_MESSAGES.damaged);
  }
}

async function addSheet(wb: ExcelJS.Workbook, sheet: XlsSheet, date1904: boolean): Promise<void> {
  const ws = addWorksheet(wb, sheet);
  for (const c of sheet.columns)
    for (let col = c.first; col <= c.last; col++) {
      const column = ws.getColumn(col);
      column.width = c.width;
      if (c.hidden) column.hidden = true;
    }
  for (const [r, info] of sheet.rows) {
    if (info.height === null && !info.hidden) continue;
    const row = ws.getRow(r);
    if (info.height !== null) row.height = info.height;
    if (info.hidden) row.hidden = true;
  }
  for (const c of sheet.cells) {
    if (c.value === "") continue;
    const cell = ws.getCell(c.row, c.col);
    cell.value = excelValue(c.value, c.format, date1904);
    if (c.format) cell.numFmt = c.format;
  }
  for (const m of sheet.merges) {
    try {
      ws.mergeCells(m.top, m.left, m.bottom, m.right);
    } catch {
      // overlapping merges (a damaged file): the first one wins, as in Excel
    }
  }
  if (sheet.protected) await ws.protect("", {});
}

/** The sheets read from an .xls as an exceljs workbook (values, number formats, merges, protection, sizes). */
export async function excelJSFromBook(book: XlsBook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of book.sheets) await addSheet(wb, sheet, book.date1904);
  return wb;
}

/** An .xls file as an exceljs workbook. Unreadable → WorkbookError("unreadable") with a Chinese message. */
export async function excelJSFromXls(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  return excelJSFromBook(readXls(bytes));
}

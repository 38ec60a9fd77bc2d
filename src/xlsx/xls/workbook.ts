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
import { isDateFormat, serialToDate } from "../number-format";
import type { XlsBook, XlsSheet, XlsValue } from "./biff";
import { readXls, XLS_MESSAGES } from "./read";

function excelValue(value: XlsValue, format: string | undefined, date1904: boolean): ExcelJS.CellValue {
  if (typeof value === "number" && isDateFormat(format)) {
    const date = serialToDate(value, date1904);
    if (date) return date;
  }
  if (typeof value === "object") return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

async function addSheet(wb: ExcelJS.Workbook, sheet: XlsSheet, date1904: boolean): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility === 2 ? "veryHidden" : sheet.visibility === 1 ? "hidden" : "visible",
  });
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
  try {
    for (const sheet of book.sheets) await addSheet(wb, sheet, book.date1904);
  } catch {
    // what exceljs refuses (a sheet name it cannot take, a cell out of range) comes from a damaged file
    throw new WorkbookError("unreadable", XLS_MESSAGES.damaged);
  }
  return wb;
}

/** An .xls file as an exceljs workbook. Unreadable → WorkbookError("unreadable") with a Chinese message. */
export async function excelJSFromXls(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  return excelJSFromBook(readXls(bytes));
}

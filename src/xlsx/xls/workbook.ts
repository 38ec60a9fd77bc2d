/**
 * An .xls file (Excel 97–2003) → an exceljs workbook holding what was read: the cell values with
 * their number formats (dates as dates, as exceljs loads them from an .xlsx), merged ranges,
 * protection, hidden sheets, column widths and row heights. From there everything works as for an .xlsx: the
 * grids the checks read (grid.ts, the same displayed text), the marks, the 校验报告 sheet, and
 * saving — as .xlsx, since nobody writes .xls any more. Cell styles (fonts, fills, borders) and
 * notes are not read: the marked copy of an .xls shows the values, merges and sizes only.
 *
 * Why our own reader: see src/xlsx/README.md (“.xls”).
 */
import ExcelJS from "exceljs";
import { WorkbookError } from "../../core/port";
import { readBiff, XlsRefused, type XlsBook, type XlsSheet, type XlsValue } from "./biff";
import { CfbError, CompoundFile } from "./cfb";
import { BiffError } from "./records";

/** Excel's built-in number formats by id (those an .xls does not spell out), Chinese locale. */
const BUILTIN: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The messages for .xls files that cannot be read (Chinese). */
export const XLS_MESSAGES = {
  encrypted: "无法读取：文件受密码保护（已加密）。请在 Excel 中输入密码打开，清除密码并保存后再检查。",
  oldVersion:
    "无法读取：这是 Excel 5.0/95 或更早版本的 .xls 文件。请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再检查。",
  notXls:
    "无法读取：文件不是能识别的 .xls 工作簿（可能是 WPS .et 等其他格式，或已损坏）。请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再检查。",
  damaged: "无法读取：.xls 文件已损坏。请确认文件能在 Excel 中打开，并另存为 .xlsx 后再试。",
} as const;

/** A date (or time) format: date letters outside quotes and brackets (as exceljs decides on load). */
function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function excelValue(value: XlsValue, format: string | undefined, date1904: boolean): ExcelJS.CellValue {
  if (typeof value === "number" && format && isDateFormat(format)) {
    const ms = Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 86400000);
    if (Number.isFinite(ms) && Math.abs(ms) < 8.64e15) return new Date(ms);
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

/** The workbook stream of an OLE file, or why there is none (Chinese). */
function workbookStream(bytes: Uint8Array): Uint8Array {
  let stream: Uint8Array | null;
  try {
    const cfb = new CompoundFile(bytes);
    if (cfb.stream("EncryptionInfo")) throw new WorkbookError("unreadable", XLS_MESSAGES.encrypted);
    stream = cfb.stream("Workbook");
    if (!stream && cfb.stream("Book")) throw new WorkbookError("unreadable", XLS_MESSAGES.oldVersion);
  } catch (e) {
    if (e instanceof CfbError || e instanceof RangeError) throw new WorkbookError("unreadable", XLS_MESSAGES.damaged);
    throw e;
  }
  if (!stream) throw new WorkbookError("unreadable", XLS_MESSAGES.notXls);
  return stream;
}

/** Reads an .xls into its sheets. Unreadable → WorkbookError("unreadable") with a Chinese message. */
function readXls(bytes: Uint8Array): XlsBook {
  const stream = workbookStream(bytes);
  try {
    return readBiff(stream, (id) => BUILTIN[id]);
  } catch (e) {
    if (e instanceof XlsRefused)
      throw new WorkbookError("unreadable", e.kind === "encrypted" ? XLS_MESSAGES.encrypted : XLS_MESSAGES.oldVersion);
    if (e instanceof BiffError || e instanceof RangeError) throw new WorkbookError("unreadable", XLS_MESSAGES.damaged);
    throw e;
  }
}

/** An .xls as an exceljs workbook (values, number formats, merges, protection, sizes). */
export async function excelJSFromXls(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = readXls(bytes);
  if (book.sheets.length === 0) throw new WorkbookError("unreadable", XLS_MESSAGES.notXls);
  const wb = new ExcelJS.Workbook();
  try {
    for (const sheet of book.sheets) await addSheet(wb, sheet, book.date1904);
  } catch {
    // what exceljs refuses (a sheet name it cannot take, a cell out of range) comes from a damaged file
    throw new WorkbookError("unreadable", XLS_MESSAGES.damaged);
  }
  return wb;
}

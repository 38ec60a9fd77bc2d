/**
 * An .xls file (Excel 97–2003) → its sheets as BIFF records give them (biff.ts): the OLE container
 * opened (cfb.ts), encrypted and older files refused with Chinese messages. No exceljs here: the
 * checks read the sheets straight from this (sheets.ts); the marked copy builds an exceljs
 * workbook from it (workbook.ts) only when one is written.
 *
 * Why our own reader: see src/xlsx/README.md (“.xls”).
 */
import { WorkbookError } from "../../core/port";
import { readBiff, XlsRefused, type XlsBook } from "./biff";
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

/** Reads an .xls into its sheets (at least one). Unreadable → WorkbookError("unreadable") with a Chinese message. */
export function readXls(bytes: Uint8Array): XlsBook {
  const stream = workbookStream(bytes);
  let book: XlsBook;
  try {
    book = readBiff(stream, (id) => BUILTIN[id]);
  } catch (e) {
    if (e instanceof XlsRefused)
      throw new WorkbookError("unreadable", e.kind === "encrypted" ? XLS_MESSAGES.encrypted : XLS_MESSAGES.oldVersion);
    if (e instanceof BiffError || e instanceof RangeError) throw new WorkbookError("unreadable", XLS_MESSAGES.damaged);
    throw e;
  }
  if (book.sheets.length === 0) throw new WorkbookError("unreadable", XLS_MESSAGES.notXls);
  return book;
}

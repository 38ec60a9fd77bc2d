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
import { ZH_CN_NUMBER_FORMATS } from "../number-format";

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
    book = readBiff(stream, (id) => ZH_CN_NUMBER_FORMATS[id]);
  } catch (e) {
    if (e instanceof XlsRefused)
      throw new WorkbookError("unreadable", e.kind === "encrypted" ? XLS_MESSAGES.encrypted : XLS_MESSAGES.oldVersion);
    if (e instanceof BiffError || e instanceof RangeError) throw new WorkbookError("unreadable", XLS_MESSAGES.damaged);
    throw e;
  }
  if (book.sheets.length === 0) throw new WorkbookError("unreadable", XLS_MESSAGES.notXls);
  return book;
}

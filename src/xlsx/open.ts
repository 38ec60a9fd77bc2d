/**
 * Opening a workbook file of either format people send: .xlsx (exceljs, workbook.ts) or .xls
 * (Excel 97–2003, read by xls/ into an exceljs workbook). The bytes decide, not the name: an OLE
 * file that is no encrypted .xlsx is taken for an .xls. Either way the result is an XlsxWorkbook,
 * and saving it writes .xlsx.
 */
import { WorkbookError } from "../core/port";
import { sniffXlsx, SNIFF_MESSAGES } from "./sniff";
import { XlsxWorkbook, type XlsxInput } from "./workbook";
import { excelJSFromXls, XLS_MESSAGES } from "./xls/workbook";

export type WorkbookFormat = "xlsx" | "xls";

/** The format of a workbook file, from its bytes. */
export function workbookFormat(bytes: Uint8Array): WorkbookFormat {
  return sniffXlsx(bytes) === SNIFF_MESSAGES.oldBinary ? "xls" : "xlsx";
}

/**
 * An OLE file read as .xls. Named otherwise (“.xlsx”) and not readable as an .xls (a WPS .et, a
 * Word file, a damaged file): today's message, that it is an old-format file to save as .xlsx.
 */
async function fromXls(bytes: Uint8Array, name: string): Promise<XlsxWorkbook> {
  try {
    return XlsxWorkbook.fromExcelJS(await excelJSFromXls(bytes));
  } catch (e) {
    const unknown =
      e instanceof WorkbookError && (e.message === XLS_MESSAGES.notXls || e.message === XLS_MESSAGES.damaged);
    if (unknown && name && !/\.xls$/i.test(name)) throw new WorkbookError("unreadable", SNIFF_MESSAGES.oldBinary);
    throw e;
  }
}

/**
 * Loads an .xlsx or .xls. Unreadable → WorkbookError("unreadable") with a Chinese message; `name`
 * (the file's name, when known) makes the sniffer's “只是扩展名为 .xlsx” say “.xls” for an .xls
 * that is really a web page, a CSV or an XML file (as budget systems often export).
 */
export async function openWorkbook(
  data: XlsxInput,
  name = ""
): Promise<{ workbook: XlsxWorkbook; format: WorkbookFormat }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (workbookFormat(bytes) === "xls") return { workbook: await fromXls(bytes, name), format: "xls" };
  try {
    return { workbook: await XlsxWorkbook.load(bytes), format: "xlsx" };
  } catch (e) {
    if (e instanceof WorkbookError && /\.xls$/i.test(name))
      throw new WorkbookError(e.code, e.message.replace("扩展名为 .xlsx", "扩展名为 .xls"));
    throw e;
  }
}

/**
 * The name (or path) of a file's marked copy: the same for an .xlsx; “原名-已校验.xlsx” for an .xls,
 * whose copy is an .xlsx (the name says the format changed, and never meets an “原名.xlsx” beside it).
 */
export function markedCopyName(name: string): string {
  return /\.xls$/i.test(name) ? `${name.slice(0, -4)}-已校验.xlsx` : name;
}

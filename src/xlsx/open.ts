/**
 * Opening a workbook file of either format people send: .xlsx (exceljs, workbook.ts) or .xls
 * (Excel 97–2003, read by xls/ into an exceljs workbook). The bytes decide, not the name: an OLE
 * file that is no encrypted .xlsx is taken for an .xls. Either way the result is an XlsxWorkbook,
 * and saving it writes .xlsx.
 */
import { sniffXlsx, SNIFF_MESSAGES } from "./sniff";
import { XlsxWorkbook, type XlsxInput } from "./workbook";
import { excelJSFromXls } from "./xls/workbook";

export type WorkbookFormat = "xlsx" | "xls";

/** The format of a workbook file, from its bytes. */
export function workbookFormat(bytes: Uint8Array): WorkbookFormat {
  return sniffXlsx(bytes) === SNIFF_MESSAGES.oldBinary ? "xls" : "xlsx";
}

/** Loads an .xlsx or .xls. Unreadable → WorkbookError("unreadable") with a Chinese message. */
export async function openWorkbook(data: XlsxInput): Promise<{ workbook: XlsxWorkbook; format: WorkbookFormat }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (workbookFormat(bytes) === "xls")
    return { workbook: XlsxWorkbook.fromExcelJS(await excelJSFromXls(bytes)), format: "xls" };
  return { workbook: await XlsxWorkbook.load(bytes), format: "xlsx" };
}

/** The name of the marked copy of an .xls: “原名-已校验.xlsx” (the format changes, so the name says so). */
export function markedCopyName(name: string, format: WorkbookFormat): string {
  return format === "xls" ? `${name.replace(/\.xls$/i, "")}-已校验.xlsx` : name;
}

/** Said in the report of an .xls whose marked copy was written. */
export const XLS_COPY_NOTE =
  "原文件是 .xls（Excel 97-2003）格式，标注副本另存为 .xlsx；副本保留单元格内容、数字格式、合并单元格和行高列宽，不保留字体、填充、边框和批注。";

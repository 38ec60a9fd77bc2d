/**
 * Opening a workbook file of either format people send as an exceljs workbook (the web page's
 * single-file view, the tests): .xlsx (workbook.ts) or .xls (read by xls/ into an exceljs
 * workbook). The bytes decide, not the name, and the messages are those of the checks
 * (check-file.ts). Either way the result is an XlsxWorkbook, and saving it writes .xlsx.
 */
import { workbookFormat, xlsRefusal, xlsxRefusal, type WorkbookFormat } from "./check-file";
import { XlsxWorkbook, type XlsxInput } from "./workbook";
import { excelJSFromXls } from "./xls/workbook";

/**
 * Loads an .xlsx or .xls. Unreadable → WorkbookError("unreadable") with a Chinese message; `name`
 * (the file's name, when known) makes the messages say “.xls” for a file so named.
 */
export async function openWorkbook(
  data: XlsxInput,
  name = ""
): Promise<{ workbook: XlsxWorkbook; format: WorkbookFormat }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    if (workbookFormat(bytes) === "xls")
      return { workbook: XlsxWorkbook.fromExcelJS(await excelJSFromXls(bytes)), format: "xls" };
  } catch (e) {
    throw xlsRefusal(e, name);
  }
  try {
    return { workbook: await XlsxWorkbook.load(bytes), format: "xlsx" };
  } catch (e) {
    throw xlsxRefusal(e, name);
  }
}

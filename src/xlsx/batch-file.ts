/**
 * One file of the web page's batch, from its bytes to what the page shows and downloads: open it
 * (.xlsx or .xls), check it with the settings it carries (as the command line does without
 * --config), and make its marked copy — the same marks and 校验报告 sheet as the command line's
 * --out, always as .xlsx. Nothing of the workbook is kept once this returns.
 */
import { checkGrids, type CheckResult } from "../core/check";
import { WorkbookError } from "../core/port";
import { checkedResult } from "../core/report/checked";
import { failedResult, findingJson, type FileResult } from "../core/report/result";
import { markedCopyName, openWorkbook, type WorkbookFormat } from "./open";
import { reportSheet } from "./report-sheet";
import type { XlsxWorkbook } from "./workbook";

export interface BatchFile {
  readonly index: number;
  /** The file's path in the batch (folder structure kept), as shown and as named in the zip. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface BatchFileOutcome {
  readonly result: FileResult;
  /** The marked copy (.xlsx), or null when the file could not be read. */
  readonly copy: Uint8Array | null;
}

/** The marked copy's bytes; a failure is the copy's write error (Chinese). */
async function markedCopy(
  wb: XlsxWorkbook,
  result: CheckResult,
  verdict: string,
  notes: boolean
): Promise<Uint8Array | string> {
  try {
    await wb.mark(result.findings, { notes });
    wb.addListSheet(reportSheet(result.findings.map(findingJson), verdict));
    return await wb.save();
  } catch (e) {
    return `无法生成标注副本：${e instanceof Error ? e.message : String(e)}`;
  }
}

export async function checkBatchFile(file: BatchFile): Promise<BatchFileOutcome> {
  let wb: XlsxWorkbook;
  let format: WorkbookFormat;
  try {
    ({ workbook: wb, format } = await openWorkbook(file.bytes, file.path));
  } catch (e) {
    const message =
      e instanceof WorkbookError
        ? e.message
        : `无法读取：工作簿已损坏（${e instanceof Error ? e.message : String(e)}）。`;
    return { result: failedResult(file.index, file.path, message), copy: null };
  }
  let result: CheckResult;
  let notes: boolean;
  try {
    const settings = await wb.loadSettings();
    notes = settings.notes;
    result = checkGrids(await wb.readSheets(), settings);
  } catch (e) {
    const message = `检查时出错：${e instanceof Error ? e.message : String(e)}（这是本工具的问题，请报告）。`;
    return { result: failedResult(file.index, file.path, message), copy: null };
  }
  const output = markedCopyName(file.path);
  const checked = checkedResult(
    { index: file.index, given: file.path },
    { result, fix: null, output, writeError: null },
    [],
    format
  );
  const copy = await markedCopy(wb, result, checked.verdict, notes);
  if (typeof copy === "string") return { result: { ...checked, output: null, writeError: copy }, copy: null };
  return { result: checked, copy };
}

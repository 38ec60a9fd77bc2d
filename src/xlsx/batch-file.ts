/**
 * One file of the web page's batch, from its bytes to what the page shows and downloads — the
 * command line's own steps (check-file.ts, src/core/report): open it for checking (.xlsx with the
 * package reader through JSZip, .xls with our reader: no exceljs), check it with the settings it
 * carries (as the command line does without --config) or the defaults, and, when asked, make its
 * marked copy (marked-copy.ts: exceljs; the same marks and 校验报告 sheet as --out, always .xlsx).
 * The page keeps only the file's report (no tables' contents). Nothing of the workbook is kept once
 * this returns.
 */
import { WorkbookError } from "../core/port";
import { checkedResult, type CopyOutcome } from "../core/report/checked";
import { failedResult, reportedFile, type ReportedFile } from "../core/report/result";
import { checkOpened, internalError, openForCheck, type OpenedFile } from "./check-file";
import { markedCopyName } from "./file-kinds";
import { markedCopy } from "./marked-copy";

export interface BatchFile {
  readonly index: number;
  /** The file's path in the batch (folder structure kept), as shown and as named in the zip. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface BatchOptions {
  /** Make the marked copy too (for the zip). */
  readonly copy: boolean;
  /** Use the settings the workbook carries (false: the defaults only). */
  readonly workbookSettings: boolean;
  /** Ends the workbook-settings notice: how to check without them on the page (Chinese). */
  readonly noticeHint: string;
}

export interface BatchFileOutcome {
  readonly result: ReportedFile;
  /** The marked copy (.xlsx), or null when not asked for or not made (result.writeError says why). */
  readonly copy: Uint8Array | null;
}

function failed(file: BatchFile, e: unknown): BatchFileOutcome {
  const message = e instanceof WorkbookError ? e.message : internalError(e);
  return { result: reportedFile(failedResult(file.index, file.path, message)), copy: null };
}

export async function checkBatchFile(file: BatchFile, options: BatchOptions): Promise<BatchFileOutcome> {
  let opened: OpenedFile;
  try {
    opened = await openForCheck(file.bytes, file.path);
  } catch (e) {
    return failed(file, e);
  }
  try {
    const checked = checkOpened(opened, { settings: null, ...options });
    const { result, grids, describe, warnings } = checked;
    let copy: CopyOutcome = { result, grids, fix: null, output: null, writeError: null };
    let bytes: Uint8Array | null = null;
    if (options.copy) {
      const made = await markedCopy(opened, checked, false);
      bytes = made.bytes;
      copy = {
        ...copy,
        output: bytes ? markedCopyName(file.path) : null,
        writeError: made.problem ? `无法生成标注副本：${made.problem}` : null,
      };
    }
    const task = { index: file.index, given: file.path };
    return {
      result: reportedFile(checkedResult(task, opened.read.sheets, copy, describe, warnings, opened.format)),
      copy: bytes,
    };
  } catch (e) {
    return failed(file, e);
  }
}

/**
 * Checks one file: read → open for checking (src/xlsx/check-file.ts: an .xlsx straight from the
 * package with Node's zlib, no exceljs, sheet by sheet and bounded; an .xls with our own reader) →
 * check → (--out: the marked copy through exceljs, copy.ts) → the file's result (src/core/report).
 * Runs in a worker thread or in the main thread; nothing of the workbook is kept once the result is
 * returned. A sheet that cannot be read, or a rule that fails, leaves the file "校验未完成" (exit
 * code 2): nothing that was not checked passes.
 */
import { readFileSync } from "node:fs";
import { WorkbookError } from "../core/port";
import { checkedResult, type CopyOutcome } from "../core/report/checked";
import type { AddinSettings } from "../core/settings";
import { checkOpened, internalError, openForCheck, type OpenedFile } from "../xlsx/check-file";
import { workbookReadError } from "./files";
import { NODE_UNZIP } from "./unzip";
import { failedResult, type FileResult } from "./result";

export interface FileTask {
  readonly index: number;
  readonly given: string;
  readonly abs: string;
  /** Why the file is not checked (found at listing time), or null. */
  readonly problem: string | null;
  /** Where to write the marked copy (--out), or null. */
  readonly output: string | null;
  /** --out was given but no output path could be chosen for this file (Chinese), or null. */
  readonly outputProblem: string | null;
}

export interface RunOptions {
  /** Settings from --config; null: each workbook's own (or the defaults, see workbookSettings). */
  readonly settings: AddinSettings | null;
  readonly fix: boolean;
  /** Without --config: use the settings the workbook carries (false: --ignore-workbook-settings). */
  readonly workbookSettings: boolean;
}

/** Appended to the workbook-settings notice on the command line. */
const NOTICE_HINT = "用 --ignore-workbook-settings 按默认设置检查。";

/** The file opened for checking, or why it cannot be read (Chinese). */
async function openFile(file: string): Promise<OpenedFile | string> {
  let bytes: Uint8Array;
  try {
    // one file at a time per thread: a plain read is the quickest (no round trips through the thread pool)
    const b = readFileSync(file);
    bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    return workbookReadError(e);
  }
  try {
    return await openForCheck(bytes, file, NODE_UNZIP);
  } catch (e) {
    if (e instanceof WorkbookError) return e.message;
    return internalError(e);
  }
}

export async function processFile(task: FileTask, options: RunOptions): Promise<FileResult> {
  if (task.problem) return failedResult(task.index, task.given, task.problem);
  const opened = await openFile(task.abs);
  if (typeof opened === "string") return failedResult(task.index, task.given, opened);
  try {
    const checked = checkOpened(opened, {
      settings: options.settings,
      workbookSettings: options.workbookSettings,
      noticeHint: NOTICE_HINT,
    });
    const { result, grids, describe, warnings } = checked;
    let copy: CopyOutcome = { result, grids, fix: null, output: null, writeError: task.outputProblem };
    if (task.output && !task.outputProblem)
      copy = await (await import("./copy")).writeCopy(opened, checked, task.output, options.fix);
    return checkedResult(task, opened.read.sheets, copy, describe, warnings, opened.format);
  } catch (e) {
    return failedResult(task.index, task.given, internalError(e));
  }
}

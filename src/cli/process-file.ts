/**
 * Checks one file: read → read the sheets from the package (src/xlsx/package-read.ts: no exceljs,
 * sheet by sheet, bounded) → check → (--out: the marked copy through exceljs, copy.ts). Runs in a
 * worker thread or in the main thread; nothing of the workbook is kept once the result is returned.
 * A sheet that cannot be read, or a rule that fails, leaves the file "校验未完成" (exit code 2):
 * nothing that was not checked passes.
 */
import { readFileSync } from "node:fs";
import { checkGrids, verdictOf, type CheckResult } from "../core/check";
import { WorkbookError } from "../core/port";
import { settingsEffects, workbookSettingsNotice } from "../core/rules/workbook-settings";
import { DEFAULT_SETTINGS, type AddinSettings } from "../core/settings";
import { settingsFromXml } from "../core/settings-xml";
import { templatesFor } from "../core/templates/registry";
import { parseUserTemplates } from "../core/templates/user";
import { readWorkbook, type WorkbookRead } from "../xlsx/package-read";
import type { Copy, Describe } from "./copy";
import { workbookReadError } from "./files";
import { NODE_UNZIP } from "./unzip";
import { countsOf, failedResult, findingJson, tableJson, type FileResult } from "./result";

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

/** Problems of the user templates in the settings (the check leaves invalid ones out), as warnings. */
function templateWarnings(settings: AddinSettings, warnings: string[]): void {
  if (!settings.userTemplates.length) return;
  for (const p of parseUserTemplates(JSON.stringify(settings.userTemplates)).problems)
    warnings.push(`自定义模板：${p}`);
}

/** The sheets read from the file, or why it cannot be read (Chinese). */
async function openWorkbook(file: string): Promise<{ bytes: Uint8Array; read: WorkbookRead } | string> {
  let bytes: Uint8Array;
  try {
    // one file at a time per thread: a plain read is the quickest (no round trips through the thread pool)
    const b = readFileSync(file);
    bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    return workbookReadError(e);
  }
  try {
    return { bytes, read: await readWorkbook(bytes, NODE_UNZIP) };
  } catch (e) {
    if (e instanceof WorkbookError) return e.message;
    return internalError(e);
  }
}

function internalError(e: unknown): string {
  return `检查时出错：${e instanceof Error ? e.message : String(e)}（这是本工具的问题，请报告）。`;
}

/** The workbook's own settings, when they are to be used and it has them (their problems are warnings). */
function ownSettings(read: WorkbookRead, options: RunOptions, warnings: string[]): AddinSettings | null {
  if (options.settings || !options.workbookSettings) return null;
  if (read.settingsProblem) warnings.push(read.settingsProblem);
  if (!read.settingsXml) return null;
  const { settings, problems } = settingsFromXml(read.settingsXml);
  for (const p of problems) warnings.push(`工作簿中保存的设置：${p}`);
  return settings;
}

/** What the file's result says besides the check: sheets not read, rules that failed. */
function incompleteOf(read: WorkbookRead, result: CheckResult): string[] {
  const sheets = read.sheets.filter((s) => s.problem).map((s) => `工作表“${s.name}”无法读取，未检查：${s.problem}`);
  const rules = result.ruleFailures.map((f) => `检查未完成：${f.message}`);
  return [...sheets, ...rules];
}

/** The verdict: errors first; then anything not checked; then whether a table was found. */
function verdict(result: CheckResult, errors: number, unread: boolean): string {
  if (errors > 0) return "需修改后再提交";
  if (unread) return "校验未完成（有工作表无法读取）";
  if (result.ruleFailures.length) return verdictOf(0, result.ruleFailures.length);
  return result.parse.tables.length ? verdictOf(0) : "未识别到绩效目标表";
}

function checkedResult(
  task: FileTask,
  read: WorkbookRead,
  copy: Copy,
  describe: Describe,
  warnings: string[]
): FileResult {
  const { result } = copy;
  const described = describe(result, copy.grids);
  const findings = described.findings.map(findingJson);
  const found = result.parse.tables.length > 0;
  return {
    index: task.index,
    file: task.given,
    readError: null,
    writeError: copy.writeError,
    incomplete: incompleteOf(read, result),
    sheets: read.sheets.filter((s) => s.grid).map((s) => s.name),
    tables: result.parse.tables.map(tableJson),
    findings,
    counts: countsOf(findings),
    verdict: described.verdict,
    // with tables found, a sheet without one (a sheet of notes beside the tables) is no news
    problems: result.problems
      .filter((p) => !found || p.scope !== "sheet")
      .map((p) => `工作表“${p.sheet}”${p.cell ? ` ${p.cell}` : ""}：${p.message}`),
    warnings,
    fix: copy.fix,
    output: copy.output,
  };
}

/** The findings (the notice on the workbook's own settings first, when they hide any) and the verdict of a check. */
function describer(read: WorkbookRead, own: AddinSettings | null): Describe {
  const unread = read.sheets.some((s) => s.problem);
  return (result, grids) => {
    const notice = own ? workbookSettingsNotice(settingsEffects(result, own, grids, templatesFor(own.userTemplates)), NOTICE_HINT) : null;
    const findings = notice ? [notice, ...result.findings] : [...result.findings];
    return { findings, verdict: verdict(result, countsOf(findings).error, unread) };
  };
}

export async function processFile(task: FileTask, options: RunOptions): Promise<FileResult> {
  if (task.problem) return failedResult(task.index, task.given, task.problem);
  const opened = await openWorkbook(task.abs);
  if (typeof opened === "string") return failedResult(task.index, task.given, opened);
  const { bytes, read } = opened;
  const warnings: string[] = [];
  try {
    const own = ownSettings(read, options, warnings);
    const settings = options.settings ?? own ?? DEFAULT_SETTINGS;
    templateWarnings(settings, warnings);
    const grids = read.sheets.flatMap((s) => (s.grid ? [s.grid] : []));
    const result = checkGrids(grids, settings);
    const describe = describer(read, own);
    let copy: Copy = { result, grids, fix: null, output: null, writeError: task.outputProblem };
    if (task.output && !task.outputProblem)
      copy = await (
        await import("./copy")
      ).writeCopy(bytes, read, result, settings, task.output, options.fix, warnings, describe);
    return checkedResult(task, read, copy, describe, warnings);
  } catch (e) {
    return failedResult(task.index, task.given, internalError(e));
  }
}

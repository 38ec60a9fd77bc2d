/**
 * Checks one file: read → (look at the bytes) → load with the xlsx adapter (.xlsx, or .xls through
 * src/xlsx/xls/) → check → (fix) →
 * (mark, add the 校验报告 sheet, save atomically). Runs in a worker thread or in the main thread;
 * nothing of the workbook is kept once the result is returned.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { checkGrids, type CheckResult } from "../core/check";
import { checkedResult, type CopyOutcome } from "../core/report/checked";
import { WorkbookError } from "../core/port";
import type { AddinSettings } from "../core/settings";
import { parseUserTemplates } from "../core/templates/user";
import { reportSheet } from "../xlsx/report-sheet";
import { openWorkbook, type WorkbookFormat } from "../xlsx/open";
import type { XlsxWorkbook } from "../xlsx/workbook";
import { workbookReadError, writeFailureReason, writeFileAtomic } from "./files";
import { countsOf, failedResult, findingJson, type FileResult, type FixReport, type SkippedFix } from "./result";

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
  /** Settings from --config; null: each workbook's own. */
  readonly settings: AddinSettings | null;
  readonly fix: boolean;
}

/** Problems of the user templates in the settings (the check leaves invalid ones out), as warnings. */
function templateWarnings(settings: AddinSettings, warnings: string[]): void {
  if (!settings.userTemplates.length) return;
  for (const p of parseUserTemplates(JSON.stringify(settings.userTemplates)).problems)
    warnings.push(`自定义模板：${p}`);
}

/** Applies the safe quick fixes (safe, no inputs) one plan at a time; re-checks after each round. */
async function applySafeFixes(
  wb: XlsxWorkbook,
  first: CheckResult,
  settings: AddinSettings
): Promise<{ result: CheckResult; report: FixReport }> {
  let result = first;
  let fixed = 0;
  let skipped: SkippedFix[] = [];
  const done = new Set<string>();
  for (let round = 0; round < 5; round++) {
    const todo = result.findings.filter(
      (f) => f.fix && f.fix.safe && f.fix.inputs.length === 0 && !done.has(JSON.stringify(f.fix.plan.steps))
    );
    if (todo.length === 0) break;
    skipped = [];
    let progress = 0;
    for (const f of todo) {
      const plan = f.fix!.plan;
      const key = JSON.stringify(plan.steps);
      if (done.has(key)) continue;
      try {
        await wb.apply(plan);
        done.add(key);
        fixed++;
        progress++;
      } catch (e) {
        skipped.push({
          sheet: f.sheet,
          cell: f.cell,
          rule: f.rule,
          reason: e instanceof Error ? e.message : String(e),
        });
      }
    }
    result = checkGrids(await wb.readSheets(), settings);
    if (progress === 0) break;
  }
  return { result, report: { fixed, before: countsOf(first.findings), skipped } };
}

/** The workbook, or why it cannot be read (Chinese). */
async function openFile(file: string): Promise<{ workbook: XlsxWorkbook; format: WorkbookFormat } | string> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    return workbookReadError(e);
  }
  try {
    return await openWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  } catch (e) {
    if (e instanceof WorkbookError) return e.message;
    return `无法读取：工作簿已损坏（${e instanceof Error ? e.message : String(e)}）。`;
  }
}

/** --out: (--fix), mark, add the 校验报告 sheet, save atomically. */
async function writeCopy(
  wb: XlsxWorkbook,
  checked: CheckResult,
  settings: AddinSettings,
  output: string,
  fixing: boolean,
  warnings: string[]
): Promise<CopyOutcome> {
  let result = checked;
  let fix: FixReport | null = null;
  try {
    if (fixing) ({ result, report: fix } = await applySafeFixes(wb, result, settings));
  } catch (e) {
    warnings.push(`快速修复时出错，副本未修复：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    await wb.mark(result.findings, { notes: settings.notes });
    wb.addListSheet(reportSheet(result.findings.map(findingJson), result.summary.verdict));
    const bytes = await wb.save();
    await fs.mkdir(path.dirname(output), { recursive: true });
    await writeFileAtomic(output, bytes);
    return { result, fix, output, writeError: null };
  } catch (e) {
    return { result, fix, output: null, writeError: `无法写入标注副本“${output}”：${writeFailureReason(e)}。` };
  }
}

export async function processFile(task: FileTask, options: RunOptions): Promise<FileResult> {
  if (task.problem) return failedResult(task.index, task.given, task.problem);
  const opened = await openFile(task.abs);
  if (typeof opened === "string") return failedResult(task.index, task.given, opened);
  const { workbook: wb, format } = opened;
  const warnings: string[] = [];
  let result: CheckResult;
  let settings: AddinSettings;
  try {
    settings = options.settings ?? (await wb.loadSettings());
    templateWarnings(settings, warnings);
    result = checkGrids(await wb.readSheets(), settings);
  } catch (e) {
    return failedResult(
      task.index,
      task.given,
      `检查时出错：${e instanceof Error ? e.message : String(e)}（这是本工具的问题，请报告）。`
    );
  }
  const copy: CopyOutcome =
    task.output && !task.outputProblem
      ? await writeCopy(wb, result, settings, task.output, options.fix, warnings)
      : { result, fix: null, output: null, writeError: task.outputProblem };
  return checkedResult(task, copy, warnings, format);
}

/**
 * Checks one file: read → (look at the bytes) → load with the xlsx adapter → check → (fix) →
 * (mark, add the 校验报告 sheet, save atomically). Runs in a worker thread or in the main thread;
 * nothing of the workbook is kept once the result is returned.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { checkGrids, verdictOf, type CheckResult } from "../core/check";
import { WorkbookError } from "../core/port";
import type { AddinSettings } from "../core/settings";
import { parseUserTemplates } from "../core/templates/library";
import { setUserTemplates } from "../core/templates/registry";
import { writeFileAtomic } from "../xlsx/node";
import { XlsxWorkbook } from "../xlsx/workbook";
import { addInternalLinks, addReportSheet } from "./report-sheet";
import {
  countsOf,
  failedResult,
  findingJson,
  tableJson,
  type FileResult,
  type FixReport,
  type SkippedFix,
} from "./result";
import { preflight } from "./sniff";
import { writeFailureReason } from "./write-error";

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

function readErrorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "文件不存在：可能在检查过程中被移动、改名或删除。";
  if (code === "EACCES" || code === "EPERM") return "无法读取：没有读取该文件的权限。";
  if (code === "EISDIR") return "无法读取：这是一个文件夹。";
  if (code === "EBUSY") return "无法读取：文件正被其他程序占用，请关闭后再试。";
  if (e instanceof RangeError || code === "ERR_FS_FILE_TOO_LARGE") return "无法读取：文件太大。";
  return `无法读取：${(e as Error).message}`;
}

function writeErrorMessage(file: string, e: unknown): string {
  return `无法写入标注副本“${file}”：${writeFailureReason(e)}。`;
}

let installedTemplates: string | null = null;

/** The user templates of the settings in force, validated (invalid ones are reported and left out). */
function useTemplates(settings: AddinSettings, warnings: string[]): void {
  const key = settings.userTemplates.length ? JSON.stringify(settings.userTemplates) : "";
  if (key === installedTemplates) return;
  installedTemplates = key;
  if (!key) {
    setUserTemplates([]);
    return;
  }
  const parsed = parseUserTemplates(key);
  for (const p of parsed.problems) warnings.push(`自定义模板：${p}`);
  setUserTemplates(parsed.templates);
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

export async function processFile(task: FileTask, options: RunOptions): Promise<FileResult> {
  if (task.problem) return failedResult(task.index, task.given, task.problem);
  let wb: XlsxWorkbook;
  {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(task.abs);
    } catch (e) {
      return failedResult(task.index, task.given, readErrorMessage(e));
    }
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const refused = preflight(view);
    if (refused) return failedResult(task.index, task.given, refused);
    try {
      wb = await XlsxWorkbook.load(view);
    } catch (e) {
      const message =
        e instanceof WorkbookError
          ? e.message
          : `无法读取：工作簿已损坏（${e instanceof Error ? e.message : String(e)}）。`;
      return failedResult(task.index, task.given, message);
    }
  }
  const warnings: string[] = [];
  let result: CheckResult;
  let settings: AddinSettings;
  try {
    settings = options.settings ?? (await wb.loadSettings());
    useTemplates(settings, warnings);
    result = checkGrids(await wb.readSheets(), settings);
  } catch (e) {
    return failedResult(
      task.index,
      task.given,
      `检查时出错：${e instanceof Error ? e.message : String(e)}（这是本工具的问题，请报告）。`
    );
  }
  let fix: FixReport | null = null;
  let output: string | null = null;
  let writeError: string | null = task.outputProblem;
  if (task.output && !writeError) {
    try {
      if (options.fix) {
        const fixedRun = await applySafeFixes(wb, result, settings);
        result = fixedRun.result;
        fix = fixedRun.report;
      }
    } catch (e) {
      warnings.push(`快速修复时出错，副本未修复：${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      await wb.mark(result.findings, { notes: settings.notes });
      const findings = result.findings.map(findingJson);
      const report = addReportSheet(wb.workbook, findings, result.summary.verdict);
      const bytes = await addInternalLinks(await wb.save(), report.sheet, report.links);
      await fs.mkdir(path.dirname(task.output), { recursive: true });
      await writeFileAtomic(task.output, bytes);
      output = task.output;
    } catch (e) {
      writeError = writeErrorMessage(task.output, e);
    }
  }
  const findings = result.findings.map(findingJson);
  const counts = countsOf(findings);
  // with tables found, a sheet without one (a sheet of notes beside the tables) is no news
  const problems = result.problems
    .filter((p) => result.parse.tables.length === 0 || p.scope !== "sheet")
    .map((p) => `工作表“${p.sheet}”${p.cell ? ` ${p.cell}` : ""}：${p.message}`);
  return {
    index: task.index,
    file: task.given,
    readError: null,
    writeError,
    tables: result.parse.tables.map(tableJson),
    findings,
    counts,
    verdict: result.parse.tables.length === 0 ? "未识别到绩效目标表" : verdictOf(counts.error),
    problems,
    warnings,
    fix,
    output,
  };
}

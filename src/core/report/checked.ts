/**
 * A checked workbook's result, as the command line and the web page's batch both report it: the
 * findings (the notice on the workbook's own settings first, when they hide any), the --json
 * shapes, the counts, the verdict, what was not checked (sheets that could not be read, rules that
 * failed: the file never passes then), and what could not be understood.
 */
import { verdictOf, type CheckResult } from "../check";
import type { Finding } from "../finding";
import type { SheetGrid } from "../grid";
import { settingsEffects, workbookSettingsNotice } from "../rules/workbook-settings";
import { problemText } from "../parse/problems";
import type { AddinSettings } from "../settings";
import { templatesFor } from "../templates/registry";
import { countsOf, findingJson, tableJson, type FileResult, type FixReport } from "./result";

/** A sheet of the workbook as read: checked, or why it could not be read (Chinese). */
export interface SheetStatus {
  readonly name: string;
  readonly problem: string | null;
}

/** What the file's result says of a check: its findings (the workbook-settings notice first) and verdict. */
export type Describe = (result: CheckResult, grids: readonly SheetGrid[]) => { findings: Finding[]; verdict: string };

/** What became of the marked copy, and the check it carries. */
export interface CopyOutcome {
  /** The findings left (after fixing, those of the copy). */
  readonly result: CheckResult;
  /** The grids `result` was made from. */
  readonly grids: readonly SheetGrid[];
  readonly fix: FixReport | null;
  readonly output: string | null;
  readonly writeError: string | null;
}

/** The verdict: errors first; then anything not checked; then whether a table was found. */
function verdict(result: CheckResult, errors: number, unread: boolean): string {
  if (errors > 0) return "需修改后再提交";
  if (unread) return "校验未完成（有工作表无法读取）";
  if (result.ruleFailures.length) return verdictOf(0, result.ruleFailures.length);
  return result.parse.tables.length ? verdictOf(0) : "未识别到绩效目标表";
}

/**
 * The describer of a workbook's checks: `own` — the workbook's own settings when it was checked
 * under them (their notice is added when they hide findings, `hint` says how to check without).
 */
export function describer(sheets: readonly SheetStatus[], own: AddinSettings | null, hint: string): Describe {
  const unread = sheets.some((s) => s.problem);
  return (result, grids) => {
    const notice = own
      ? workbookSettingsNotice(settingsEffects(result, own, grids, templatesFor(own.userTemplates)), hint)
      : null;
    const findings = notice ? [notice, ...result.findings] : [...result.findings];
    return { findings, verdict: verdict(result, countsOf(findings).error, unread) };
  };
}

/** What the file's result says besides the check: sheets not read, rules that failed. */
function incompleteOf(sheets: readonly SheetStatus[], result: CheckResult): string[] {
  const unread = sheets.filter((s) => s.problem).map((s) => `工作表“${s.name}”无法读取，未检查：${s.problem}`);
  const rules = result.ruleFailures.map((f) => `检查未完成：${f.message}`);
  return [...unread, ...rules];
}

export function checkedResult(
  task: { readonly index: number; readonly given: string },
  sheets: readonly SheetStatus[],
  copy: CopyOutcome,
  describe: Describe,
  warnings: string[],
  format: FileResult["format"]
): FileResult {
  const { result } = copy;
  const described = describe(result, copy.grids);
  const findings = described.findings.map(findingJson);
  const tables = result.parse.tables.map(tableJson);
  const found = tables.length > 0;
  return {
    index: task.index,
    file: task.given,
    readError: null,
    writeError: copy.writeError,
    incomplete: incompleteOf(sheets, result),
    sheets: sheets.filter((s) => !s.problem).map((s) => s.name),
    tables,
    tableCount: tables.length,
    indicatorCount: tables.reduce((n, t) => n + t.indicators.length, 0),
    findings,
    counts: countsOf(findings),
    verdict: described.verdict,
    // with tables found, a sheet without one (a sheet of notes beside the tables) is no news
    problems: result.problems.filter((p) => !found || p.scope !== "sheet").map(problemText),
    warnings,
    fix: copy.fix,
    output: copy.output,
    format,
  };
}

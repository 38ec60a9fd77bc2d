/**
 * What checking one file gives: the command line's --json contract (tables, findings) plus what the
 * text and HTML reports need (counts, verdict, what was not checked, fixes, output). Plain data: it
 * crosses from the command line's worker threads and from the web page's batch worker, which both
 * make it (src/xlsx/check-file.ts). The page keeps only a file's report (ReportedFile: no tables'
 * indicators), which is all the reports show.
 *
 * The JSON contract (README “命令行”): exactly these keys, in this order —
 *   {"files":[{"file","error","tables":[{"sheet","kind","title","range","indicators":[{"row","level1","level2","name","value","explanation"}]}],
 *              "findings":[{"rule","severity","sheet","cell","message","indicator"}]}]}
 */
import type { Finding, Severity } from "../finding";
import type { TableKind, TargetTable } from "../model";

interface JsonIndicator {
  readonly row: number;
  /** 一级 as written in the sheet (trimmed); "" when the row has none. */
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  /** The 指标值 cell's text, trimmed ("" when blank). */
  readonly value: string;
  /** The 指标解释 cell's text, trimmed ("" when blank); null only when the table has no explanation column. */
  readonly explanation: string | null;
}

export interface JsonTable {
  readonly sheet: string;
  readonly kind: TableKind;
  /** The table's title; null when it has none. */
  readonly title: string | null;
  readonly range: string;
  readonly indicators: JsonIndicator[];
}

export interface JsonFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
  /** The 三级 name (or header field) the finding is about; null for table-level findings. */
  readonly indicator: string | null;
}

export interface JsonFile {
  readonly file: string;
  readonly error: string | null;
  readonly tables: JsonTable[];
  readonly findings: JsonFinding[];
}

export type Counts = Record<Severity, number>;

export { countsOf } from "../finding";

export interface SkippedFix {
  readonly sheet: string;
  readonly cell: string;
  readonly rule: string;
  readonly reason: string;
}

export interface FixReport {
  /** Plans applied. */
  readonly fixed: number;
  /** Counts before fixing (the input as given). */
  readonly before: Counts;
  readonly skipped: SkippedFix[];
}

/** A file as the reports show it (text, HTML, the web page's batch): its result without the tables' contents. */
export interface ReportedFile {
  readonly index: number;
  /** The path as given. */
  readonly file: string;
  /** The file could not be read or checked (Chinese). */
  readonly readError: string | null;
  /** The marked copy could not be written (Chinese). */
  readonly writeError: string | null;
  /**
   * What was not checked although the file was read (Chinese, one sentence each): sheets that could
   * not be read, rules that failed. The file never passes while this is not empty.
   */
  readonly incomplete: string[];
  /** Tables found, and their indicators. */
  readonly tableCount: number;
  readonly indicatorCount: number;
  readonly findings: JsonFinding[];
  readonly counts: Counts;
  readonly verdict: string;
  /** Sheets the parser could not understand (shown when no table was found). */
  readonly problems: string[];
  readonly fix: FixReport | null;
  /** The marked copy written. */
  readonly output: string | null;
  /** The file's format: the marked copy of an .xls is an .xlsx (the reports say so). */
  readonly format: "xlsx" | "xls";
}

export interface FileResult extends ReportedFile {
  /** The sheets read and checked (names, in workbook order). */
  readonly sheets: string[];
  readonly tables: JsonTable[];
  /** Things to tell the user on stderr: settings problems of the workbook, and the like. */
  readonly warnings: string[];
}

/** The file as the reports show it (what the web page keeps of each file). */
export function reportedFile(r: FileResult): ReportedFile {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
  const { sheets, tables, warnings, ...reported } = r;
  return reported;
}

export function tableJson(t: TargetTable): JsonTable {
  return {
    sheet: t.sheet,
    kind: t.kind,
    title: t.title,
    range: t.range,
    indicators: t.indicatorBlock.indicators.map((i) => ({
      row: i.row,
      level1: i.level1.text,
      level2: i.level2.text,
      name: i.name,
      value: i.value.raw,
      explanation: i.explanation,
    })),
  };
}

export function findingJson(f: Finding): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    message: f.message,
    indicator: f.indicator,
  };
}

/** The file's `error`: why it could not be read, or what was not checked and the copy not written; null when none. */
function errorOf(r: FileResult): string | null {
  if (r.readError) return r.readError;
  const parts = [...r.incomplete, ...(r.writeError ? [r.writeError] : [])];
  return parts.length ? parts.join(" ") : null;
}

/** The file's entry of the --json document (the contract's keys, in order). */
export function fileJson(r: FileResult): JsonFile {
  return {
    file: r.file,
    error: errorOf(r),
    tables: r.readError ? [] : r.tables,
    findings: r.readError ? [] : r.findings,
  };
}

export function failedResult(index: number, file: string, message: string): FileResult {
  return {
    index,
    file,
    readError: message,
    writeError: null,
    incomplete: [],
    sheets: [],
    tables: [],
    tableCount: 0,
    indicatorCount: 0,
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    verdict: "无法读取",
    problems: [],
    warnings: [],
    fix: null,
    output: null,
    format: "xlsx",
  };
}

/**
 * How a file came out, for the totals and the reports' colours: not read; errors found; read but
 * not all checked (a sheet unread, a rule failed: never a pass); no table found; or a pass.
 */
export type Outcome = "unreadable" | "failed" | "incomplete" | "unrecognised" | "passed";

export function outcomeOf(r: ReportedFile): Outcome {
  if (r.readError) return "unreadable";
  if (r.counts.error > 0) return "failed";
  if (r.incomplete.length > 0) return "incomplete";
  return r.tableCount === 0 ? "unrecognised" : "passed";
}

/** The batch so far: files by outcome, findings by severity, fixes. */
export interface Totals {
  files: number;
  passed: number;
  failed: number;
  unrecognised: number;
  /** Read, but a sheet could not be read or a rule failed. */
  incomplete: number;
  unreadable: number;
  writeFailed: number;
  counts: Counts;
  fixed: number;
}

export function newTotals(): Totals {
  return {
    files: 0,
    passed: 0,
    failed: 0,
    unrecognised: 0,
    incomplete: 0,
    unreadable: 0,
    writeFailed: 0,
    counts: { error: 0, warning: 0, info: 0 },
    fixed: 0,
  };
}

export function addToTotals(t: Totals, r: ReportedFile): void {
  t.files++;
  t[outcomeOf(r)]++;
  if (r.writeError) t.writeFailed++;
  t.counts.error += r.counts.error;
  t.counts.warning += r.counts.warning;
  t.counts.info += r.counts.info;
  t.fixed += r.fix?.fixed ?? 0;
}

/** The totals in one Chinese sentence (files by outcome), as the text report, the HTML report and the page say it. */
export function totalsParts(t: Totals): string[] {
  const parts = [`可以提交 ${t.passed} 个`, `需修改后再提交 ${t.failed} 个`];
  if (t.unrecognised) parts.push(`未识别到绩效目标表 ${t.unrecognised} 个`);
  if (t.incomplete) parts.push(`校验未完成 ${t.incomplete} 个`);
  if (t.unreadable) parts.push(`无法读取 ${t.unreadable} 个`);
  return parts;
}

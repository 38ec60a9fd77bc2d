/**
 * What checking one file gives: the --json contract (tables, findings) plus what the text and HTML
 * reports need (counts, verdict, fixes, output). Plain data: it crosses from the worker threads.
 *
 * The JSON contract (README “命令行”): exactly these keys, in this order —
 *   {"files":[{"file","error","tables":[{"sheet","kind","title","range","indicators":[{"row","level1","level2","name","value","explanation"}]}],
 *              "findings":[{"rule","severity","sheet","cell","message","indicator"}]}]}
 */
import type { Finding, Severity } from "../core/finding";
import type { TableKind, TargetTable } from "../core/model";

/**
 * Exit codes: no error-severity findings; some; a file (or a sheet of it) could not be read or
 * checked, or a result could not be written, or a usage error.
 */
export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;

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

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

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

export interface FileResult {
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
  /** The sheets read and checked (names, in workbook order). */
  readonly sheets: string[];
  readonly tables: JsonTable[];
  readonly findings: JsonFinding[];
  readonly counts: Counts;
  readonly verdict: string;
  /** Sheets the parser could not understand (shown when no table was found). */
  readonly problems: string[];
  /** Things to tell the user on stderr: settings problems of the workbook, and the like. */
  readonly warnings: string[];
  readonly fix: FixReport | null;
  /** The marked copy written. */
  readonly output: string | null;
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

export function countsOf(findings: readonly { severity: Severity }[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
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

/** The file's own exit code: 2 when anything was not read, checked or written; else 1 with errors; else 0. */
export function exitCodeOf(r: FileResult): number {
  if (r.readError || r.writeError || r.incomplete.length) return EXIT.trouble;
  return r.counts.error > 0 ? EXIT.findings : EXIT.ok;
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
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    verdict: "无法读取",
    problems: [],
    warnings: [],
    fix: null,
    output: null,
  };
}

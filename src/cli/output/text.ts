/** The human report on the terminal: a verdict line per file, its findings, a total. In Chinese. */
import { SEVERITY_LABEL, type Severity } from "../../core/finding";
import type { Counts, FileResult } from "../result";

export interface Paint {
  readonly on: boolean;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

/** Colours on a terminal; never when NO_COLOR is set; FORCE_COLOR forces them (as most tools do). */
export function colourFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}

export function paint(on: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (on ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    on,
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    green: wrap(32, 39),
    bold: wrap(1, 22),
    dim: wrap(2, 22),
  };
}

/** Characters a terminal would act on (line breaks, escape sequences, bells, direction overrides). */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for the terminal: control characters shown escaped ("\n", "\u001B"), never acted on. */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  });
}

function severityPaint(p: Paint, s: Severity): (t: string) => string {
  return s === "error" ? p.red : s === "warning" ? p.yellow : p.cyan;
}

function countsText(c: Counts, p: Paint = paint(false)): string {
  const part = (s: Severity) => {
    const t = `${SEVERITY_LABEL[s]} ${c[s]}`;
    return c[s] > 0 ? severityPaint(p, s)(t) : t;
  };
  return `${part("error")} · ${part("warning")} · ${part("info")}`;
}

/** The block of one file that was read: verdict line, fixes, output, findings. */
export function fileText(r: FileResult, p: Paint): string {
  const lines: string[] = [];
  const incomplete = r.incomplete.length > 0;
  const ok = r.counts.error === 0 && r.tables.length > 0 && !incomplete;
  const unknown = r.tables.length === 0 && !incomplete && r.counts.error === 0;
  const mark = ok ? p.green("✔") : unknown ? p.yellow("？") : p.red("✘");
  const verdict = ok ? p.green(r.verdict) : unknown ? p.yellow(r.verdict) : p.red(r.verdict);
  const size = r.tables.length
    ? p.dim(`（${r.tables.length} 张表，${r.tables.reduce((n, t) => n + t.indicators.length, 0)} 个指标）`)
    : "";
  lines.push(`${mark} ${p.bold(visible(r.file))}  ${verdict}  ${countsText(r.counts, p)}${size}`);
  for (const problem of r.problems) lines.push(`  ${p.dim(visible(problem))}`);
  if (r.fix) {
    const skipped = r.fix.skipped.length ? `，${r.fix.skipped.length} 处未能修复` : "";
    lines.push(
      `  已在副本中修复 ${r.fix.fixed} 处${skipped}（修复前：${countsText(r.fix.before)}；以下是修复后仍有的问题）`
    );
  }
  if (r.output) lines.push(`  标注副本：${visible(r.output)}`);
  for (const f of r.findings) {
    const sp = severityPaint(p, f.severity);
    const where = f.sheet ? `${f.sheet}!${f.cell}` : "（整个工作簿）";
    lines.push(
      `  ${sp(SEVERITY_LABEL[f.severity])}  ${visible(where)}  ${p.dim(`[${f.rule}]`)}  ${visible(f.message)}`
    );
  }
  return lines.join("\n") + "\n";
}

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

export function addToTotals(t: Totals, r: FileResult): void {
  t.files++;
  if (r.readError) t.unreadable++;
  else if (r.counts.error > 0) t.failed++;
  else if (r.incomplete.length > 0) t.incomplete++;
  else if (r.tables.length === 0) t.unrecognised++;
  else t.passed++;
  if (r.writeError) t.writeFailed++;
  t.counts.error += r.counts.error;
  t.counts.warning += r.counts.warning;
  t.counts.info += r.counts.info;
  t.fixed += r.fix?.fixed ?? 0;
}

export function totalText(t: Totals, p: Paint): string {
  const parts = [`可以提交 ${t.passed} 个`, `需修改后再提交 ${t.failed} 个`];
  if (t.unrecognised) parts.push(`未识别到绩效目标表 ${t.unrecognised} 个`);
  if (t.incomplete) parts.push(`校验未完成 ${t.incomplete} 个`);
  if (t.unreadable) parts.push(`无法读取 ${t.unreadable} 个`);
  let text = `${p.bold(`共检查 ${t.files} 个文件`)}：${parts.join("，")}。\n问题合计：${countsText(t.counts, p)}。`;
  if (t.fixed) text += `\n已在副本中修复 ${t.fixed} 处。`;
  if (t.writeFailed) text += `\n${p.red(`有 ${t.writeFailed} 个标注副本未能写出。`)}`;
  return text + "\n";
}

/** The human report on the terminal: a verdict line per file, its findings, a total. In Chinese. */
import { SEVERITY_LABEL, type Severity } from "../../core/finding";
import { visible } from "../../core/text";
import { outcomeOf, totalsParts, type Counts, type FileResult, type Totals } from "../result";

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
  const outcome = outcomeOf(r);
  const ok = outcome === "passed";
  const unknown = outcome === "unrecognised";
  const mark = ok ? p.green("✔") : unknown ? p.yellow("？") : p.red("✘");
  const verdict = ok ? p.green(r.verdict) : unknown ? p.yellow(r.verdict) : p.red(r.verdict);
  const size = r.tableCount ? p.dim(`（${r.tableCount} 张表，${r.indicatorCount} 个指标）`) : "";
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

export function totalText(t: Totals, p: Paint): string {
  let text = `${p.bold(`共检查 ${t.files} 个文件`)}：${totalsParts(t).join("，")}。\n问题合计：${countsText(t.counts, p)}。`;
  if (t.fixed) text += `\n已在副本中修复 ${t.fixed} 处。`;
  if (t.writeFailed) text += `\n${p.red(`有 ${t.writeFailed} 个标注副本未能写出。`)}`;
  return text + "\n";
}

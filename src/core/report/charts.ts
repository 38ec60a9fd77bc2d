/**
 * What is most common across a batch, drawn for the HTML report (the command line's --html and the
 * web page's batch, the same page): findings by severity, findings by rule, and the share of files
 * each rule was found in — so a reviewer sees at a glance what to tell every unit at once. Inline
 * SVG: no script, no external resource, prints as drawn. Accessible: every bar has its number as
 * text beside it, each chart a title and a description (role="img"), and the same figures follow
 * as a table for screen readers and copying.
 */
import { SEVERITY_LABEL, SEVERITY_ORDER, type Severity } from "../finding";
import { escapeHtml as esc } from "../text";
import { RULES } from "../rules";
import type { Counts, ReportedFile } from "./result";

export interface BatchStats {
  /** Files read and checked (the denominator of the shares). */
  files: number;
  readonly bySeverity: Counts;
  /** Per rule: its findings and the files it was found in. */
  readonly byRule: Map<string, { findings: number; files: number; severity: Severity }>;
}

export function newStats(): BatchStats {
  return { files: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: new Map() };
}

export function addToStats(s: BatchStats, r: ReportedFile): void {
  if (r.readError) return;
  s.files++;
  const seen = new Set<string>();
  for (const f of r.findings) {
    s.bySeverity[f.severity]++;
    let e = s.byRule.get(f.rule);
    if (!e) s.byRule.set(f.rule, (e = { findings: 0, files: 0, severity: f.severity }));
    e.findings++;
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[e.severity]) e.severity = f.severity;
    if (!seen.has(f.rule)) {
      seen.add(f.rule);
      e.files++;
    }
  }
}

const TITLES = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));

function ruleTitle(id: string): string {
  return TITLES.get(id) ?? id;
}

const COLOURS: Readonly<Record<Severity, string>> = { error: "#c00000", warning: "#b86e00", info: "#1f4e79" };

interface Bar {
  readonly label: string;
  readonly value: number;
  /** The text beside the bar (its number, and more). */
  readonly text: string;
  readonly colour: string;
}

const BAR = 360;
const ROW = 24;
/** Room for the text after the longest bar ("200/200 个文件（100%）"). */
const AFTER = 180;

/** About how wide a text is at 13 px: CJK and full-width characters ~13 px, others ~7.5 px. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) ? 13 : 7.5;
  return Math.ceil(w);
}

/** A horizontal bar chart: each row a label, a bar scaled to `max`, and the number as text. */
function barChart(id: string, title: string, description: string, bars: readonly Bar[], max: number): string {
  const height = bars.length * ROW + 8;
  const labelWidth = Math.max(60, ...bars.map((b) => textWidth(b.label))) + 12;
  const width = labelWidth + BAR + AFTER;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW;
    const w = max > 0 ? Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * BAR)) : 0;
    return (
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${esc(b.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${ROW - 8}" fill="${b.colour}"></rect>` +
      `<text x="${labelWidth + w + 6}" y="${y + 16}">${esc(b.text)}</text>`
    );
  });
  return (
    `<figure class="chart"><figcaption id="${id}-t">${esc(title)}</figcaption>` +
    `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" font-size="13" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${esc(title)}</title><desc id="${id}-d">${esc(description)}</desc>${rows.join("")}</svg></figure>`
  );
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : "0%";
}

/** The rules found, most findings first (ties: more files, then the catalogue's order). */
function rulesByCount(s: BatchStats): [string, { findings: number; files: number; severity: Severity }][] {
  const order = new Map(RULES.map((r, i) => [r.meta.id, i]));
  return [...s.byRule].sort(
    (a, b) =>
      b[1].findings - a[1].findings || b[1].files - a[1].files || (order.get(a[0]) ?? 99) - (order.get(b[0]) ?? 99)
  );
}

/** The charts (HTML: figures with inline SVG, then the figures as a table); "" when nothing was found. */
export function chartsHtml(s: BatchStats): string {
  const total = s.bySeverity.error + s.bySeverity.warning + s.bySeverity.info;
  if (total === 0) return "";
  const severities = (["error", "warning", "info"] as const).map((sev) => ({
    label: SEVERITY_LABEL[sev],
    value: s.bySeverity[sev],
    text: `${s.bySeverity[sev]} 个`,
    colour: COLOURS[sev],
  }));
  const rules = rulesByCount(s);
  const byRule = rules.map(([id, e]) => ({
    label: `${ruleTitle(id)}（${id}）`,
    value: e.findings,
    text: `${e.findings} 个`,
    colour: COLOURS[e.severity],
  }));
  const byShare = [...rules]
    .sort((a, b) => b[1].files - a[1].files || b[1].findings - a[1].findings)
    .map(([id, e]) => ({
      label: ruleTitle(id),
      value: e.files,
      text: `${e.files}/${s.files} 个文件（${percent(e.files, s.files)}）`,
      colour: COLOURS[e.severity],
    }));
  const top = rules[0];
  const table = rules
    .map(
      ([id, e]) =>
        `<tr><td>${esc(ruleTitle(id))}</td><td class="rule">${esc(id)}</td><td class="${e.severity}">${SEVERITY_LABEL[e.severity]}</td><td class="n">${e.findings}</td><td class="n">${e.files}</td><td class="n">${percent(e.files, s.files)}</td></tr>`
    )
    .join("");
  return (
    `<h2>整批最常见的问题</h2>\n<div class="charts">` +
    barChart(
      "c-sev",
      "问题按级别",
      `错误 ${s.bySeverity.error} 个，警告 ${s.bySeverity.warning} 个，提示 ${s.bySeverity.info} 个。`,
      severities,
      Math.max(...severities.map((b) => b.value))
    ) +
    barChart(
      "c-rule",
      "问题按规则",
      `共 ${rules.length} 条规则发现问题；最多的是“${ruleTitle(top[0])}”，${top[1].findings} 个。`,
      byRule,
      top[1].findings
    ) +
    barChart(
      "c-share",
      "各规则涉及的文件比例",
      `共检查 ${s.files} 个文件；条形长度是发现该问题的文件占全部文件的比例。`,
      byShare,
      s.files
    ) +
    `</div>\n<details><summary>以表格查看上述数字</summary><table><thead><tr><th>规则</th><th>编号</th><th>级别</th><th>问题数</th><th>涉及文件</th><th>文件比例</th></tr></thead><tbody>${table}</tbody></table></details>\n`
  );
}

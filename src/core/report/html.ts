/**
 * The HTML report of a batch, as one self-contained page (inline CSS and SVG, no scripts, no
 * external resources): the totals, the charts of what is most common (charts.ts), the summary
 * table (one row per file), then each file's findings by sheet. Pure strings, so the command line
 * (--html, streamed to a file: src/cli/output/html.ts) and the web page's batch write the same page.
 */
import { SEVERITY_LABEL, type Severity } from "../finding";
import { escapeHtml } from "../text";
import { chartsHtml, type BatchStats } from "./charts";
import { outcomeOf, type ReportedFile, type Totals } from "./result";

const CSS = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#1f1f1f;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 6px;padding-top:8px;border-top:2px solid #d0d7e2;word-break:break-all}
h3{font-size:15px;margin:14px 0 4px;color:#333}
.meta{color:#666;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
th,td{border:1px solid #d0d7e2;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef2f8;font-weight:600;white-space:nowrap}
td.n{text-align:right;white-space:nowrap}
td.cell,td.rule{white-space:nowrap;font-family:Consolas,Menlo,monospace}
.error{color:#c00000;font-weight:600}.warning{color:#9c5700}.info{color:#1f4e79}
td.error,td.warning,td.info{white-space:nowrap}
.pass{color:#107c10;font-weight:600}.fail{color:#c00000;font-weight:600}.unknown{color:#9c5700;font-weight:600}
.note{margin:4px 0;color:#555}
.problem{color:#c00000}
a{color:#0563c1}
.charts{display:flex;flex-direction:column;gap:8px}figure.chart{margin:8px 0}figcaption{font-weight:600;font-size:14px;margin-bottom:2px}
details{margin:6px 0 12px;font-size:13px}
@media print{h2{page-break-before:auto}a{color:inherit;text-decoration:none}}
`;

function verdictClass(r: ReportedFile): string {
  const o = outcomeOf(r);
  return o === "passed" ? "pass" : o === "unrecognised" ? "unknown" : "fail";
}

function countCell(n: number, s: Severity): string {
  return `<td class="n${n > 0 ? ` ${s}` : ""}">${n}</td>`;
}

/** The marked copy: where it went (and, for an .xls, that it is an .xlsx now). */
function copyNote(r: ReportedFile): string {
  if (!r.output) return "";
  const xls =
    r.format === "xls" ? `（原文件是 .xls，副本另存为 .xlsx，只保留内容、数字格式、合并单元格和行高列宽）` : "";
  return `<p class="note">标注副本：${escapeHtml(r.output)}${xls}</p>`;
}

/** One file's section: its verdict and counts, notes, and its findings by sheet. */
export function section(r: ReportedFile): string {
  const id = `f${r.index + 1}`;
  const out: string[] = [];
  out.push(`<section id="${id}"><h2>${r.index + 1}. ${escapeHtml(r.file)}</h2>`);
  if (r.readError) {
    out.push(`<p class="problem">${escapeHtml(r.readError)}</p></section>\n`);
    return out.join("");
  }
  const c = r.counts;
  const tables = r.tableCount;
  out.push(
    `<p><span class="${verdictClass(r)}">${escapeHtml(r.verdict)}</span>\u3000错误 ${c.error} · 警告 ${c.warning} · 提示 ${c.info}\u3000<span class="meta">${tables} 张表，${r.indicatorCount} 个指标</span></p>`
  );
  if (r.fix)
    out.push(
      `<p class="note">已在副本中修复 ${r.fix.fixed} 处（修复前：错误 ${r.fix.before.error} · 警告 ${r.fix.before.warning} · 提示 ${r.fix.before.info}）；下列为修复后仍有的问题。</p>`
    );
  out.push(copyNote(r));
  for (const m of r.incomplete) out.push(`<p class="problem">${escapeHtml(m)}</p>`);
  if (r.writeError) out.push(`<p class="problem">${escapeHtml(r.writeError)}</p>`);
  for (const p of r.problems) out.push(`<p class="note">${escapeHtml(p)}</p>`);
  if (tables && r.findings.length === 0) out.push(`<p class="note">未发现问题。</p>`);
  // grouped by sheet, in the findings' (sheet) order
  const groups = new Map<string, typeof r.findings>();
  for (const f of r.findings) {
    let g = groups.get(f.sheet);
    if (!g) groups.set(f.sheet, (g = []));
    g.push(f);
  }
  for (const [sheet, findings] of groups) {
    out.push(
      `<h3>${escapeHtml(sheet || "（整个工作簿）")}\u3000<span class="meta">${findings.length} 个问题</span></h3>`
    );
    out.push(
      `<table><thead><tr><th>单元格</th><th>级别</th><th>规则</th><th>问题说明</th><th>指标</th></tr></thead><tbody>`
    );
    for (const f of findings) {
      out.push(
        `<tr><td class="cell">${escapeHtml(f.cell)}</td><td class="${f.severity}">${SEVERITY_LABEL[f.severity]}</td><td class="rule">${escapeHtml(f.rule)}</td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.indicator ?? "")}</td></tr>`
      );
    }
    out.push(`</tbody></table>`);
  }
  out.push(`</section>\n`);
  return out.join("");
}

/** One file's row of the summary table. */
export function summaryRow(r: ReportedFile): string {
  const c = r.counts;
  return `<tr><td class="n">${r.index + 1}</td><td><a href="#f${r.index + 1}">${escapeHtml(r.file)}</a></td><td class="${verdictClass(r)}">${escapeHtml(r.verdict)}</td>${countCell(c.error, "error")}${countCell(c.warning, "warning")}${countCell(c.info, "info")}<td class="n">${r.tableCount}</td><td class="n">${r.indicatorCount}</td></tr>`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface ReportMeta {
  readonly started: Date;
  readonly seconds: number;
  /** Who made it: "perf-target 0.1.0", "网页版". */
  readonly maker: string;
}

/** The page up to the summary table's rows: title, totals, charts, the table's head. */
export function reportHead(t: Totals, stats: BatchStats, meta: ReportMeta): string {
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>绩效目标表校验报告</title><style>${CSS}</style></head><body>\n` +
    `<h1>绩效目标表校验报告</h1>\n<p class="meta">生成时间：${escapeHtml(formatDate(meta.started))}\u3000用时 ${meta.seconds.toFixed(1)} 秒\u3000${escapeHtml(meta.maker)}</p>\n` +
    `<p>共检查 <b>${t.files}</b> 个文件：<span class="pass">可以提交 ${t.passed} 个</span>，<span class="fail">需修改后再提交 ${t.failed} 个</span>` +
    (t.unrecognised ? `，<span class="unknown">未识别到绩效目标表 ${t.unrecognised} 个</span>` : "") +
    (t.incomplete ? `，<span class="fail">校验未完成 ${t.incomplete} 个</span>` : "") +
    (t.unreadable ? `，<span class="fail">无法读取 ${t.unreadable} 个</span>` : "") +
    `。问题合计：<span class="error">错误 ${t.counts.error}</span> · <span class="warning">警告 ${t.counts.warning}</span> · <span class="info">提示 ${t.counts.info}</span>。` +
    (t.fixed ? ` 已在副本中修复 ${t.fixed} 处。` : "") +
    `</p>\n` +
    chartsHtml(stats) +
    `<h2>汇总</h2>\n<table><thead><tr><th>#</th><th>文件</th><th>结论</th><th>错误</th><th>警告</th><th>提示</th><th>表格</th><th>指标</th></tr></thead><tbody>\n`
  );
}

/** Between the summary rows and the files' sections. */
export const REPORT_MIDDLE = `</tbody></table>\n<h2>各文件的问题</h2>\n`;

/** The end of the page. */
export const REPORT_FOOT = `<p class="meta">级别：错误 = 提交前必须改正；警告 = 审核很可能退回；提示 = 写法和一致性。规则说明见 docs/rules/。</p>\n</body></html>\n`;

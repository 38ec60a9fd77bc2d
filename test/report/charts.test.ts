/**
 * The batch report's charts (src/core/report/charts.ts): findings by severity and by rule, the
 * share of files per rule (a file counts once per rule, unreadable files not at all), every bar's
 * number as text, Chinese rule titles, text escaped, no script or external resource.
 */
import { addToStats, chartsHtml, newStats } from "../../src/core/report/charts";
import { failedResult, type FileResult, type JsonFinding } from "../../src/core/report/result";

function finding(rule: string, severity: JsonFinding["severity"], cell = "A1"): JsonFinding {
  return { rule, severity, sheet: "表", cell, message: "…", indicator: null };
}

function checked(index: number, findings: JsonFinding[]): FileResult {
  return {
    ...failedResult(index, `文件${index}.xlsx`, ""),
    readError: null,
    findings,
    counts: { error: 0, warning: 0, info: 0 },
    verdict: "",
  };
}

describe("the batch charts", () => {
  const stats = newStats();
  addToStats(
    stats,
    checked(0, [
      finding("missing-explanation", "error"),
      finding("missing-explanation", "error", "B2"),
      finding("missing-operator", "warning"),
    ])
  );
  addToStats(stats, checked(1, [finding("missing-operator", "warning")]));
  addToStats(stats, checked(2, []));
  addToStats(stats, failedResult(3, "坏.xlsx", "无法读取"));
  const html = chartsHtml(stats);

  test("counts: findings by severity and rule; files per rule, once each; unreadable files left out", () => {
    expect(stats.files).toBe(3);
    expect(stats.bySeverity).toEqual({ error: 2, warning: 2, info: 0 });
    expect(stats.byRule.get("missing-explanation")).toEqual({ findings: 2, files: 1, severity: "error" });
    expect(stats.byRule.get("missing-operator")).toEqual({ findings: 2, files: 2, severity: "warning" });
  });

  test("three charts, each bar with its number as text, rule titles in Chinese", () => {
    expect(html.match(/<svg role="img"/g)).toHaveLength(3);
    expect(html).toContain(">错误</text>");
    expect(html).toContain(">2 个</text>");
    expect(html).toContain("指标解释缺失（missing-explanation）");
    expect(html).toContain(">2/3 个文件（67%）</text>");
    expect(html).toContain(">1/3 个文件（33%）</text>");
    // the most common rule first; ties by files
    expect(html.indexOf("缺少比较符号（missing-operator）")).toBeLessThan(
      html.indexOf("指标解释缺失（missing-explanation）")
    );
    expect(html).not.toMatch(/<script|(src|href)=/i);
  });

  test("an unknown rule id is escaped; nothing found draws nothing", () => {
    const s = newStats();
    addToStats(s, checked(0, [finding("<b>x</b>", "info")]));
    expect(chartsHtml(s)).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(chartsHtml(s)).not.toContain("<b>");
    const none = newStats();
    addToStats(none, checked(0, []));
    expect(chartsHtml(none)).toBe("");
  });
});

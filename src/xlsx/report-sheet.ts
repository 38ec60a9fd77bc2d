/**
 * The 校验报告 sheet added to each marked copy (command line --out, the web page's batch): one row per finding (工作表, 单元格, 级别, 规则,
 * 问题说明, 指标), the 单元格 column linked to the cell, the 级别 coloured. Written by the xlsx
 * adapter's list sheet (list-sheet.ts), which also replaces an earlier report of ours.
 */
import { SEVERITY_LABEL, type Severity } from "../core/finding";
import type { JsonFinding } from "../core/report/result";
import type { ListCell, ListSheet } from "./list-sheet";

const SEVERITY_COLOR: Readonly<Record<Severity, string>> = { error: "FFC00000", warning: "FF9C5700", info: "FF1F4E79" };

const COLUMNS = [
  { header: "工作表", width: 20 },
  { header: "单元格", width: 9 },
  { header: "级别", width: 7 },
  { header: "规则", width: 24 },
  { header: "问题说明", width: 70 },
  { header: "指标", width: 28 },
];

function findingRow(f: JsonFinding): ListCell[] {
  return [
    { text: f.sheet },
    { text: f.cell, link: f.sheet ? { sheet: f.sheet, cell: f.cell } : undefined },
    { text: SEVERITY_LABEL[f.severity], color: SEVERITY_COLOR[f.severity], bold: f.severity === "error" },
    { text: f.rule },
    { text: f.message, wrap: true },
    { text: f.indicator ?? "" },
  ];
}

/** The report of a file's findings (a line saying so when there is none). */
export function reportSheet(findings: readonly JsonFinding[], verdict: string): ListSheet {
  const empty = [
    { text: "" },
    { text: "" },
    { text: "" },
    { text: "" },
    { text: `未发现问题（${verdict}）。` },
    { text: "" },
  ];
  return {
    name: "校验报告",
    columns: COLUMNS,
    rows: findings.length ? findings.map(findingRow) : [empty],
  };
}

/**
 * The 校验报告 sheet added to each marked copy: one row per finding (工作表, 单元格, 级别, 规则,
 * 问题说明, 指标), the 单元格 column linked to the cell.
 *
 * exceljs writes every hyperlink with an external relationship, even "Sheet!A1" ones (Excel then
 * looks for a file), so the cells are written as plain text here and the <hyperlinks> element with
 * `location` links (no relationship) is put into the saved package by addInternalLinks().
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { SEVERITY_LABEL, type Severity } from "../core/finding";
import type { JsonFinding } from "./result";

export const REPORT_SHEET = "校验报告";
export const REPORT_HEADER = ["工作表", "单元格", "级别", "规则", "问题说明", "指标"] as const;

const SEVERITY_COLOR: Readonly<Record<Severity, string>> = { error: "FFC00000", warning: "FF9C5700", info: "FF1F4E79" };

export interface ReportLink {
  /** The report cell holding the link ("B2"). */
  readonly ref: string;
  /** Where it goes: "'部门整体支出'!F62". */
  readonly location: string;
  readonly display: string;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function isOurReport(ws: ExcelJS.Worksheet): boolean {
  return REPORT_HEADER.every((h, i) => String(ws.getCell(1, i + 1).value ?? "") === h);
}

/**
 * Adds the report sheet (replacing an earlier report of ours; a user's sheet of that name is kept
 * and the report gets another name). Returns the sheet name and the links to add after saving.
 */
export function addReportSheet(
  workbook: ExcelJS.Workbook,
  findings: readonly JsonFinding[],
  verdict: string
): { sheet: string; links: ReportLink[] } {
  let name = REPORT_SHEET;
  for (let n = 2; ; n++) {
    const existing = workbook.getWorksheet(name);
    if (!existing) break;
    if (isOurReport(existing)) {
      workbook.removeWorksheet(existing.id);
      break;
    }
    name = `${REPORT_SHEET}(${n})`;
  }
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { key: "sheet", width: 20 },
    { key: "cell", width: 9 },
    { key: "severity", width: 7 },
    { key: "rule", width: 24 },
    { key: "message", width: 70 },
    { key: "indicator", width: 28 },
  ];
  const header = ws.addRow([...REPORT_HEADER]);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  const links: ReportLink[] = [];
  for (const f of findings) {
    const row = ws.addRow([f.sheet, f.cell, SEVERITY_LABEL[f.severity], f.rule, f.message, f.indicator ?? ""]);
    row.getCell(3).font = { color: { argb: SEVERITY_COLOR[f.severity] }, bold: f.severity === "error" };
    row.getCell(5).alignment = { wrapText: true, vertical: "top" };
    if (f.sheet && workbook.getWorksheet(f.sheet)) {
      row.getCell(2).font = { color: { argb: "FF0563C1" }, underline: true };
      links.push({ ref: `B${row.number}`, location: `${quoteSheet(f.sheet)}!${f.cell}`, display: f.cell });
    }
  }
  if (findings.length === 0) ws.addRow(["", "", "", "", `未发现问题（${verdict}）。`, ""]);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: REPORT_HEADER.length } };
  return { sheet: name, links };
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Elements that follow <hyperlinks> in a worksheet (CT_Worksheet order): the links go before the first present. */
const AFTER_HYPERLINKS = [
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Puts internal hyperlinks (location only, no relationship) into a sheet of a saved package. */
export async function addInternalLinks(
  bytes: Uint8Array,
  sheet: string,
  links: readonly ReportLink[]
): Promise<Uint8Array> {
  if (links.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
  const relsXml = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!workbookXml || !relsXml) return bytes;
  let rid: string | null = null;
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    if (name !== undefined && unescapeXml(name) === sheet) rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? null;
  }
  if (!rid) return bytes;
  let target: string | null = null;
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    if (/\bId="([^"]*)"/.exec(m[0])?.[1] === rid) target = /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? null;
  }
  if (!target) return bytes;
  const partName = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  const part = zip.file(partName);
  if (!part) return bytes;
  let xml = await part.async("string");
  const element = `<hyperlinks>${links.map((l) => `<hyperlink ref="${l.ref}" location="${escapeXml(l.location)}" display="${escapeXml(l.display)}"/>`).join("")}</hyperlinks>`;
  xml = xml.replace(/<hyperlinks>[\s\S]*?<\/hyperlinks>|<hyperlinks\/>/, "");
  let at = -1;
  for (const tag of AFTER_HYPERLINKS) {
    const m = new RegExp(`<${tag}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf("</worksheet>");
  if (at < 0) return bytes;
  zip.file(partName, xml.slice(0, at) + element + xml.slice(at));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * The add-in's marks in an exceljs workbook (src/core/marks.ts: one expression conditional format
 * per severity per sheet chunk, optional notes with our prefix): written, cleared, and read back
 * from a file marked earlier (by the command line, the add-in or the web page).
 */
import type ExcelJS from "exceljs";
import { SEVERITY_ORDER, type Finding, type Severity } from "../core/finding";
import { cellAddress } from "../core/grid";
import {
  isMarkFormula,
  isOurNote,
  MARK_FILL,
  markFormula,
  markSeverity,
  parseAddressList,
  planMarks,
  SEVERITIES,
} from "../core/marks";
import type { MarkOptions } from "../core/port";
import {
  conditionalFormats,
  forEachHeldCell,
  removeNote,
  setConditionalFormats,
  type ConditionalFormat,
} from "./exceljs-internals";

/** Marked cells per sheet: address → the most severe severity. */
export type MarksBySheet = Map<string, Map<string, Severity>>;

function firstFormula(rule: ConditionalFormat["rules"][number]): string | null {
  const f = "formulae" in rule ? rule.formulae?.[0] : undefined;
  return typeof f === "string" ? f : null;
}

function noteText(note: ExcelJS.Cell["note"] | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: Array<{ text?: string }> }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? "").join("") : null;
}

/** Replaces our marks by the findings' (and adds notes where the user has none, when asked). */
export function writeMarks(workbook: ExcelJS.Workbook, findings: readonly Finding[], options: MarkOptions): void {
  clearMarks(workbook);
  for (const sm of planMarks(findings)) {
    const ws = workbook.getWorksheet(sm.sheet);
    if (!ws) continue;
    let priority = conditionalFormats(ws).reduce(
      (max, cf) => Math.max(max, ...cf.rules.map((r) => r.priority ?? 0)),
      0
    );
    for (const severity of SEVERITIES) {
      const argb = `FF${MARK_FILL[severity]}`;
      for (const chunk of sm.chunks[severity]) {
        ws.addConditionalFormatting({
          ref: chunk.split(",").join(" "),
          rules: [
            {
              type: "expression",
              priority: ++priority,
              formulae: [markFormula(severity)],
              style: { fill: { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } } },
            },
          ],
        });
      }
    }
    if (options.notes) {
      for (const [address, text] of sm.notes) {
        const cell = ws.getCell(address);
        if (!cell.note) cell.note = text; // never over the user's own note
      }
    }
  }
}

/** Removes our conditional formats (keeping other rules of a shared format) and our notes; nothing else. */
export function clearMarks(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const cfs = conditionalFormats(ws);
    if (cfs.length) {
      const kept: ConditionalFormat[] = [];
      for (const cf of cfs) {
        const rules = cf.rules.filter((r) => !(r.type === "expression" && isMarkFormula(firstFormula(r))));
        if (rules.length === cf.rules.length) kept.push(cf);
        else if (rules.length) kept.push({ ...cf, rules });
      }
      if (kept.length !== cfs.length || kept.some((k, i) => k !== cfs[i])) setConditionalFormats(ws, kept);
    }
    forEachHeldCell(ws, (cell) => {
      if (isOurNote(noteText(cell.note))) removeNote(cell);
    });
  }
}

/** The marks a workbook already carries (written by the command line, the add-in or an earlier save). */
export function readMarks(workbook: ExcelJS.Workbook): MarksBySheet {
  const out: MarksBySheet = new Map();
  for (const ws of workbook.worksheets) {
    for (const cf of conditionalFormats(ws)) {
      for (const rule of cf.rules ?? []) {
        const severity = markSeverity(firstFormula(rule));
        if (!severity) continue;
        let cells = out.get(ws.name);
        if (!cells) out.set(ws.name, (cells = new Map()));
        for (const r of parseAddressList(cf.ref)) {
          // a mark over a whole column or row is read as its first 5,000 rows × 200 columns
          for (let row = r.top; row <= r.bottom && row - r.top < 5000; row++) {
            for (let col = r.left; col <= r.right && col - r.left < 200; col++) {
              const a = cellAddress(row, col);
              const cur = cells.get(a);
              if (!cur || SEVERITY_ORDER[severity] < SEVERITY_ORDER[cur]) cells.set(a, severity);
            }
          }
        }
      }
    }
  }
  return out;
}

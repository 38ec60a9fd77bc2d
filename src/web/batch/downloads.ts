/**
 * The batch's downloads: the HTML report (the very page the command line's --html writes:
 * src/core/report/html.ts) and a .zip of the marked copies (names and folder structure kept; an
 * .xls's copy is “原名-已校验.xlsx”). Made in the browser; nothing is uploaded.
 */
import JSZip from "jszip";
import { REPORT_FOOT, REPORT_MIDDLE, reportHead, section, summaryRow } from "../../core/report/html";
import type { BatchSnapshot } from "./run";

/** The report page, as one string. */
export function reportPage(s: BatchSnapshot): string {
  const head = reportHead(s.totals, s.stats, { started: s.started, seconds: s.seconds, maker: "绩效目标表助手网页版" });
  const rows = s.results.map((r) => summaryRow(r) + "\n").join("");
  return head + rows + REPORT_MIDDLE + s.results.map(section).join("") + REPORT_FOOT;
}

/** The marked copies as a zip, each at its path (stored, not compressed again: an .xlsx is a zip already); null when there is none. */
export async function zipOf(copies: readonly { path: string; copy: Blob }[]): Promise<Blob | null> {
  if (copies.length === 0) return null;
  const zip = new JSZip();
  for (const c of copies) zip.file(c.path, c.copy);
  return zip.generateAsync({ type: "blob", compression: "STORE", mimeType: "application/zip" });
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "20250301-1405": the batch's start, in the downloads' names. */
export function stamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

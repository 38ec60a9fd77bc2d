/**
 * bench/check: parse + all rules on the seed workbook and on a 100,000-row sheet. Prints findings
 * per second and the rules' time as a ratio of the parse time (goal ≤ 1), and each rule's share,
 * so a quadratic rule (duplicate detection included) shows at once: the 10k → 100k growth per rule.
 */
import ExcelJS from "exceljs";
import path from "node:path";
import { checkParsed } from "../src/core/check";
import type { SheetGrid } from "../src/core/grid";
import { parseWorkbook } from "../src/core/parse";
import { RULES } from "../src/core/rules";
import { gridFromWorksheet } from "../src/xlsx/grid";
import { buildSheet } from "./parse";

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function measure(label: string, grids: SheetGrid[], runs: number): Record<string, number> {
  let parse = parseWorkbook(grids);
  const parseMs = best(runs, () => {
    parse = parseWorkbook(grids);
  });
  let findings = 0;
  const rulesMs = best(runs, () => {
    findings = checkParsed(parse).findings.length;
  });
  const perRule: Record<string, number> = {};
  for (const rule of RULES) perRule[rule.meta.id] = best(Math.min(runs, 3), () => checkParsed(parse, undefined, [rule]));
  console.log(
    `${label}: parse ${parseMs.toFixed(1)} ms, rules ${rulesMs.toFixed(1)} ms, ratio rules/parse ${(rulesMs / parseMs).toFixed(2)} (goal ≤ 1), ${findings} findings, ${Math.round((findings / (parseMs + rulesMs)) * 1000).toLocaleString("en-US")} findings/s`,
  );
  return perRule;
}

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(__dirname, "..", "samples", "liupanshui-2025.xlsx"));
  measure("seed workbook (6 sheets, 111 indicators)", wb.worksheets.map(gridFromWorksheet), 20);
  // every 10th row carries a defect (no operator, a blank explanation, "*100%")
  const small = measure("10,000-row sheet", [buildSheet(10000, "大表", 10)], 3);
  const large = measure("100,000-row sheet", [buildSheet(100000, "大表", 10)], 2);
  console.log("per rule, ms at 10k → 100k rows (×10 is linear):");
  for (const id of Object.keys(large)) {
    console.log(`  ${id.padEnd(24)} ${small[id].toFixed(1).padStart(7)} → ${large[id].toFixed(1).padStart(8)}  ×${(large[id] / Math.max(small[id], 0.01)).toFixed(1)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

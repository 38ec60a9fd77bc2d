/**
 * Issue 4's acceptance for quick fixes: every quick fix the checker offers on the seed workbook,
 * applied through the xlsx adapter (inputs filled with their defaults or sample values), makes its
 * own finding disappear on re-check and creates no new finding.
 */
import fs from "node:fs";
import { checkGrids } from "../../src/core/check";
import type { Finding, FixInput } from "../../src/core/finding";
import { fillPlan } from "../../src/core/rules/util";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { SAMPLE } from "../helpers/seed";

function sampleValue(input: FixInput): string {
  if (input.defaultValue) return input.defaultValue;
  if (input.type === "integer") return String(Math.max(input.min ?? 1, 30));
  if (input.type === "choice") return input.choices?.[0] ?? "≥";
  return input.label.includes("分母") ? "计划总数" : "实际完成数";
}

async function check(wb: XlsxWorkbook): Promise<Finding[]> {
  return [...checkGrids(await wb.readSheets()).findings];
}

describe("quick fixes on the seed workbook, through the xlsx adapter", () => {
  it("each fix removes its finding and adds none", async () => {
    const bytes = fs.readFileSync(SAMPLE);
    const first = await check(await XlsxWorkbook.load(bytes));
    const fixable = first.filter((f) => f.fix !== null);
    expect(fixable.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const finding of fixable) {
      // each fix on a fresh copy of the workbook, so the fixes do not interfere
      const wb = await XlsxWorkbook.load(bytes);
      const values = Object.fromEntries(finding.fix!.inputs.map((i) => [i.placeholder, sampleValue(i)]));
      await wb.apply(fillPlan(finding.fix!.plan, values));
      const after = await check(wb);
      // identical findings (same sheet, rule, indicator and text on two rows) differ only by the
      // ~n suffix of their fingerprints: compare how many of each there are
      const base = (f: Finding) => f.fingerprint.replace(/~\d+$/, "");
      const count = (list: Finding[], key: string) => list.filter((f) => base(f) === key).length;
      const gone = count(after, base(finding)) === count(first, base(finding)) - 1;
      const added = after.filter((f) => count(after, base(f)) > count(first, base(f)) && base(f) !== base(finding));
      if (!gone) problems.push(`${finding.sheet}!${finding.cell} [${finding.rule}] 修复后仍然存在`);
      for (const a of added)
        problems.push(
          `${finding.sheet}!${finding.cell} [${finding.rule}] 修复后新出现 ${a.sheet}!${a.cell} [${a.rule}] ${a.message}`
        );
    }
    expect(problems).toEqual([]);
  });
});

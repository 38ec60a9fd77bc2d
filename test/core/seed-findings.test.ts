/**
 * Acceptance: checking the bundled sample reports every finding marked "must" in
 * test/fixtures/seed/liupanshui-2025.findings.json (same sheet, row, rule and cell), and nothing on a
 * row and rule that the file does not list as "must" or "may".
 */
import expected from "../fixtures/seed/liupanshui-2025.findings.json";
import { checkGrids } from "../../src/core/check";
import { loadGrids, SAMPLE } from "../helpers/seed";

const key = (sheet: string, row: number, rule: string) => `${sheet}|${row}|${rule}`;

describe("findings on liupanshui-2025.xlsx", () => {
  it("reports every 'must' and nothing unlisted", async () => {
    const result = checkGrids(await loadGrids(SAMPLE));
    const got = new Map(result.findings.map((f) => [key(f.sheet, f.row, f.rule), f]));
    const listed = new Map(expected.findings.map((f) => [key(f.sheet, f.row, f.rule), f]));
    const missing = expected.findings
      .filter((f) => f.certainty === "must")
      .filter((f) => got.get(key(f.sheet, f.row, f.rule))?.cell !== f.cell)
      .map((f) => `${f.sheet}!${f.cell} [${f.rule}] ${f.indicator}`);
    const unlisted = result.findings
      .filter((f) => !listed.has(key(f.sheet, f.row, f.rule)))
      .map((f) => `${f.sheet}!${f.cell} [${f.rule}] ${f.message}`);
    expect({ missing, unlisted }).toEqual({ missing: [], unlisted: [] });
  });
});

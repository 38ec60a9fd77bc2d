/** The fixture base table is clean under every rule (so each rule's cases isolate one defect). */
import { checkGrids } from "../../src/core/check";
import { RULES } from "../../src/core/rules";
import { sheetOf, VALID_ROWS } from "../helpers/tables";

describe("base table", () => {
  it.each(["merged", "blank", "repeat"] as const)("passes every rule (%s layout)", (layout) => {
    const result = checkGrids([sheetOf("Sheet1", { rows: VALID_ROWS, layout })]);
    expect(result.parse.tables).toHaveLength(1);
    expect(result.findings.map((f) => `${f.cell} [${f.rule}] ${f.message}`)).toEqual([]);
  });
  it("the catalogue has exactly the ids of docs/rules/README.md", () => {
    expect(RULES.map((r) => r.meta.id)).toEqual([
      "missing-explanation", "blank-sample-size", "missing-value", "missing-level1", "empty-level2", "placeholder-left",
      "blank-required-field", "missing-operator", "nonstandard-operator", "missing-unit", "vague-value", "rate-out-of-range",
      "wrong-direction", "value-conflict", "missing-formula", "formula-style", "boilerplate-explanation", "misplaced-indicator",
      "unknown-category", "duplicate-indicator", "budget-mismatch", "stale-year",
    ]);
  });
});

/**
 * Value spellings of real tables that the value parser (value.ts) had to learn for issue 11 — a
 * count after a quantifier word and a period of months — with neighbours that must not change.
 * (The value model as a whole is issue 12's; these are the smallest changes the real tables needed.)
 */
import { parseTargetValue } from "../../src/core/parse";

describe("value forms of real tables", () => {
  it.each([
    ["各 1 次", null, 1, "次", "quantitative"],
    ["共3批", null, 3, "批", "quantitative"],
    ["每年2次", null, 2, "次", "quantitative"],
    ["累计 12 期", null, 12, "期", "quantitative"],
    ["≥各2次", "≥", 2, "次", "quantitative"],
    ["2023.07-2024.01", null, null, null, "deadline"],
    ["2025/01-2025/12", null, null, null, "deadline"],
    ["100 %", null, 100, "%", "quantitative"],
    ["≧100", "≥", 100, null, "quantitative"],
    ["90%-95%", null, 90, "%", "quantitative"],
    ["各有关单位", null, null, null, "qualitative"],
    ["每季度开展", null, null, null, "qualitative"],
  ])("%s", (raw, operator, number, unit, kind) => {
    const v = parseTargetValue(raw);
    expect({ operator: v.operator, number: v.number, unit: v.unit, kind: v.kind, raw: v.raw }).toEqual({
      operator,
      number,
      unit,
      kind,
      raw,
    });
  });
  it("a period's year is the year it ends", () => {
    expect(parseTargetValue("2023.07-2024.01").year).toBe(2024);
  });
});

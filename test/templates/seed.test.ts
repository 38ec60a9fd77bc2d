/**
 * Templates generalised from the seed reproduce the seed's rows when filled with their defaults:
 * verbatim where the seed row is well formed, and with the seed's defect fixed where it is not
 * (the "*" of a formula written "×", a blank sample size filled, a missing operator added).
 */
import { fillTemplate } from "../../src/core/templates/fill";
import { TEMPLATES, templateById } from "../../src/core/templates/library";
import expected from "../fixtures/seed/liupanshui-2025.expected.json";

interface SeedRow {
  readonly name: string;
  readonly value: string;
  readonly explanation: string;
}

function seedRow(source: string): SeedRow {
  const [sheet, cell] = source.replace(/^seed:/, "").split("!");
  const s = expected.sheets.find((x) => x.sheet === sheet)!;
  const i = s.indicators.find((x) => x.cells.level3 === cell)!;
  return { name: i.level3, value: i.value, explanation: i.explanation };
}

type Fix = (row: SeedRow) => Partial<SeedRow>;
const times: Fix = (r) => ({ explanation: r.explanation.replace(/\*100%/g, "×100%") });

/** [template id, which fields must equal the (fixed) seed row, the fix applied to the seed row, values filled]. */
const CASES: readonly [string, readonly (keyof SeedRow)[], Fix | null, Record<string, string>][] = [
  // satisfaction, the seed's pattern with its sample size
  ["training-satisfaction", ["name", "value", "explanation"], null, {}],
  ["exam-satisfaction", ["name", "value", "explanation"], null, {}],
  ["evaluation-staff-satisfaction", ["name", "value", "explanation"], times, {}],
  ["procurement-satisfaction", ["name", "value", "explanation"], times, {}],
  // the seed's blank sample sizes ("随机抽取 名"), filled
  ["evaluation-satisfaction", ["name", "value", "explanation"], (r) => ({ explanation: r.explanation.replace("随机抽取 名", "随机抽取10名") }), {}],
  ["review-satisfaction", ["name", "value"], null, {}],
  // the missing explanation of F62: the name comes back from the pattern
  ["finance-budget-unit-satisfaction", ["name", "value"], null, {}],
  // rates with their formula
  ["exam-participation-rate", ["name", "value", "explanation"], null, {}],
  ["it-run-rate", ["name", "value", "explanation"], null, {}],
  ["purchase-it-acceptance-rate", ["name", "value", "explanation"], null, {}],
  ["review-reduction-rate", ["name", "value", "explanation"], null, {}],
  ["inspection-opinion-adoption", ["name", "value", "explanation"], times, {}],
  ["exam-run-rate", ["name", "value", "explanation"], times, {}],
  ["evaluation-onsite-coverage", ["name", "value", "explanation"], times, {}],
  ["it-intranet-rate", ["name", "explanation"], (r) => ({ explanation: r.explanation + "×100%" }), { 目标值: "90" }],
  ["it-budget-system-rate", ["name", "value", "explanation"], (r) => ({ explanation: r.explanation + "×100%" }), { 目标值: "90" }],
  // counts, with "全市"/"市级" generalised to {范围}
  ["finance-units-organized", ["name", "value", "explanation"], null, {}],
  ["review-total-count", ["name", "value", "explanation"], null, {}],
  ["soe-online-count", ["name", "value", "explanation"], null, {}],
  ["training-classes", ["name", "value", "explanation"], null, {}],
  ["it-systems-count", ["name", "value", "explanation"], null, {}],
  ["training-participants", ["name", "explanation"], null, {}],
  ["training-days", ["name", "explanation"], null, {}],
  ["review-budget-review-count", ["name", "explanation"], null, {}],
  ["it-system-users", ["name", "explanation"], null, {}],
  ["inspection-units", ["name", "value"], null, {}],
  ["inspection-batches", ["name", "value"], null, {}],
  // values the seed wrote without an operator get one
  ["training-participants", ["value"], (r) => ({ value: "≥" + r.value }), {}],
  ["training-days", ["value"], (r) => ({ value: "≥" + r.value }), {}],
  ["inspection-problem-accuracy", ["name", "value"], (r) => ({ value: "=" + r.value }), {}],
  ["soe-coverage-rate", ["name", "value"], (r) => ({ value: "=" + r.value }), {}],
  ["general-cost-control-rate", ["name", "value"], null, {}],
  ["general-project-cost", ["name", "value"], null, {}],
  // time
  ["it-repair-response", ["name", "explanation"], null, {}],
  ["it-repair-response", ["value"], (r) => ({ value: r.value.replace(/\s/g, "") }), {}],
  ["general-deadline", ["name", "value", "explanation"], null, {}],
  ["inspection-deadline", ["explanation"], (r) => ({ explanation: r.explanation }), {}],
  ["evaluation-rectification-rate", ["name", "value"], null, {}],
  ["finance-revenue-growth", ["name", "value"], null, {}],
];

describe("seed-derived templates reproduce the seed rows", () => {
  it.each(CASES.map(([id, fields, fix, values]) => [id, fields.join("+"), fields, fix, values] as const))("%s (%s)", (id, _label, fields, fix, values) => {
    const t = templateById(id)!;
    expect(t).toBeDefined();
    expect(t.source).toMatch(/^seed:/);
    const row = seedRow(t.source);
    const want = { ...row, ...(fix ? fix(row) : {}) };
    const got = fillTemplate(t, values);
    for (const f of fields) expect(got[f]).toBe(want[f]);
  });

  it("the satisfaction pattern with N (the seed's 参训学员满意度, F64)", () => {
    const t = templateById("training-satisfaction")!;
    expect(fillTemplate(t, { N: "30" }).explanation).toBe("反映参训学员对财政组织参加培训的满意程度，随机抽取30名参训学员发放调查问卷，计算公式：满意问卷数/问卷总数×100%");
    expect(fillTemplate(t, { N: "12", 对象: "参训干部", 工作: "业务培训" }).explanation).toBe(
      "反映参训干部对业务培训的满意程度，随机抽取12名参训干部发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
    );
  });

  it("every seed sheet is drawn on", () => {
    const sheets = new Set(TEMPLATES.filter((t) => t.source.startsWith("seed:")).map((t) => t.source.slice(5).split("!")[0]));
    expect([...sheets].sort()).toEqual([...expected.sheetOrder].sort());
  });
});

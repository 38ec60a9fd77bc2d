/**
 * Templates generalised from the seed (六盘水市财政局 2025) reproduce the seed's rows when filled
 * with the seed's own specifics: verbatim where the seed row is well formed, and with the seed's
 * defect fixed where it is not (the "*" of a formula written "×", a blank sample size filled, a
 * missing operator added, an explanation that does not say what it reflects rewritten).
 */
import { fillTemplate } from "../../src/core/templates/fill";
import { templateById } from "../../src/core/templates/library";
import expected from "../fixtures/seed/liupanshui-2025.expected.json";

interface SeedRow {
  readonly name: string;
  readonly value: string;
  readonly explanation: string;
}

function seedRow(cellRef: string): SeedRow {
  const [sheet, cell] = cellRef.split("!");
  const s = expected.sheets.find((x) => x.sheet === sheet)!;
  const i = s.indicators.find((x) => x.cells.level3 === cell)!;
  return { name: i.level3, value: i.value, explanation: i.explanation };
}

type Fix = (row: SeedRow) => Partial<SeedRow>;
const times: Fix = (r) => ({ explanation: r.explanation.replace(/\*100%/g, "×100%") });
const withOperator = (op: string): Fix => (r) => ({ value: op + r.value.replace(/\s/g, "") });

/** [template id, the seed row it comes from, fields that must equal the (fixed) seed row, the fix, values filled]. */
const CASES: readonly [string, string, readonly (keyof SeedRow)[], Fix | null, Record<string, string>][] = [
  // satisfaction, the seed's pattern with its sample size and object
  ["training-satisfaction", "部门整体支出!D64", ["name", "value", "explanation"], null, { 工作: "财政组织参加培训" }],
  ["evaluation-staff-satisfaction", "评审绩效信息化运维!E50", ["name", "value", "explanation"], times, {}],
  ["finance-budget-unit-satisfaction", "部门整体支出!D62", ["name", "value"], null, {}],
  ["evaluation-satisfaction", "部门整体支出!D66", ["name", "value"], null, {}],
  ["review-satisfaction", "部门整体支出!D63", ["name", "value"], null, {}],
  // rates with their formula
  ["it-run-rate", "部门整体支出!D37", ["name", "value", "explanation"], null, {}],
  ["review-reduction-rate", "部门整体支出!D51", ["name", "value", "explanation"], null, {}],
  ["evaluation-onsite-coverage", "评审绩效信息化运维!E32", ["name", "value", "explanation"], times, {}],
  ["exam-participation-rate", "部门整体支出!D36", ["name", "value"], null, {}],
  ["inspection-opinion-adoption", "部门整体支出!D43", ["name", "value"], null, {}],
  ["exam-run-rate", "会计职称考试!E18", ["name", "value"], null, {}],
  ["it-budget-system-rate", "评审绩效信息化运维!E29", ["name", "value"], null, { 目标值: "90" }],
  ["evaluation-rectification-rate", "部门整体支出!D59", ["name", "value"], null, {}],
  ["finance-revenue-growth", "部门整体支出!D52", ["name", "value"], null, {}],
  // counts; values the seed wrote without an operator get one
  ["finance-units-organized", "部门整体支出!D24", ["name", "value"], null, {}],
  ["review-total-count", "部门整体支出!D35", ["name", "value"], null, {}],
  ["soe-online-count", "部门整体支出!D30", ["name", "value"], null, {}],
  ["training-classes", "部门整体支出!D34", ["name", "value"], null, {}],
  ["inspection-units", "财政监督检查!E18", ["name", "value"], null, {}],
  ["inspection-batches", "财政监督检查!E17", ["name", "value"], null, {}],
  ["training-participants", "评审绩效信息化运维!E23", ["name", "value"], withOperator("≥"), {}],
  ["training-days", "评审绩效信息化运维!E24", ["name", "value"], withOperator("≥"), {}],
  ["review-budget-review-count", "评审绩效信息化运维!E26", ["name", "value"], withOperator("≥"), {}],
  ["it-system-users", "评审绩效信息化运维!E21", ["name", "value"], withOperator("≥"), {}],
  ["inspection-problem-accuracy", "财政监督检查!E19", ["name", "value"], withOperator("="), {}],
  ["soe-coverage-rate", "国资在线监测!E22", ["name", "value"], withOperator("="), {}],
  // time
  ["it-repair-response", "部门整体支出!D48", ["name", "value"], withOperator(""), {}],
  ["general-deadline", "国资在线监测!E26", ["name", "value"], null, {}],
];

describe("seed-derived templates reproduce the seed rows", () => {
  it.each(CASES.map(([id, cell, fields, fix, values]) => [id, fields.join("+"), cell, fields, fix, values] as const))(
    "%s (%s)",
    (id, _label, cell, fields, fix, values) => {
      const t = templateById(id)!;
      expect(t).toBeDefined();
      expect(t.source).toMatch(/^《六盘水市财政局2025年/);
      const row = seedRow(cell);
      const want = { ...row, ...(fix ? fix(row) : {}) };
      const got = fillTemplate(t, values);
      for (const f of fields) expect(got[f]).toBe(want[f]);
    }
  );

  it("the seed's defects are fixed, not copied", () => {
    // blank sample sizes: the library samples people of the units, never "名被评审单位"
    for (const id of ["review-satisfaction", "evaluation-satisfaction"]) {
      const e = fillTemplate(templateById(id)!).explanation;
      expect(e).toMatch(/随机抽取\d+名被评[审价]单位工作人员/);
    }
    // an explanation that does not say what it reflects gets "反映…"
    expect(seedRow("会计职称考试!E18").explanation).not.toMatch(/^反映/);
    expect(fillTemplate(templateById("exam-run-rate")!).explanation).toMatch(/^反映.*计算公式：顺利完成考试场数\/考试总场数×100%$/);
    // the seed's 项目或定额成本控制率 “=100%” (实际支出/预算) is a cost amount with ≤ in the library
    expect(seedRow("部门整体支出!D49")).toMatchObject({ name: "项目或定额成本控制率", value: "=100%" });
    expect(fillTemplate(templateById("general-total-cost")!).value).toMatch(/^≤\d+万元$/);
  });

  it("every seed sheet is drawn on", () => {
    const sheets = new Set(CASES.map(([, cell]) => cell.split("!")[0]));
    expect([...sheets].sort()).toEqual([...expected.sheetOrder].filter((s) => s !== "政府采购电子卖场").sort());
    expect(templateById("procurement-run-rate")!.source).toContain("政府采购电子卖场经费");
  });
});

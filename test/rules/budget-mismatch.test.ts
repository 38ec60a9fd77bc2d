import { budgetMismatch } from "../../src/core/rules/budget-mismatch";
import { ruleTester, runRule, type RuleCase } from "../helpers/rule-tester";
import { DEPARTMENT_FIELDS, PROJECT_FIELDS, sheetOf, VALID_ROWS, type TableSpec } from "../helpers/tables";

// Header fields one per row from row 2, values in C. Project (default): 项目名称 C2 … 预算资金（元） C5
// (100000元 = 10万元), 年度目标 C6. With parts: 预算资金 C5, 财政拨款 C6, 其他资金 C7.
// Department: 部门名称 C2, 基本支出 C3, 项目支出 C4, 资金总额(万元) C5, 绩效目标 C6.
type Field = readonly [string, string | number | null];
const cost = (name: string, value: string) => ["产出指标", "成本指标", name, value, `反映${name}支出情况`];

const project = (budget: Field, parts: Field[] = [], name = "干部培训经费（2025年）"): TableSpec => ({
  fields: [["项目名称", name], PROJECT_FIELDS[1], PROJECT_FIELDS[2], budget, ...parts, PROJECT_FIELDS[4]],
  rows: VALID_ROWS,
});
const department = (basic: number, projects: number, total: number): TableSpec => ({
  kind: "department",
  fields: [DEPARTMENT_FIELDS[0], ["基本支出", basic], ["项目支出", projects], ["资金总额(万元)", total], DEPARTMENT_FIELDS[4]],
  rows: VALID_ROWS,
});
/** A department table whose parts and total are labelled (or written) in their own units. */
const mixed = (basic: Field, projects: Field, total: Field): TableSpec => ({
  kind: "department",
  fields: [DEPARTMENT_FIELDS[0], basic, projects, total, DEPARTMENT_FIELDS[4]],
  rows: VALID_ROWS,
});
/** A workbook: the department table on its own sheet, then one sheet per project. */
const workbook = (dept: TableSpec, ...projects: TableSpec[]): RuleCase => ({
  sheets: [sheetOf("部门整体支出", dept), ...projects.map((p, k) => sheetOf(`项目${k + 1}`, p))],
});

ruleTester(budgetMismatch, {
  valid: [
    { name: "the base table: cost ≤10万元 within a budget of 100000元", rows: [] },
    { name: "2221.48 + 548 = 2769.48 (the seed's 部门整体支出)", table: department(2221.48, 548, 2769.48) },
    { name: "财政拨款 + 其他资金 = 预算资金, in 元", table: project(["预算资金（元）", 100000], [["财政拨款（元）", 80000], ["其他资金（元）", 20000]]) },
    { name: "parts that add up, in 万元, written as text with decimals", table: project(["资金总额（万元）", "10.00"], [["财政拨款（万元）", "8.00"], ["其他资金（万元）", "2.00"]]) },
    { name: "a part that is not a number: nothing to add up", table: project(["预算资金（元）", 100000], [["财政拨款（元）", 80000], ["其他资金（元）", "见附表"]]) },
    { name: "a cost equal to the budget, in other units (≤100000元 = 10万元)", rows: [cost("会务费", "≤100000元")] },
    { name: "a unit cost within the budget (≤600元/人)", rows: [cost("人均培训成本", "≤600元/人")] },
    { name: "a cost with ≥ is wrong-direction's business, not compared", rows: [cost("设备购置成本", "≥12万元")] },
    { name: "money under 效益 that is not spent", rows: [["效益指标", "经济效益指标", "带动相关产业增收", "≥50万元", "反映带动增收情况"]] },
    { name: "projects within the department's 项目支出 (元 and 万元 mixed): 30 + 20 ≤ 50万元", ...workbook(department(200, 50, 250), project(["预算资金（元）", 300000], [], "项目一（2025年）"), project(["预算资金（万元）", 20], [], "项目二（2025年）")) },
    { name: "parts in 元, total in 万元: 2,000,000元 + 500,000元 = 250万元", table: mixed(["基本支出（元）", 2000000], ["项目支出（元）", 500000], ["资金总额（万元）", 250]) },
    { name: "parts in 万元, total in 亿元: 200 + 50 = 0.025亿元", table: mixed(["基本支出（万元）", 200], ["项目支出（万元）", 50], ["资金总额（亿元）", 0.025]) },
    { name: "units written with the amounts: 2,000,000元 + 500000元 = 250万元", table: mixed(["基本支出", "2,000,000元"], ["项目支出", "500000元"], ["资金总额", "250万元"]) },
    { name: "a total written 250万 (万 without 元) and parts in 元", table: mixed(["基本支出（元）", 2000000], ["项目支出（元）", 500000], ["资金总额", "250万"]) },
    { name: "the unit of the amounts' group: 资金情况（万元） over 200 + 50 = 250", table: { kind: "department", fields: [DEPARTMENT_FIELDS[0], ["资金情况（万元）", null], ["基本支出", 200], ["项目支出", 50], ["资金总额", 250], DEPARTMENT_FIELDS[4]], rows: VALID_ROWS } },
    { name: "projects without a department table: nothing to compare", ...workbook(project(["预算资金（元）", 300000], [], "项目一（2025年）"), project(["预算资金（万元）", 90], [], "项目二（2025年）")) },
  ],
  invalid: [
    {
      name: "基本支出 + 项目支出 ≠ 资金总额 (department)",
      table: department(2221.48, 548, 2779.48),
      errors: [{ cell: "C5", severity: "error", message: "基本支出＋项目支出＝2769.48，与资金总额(万元)2779.48不一致，请核对", fix: false }],
    },
    {
      name: "财政拨款 + 其他资金 ≠ 预算资金, in 元",
      table: project(["预算资金（元）", 100000], [["财政拨款（元）", 80000], ["其他资金（元）", 10000]]),
      errors: [{ cell: "C5", message: "财政拨款（元）＋其他资金（元）＝90000，与预算资金（元）100000不一致" }],
    },
    {
      name: "parts ≠ total, in 万元",
      table: project(["资金总额（万元）", 10], [["财政拨款（万元）", 8], ["其他资金（万元）", 3]]),
      errors: [{ cell: "C5", message: "＝11，与资金总额（万元）10不一致" }],
    },
    {
      name: "parts in 元, total in 万元: 2,000,000元 + 500,000元 ≠ 260万元",
      table: mixed(["基本支出（元）", 2000000], ["项目支出（元）", 500000], ["资金总额（万元）", 260]),
      errors: [{ cell: "C5", message: "基本支出（元）＋项目支出（元）＝250万元，与资金总额（万元）260万元不一致" }],
    },
    {
      name: "units written with the amounts: 2,000,000元 + 600000元 ≠ 250万元",
      table: mixed(["基本支出", "2,000,000元"], ["项目支出", "600000元"], ["资金总额", "250万元"]),
      errors: [{ cell: "C5", message: "基本支出＋项目支出＝260万元，与资金总额250万元不一致" }],
    },
    {
      name: "parts in 万元, total in 亿元: 200 + 60 ≠ 0.025亿元",
      table: mixed(["基本支出（万元）", 200], ["项目支出（万元）", 60], ["资金总额（亿元）", 0.025]),
      errors: [{ cell: "C5", message: "基本支出（万元）＋项目支出（万元）＝0.026亿元，与资金总额（亿元）0.025亿元不一致" }],
    },
    {
      name: "a cost above the budget: ≤12万元 against 100000元",
      rows: [cost("设备购置成本", "≤12万元")],
      errors: [{ cell: "D15", severity: "error", message: "成本指标“设备购置成本”的“≤12万元”超过预算资金100000元，请核对" }],
    },
    { name: "a cost above the budget in 元: ≤120000元", rows: [cost("资料印刷费", "≤120000元")], errors: [{ cell: "D15", message: "资料印刷费" }] },
    { name: "= above the budget: =10.5万元", rows: [cost("总成本", "=10.5万元")], errors: [{ cell: "D15", message: "“=10.5万元”超过预算资金" }] },
    { name: "money spent filed under 数量, without an operator", rows: [["产出指标", "数量指标", "项目总投入", "20万元", "反映项目投入"]], errors: [{ cell: "D15", message: "项目总投入" }] },
    {
      name: "a cost in the 101号 layout above a budget in 万元",
      table: {
        fields: [["项目名称", "干部培训经费（2025年）"], PROJECT_FIELDS[1], PROJECT_FIELDS[2], ["预算资金（万元）", 10], PROJECT_FIELDS[4]],
        rows: [VALID_ROWS[0], ["成本指标", "经济成本指标", "培训成本", "≤11万元", "反映培训经费支出情况"], VALID_ROWS[5], VALID_ROWS[6]],
      },
      errors: [{ cell: "D9", message: "超过预算资金10万元" }],
    },
    {
      name: "project budgets (several sheets) above the department's 项目支出: 30 + 20 > 40万元",
      ...workbook(department(200, 40, 240), project(["预算资金（元）", 300000], [], "项目一（2025年）"), project(["预算资金（万元）", 20], [], "项目二（2025年）")),
      errors: [{ cell: "C4", severity: "error", message: "本工作簿2个项目预算合计50万元，超过部门项目支出40万元", fix: false }],
    },
    {
      name: "the same with all tables stacked on one sheet",
      sheets: [sheetOf("Sheet1", department(200, 40, 240), project(["预算资金（元）", 300000], [], "项目一（2025年）"), project(["预算资金（万元）", 20], [], "项目二（2025年）"))],
      errors: [{ cell: "C4", message: "超过部门项目支出40万元" }],
    },
  ],
});

describe("budget-mismatch", () => {
  it("the workbook finding sits on the department's sheet and points at every project's budget cell", () => {
    const [f] = runRule(
      budgetMismatch,
      workbook(department(200, 40, 240), project(["预算资金（元）", 300000], [], "项目一（2025年）"), project(["预算资金（万元）", 20], [], "项目二（2025年）")),
    );
    expect(f.sheet).toBe("部门整体支出");
    expect(f.tableId).toBe("部门整体支出!A2");
    expect(f.relatedCells).toEqual(["项目1!C5", "项目2!C5"]);
  });
  it("the parts finding points at the parts", () => {
    const [f] = runRule(budgetMismatch, { table: department(2221.48, 548, 2779.48) });
    expect(f.relatedCells).toEqual(["C3", "C4"]);
  });
});

/**
 * Issue 7: every library template, filled with its defaults, passes all rules; left unfilled, it is
 * flagged by placeholder-left or blank-sample-size until filled. Each is inserted by the planner
 * into a clean table (both cost layouts) and the new row is checked by every rule.
 */
import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { parseWorkbook } from "../../src/core/parse";
import { TEMPLATES } from "../../src/core/templates/library";
import { planInsertion } from "../../src/core/templates/plan";
import { PROJECT_FIELDS, sheetOf } from "../helpers/tables";

// a clean table whose names no template uses, with a budget large enough for any default cost
const FIELDS = PROJECT_FIELDS.map(([label, value]) =>
  label.startsWith("预算资金") ? ([label, 100000000] as const) : ([label, value] as const)
);
const ROWS = [
  ["产出指标", "数量指标", "测试专用数量指标甲", "≥2次", "反映测试甲"],
  ["产出指标", "成本指标", "测试专用成本指标乙", "≤10万元", "反映测试乙"],
  ["效益指标", "社会效益指标", "测试专用效益指标丙", "≥90%", "反映测试丙，计算公式：达标数/总数×100%"],
  [
    "满意度指标",
    "服务对象满意度指标",
    "测试专用满意度丁",
    "≥90%",
    "反映测试对象对测试工作的满意程度，随机抽取30名测试对象发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
  ],
];
const OWN_COST_ROWS = ROWS.map((r) => (r[1] === "成本指标" ? ["成本指标", "经济成本指标", r[2], r[3], r[4]] : r));

describe.each([
  ["成本 as a 二级 under 产出", ROWS],
  ["成本 as its own 一级", OWN_COST_ROWS],
])("library templates in a table with %s", (_layout, rows) => {
  const grid = sheetOf("S", { rows, fields: FIELDS });
  const table = parseWorkbook([grid]).tables[0];

  it("the base table is clean", () => {
    expect(checkGrids([grid]).findings.map((f) => `${f.cell} [${f.rule}] ${f.message}`)).toEqual([]);
  });

  it("filled with their defaults, every template passes every rule", () => {
    const problems: string[] = [];
    for (const t of TEMPLATES) {
      const plan = planInsertion(table, t);
      const [after] = applyPlanToGrids([grid], plan.plan);
      for (const f of checkGrids([after]).findings) {
        if (f.row !== plan.row) {
          problems.push(`${t.id}: 表中其他位置出现 ${f.cell} [${f.rule}] ${f.message}`);
          continue;
        }
        // a graded qualitative value under 效益 is allowed (定性分级分档): only an info-level hint
        if (f.rule === "vague-value" && f.severity === "info" && t.level1 === "效益") continue;
        problems.push(`${t.id}: ${f.cell} [${f.rule}] ${f.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("left unfilled, every template is flagged until filled", () => {
    const unflagged: string[] = [];
    for (const t of TEMPLATES) {
      const plan = planInsertion(table, t, {}, { keepUnfilled: true });
      const [after] = applyPlanToGrids([grid], plan.plan);
      const rules = new Set(
        checkGrids([after])
          .findings.filter((f) => f.row === plan.row)
          .map((f) => f.rule)
      );
      if (!rules.has("placeholder-left") && !rules.has("blank-sample-size")) unflagged.push(t.id);
    }
    expect(unflagged).toEqual([]);
  });
});

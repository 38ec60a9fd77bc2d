import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { missingFormula } from "../../src/core/rules/missing-formula";
import { fillPlan } from "../../src/core/rules/util";
import { gridsOf, ruleTester, runRule, type RuleCase } from "../helpers/rule-tester";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14, appended rows from 15 (E 指标解释)
const quality = (name: string, value: string, explanation: string) => ["产出指标", "质量指标", name, value, explanation];

ruleTester(missingFormula, {
  valid: [
    { name: "rates with 计算公式", rows: [] },
    { name: "a “/” is a formula", rows: [quality("验收合格率", "≥95%", "验收合格数/验收总数")] },
    { name: "“÷” is a formula", rows: [quality("验收合格率", "≥95%", "合格数÷总数")] },
    { name: "“×100%” is a formula", rows: [quality("验收合格率", "≥95%", "合格数与总数之比×100%")] },
    { name: "“占…比例” is a formula", rows: [quality("验收合格率", "≥95%", "验收合格的项目数占验收项目总数的比例")] },
    { name: "“计算方法：” is a formula", rows: [quality("验收合格率", "≥95%", "计算方法：抽查合格数除以抽查数")] },
    { name: "a count needs no formula", rows: [["产出指标", "数量指标", "培训天数", "≥8天", "反映培训天数"]] },
    { name: "效率 is not a rate", rows: [quality("审批效率", "≥5件", "反映审批效率")] },
    { name: "a blank explanation is missing-explanation's business", rows: [quality("验收合格率", "≥95%", "")] },
    { name: "no explanation column: nothing to check", table: { headers: ["一级指标", "二级指标", "三级指标", "指标值"], rows: [["产出指标", "质量指标", "验收合格率", "≥95%"]] } },
  ],
  invalid: [
    {
      name: "在线监管系统企业覆盖率 100% — 实现11户国有企业系统监管 (the seed's 国资在线监测)",
      rows: [quality("在线监管系统企业覆盖率", "=100%", "实现11户国有企业系统监管")],
      errors: [{ cell: "E15", severity: "warning", message: "比率指标“在线监管系统企业覆盖率”的解释缺少计算公式，请补充（如：分子/分母×100%）", fix: "实现11户国有企业系统监管，计算公式：纳入在线监管的企业数/出资企业总数×100%" }],
    },
    { name: "a name ending in 比例", rows: [quality("资金使用比例", "≥90%", "反映资金使用情况。")], errors: [{ cell: "E15", fix: "反映资金使用情况。计算公式：合规使用的资金/资金使用总额×100%" }] },
    { name: "a name ending in 占比", rows: [quality("达标占比", "≥90%", "反映达标情况")], errors: [{ message: "达标占比" }] },
    { name: "a value in % makes a rate", rows: [quality("完成质量", "≥95%", "反映完成质量")], errors: [{ message: "完成质量" }] },
    {
      name: "satisfaction: the fix appends the survey formula",
      rows: [["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "反映群众对服务的满意程度"]],
      errors: [{ cell: "E15", message: "群众满意度", fix: "反映群众对服务的满意程度，计算公式：满意问卷数/问卷总数×100%" }],
    },
    {
      name: "under 效益 too",
      rows: [["效益指标", "社会效益指标", "政策知晓率", "≥80%", "反映群众对政策的知晓情况"]],
      errors: [{ cell: "E15", message: "政策知晓率" }],
    },
  ],
});

describe("missing-formula quick fix", () => {
  function fixAndRecheck(c: RuleCase, given: Record<string, string>) {
    const grids = gridsOf(c);
    const before = checkGrids(grids).findings;
    expect(before.map((f) => f.rule)).toEqual(["missing-formula"]);
    const fix = before[0].fix!;
    expect(fix.safe).toBe(false);
    // the formula's parts are asked for unless a template knows them
    const values = Object.fromEntries(fix.inputs.map((i) => [i.placeholder, given[i.placeholder] ?? i.defaultValue ?? ""]));
    const fixed = applyPlanToGrids(grids, fillPlan(fix.plan, values));
    expect(checkGrids(fixed).findings).toEqual([]);
    return fixed[0].cell(15, 5)?.text;
  }

  it("satisfaction: appends 满意问卷数/问卷总数×100% (no input needed)", () => {
    const [f] = runRule(missingFormula, { rows: [["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "反映群众对服务的满意程度"]] });
    expect(f.fix!.inputs).toEqual([]);
    expect(fixAndRecheck({ rows: [["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "反映群众对服务的满意程度"]] }, {})).toBe(
      "反映群众对服务的满意程度，计算公式：满意问卷数/问卷总数×100%",
    );
  });

  it("a rate: the numerator and denominator filled in by the user; the rest of the text kept", () => {
    const text = fixAndRecheck({ rows: [quality("在线监管系统企业覆盖率", "=100%", "实现11户国有企业系统监管")] }, { "{分子}": "纳入系统监管企业数", "{分母}": "国有企业总数" });
    expect(text).toMatch(/^实现11户国有企业系统监管，计算公式：.+\/.+×100%$/);
    expect(text).not.toMatch(/\{/);
  });
});

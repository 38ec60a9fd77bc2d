import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { nonstandardOperator } from "../../src/core/rules/nonstandard-operator";
import { gridsOf, ruleTester, runRule } from "../helpers/rule-tester";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14, appended rows from 15 (D 指标值)
const row = (l2: string, name: string, value: string, explanation = "反映完成情况") => ["产出指标", l2, name, value, explanation];
const RATE = "计算公式：合格数/总数×100%";
const OP_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标解释"];

ruleTester(nonstandardOperator, {
  valid: [
    { name: "≥ ≤ = > < are standard", rows: [row("质量指标", "验收合格率", "≥95%", RATE), row("成本指标", "印刷成本", "≤1万元"), row("数量指标", "平台数量", "=1个"), row("数量指标", "培训期数", ">3期"), row("时效指标", "响应时间", "<2小时")] },
    { name: "no operator at all is missing-operator's business", rows: [row("数量指标", "培训天数", "8天")] },
    { name: "a deadline", rows: [row("时效指标", "资料归档时限", "2025年12月31日前")] },
    { name: "a standard sign in the operator column", table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训班次", "≥", "2", "次", "反映培训班次"]] } },
    { name: "达到 without a number is a word, not an operator", rows: [["效益指标", "社会效益指标", "财政管理水平", "达到省内先进", "反映财政管理水平"]] },
  ],
  invalid: [
    { name: ">=98%", rows: [row("质量指标", "验收合格率", ">=98%", RATE)], errors: [{ cell: "D15", severity: "info", message: "指标“验收合格率”的比较符号写作“>=”，建议改为“≥98%”", fix: "≥98%" }] },
    { name: "<=5万元", rows: [row("成本指标", "设备购置成本", "<=5万元")], errors: [{ cell: "D15", message: "写作“<=”", fix: "≤5万元" }] },
    { name: "≧3期", rows: [row("数量指标", "培训期数", "≧3期")], errors: [{ message: "写作“≧”", fix: "≥3期" }] },
    { name: "≦2万元", rows: [row("成本指标", "会议成本", "≦2万元")], errors: [{ message: "写作“≦”", fix: "≤2万元" }] },
    { name: "═1套", rows: [row("数量指标", "系统数量", "═1套")], errors: [{ message: "写作“═”", fix: "=1套" }] },
    { name: "full-width ＝1个", rows: [row("数量指标", "平台数量", "＝1个")], errors: [{ message: "写作“＝”", fix: "=1个" }] },
    { name: "大于等于100人次", rows: [row("数量指标", "培训人次", "大于等于100人次")], errors: [{ message: "写作“大于等于”", fix: "≥100人次" }] },
    { name: "不低于95%", rows: [row("质量指标", "资料完整率", "不低于95%", "计算公式：完整数/总数×100%")], errors: [{ message: "写作“不低于”", fix: "≥95%" }] },
    { name: "不超过3万元", rows: [row("成本指标", "印刷成本", "不超过3万元")], errors: [{ message: "写作“不超过”", fix: "≤3万元" }] },
    { name: "a suffix: 100户以上", rows: [row("数量指标", "走访户数", "100户以上")], errors: [{ message: "写作“以上”", fix: "≥100户" }] },
    { name: "a space after the sign: ≤ 2小时 (the seed's 系统故障修复响应时间)", rows: [row("时效指标", "系统故障修复响应时间", "≤ 2小时")], errors: [{ message: "比较符号“≤”后有空格，建议改为“≤2小时”", fix: "≤2小时" }] },
    {
      name: ">= in the operator column: that cell is named and rewritten",
      table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训班次", ">=", "2", "次", "反映培训班次"]] },
      errors: [{ cell: "D8", message: "培训班次", fix: "≥" }],
    },
  ],
});

describe("nonstandard-operator quick fix", () => {
  it("is safe, needs no input; applied and re-checked, no finding of any rule remains", () => {
    const grids = gridsOf({ rows: [row("质量指标", "验收合格率", ">=98%", RATE), row("时效指标", "系统故障修复响应时间", "≤ 2小时")] });
    let current = grids;
    const before = checkGrids(grids).findings;
    expect(before.map((f) => f.rule)).toEqual(["nonstandard-operator", "nonstandard-operator"]);
    for (const f of before) {
      expect(f.fix!.safe).toBe(true);
      expect(f.fix!.inputs).toEqual([]);
      current = applyPlanToGrids(current, f.fix!.plan);
    }
    expect([current[0].cell(15, 4)?.text, current[0].cell(16, 4)?.text]).toEqual(["≥98%", "≤2小时"]);
    expect(checkGrids(current).findings).toEqual([]);
  });

  it("the fix keeps the unit and number exactly", () => {
    const [f] = runRule(nonstandardOperator, { rows: [row("成本指标", "人均培训成本", "不超过 500元/人")] });
    expect(f.fix!.plan.steps).toEqual([expect.objectContaining({ address: "D15", oldText: "不超过 500元/人", newText: "≤500元/人" })]);
  });
});

import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { fillPlan } from "../../src/core/rules/util";
import { vagueValue } from "../../src/core/rules/vague-value";
import { gridsOf, ruleTester, runRule } from "../helpers/rule-tester";

// base table: title row 1, fields 2–6 (项目名称 "干部培训经费（2025年）": budget year 2025), header 7,
// VALID_ROWS 8–14, appended rows from 15 (D 指标值)
const row = (l1: string, l2: string, name: string, value: string) => [l1, l2, name, value, `反映${name}情况`];

ruleTester(vagueValue, {
  valid: [
    { name: "quantitative values", rows: [] },
    { name: "a deadline under 时效", rows: [row("产出指标", "时效指标", "资料归档时限", "2025年12月31日前"), row("产出指标", "时效指标", "整改完成时限", "12月底前")] },
    { name: "a time limit with an operator: ≤2小时", rows: [row("产出指标", "时效指标", "系统故障修复响应时间", "≤2小时")] },
    { name: "a number with a word operator: 不少于3期", rows: [row("产出指标", "数量指标", "培训期数", "不少于3期")] },
    { name: "an empty value is missing-value's business", rows: [row("产出指标", "数量指标", "培训天数", "")] },
  ],
  invalid: [
    {
      name: "债务风险防范监管力度 进一步加大 under 质量 (the seed): warning",
      rows: [row("产出指标", "质量指标", "债务风险防范监管力度", "进一步加大")],
      errors: [{ cell: "D15", severity: "warning", message: "指标“债务风险防范监管力度”的指标值“进一步加大”无法衡量，请改为可量化的数值", fix: false }],
    },
    { name: "有效加强 under 数量: warning", rows: [row("产出指标", "数量指标", "宣传活动", "有效加强")], errors: [{ severity: "warning", message: "宣传活动" }] },
    { name: "有效控制 under 成本 (二级 of 产出): warning", rows: [row("产出指标", "成本指标", "成本控制", "有效控制")], errors: [{ severity: "warning", message: "无法衡量" }] },
    { name: "under the 101号 cost 一级 (经济成本): warning", rows: [row("成本指标", "经济成本指标", "办公成本", "合理控制")], errors: [{ severity: "warning" }] },
    { name: "优良 under 质量: warning", rows: [row("产出指标", "质量指标", "服务质量", "优良")], errors: [{ severity: "warning", message: "“优良”" }] },
    {
      name: "按时限完成 under 时效: warning, the fix asks for a deadline",
      rows: [row("产出指标", "时效指标", "培训计划完成时限", "按时限完成")],
      errors: [{ cell: "D15", severity: "warning", message: "指标“培训计划完成时限”的指标值“按时限完成”无法衡量，请改为具体完成时限", fix: "{完成时限}" }],
    },
    {
      name: "有效促进 under 效益: only info (定性分级分档 is allowed there)",
      rows: [row("效益指标", "社会效益指标", "促进本地区经济发展", "有效促进")],
      errors: [{ cell: "D15", severity: "info", message: "指标“促进本地区经济发展”的指标值“有效促进”为定性表述，建议量化或分级分档", fix: false }],
    },
    { name: "显著 under 经济效益: info", rows: [row("效益指标", "经济效益指标", "财政收入", "显著")], errors: [{ severity: "info", message: "“显著”" }] },
    { name: "长期 under 可持续影响: info", rows: [row("效益指标", "可持续影响指标", "长效机制", "长期")], errors: [{ severity: "info" }] },
    { name: "高中低 under 满意度: info", rows: [row("满意度指标", "服务对象满意度指标", "群众满意程度", "高中低")], errors: [{ severity: "info", message: "群众满意程度" }] },
    {
      name: "warning and info side by side, in row order",
      rows: [row("产出指标", "质量指标", "加强全市收支管理", "进一步加强"), row("效益指标", "社会效益指标", "优化财政资源配置", "有效优化")],
      errors: [
        { cell: "D15", severity: "warning" },
        { cell: "D16", severity: "info" },
      ],
    },
    {
      name: "a long qualitative value is clipped",
      rows: [row("产出指标", "时效指标", "评审时限", "按照合同约定时间内完成评审工作")],
      errors: [{ message: "“按照合同约定时间内…”" }],
    },
  ],
});

describe("vague-value quick fix (时效 only)", () => {
  it("asks for the deadline, defaulting to the end of the budget year; not safe", () => {
    const [f] = runRule(vagueValue, { rows: [row("产出指标", "时效指标", "培训计划完成时限", "按时限完成")] });
    expect(f.fix!.safe).toBe(false);
    expect(f.fix!.inputs).toEqual([expect.objectContaining({ placeholder: "{完成时限}", type: "text", defaultValue: "2025年12月31日前" })]);
  });

  it("the default follows the budget year set in the settings", () => {
    const [f] = runRule(vagueValue, { rows: [row("产出指标", "时效指标", "培训计划完成时限", "按时限完成")], settings: { budgetYear: 2026 } });
    expect(f.fix!.inputs[0].defaultValue).toBe("2026年12月31日前");
  });

  it("applied with the default deadline and re-checked: the finding is gone, nothing new", () => {
    const grids = gridsOf({ rows: [row("产出指标", "时效指标", "培训计划完成时限", "按时限完成")] });
    const before = checkGrids(grids).findings;
    expect(before.map((f) => f.rule)).toEqual(["vague-value"]);
    const fix = before[0].fix!;
    const fixed = applyPlanToGrids(grids, fillPlan(fix.plan, { "{完成时限}": fix.inputs[0].defaultValue! }));
    expect(fixed[0].cell(15, 4)?.text).toBe("2025年12月31日前");
    expect(checkGrids(fixed).findings).toEqual([]);
  });
});

describe("vague-value edge cases (once known gaps)", () => {
  // the catalogue's quick fix (docs/rules/vague-value.md): "suggest the matching quantitative template": under 数量/质量/成本 the
  // value of the library template closest by name, its blanks as inputs; none when nothing matches.
  it("a vague value under 质量 offers the matching template's quantitative value", () => {
    const [f] = runRule(vagueValue, { rows: [["产出指标", "质量指标", "评审报告合格率", "显著提高", "反映评审报告合格情况，计算公式：合格数/总数×100%"]] });
    expect(f.fix).not.toBeNull();
    const step = f.fix!.plan.steps[0];
    expect(step).toMatchObject({ kind: "set", address: "D15", oldText: "显著提高" });
    expect(step.kind === "set" && /^[≥=]/.test(step.newText)).toBe(true);
    const values = Object.fromEntries(f.fix!.inputs.map((i) => [i.placeholder, i.defaultValue ?? "95"]));
    const grids = gridsOf({ rows: [["产出指标", "质量指标", "评审报告合格率", "显著提高", "反映评审报告合格情况，计算公式：合格数/总数×100%"]] });
    const [after] = applyPlanToGrids(grids, fillPlan(f.fix!.plan, values));
    expect(checkGrids([after]).findings.filter((x) => x.row === 15)).toEqual([]);
  });
  it("no fix when no template is close to the name (债务风险防范监管力度)", () => {
    const [f] = runRule(vagueValue, { rows: [["产出指标", "质量指标", "债务风险防范监管力度", "进一步加大", "反映监管情况"]] });
    expect(f.fix).toBeNull();
  });
});

import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { wrongDirection } from "../../src/core/rules/wrong-direction";
import { gridsOf, ruleTester, runRule, type RuleCase } from "../helpers/rule-tester";

// base table: title row 1, fields 2–6 (预算资金 100000元), header 7, VALID_ROWS 8–14, appended rows from 15 (D 指标值)
const row = (l1: string, l2: string, name: string, value: string, explanation = `反映${name}情况`) => [l1, l2, name, value, explanation];
const cost = (name: string, value: string) => row("产出指标", "成本指标", name, value);
const count = (name: string, value: string) => row("产出指标", "数量指标", name, value);
const quality = (name: string, value: string) => row("产出指标", "质量指标", name, value, "计算公式：分子/分母×100%");
const OP_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标解释"];

ruleTester(wrongDirection, {
  valid: [
    { name: "the base table: ≥ on counts, rates and satisfaction, ≤ on the cost", rows: [] },
    { name: "a 时效 limit takes ≤: ≤2小时", rows: [row("产出指标", "时效指标", "系统故障修复响应时间", "≤2小时")] },
    { name: "a bad rate takes ≤: 差错率, 投诉率", rows: [quality("差错率", "≤1%"), quality("投诉率", "≤5%")] },
    { name: "= is never the wrong direction", rows: [cost("培训场地成本", "=2万元"), count("培训期数", "=3期")] },
    { name: "a cost in the 101号 layout with ≤", rows: [row("成本指标", "经济成本指标", "设备购置成本", "≤5万元")] },
    { name: "money under 数量 with ≤ (a subsidy ceiling) is not a count", rows: [count("补助资金", "≤5万元")] },
    { name: "a saving rate under 成本 with ≥ (a rate, not money)", rows: [row("产出指标", "成本指标", "成本节约率", "≥5%", "计算公式：节约额/预算额×100%")] },
    { name: "no operator is missing-operator's business", rows: [count("培训人数", "160人")] },
  ],
  invalid: [
    {
      name: "项目总投入 ≥6070万元 (the RULES example): ≥ on a cost",
      rows: [cost("项目总投入", "≥6070万元")],
      errors: [{ cell: "D15", severity: "warning", message: "指标“项目总投入”的“≥6070万元”方向不当，成本应设上限（≤）", fix: "≤6070万元" }],
    },
    { name: "> on a cost", rows: [cost("设备购置成本", ">5万元")], errors: [{ message: "成本应设上限", fix: "<5万元" }] },
    { name: "≥ on money spent under 经济成本 (101号 layout)", rows: [row("成本指标", "经济成本指标", "办公费", "≥2万元")], errors: [{ message: "成本应设上限", fix: "≤2万元" }] },
    {
      name: "≤ on a count under 数量",
      rows: [count("培训人数", "≤160人")],
      errors: [{ cell: "D15", message: "指标“培训人数”的“≤160人”方向不当，产出数量应设下限（≥）", fix: "≥160人" }],
    },
    { name: "< on a count", rows: [count("培训期数", "<3期")], errors: [{ message: "产出数量应设下限", fix: ">3期" }] },
    {
      name: "≤ on satisfaction",
      rows: [row("满意度指标", "服务对象满意度指标", "群众满意度", "≤90%", "随机抽取30名群众发放调查问卷，计算公式：满意问卷数/问卷总数×100%")],
      errors: [{ message: "满意度应设下限（≥）", fix: "≥90%" }],
    },
    { name: "< on a good rate (合格率)", rows: [quality("验收合格率", "<95%")], errors: [{ message: "此类比率越高越好，应设下限（≥）", fix: ">95%" }] },
    { name: "≤ on 覆盖率, 完成率, 知晓率", rows: [quality("培训覆盖率", "≤90%"), quality("任务完成率", "≤90%"), row("效益指标", "社会效益指标", "政策知晓率", "≤80%", "计算公式：知晓人数/调查人数×100%")], errors: [{ cell: "D15" }, { cell: "D16" }, { cell: "D17" }] },
    {
      name: "the operator in its own column: the value cell is named, the fix flips the operator cell",
      table: {
        headers: OP_COLUMNS,
        rows: [
          ["产出指标", "成本指标", "设备购置成本", "≥", "5", "万元", "反映设备购置支出"],
          ["产出指标", "数量指标", "培训人数", "≤", "160", "人", "反映培训人数"],
        ],
      },
      errors: [
        { cell: "E8", message: "成本应设上限", fix: "≤" },
        { cell: "E9", message: "产出数量应设下限", fix: "≥" },
      ],
    },
  ],
});

describe("wrong-direction quick fix", () => {
  it.each([
    ["a count ≤160人", { rows: [count("培训人数（外单位）", "≤160人")] }, "≥160人"],
    ["a cost ≥5万元", { rows: [cost("设备购置成本", "≥5万元")] }, "≤5万元"],
  ] as [string, RuleCase, string][])("flips the operator (%s), not safe; re-checked: the finding is gone, nothing new", (_, c, written) => {
    const grids = gridsOf(c);
    const before = checkGrids(grids).findings;
    expect(before.map((f) => f.rule)).toEqual(["wrong-direction"]);
    expect(before[0].fix!.safe).toBe(false);
    expect(before[0].fix!.inputs).toEqual([]);
    const fixed = applyPlanToGrids(grids, before[0].fix!.plan);
    expect(fixed[0].cell(15, 4)?.text).toBe(written);
    expect(checkGrids(fixed).findings).toEqual([]);
  });

  it("in the operator-column layout only the operator cell changes", () => {
    const [f] = runRule(wrongDirection, { table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训人数", "≤", "160", "人", "反映培训人数"]] } });
    expect(f.fix!.plan.steps).toEqual([{ kind: "set", sheet: "Sheet1", address: "D8", oldText: "≤", newText: "≥" }]);
  });
});

describe("wrong-direction edge cases (once known gaps)", () => {
  // Money under 效益 is usually a benefit to raise ("带动社会投资 ≥1000万元", "带动农户增收金额 ≥50万元"):
  // isCostAmount() matches 投资/金额 whatever the category, so a correct ≥ is called a cost.
  it.each([
    ["带动社会投资", "≥1000万元"],
    ["带动农户增收金额", "≥50万元"],
  ])("%s %s under 经济效益 is not a cost", (name, value) => {
    expect(runRule(wrongDirection, { rows: [row("效益指标", "经济效益指标", name, value)] })).toEqual([]);
  });
  // In the operator-column layout the message quotes only the number (“5”方向不当), not the sign that is wrong.
  it("the operator-column message quotes the operator", () => {
    const [f] = runRule(wrongDirection, { table: { headers: OP_COLUMNS, rows: [["产出指标", "成本指标", "设备购置成本", "≥", "5", "万元", "反映设备购置支出"]] } });
    expect(f.message).toContain("≥5");
  });
});

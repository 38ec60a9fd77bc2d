import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { missingOperator } from "../../src/core/rules/missing-operator";
import { parseCell } from "../../src/core/grid";
import { fillPlan } from "../../src/core/rules/util";
import { gridsOf, ruleTester, runRule, type RuleCase } from "../helpers/rule-tester";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14, appended rows from 15 (D 指标值)
const row = (l1: string, l2: string, name: string, value: string | number, explanation = "反映完成情况") => [l1, l2, name, value, explanation];
const OP_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标解释"];

ruleTester(missingOperator, {
  valid: [
    { name: "≥95% has an operator", rows: [row("产出指标", "质量指标", "资料完整率", "≥95%", "计算公式：完整数/总数×100%")] },
    { name: "=100% and ≤10万元 have operators", rows: [row("产出指标", "质量指标", "验收合格率", "=100%", "计算公式：合格数/总数×100%"), row("产出指标", "成本指标", "印刷成本", "≤1万元")] },
    { name: "> and < count", rows: [row("产出指标", "数量指标", "培训期数", ">3期"), row("产出指标", "时效指标", "响应时间", "<2小时")] },
    { name: "a deadline needs no operator: 2025年12月31日前", rows: [row("产出指标", "时效指标", "资料归档时限", "2025年12月31日前")] },
    { name: "a short deadline: 12月底前", rows: [row("产出指标", "时效指标", "资料归档时限", "12月底前")] },
    { name: "a qualitative value (vague-value's business)", rows: [row("效益指标", "社会效益指标", "财政干部素养", "进一步提升")] },
    { name: "word operators (nonstandard-operator's business): 不少于3期", rows: [row("产出指标", "数量指标", "培训期数", "不少于3期")] },
    { name: "suffix operators: 100户以上, 2小时以内", rows: [row("产出指标", "数量指标", "走访户数", "100户以上"), row("产出指标", "时效指标", "响应时间", "2小时以内")] },
    {
      name: "the operator in its own column (指标性质)",
      table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训班次", "≥", "2", "次", "反映培训班次"]] },
    },
    {
      name: "指标性质 定性 marks the value as qualitative on purpose",
      table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训人数", "定性", "160", "人", "反映培训人数"]] },
    },
  ],
  invalid: [
    {
      name: "全市一般公共预算收入增长率 2% (the seed's 部门整体支出)",
      rows: [row("效益指标", "经济效益指标", "全市一般公共预算收入增长率", "2%", "计算公式：（本年收入-上年收入）/上年收入×100%")],
      errors: [{ cell: "D15", severity: "warning", message: "指标“全市一般公共预算收入增…”的指标值“2%”缺少比较符号，建议改为“≥2%”", fix: "{比较符号}2%" }],
    },
    {
      name: "系统运行维护数量 1个 (the seed's 评审绩效信息化运维)",
      rows: [row("产出指标", "数量指标", "系统运行维护数量", "1个")],
      errors: [{ cell: "D15", message: "建议改为“≥1个”" }],
    },
    {
      name: "a 100% rate defaults to =",
      rows: [row("产出指标", "质量指标", "考场监考考官覆盖率", "100%", "计算公式：监考考官数/考场数×100%")],
      errors: [{ message: "建议改为“=100%”" }],
    },
    { name: "a cost defaults to ≤", rows: [row("产出指标", "成本指标", "设备购置成本", "5万元")], errors: [{ message: "建议改为“≤5万元”" }] },
    { name: "an amount spent, outside 成本, defaults to ≤", rows: [row("产出指标", "数量指标", "国有资产流失金额", "0元")], errors: [{ message: "建议改为“≤0元”" }] },
    { name: "a bare number stored as a number", rows: [row("产出指标", "数量指标", "培训天数", 8)], errors: [{ cell: "D15", message: "“8”缺少比较符号" }] },
    {
      name: "operator column blank: the fix writes the operator column, the value cell is named",
      table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训天数", null, "8", "天", "反映培训天数"]] },
      errors: [{ cell: "E8", message: "培训天数" }],
    },
  ],
});

describe("missing-operator quick fix", () => {
  it("asks for the operator (a choice, default by category) and is not safe", () => {
    const [cost] = runRule(missingOperator, { rows: [row("产出指标", "成本指标", "设备购置成本", "5万元")] });
    expect(cost.fix!.safe).toBe(false);
    expect(cost.fix!.inputs).toEqual([
      expect.objectContaining({ placeholder: "{比较符号}", type: "choice", choices: ["≥", "=", "≤", ">", "<"], defaultValue: "≤" }),
    ]);
    const [count] = runRule(missingOperator, { rows: [row("产出指标", "数量指标", "培训天数", "8天")] });
    expect(count.fix!.inputs[0].defaultValue).toBe("≥");
  });

  it("in an operator-column layout the operator goes into its own column", () => {
    const [f] = runRule(missingOperator, { table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训天数", null, "8", "天", "反映培训天数"]] } });
    expect(f.fix!.plan.steps).toEqual([{ kind: "set", sheet: "Sheet1", address: "D8", oldText: "", newText: "{比较符号}" }]);
  });

  it.each([
    ["the value cell", { rows: [row("产出指标", "数量指标", "系统运行维护数量", "1个")] }, "D15", "≥1个"],
    ["the operator column", { table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训天数", null, "8", "天", "反映培训天数"], ["效益指标", "社会效益指标", "参训人员业务能力提升率", "≥", "90", "%", "计算公式：能力提升人数/参训人数×100%"], ["满意度指标", "服务对象满意度指标", "参训学员满意度", "≥", "90", "%", "随机抽取30名参训学员发放调查问卷，计算公式：满意问卷数/问卷总数×100%"]] } }, "D8", "≥"],
  ] as [string, RuleCase, string, string][])("applied with the default choice (%s), re-checked: the finding is gone, nothing new", (_, c, cell, written) => {
    const grids = gridsOf(c);
    const before = checkGrids(grids).findings;
    const target = before.find((f) => f.rule === "missing-operator")!;
    const values = Object.fromEntries(target.fix!.inputs.map((i) => [i.placeholder, i.defaultValue!]));
    const fixed = applyPlanToGrids(grids, fillPlan(target.fix!.plan, values));
    const { row: r, column } = parseCell(cell);
    expect(fixed[0].cell(r, column)?.text).toBe(written);
    const after = checkGrids(fixed).findings;
    const was = new Set(before.map((f) => f.fingerprint));
    expect(after.map((f) => f.fingerprint)).not.toContain(target.fingerprint);
    expect(after.filter((f) => !was.has(f.fingerprint)).map((f) => `${f.cell} [${f.rule}] ${f.message}`)).toEqual([]);
  });
});

describe("missing-operator edge cases (once known gaps)", () => {
  // A range "90%-95%" is bounded on both sides: it needs no comparison sign, and the suggested
  // "≥90%-95%" is not a sensible value.
  it("a range 90%-95% needs no operator", () => {
    expect(runRule(missingOperator, { rows: [row("产出指标", "质量指标", "验收合格率", "90%-95%", "计算公式：合格数/总数×100%")] })).toEqual([]);
  });
});

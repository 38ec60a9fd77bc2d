import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { rateOutOfRange } from "../../src/core/rules/rate-out-of-range";
import { gridsOf, ruleTester, runRule } from "../helpers/rule-tester";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14, appended rows from 15 (D 指标值)
const rate = (name: string, value: string, l1 = "产出指标", l2 = "质量指标") => [l1, l2, name, value, `计算公式：${name.replace(/率$/, "")}数/总数×100%`];
const OP_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标解释"];

ruleTester(rateOutOfRange, {
  valid: [
    { name: "≥95% is in range", rows: [rate("验收合格率", "≥95%")] },
    { name: "=100% is not out of range", rows: [rate("系统正常运行率", "=100%")] },
    { name: "≤100% is not out of range", rows: [rate("资金支出率", "≤100%")] },
    { name: "0% is a rate's floor, not below it", rows: [rate("安全事故发生率", "=0%")] },
    { name: "a growth rate may exceed 100% (增长率 ≥120%)", rows: [rate("全市一般公共预算收入增长率", "≥120%", "效益指标", "经济效益指标")] },
    { name: "比上年 / 同比 may exceed 100%", rows: [rate("财政收入比上年增幅", "≥110%", "效益指标", "经济效益指标"), rate("税收收入同比", "105%", "效益指标", "经济效益指标")] },
    { name: "a count is not a rate even above 100", rows: [["产出指标", "数量指标", "培训人数", "≥160人", "反映培训人数"]] },
    { name: "个百分点 is not capped at 100", rows: [rate("优良天数比例提高", "≥2个百分点", "效益指标", "生态效益指标")] },
  ],
  invalid: [
    {
      name: "完成及时率 ≥100% (the RULES example): can only mean =100%",
      rows: [rate("完成及时率", "≥100%")],
      errors: [{ cell: "D15", severity: "warning", message: "指标“完成及时率”的“≥100%”超出比率上限，只能是“=100%”", fix: "=100%" }],
    },
    { name: ">100%", rows: [rate("验收合格率", ">100%")], errors: [{ message: "“>100%”超出比率上限", fix: "=100%" }] },
    { name: "a space after the sign: ≥ 100%", rows: [rate("整改完成率", "≥ 100%")], errors: [{ fix: "=100%" }] },
    { name: "a word operator: 不低于100%", rows: [rate("整改完成率", "不低于100%")], errors: [{ message: "只能是“=100%”", fix: "=100%" }] },
    { name: "above 100%: 120%", rows: [rate("设备完好率", "120%")], errors: [{ cell: "D15", message: "指标“设备完好率”的比率“120%”超过100%，请核实", fix: false }] },
    { name: "above 100% with an operator: ≥105%", rows: [rate("资料归档率", "≥105%")], errors: [{ message: "超过100%" }] },
    { name: "a range reaching above 100%", rows: [rate("覆盖比例", "95%-105%")], errors: [{ message: "“95%-105%”超过100%" }] },
    { name: "a value in % on a non-rate name", rows: [["产出指标", "数量指标", "培训人数", "≥120%", "反映培训人数"]], errors: [{ message: "培训人数" }] },
    { name: "a negative rate", rows: [rate("资料归档率", "-5%")], errors: [{ cell: "D15", message: "指标“资料归档率”的比率“-5%”为负数，请核实", fix: false }] },
  ],
});

describe("rate-out-of-range quick fix", () => {
  it("rewriting ≥100% as =100% is safe and leaves no finding of any rule", () => {
    const grids = gridsOf({ rows: [rate("完成及时率", "≥100%")] });
    const before = checkGrids(grids).findings;
    expect(before.map((f) => f.rule)).toEqual(["rate-out-of-range"]);
    expect(before[0].fix!.safe).toBe(true);
    expect(before[0].fix!.inputs).toEqual([]);
    const fixed = applyPlanToGrids(grids, before[0].fix!.plan);
    expect(fixed[0].cell(15, 4)?.text).toBe("=100%");
    expect(checkGrids(fixed).findings).toEqual([]);
  });
});

describe("rate-out-of-range edge cases (once known gaps)", () => {
  // A growth rate may be negative on purpose (a cut: "“三公”经费增长率 ≤-3%"); growth names are
  // exempt from the 100% cap but not from the negative check.
  it("a negative growth target (“三公”经费增长率 ≤-3%) is not out of range", () => {
    expect(runRule(rateOutOfRange, { rows: [rate("“三公”经费增长率", "≤-3%", "效益指标", "经济效益指标")] })).toEqual([]);
  });
  // Operator in its own column (指标性质 "≥", 指标值 "100", 单位 "%"): the finding says “100” and the
  // safe fix rewrites the value cell "100" to "100" (a no-op), so 全部修复 changes nothing and the
  // finding stays. The fix should write "=" into the operator column.
  it("≥ in the operator column: the fix writes = there", () => {
    const [f] = runRule(rateOutOfRange, { table: { headers: OP_COLUMNS, rows: [["产出指标", "质量指标", "验收合格率", "≥", "100", "%", "计算公式：合格数/总数×100%"]] } });
    expect(f.fix!.plan.steps).toEqual([expect.objectContaining({ address: "D8", oldText: "≥", newText: "=" })]);
  });
  it("≥ in the operator column: the message shows the operator (“≥100%”)", () => {
    const [f] = runRule(rateOutOfRange, { table: { headers: OP_COLUMNS, rows: [["产出指标", "质量指标", "验收合格率", "≥", "100", "%", "计算公式：合格数/总数×100%"]] } });
    expect(f.message).toContain("≥100");
  });
});

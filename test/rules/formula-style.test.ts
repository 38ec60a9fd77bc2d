import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { fixFormulaStyle, formulaStyle } from "../../src/core/rules/formula-style";
import { gridsOf, ruleTester, runRule } from "../helpers/rule-tester";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14, appended rows from 15 (E 指标解释)
const quality = (name: string, explanation: string) => ["产出指标", "质量指标", name, "≥95%", explanation];
const SEED = "反映被检查单位对财政监督检查工作的满意程度，随机抽取20名被检查单位人员发放调查问卷，计算公式：满意问卷数/问卷总数*100%";

ruleTester(formulaStyle, {
  valid: [
    { name: "× is the standard sign", rows: [] },
    { name: "** is a placeholder, not a sign (placeholder-left's business)", rows: [["产出指标", "数量指标", "开发数量", "≥3个", "反映开发**个系统"]] },
    { name: "a letter x inside a word (Linux x86)", rows: [["产出指标", "数量指标", "系统数量", "≥2个", "反映Linux x86系统部署数量"]] },
    { name: "a * that is not between two operands", rows: [["产出指标", "数量指标", "系统数量", "≥2个", "*注：含备用系统"]] },
  ],
  invalid: [
    {
      name: "满意问卷数/问卷总数*100% (the seed's 财政监督检查)",
      rows: [["满意度指标", "服务对象满意度指标", "被检查单位满意度", "≥85%", SEED]],
      errors: [{ cell: "E15", severity: "info", message: "指标“被检查单位满意度”的计算公式用“*”作乘号，应写作“×”", fix: SEED.replace("*100%", "×100%") }],
    },
    { name: "a lower-case x: 归档数/总数x100%", rows: [quality("资料归档率", "计算公式：归档数/总数x100%")], errors: [{ cell: "E15", fix: "计算公式：归档数/总数×100%" }] },
    { name: "an upper-case X with a space", rows: [quality("资料完整率", "计算公式：完整数/总数X 100%")], errors: [{ fix: "计算公式：完整数/总数× 100%" }] },
    { name: "a full-width ＊", rows: [quality("验收合格率", "计算公式：合格数/总数＊100%")], errors: [{ fix: "计算公式：合格数/总数×100%" }] },
    { name: "after a bracket: （合格数/总数）*100%", rows: [quality("验收合格率", "计算公式：（合格数/总数）*100%")], errors: [{ fix: "计算公式：（合格数/总数）×100%" }] },
    { name: "spaces around *", rows: [quality("设备运行率", "计算公式：运行天数/365 * 100%")], errors: [{ fix: "计算公式：运行天数/365 × 100%" }] },
    {
      name: "two signs in one cell: one finding, both rewritten",
      rows: [quality("综合达标率", "计算公式：（达标数*权重）/总数*100%")],
      errors: [{ cell: "E15", fix: "计算公式：（达标数×权重）/总数×100%" }],
    },
  ],
});

describe("formula-style quick fix", () => {
  it("is safe, needs no input; applied and re-checked, no finding of any rule remains", () => {
    const grids = gridsOf({ rows: [["满意度指标", "服务对象满意度指标", "被检查单位满意度", "≥85%", SEED]] });
    const before = checkGrids(grids).findings;
    expect(before.map((f) => f.rule)).toEqual(["formula-style"]);
    expect(before[0].fix!.safe).toBe(true);
    expect(before[0].fix!.inputs).toEqual([]);
    const fixed = applyPlanToGrids(grids, before[0].fix!.plan);
    expect(fixed[0].cell(15, 5)?.text).toContain("问卷总数×100%");
    expect(checkGrids(fixed).findings).toEqual([]);
  });

  it("fixFormulaStyle leaves ** and words alone", () => {
    expect(fixFormulaStyle("≥**个")).toBe("≥**个");
    expect(fixFormulaStyle("Linux x86")).toBe("Linux x86");
    expect(fixFormulaStyle("满意问卷数/问卷总数*100%")).toBe("满意问卷数/问卷总数×100%");
  });
});

describe("formula-style edge cases (once known gaps)", () => {
  // A model number is no formula: "型号X100" is rewritten to "型号×100" by a safe fix.
  it("型号X100 is not a multiplication", () => {
    expect(runRule(formulaStyle, { rows: [["产出指标", "数量指标", "设备数量", "≥2台", "采购型号X100的扫描设备"]] })).toEqual([]);
  });
  // The message always says “*”, also when the text wrote the letter x ("总数x100%").
  it("the message names the sign actually written (x)", () => {
    const [f] = runRule(formulaStyle, { rows: [quality("资料归档率", "计算公式：归档数/总数x100%")] });
    expect(f.message).toContain("“x”");
  });
});

import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { RULES } from "../../src/core/rules";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { missingLevel1 } from "../../src/core/rules/missing-level1";
import { fillPlan } from "../../src/core/rules/util";
import type { IndicatorTemplate } from "../../src/core/templates/types";
import { gridsOf, ruleTester, runRule, type RuleCase } from "../helpers/rule-tester";
import { VALID_ROWS } from "../helpers/tables";

// base table: title row 1, fields 2–6, indicator header row 7 (the table-level finding points at A7)
const [COUNT, , QUALITY, , COST, BENEFIT, SATISFACTION] = VALID_ROWS;

/** A small template library, so the fix (insert the category's standard indicator) is deterministic. */
const tpl = (id: string, level1: IndicatorTemplate["level1"], level2: IndicatorTemplate["level2"], name: string, value: string, explanation: string, placeholders: IndicatorTemplate["placeholders"]): IndicatorTemplate => ({
  id, level1, level2, name, value, explanation, placeholders, keywords: [], sector: "测试", family: "测试", note: "测试用模板", source: "test",
});
const TEMPLATES: IndicatorTemplate[] = [
  tpl("t-count", "产出", "数量", "完成培训班次", "≥{数量}次", "反映完成培训的班次数量", [{ key: "数量", label: "数量（次）", type: "integer", default: null, min: 1 }]),
  tpl("t-economic", "效益", "经济效益", "带动相关产业增收", "≥{金额}万元", "反映项目带动相关产业增收的金额", [{ key: "金额", label: "金额（万元）", type: "number", default: null }]),
  tpl("t-satisfaction", "满意度", "服务对象满意度", "服务对象满意度", "≥{目标值}%", "反映服务对象对项目实施的满意程度，随机抽取{N}名服务对象发放调查问卷，计算公式：满意问卷数/问卷总数×100%", [
    { key: "目标值", label: "目标值（%）", type: "number", default: "90" },
    { key: "N", label: "抽样人数", type: "integer", default: null, min: 1 },
  ]),
];
/** Checks with the small template library above. */
const check = (grids: Parameters<typeof checkGrids>[0]) => checkGrids(grids, DEFAULT_SETTINGS, RULES, { templates: TEMPLATES });

ruleTester(missingLevel1, {
  valid: [
    { name: "产出, 效益 and 满意度 present (成本 as a 二级 under 产出)", rows: [] },
    {
      name: "the 101号 layout: 成本 as its own 一级",
      table: { rows: [COUNT, QUALITY, ["成本指标", "经济成本指标", "培训成本", "≤10万元", "反映培训经费支出情况"], BENEFIT, SATISFACTION] },
    },
    { name: "no cost category at all is not a missing 一级", table: { rows: [COUNT, BENEFIT, SATISFACTION] } },
    {
      name: "short names without 指标 and numbered names count",
      table: {
        rows: [
          ["一、产出", "数量", "培训班次", "≥2次", "反映组织培训的班次数量"],
          ["二、效益", "社会效益", "参训人员业务能力提升率", "≥90%", "计算公式：能力提升人数/参训人数×100%"],
          ["三、满意度", "服务对象满意度", "参训学员满意度", "≥90%", "随机抽取30名参训学员发放调查问卷，计算公式：满意问卷数/问卷总数×100%"],
        ],
      },
    },
    { name: "blank layout (一级 written once per group)", table: { layout: "blank", rows: VALID_ROWS } },
    { name: "repeat layout (一级 on every row)", table: { layout: "repeat", rows: VALID_ROWS } },
  ],
  invalid: [
    {
      name: "no 效益 (only 产出 and 满意度)",
      table: { rows: [COUNT, COST, SATISFACTION] },
      errors: [{ cell: "A7", severity: "error", message: "表格缺少“效益指标”", fix: "带动相关产业增收" }],
    },
    {
      name: "no 满意度",
      table: { rows: [COUNT, COST, BENEFIT] },
      errors: [{ cell: "A7", message: "表格缺少“满意度指标”，请补充服务对象满意度类指标", fix: "反映服务对象对项目实施的满意程度，随机抽取{N}名服务对象发放调查问卷，计算公式：满意问卷数/问卷总数×100%" }],
    },
    {
      name: "no 产出",
      table: { rows: [BENEFIT, SATISFACTION] },
      errors: [{ cell: "A7", message: "表格缺少“产出指标”", fix: "完成培训班次" }],
    },
    {
      name: "two 一级 missing: two findings, in RULES order",
      table: { rows: [BENEFIT] },
      errors: [{ message: "产出指标" }, { message: "满意度指标" }],
    },
    {
      name: "a label column: the finding points at the 一级 header (B7)",
      table: { label: "绩效指标", rows: [COUNT, SATISFACTION] },
      errors: [{ cell: "B7", message: "效益指标" }],
    },
    {
      name: "both cost layouts: a 成本 一级 after 成本 under 产出 (the later one is named)",
      rows: [["成本指标", "经济成本指标", "设备购置成本", "≤5万元", "反映设备购置支出"]],
      errors: [{ cell: "A15", severity: "error", message: "成本指标既作一级指标又作产出下的二级指标，请统一为一种口径", fix: false }],
    },
    {
      name: "both cost layouts: 成本 under 产出 after a 成本 一级 (its 二级 cell is named)",
      table: {
        rows: [
          ["成本指标", "经济成本指标", "培训成本", "≤10万元", "反映培训经费支出情况"],
          COUNT,
          ["产出指标", "成本指标", "场地租赁成本", "≤1万元", "反映场地租赁支出"],
          BENEFIT,
          SATISFACTION,
        ],
      },
      errors: [{ cell: "B10", message: "统一为一种口径" }],
    },
  ],
}, { templates: TEMPLATES });

describe("missing-level1 quick fix", () => {
  function fixAndRecheck(c: RuleCase, level1: string, values: Record<string, string>) {
    const grids = gridsOf(c);
    const before = check(grids).findings;
    const target = before.find((f) => f.rule === "missing-level1" && f.message.includes(level1))!;
    expect(target.fix).not.toBeNull();
    expect(target.fix!.safe).toBe(false); // a new section needs the user's numbers
    expect(target.fix!.inputs.map((i) => i.placeholder).sort()).toEqual(Object.keys(values).sort());
    const fixed = applyPlanToGrids(grids, fillPlan(target.fix!.plan, values));
    const after = check(fixed).findings;
    const was = new Set(before.map((f) => f.fingerprint));
    expect(after.map((f) => f.fingerprint)).not.toContain(target.fingerprint);
    expect(after.filter((f) => !was.has(f.fingerprint)).map((f) => `${f.cell} [${f.rule}] ${f.message}`)).toEqual([]);
    return fixed;
  }

  it("inserts a 效益 section with the template row, values filled; the table then passes every rule", () => {
    const fixed = fixAndRecheck({ table: { rows: [COUNT, COST, SATISFACTION] } }, "效益指标", { "{金额}": "50" });
    const g = fixed[0];
    expect([1, 2, 3, 4].map((c) => g.cell(10, c)?.text)).toEqual(["效益指标", "经济效益指标", "带动相关产业增收", "≥50万元"]);
    expect(check(fixed).findings).toEqual([]);
  });

  it("inserts a 满意度 section whose explanation carries the sample size the user gave", () => {
    const fixed = fixAndRecheck({ table: { rows: [COUNT, COST, BENEFIT] } }, "满意度指标", { "{目标值}": "90", "{N}": "30" });
    expect(fixed[0].cell(11, 5)?.text).toBe("反映服务对象对项目实施的满意程度，随机抽取30名服务对象发放调查问卷，计算公式：满意问卷数/问卷总数×100%");
    expect(check(fixed).findings).toEqual([]);
  });

  it("no template for the category: no fix, the finding stays", () => {
    const [f] = runRule(missingLevel1, { table: { rows: [COUNT, SATISFACTION] }, templates: [] });
    expect(f.fix).toBeNull();
  });
});

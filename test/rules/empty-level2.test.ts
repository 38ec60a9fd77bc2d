import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { RULES } from "../../src/core/rules";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { emptyLevel2 } from "../../src/core/rules/empty-level2";
import { fillPlan } from "../../src/core/rules/util";
import type { IndicatorTemplate } from "../../src/core/templates/types";
import { gridsOf, ruleTester, runRule, type RuleCase } from "../helpers/rule-tester";
import { VALID_ROWS } from "../helpers/tables";

// base table: title row 1, fields 2–6, indicator header row 7, VALID_ROWS 8–14 (A 一级, B 二级, C 三级, D 指标值, E 解释)
const [COUNT, COUNT2, QUALITY, TIMELY, COST, BENEFIT, SATISFACTION] = VALID_ROWS;

const tpl = (id: string, level1: IndicatorTemplate["level1"], level2: IndicatorTemplate["level2"], name: string, value: string, explanation: string, placeholders: IndicatorTemplate["placeholders"]): IndicatorTemplate => ({
  id, level1, level2, name, value, explanation, placeholders, keywords: [], sector: "测试", family: "测试", note: "测试用模板", source: "test",
});
const TEMPLATES: IndicatorTemplate[] = [
  tpl("t-economic", "效益", "经济效益", "带动相关产业增收", "≥{金额}万元", "反映项目带动相关产业增收的金额", [{ key: "金额", label: "金额（万元）", type: "number", default: null }]),
  tpl("t-ecology", "效益", "生态效益", "节约用纸量", "≥{数量}张", "反映项目推行无纸化培训节约用纸的数量", [{ key: "数量", label: "数量（张）", type: "integer", default: null, min: 1 }]),
];
/** Checks with the small template library above. */
const check = (grids: Parameters<typeof checkGrids>[0]) => checkGrids(grids, DEFAULT_SETTINGS, RULES, { templates: TEMPLATES });

/** The base table with blank 二级 rows among the 效益 rows (rows 13 …). */
const withBlank = (...blank: (readonly (string | null)[])[]) => ({ rows: [COUNT, COUNT2, QUALITY, TIMELY, COST, BENEFIT, ...blank, SATISFACTION] });

ruleTester(emptyLevel2, {
  valid: [
    { name: "every 二级 holds an indicator", rows: [] },
    { name: "a 二级 with a 三级 name but no value is an indicator (missing-value reports it)", rows: [["效益指标", "生态效益指标", "节约用纸量", null, "反映节约用纸量"]] },
    { name: "a 二级 with a value but no 三级 name is not blank", rows: [["效益指标", "生态效益指标", null, "≥1000张", "反映节约用纸量"]] },
    { name: "blank layout", table: { layout: "blank", rows: VALID_ROWS } },
  ],
  invalid: [
    {
      name: "a 生态效益指标 row left blank (the 二级 cell is named)",
      table: withBlank(["效益指标", "生态效益指标", null, null, null]),
      errors: [{ cell: "B14", severity: "warning", message: "二级指标“生态效益指标”下没有三级指标和指标值，请补充指标或删除该行", fix: "节约用纸量" }],
    },
    {
      name: "two blank 二级 rows, empty strings count as blank",
      table: withBlank(["效益指标", "经济效益指标", "", "", ""], ["效益指标", "可持续影响指标", "  ", null, null]),
      errors: [
        { cell: "B14", message: "经济效益指标", fix: "带动相关产业增收" },
        { cell: "B15", message: "可持续影响指标", fix: true }, // no template for 可持续影响: the row can be deleted
      ],
    },
    {
      name: "a blank 二级 in the repeat layout",
      table: { layout: "repeat", ...withBlank(["效益指标", "生态效益指标", null, null, null]) },
      errors: [{ cell: "B14", message: "生态效益指标" }],
    },
    {
      name: "a blank 二级 appended as its own group (a new 一级 cell above it): no delete fix without a template",
      rows: [["效益指标", "可持续影响指标", null, null, null]],
      errors: [{ cell: "B15", message: "可持续影响指标", fix: false }],
    },
  ],
}, { templates: TEMPLATES });

describe("empty-level2 quick fixes", () => {
  function fixAndRecheck(c: RuleCase, values: Record<string, string>, k = 0) {
    const grids = gridsOf(c);
    const before = check(grids).findings;
    const target = before.filter((f) => f.rule === "empty-level2")[k];
    expect(target.fix).not.toBeNull();
    expect(target.fix!.safe).toBe(false);
    expect(target.fix!.inputs.map((i) => i.placeholder).sort()).toEqual(Object.keys(values).sort());
    const fixed = applyPlanToGrids(grids, fillPlan(target.fix!.plan, values));
    const after = check(fixed).findings;
    const was = new Set(before.map((f) => f.fingerprint));
    expect(after.map((f) => f.fingerprint)).not.toContain(target.fingerprint);
    expect(after.filter((f) => !was.has(f.fingerprint)).map((f) => `${f.cell} [${f.rule}] ${f.message}`)).toEqual([]);
    return { fixed, after };
  }

  it("fills the blank row with the 二级's standard indicator; the table then passes every rule", () => {
    const { fixed, after } = fixAndRecheck({ table: withBlank(["效益指标", "生态效益指标", null, null, null]) }, { "{数量}": "5000" });
    expect([3, 4, 5].map((c) => fixed[0].cell(14, c)?.text)).toEqual(["节约用纸量", "≥5000张", "反映项目推行无纸化培训节约用纸的数量"]);
    expect(after).toEqual([]);
  });

  it("without a template the one-row 二级 inside its 一级 group is deleted; merges shrink", () => {
    const c = { table: withBlank(["效益指标", "可持续影响指标", null, null, null]) };
    const [f] = runRule(emptyLevel2, { ...c, templates: TEMPLATES });
    expect(f.fix!.plan.steps).toEqual([{ kind: "deleteRows", sheet: "Sheet1", row: 14, count: 1 }]);
    const { fixed, after } = fixAndRecheck(c, {});
    expect(after).toEqual([]);
    expect(fixed[0].cell(14, 3)?.text).toBe("参训学员满意度");
    expect(check(fixed).parse.tables[0].indicatorBlock.rows.map((r) => r.rowKind)).not.toContain("blank-level2");
  });
});

import { staleYear, staleYears } from "../../src/core/rules/stale-year";
import { ruleTester, runRule } from "../helpers/rule-tester";
import { DEPARTMENT_FIELDS, PROJECT_FIELDS, VALID_ROWS, type TableSpec } from "../helpers/tables";

// The base table's budget year is 2025 (from 项目名称 "干部培训经费（2025年）"). Header fields one per
// row from row 2, values in C (年度目标 C6); VALID_ROWS 8–14, appended rows from 15 (C 三级, D 指标值).
const TITLE = "某市财政局2025年项目绩效目标表";
const withTarget = (target: string, extra: [string, string][] = []): TableSpec => ({
  title: TITLE,
  fields: [["项目名称", "政府采购电子卖场运维"], ...PROJECT_FIELDS.slice(1, 4), ["年度目标", target], ...extra],
  rows: VALID_ROWS,
});
const timely = (name: string, value: string) => ["产出指标", "时效指标", name, value, `反映${name}`];

ruleTester(staleYear, {
  valid: [
    { name: "a 2025 table with a 2025 deadline", rows: [] },
    { name: "deadlines within the budget year: 2025年底前, 12月31日前", rows: [timely("系统上线时限", "2025年底前"), timely("资料归档时限", "12月31日前")] },
    { name: "a deadline needs no operator and is not stale: 2025年12月31日前", table: withTarget("2025年12月31日前完成电子卖场运维") },
    {
      name: "a baseline year in an explanation is not a target: 以2024年为基期",
      rows: [["效益指标", "经济效益指标", "全市一般公共预算收入增长率", "≥2%", "以2024年为基期，计算公式：（本年收入-上年收入）/上年收入×100%"]],
    },
    { name: "a past year named as a fact, not a goal: 2024年结转资金支付率", rows: [["产出指标", "质量指标", "2024年结转资金支付率", "=100%", "计算公式：已支付/结转×100%"]] },
    { name: "a 长期目标 may reach beyond the budget year", table: withTarget("完成年度运维任务", [["长期目标", "到2027年建成全市统一的政府采购电子卖场"]]) },
    {
      name: "the budget year set in the settings (2026) makes a 2026 deadline fit",
      // (the base table's own 2025 deadline would be stale in a 2026 table: left out here)
      table: { rows: [...VALID_ROWS.filter((r) => r[1] !== "时效指标"), timely("系统建设完成时限", "2026年12月31日前")] },
      settings: { budgetYear: 2026 },
    },
    {
      name: "a table without a budget year is not checked",
      table: {
        title: "某市财政局项目绩效目标表",
        fields: [["项目名称", "政府采购电子卖场运维"], ...PROJECT_FIELDS.slice(1, 4), ["年度目标", "做好电子卖场运维"]],
        rows: [...VALID_ROWS, ["产出指标", "数量指标", "到2023年实现全覆盖的区县数", "≥3个", "反映区县覆盖情况"]],
      },
    },
  ],
  invalid: [
    {
      name: "力争2022年基本建成 in a 2025 年度目标 (the seed's 政府采购电子卖场)",
      table: withTarget("力争2022年基本建成全市统一的政府采购电子卖场。"),
      errors: [{ cell: "C6", severity: "warning", message: "“年度目标”写“力争2022年”，2022年早于预算年度2025年，请更新", fix: false }],
    },
    { name: "到2023年实现", table: withTarget("到2023年实现全市政府采购电子化"), errors: [{ cell: "C6", message: "“到2023年”，2023年早于预算年度2025年" }] },
    { name: "2024年底前完成", table: withTarget("2024年底前完成系统升级"), errors: [{ cell: "C6", message: "2024年早于预算年度2025年" }] },
    {
      name: "a deadline after the budget year in the 年度目标",
      table: withTarget("2026年6月30日前完成系统建设"),
      errors: [{ cell: "C6", message: "“年度目标”的时限“2026年6月30日前”晚于预算年度2025年，请核实" }],
    },
    {
      name: "a deadline after the budget year in a 时效 value",
      rows: [timely("系统建设完成时限", "2026年12月31日前")],
      errors: [{ cell: "D15", message: "指标“系统建设完成时限”的时限“2026年12月31日前”晚于预算年度2025年，请核实" }],
    },
    {
      name: "a stale goal in a 三级 name: the name cell",
      rows: [["产出指标", "数量指标", "到2023年实现全覆盖的区县数", "≥3个", "反映区县覆盖情况"]],
      errors: [{ cell: "C15", message: "写“到2023年”，2023年早于预算年度2025年，请更新" }],
    },
    {
      name: "the budget year from the settings wins over the table's",
      table: withTarget("2025年12月31日前完成系统建设"),
      settings: { budgetYear: 2026 },
      // the 年度目标 and the base table's 时效 value "2025年12月31日前" are both stale in a 2026 table
      errors: [{ cell: "C6", message: "早于预算年度2026年" }, { cell: "D11", message: "早于预算年度2026年" }],
    },
    {
      name: "a department table's 绩效目标",
      table: { kind: "department", fields: [...DEPARTMENT_FIELDS.slice(0, 4), ["部门(单位)绩效目标", "确保2023年全面完成财政管理改革"]], rows: VALID_ROWS },
      errors: [{ cell: "C6", message: "“绩效目标”写“确保2023年”" }],
    },
  ],
});

describe("staleYears", () => {
  it.each([
    ["力争2022年基本建成", 2025, "past"],
    ["2022年底前完成", 2025, "past"],
    ["2026年12月31日前", 2025, "late"],
    ["2025年12月31日前", 2025, null],
    ["以2024年为基期", 2025, null],
  ] as const)("%s in %i → %s", (text, year, kind) => {
    expect(staleYears(text, year)?.kind ?? null).toBe(kind);
  });
});

describe("stale-year edge cases (once known gaps)", () => {
  // "在2023年建成的基础上" names a past achievement as context, not a goal still to reach.
  it("a past achievement as context is not stale: 在2023年建成的基础上", () => {
    expect(runRule(staleYear, { table: withTarget("在2023年建成的基础上，持续做好电子卖场运维") })).toEqual([]);
  });
  // With no year in the title or 项目名称, the parser takes the budget year from the 年度目标 text; a
  // stale "力争2022年基本建成" there becomes the budget year (2022), the stale goal goes unreported and
  // the table's correct 2025 deadline is called late.
  it("a stale 年度目标 does not become the budget year", () => {
    const found = runRule(staleYear, {
      table: { title: "某市财政局项目绩效目标表", fields: [["项目名称", "政府采购电子卖场运维"], ...PROJECT_FIELDS.slice(1, 4), ["年度目标", "力争2022年基本建成"]], rows: VALID_ROWS },
    });
    expect(found.map((f) => f.cell)).not.toContain("D11");
  });
  // A deadline before the budget year ("2024年12月31日前" in a 2025 table, copied from last year's
  // table) is a year earlier than the budget year named as something still to achieve; not reported.
  it("a deadline before the budget year in a 时效 value: 2024年12月31日前", () => {
    const found = runRule(staleYear, { rows: [timely("验收完成时限", "2024年12月31日前")] });
    expect(found.map((f) => f.cell)).toEqual(["D15"]);
  });
});

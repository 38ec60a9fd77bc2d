/** fillTemplate and validatePlaceholderValues. */
import { fillTemplate, isFillable, validatePlaceholderValues } from "../../src/core/templates/fill";
import { TEMPLATES, templateById } from "../../src/core/templates/library";
import { normaliseDate } from "../../src/core/templates/placeholders";
import type { IndicatorTemplate } from "../../src/core/templates/types";

const SAT = templateById("training-satisfaction")!;
const COVERAGE = templateById("training-coverage")!;
const DEADLINE = templateById("general-deadline")!;
const PURCHASE = templateById("purchase-quantity")!;

/** A user template with a placeholder that has no default. */
const MUST_FILL: IndicatorTemplate = {
  id: "user-visits",
  level1: "产出",
  level2: "数量",
  name: "{对象}走访次数",
  value: "≥{次数}次",
  explanation: "反映走访{对象}的次数",
  placeholders: [
    { key: "对象", label: "走访对象", type: "text", default: null },
    { key: "次数", label: "走访次数", type: "integer", default: "4", min: 1, max: 50 },
  ],
  keywords: ["走访"],
  sector: "自定义",
  family: "自定义",
  note: "测试用。",
  source: "user",
};

describe("fillTemplate", () => {
  it("uses the defaults for what is not given", () => {
    expect(fillTemplate(SAT)).toEqual({
      name: "参训学员满意度",
      value: "≥95%",
      explanation: "反映参训学员对培训组织和授课的满意程度，随机抽取30名参训学员发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
      level1: "满意度",
      level2: "服务对象满意度",
    });
  });

  it.each([
    ["N given", { N: "50" }, "随机抽取50名参训学员"],
    ["object given, used twice", { 对象: "参训干部" }, "反映参训干部对培训组织和授课的满意程度，随机抽取30名参训干部"],
    ["blank value → default", { N: "  " }, "随机抽取30名"],
    ["full-width digits", { N: "２０" }, "随机抽取20名"],
    ["values trimmed", { N: " 15 " }, "随机抽取15名"],
    ["unknown keys ignored", { 不存在: "x" }, "随机抽取30名"],
  ])("%s", (_label, values, contains) => {
    expect(fillTemplate(SAT, values).explanation).toContain(contains);
  });

  it("keepUnfilled leaves {key} for what is not given", () => {
    const f = fillTemplate(SAT, { 满意度: "90" }, { keepUnfilled: true });
    expect(f.value).toBe("≥90%");
    expect(f.explanation).toBe("反映{对象}对{工作}的满意程度，随机抽取{N}名{对象}发放调查问卷，计算公式：满意问卷数/问卷总数×100%");
    expect(f.name).toBe("参训学员满意度");
  });

  it("a placeholder without default stays {key} until filled", () => {
    expect(fillTemplate(MUST_FILL).name).toBe("{对象}走访次数");
    expect(fillTemplate(MUST_FILL, { 对象: "困难企业" })).toMatchObject({ name: "困难企业走访次数", value: "≥4次", explanation: "反映走访困难企业的次数" });
  });

  it("writes ≥100% as =100% (a rate cannot exceed 100%)", () => {
    expect(fillTemplate(COVERAGE, { 目标值: "100" }).value).toBe("=100%");
    expect(fillTemplate(SAT, { 满意度: "100" }).value).toBe("=100%");
    expect(fillTemplate(COVERAGE, { 目标值: "99.5" }).value).toBe("≥99.5%");
  });

  it.each([
    ["2026-06-30", "2026年6月30日前"],
    ["2026/6/30", "2026年6月30日前"],
    ["2026年06月30日", "2026年6月30日前"],
    ["6月30日", "6月30日前"],
  ])("dates: %s → %s", (input, value) => {
    expect(fillTemplate(DEADLINE, { 完成日期: input }).value).toBe(value);
  });

  it("budgetYear moves the year of date defaults (not of typed dates)", () => {
    expect(fillTemplate(DEADLINE, {}, { budgetYear: 2026 }).value).toBe("2026年12月31日前");
    expect(fillTemplate(DEADLINE, {}, { budgetYear: 2026 }).explanation).toBe("反映项目计划工作的完成时间，2026年12月31日前完成全部目标任务");
    expect(fillTemplate(DEADLINE, { 完成日期: "2027年3月1日" }, { budgetYear: 2026 }).value).toBe("2027年3月1日前");
    expect(fillTemplate(DEADLINE, {}, { budgetYear: null }).value).toBe("2025年12月31日前");
  });

  it("several placeholders in one value", () => {
    expect(fillTemplate(PURCHASE, { 设备名称: "执法记录仪", 数量: "20", 计量单位: "套" })).toMatchObject({
      name: "购置执法记录仪数量",
      value: "=20套",
      explanation: "反映按计划购置执法记录仪的数量",
    });
  });

  it("every library template fills to a text without braces; keepUnfilled keeps its blanks", () => {
    for (const t of TEMPLATES) {
      const f = fillTemplate(t);
      expect(`${f.name}${f.value}${f.explanation}`).not.toMatch(/[{}]/);
      const u = fillTemplate(t, {}, { keepUnfilled: true });
      if (t.placeholders.length) expect(`${u.name}${u.value}${u.explanation}`).toMatch(/\{[^{}]+\}/);
    }
  });
});

describe("validatePlaceholderValues", () => {
  it.each([
    ["a good sample size", SAT, { N: "30" }, []],
    ["blank values use the defaults", SAT, { N: "", 对象: " " }, []],
    ["N not a number", SAT, { N: "三十" }, ["N:“抽样人数”应为整数，现为“三十”"]],
    ["N below its minimum", SAT, { N: "0" }, ["N:“抽样人数”应不小于1"]],
    ["N not an integer", SAT, { N: "2.5" }, ["N:“抽样人数”应为整数，现为“2.5”"]],
    ["a rate over 100", COVERAGE, { 目标值: "120" }, ["目标值:“目标值（%）”应不大于100"]],
    ["a rate not a number", COVERAGE, { 目标值: "九十" }, ["目标值:“目标值（%）”应为数字，现为“九十”"]],
    ["a negative rate", COVERAGE, { 目标值: "-5" }, ["目标值:“目标值（%）”应不小于0"]],
    ["a bad date", DEADLINE, { 完成日期: "年底" }, ["完成日期:“完成日期”应为日期，如“2025年12月31日”，现为“年底”"]],
    ["an impossible date", DEADLINE, { 完成日期: "2025年13月1日" }, ["完成日期:“完成日期”应为日期，如“2025年12月31日”，现为“2025年13月1日”"]],
    ["a choice not offered", PURCHASE, { 计量单位: "箱" }, ["计量单位:“计量单位”应为以下之一：台、件、辆、套、个，现为“箱”"]],
    ["braces in a text", SAT, { 对象: "{对象}" }, ["对象:“调查对象”不能包含花括号"]],
    ["a line break in a text", SAT, { 工作: "培训\n组织" }, ["工作:“评价的工作”不能换行"]],
    ["a required value missing", MUST_FILL, {}, ["对象:请填写“走访对象”"]],
    ["over the maximum", MUST_FILL, { 对象: "企业", 次数: "51" }, ["次数:“走访次数”应不大于50"]],
  ] as const)("%s", (_label, t, values, problems) => {
    expect(validatePlaceholderValues(t, values).map((p) => `${p.key}:${p.message}`)).toEqual(problems);
  });

  it("isFillable", () => {
    expect(isFillable(SAT)).toBe(true);
    expect(isFillable(MUST_FILL)).toBe(false);
    expect(isFillable(MUST_FILL, { 对象: "企业" })).toBe(true);
  });

  it("every library default is accepted", () => {
    for (const t of TEMPLATES) {
      const defaults = Object.fromEntries(t.placeholders.map((p) => [p.key, p.default ?? ""]));
      expect(validatePlaceholderValues(t, defaults)).toEqual([]);
    }
  });
});

describe("normaliseDate", () => {
  it.each([
    ["2025年12月31日", "2025年12月31日"],
    ["2025-1-5", "2025年1月5日"],
    ["2025.12.31", "2025年12月31日"],
    ["12月31日", "12月31日"],
    ["2025年", null],
    ["1900-01-01", null],
    ["2025-02-40", null],
    ["明年", null],
  ])("%s → %s", (input, out) => {
    expect(normaliseDate(input)).toBe(out);
  });
});

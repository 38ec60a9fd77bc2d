/**
 * Columns are recognised by what their header means and by what their cells hold (issue 11, item
 * 6) — above all the explanation column: when it is missed, missing-explanation and
 * blank-sample-size go quiet on the table. Headers here are made up, not taken from the fixtures.
 */
import { checkGrids } from "../../src/core/check";
import { gridFromRows, type GridInput } from "../../src/core/grid";
import type { TargetTable } from "../../src/core/model";
import { parseSheet } from "../../src/core/parse";
import { matchColumnHeader } from "../../src/core/vocabulary";

const EXPLAINED: GridInput[][] = [
  ["产出指标", "数量指标", "培训班次", "≥3次", "反映全年组织培训的班次数量"],
  ["产出指标", "质量指标", "考核合格率", "≥95%", "反映培训考核合格情况，计算公式：合格人数/参训人数×100%"],
  ["效益指标", "社会效益指标", "业务能力提升", "有效提升", "反映参训人员业务能力提升情况，按问卷评分"],
  [
    "满意度指标",
    "服务对象满意度指标",
    "学员满意度",
    "≥90%",
    "反映学员满意程度，随机抽取 名学员发放问卷，计算公式：满意问卷数/问卷总数×100%",
  ],
];

function table(header5: string, rows: GridInput[][]): { t: TargetTable; rules: string[] } {
  const grid = gridFromRows("S", [
    ["项目名称", "测试"],
    ["一级指标", "二级指标", "三级指标", "指标值", header5],
    ...rows,
  ]);
  const p = parseSheet(grid);
  expect(p.tables).toHaveLength(1);
  return { t: p.tables[0], rules: checkGrids([grid]).findings.map((f) => f.rule) };
}

describe("explanation headers nobody listed, recognised by meaning", () => {
  it.each([
    "指标说明及评分规则",
    "考核要点",
    "评价标准及计算方法",
    "指标内涵及口径",
    "计分方法",
    "指标定义和计算公式",
    "衡量标准",
    "绩效指标解释说明",
    "指标标准或依据",
    "评分细则",
  ])("%s", (header) => {
    expect(matchColumnHeader(header)).toBe("explanation");
    // even when every cell is blank (the defect the headline check exists for)
    const { t, rules } = table(
      header,
      EXPLAINED.map((r) => [...r.slice(0, 4), null])
    );
    expect(t.indicatorBlock.roles.explanation).toBe(5);
    expect(rules.filter((r) => r === "missing-explanation")).toHaveLength(4);
  });
});

describe("an unfamiliar header over a column of explanations, recognised by what the cells hold", () => {
  it.each(["具体内容", "补充", "其他", "", "口头描述"])("header %j", (header) => {
    const { t, rules } = table(header, EXPLAINED);
    expect(t.indicatorBlock.roles.explanation).toBe(5);
    // the blank sample size in the last row is found
    expect(rules).toContain("blank-sample-size");
  });
  it("a column of short notes is not taken for explanations", () => {
    const { t } = table(
      "其他",
      EXPLAINED.map((r, k) => [...r.slice(0, 4), k === 0 ? "无" : null])
    );
    expect(t.indicatorBlock.roles.explanation).toBeUndefined();
  });
});

describe("other columns by meaning or content", () => {
  it.each([
    ["预期年度目标值", "value"],
    ["2025年目标值", "value"],
    ["本年预期值", "value"],
    ["上年实际完成值", "other"],
    ["實際完成值", "other"],
    ["指標說明及評分規則", "explanation"],
    ["计量单位（个/次/%）", "unit"],
    ["比较符号", "operator"],
    ["权重分（%）", "weight"],
    ["三级指标（必填）", "name"],
    ["具体指标名称", "name"],
    ["评价指标名称", "name"],
    ["一级绩效指标名称", "level1"],
  ])("%s → %s", (header, role) => {
    expect(matchColumnHeader(header)).toBe(role);
  });

  it("a name column with an unfamiliar header, by its place and its cells", () => {
    const grid = gridFromRows("S", [
      ["项目名称", "测试"],
      ["一级指标", "二级指标", "内容", "指标值", "指标解释"],
      ["产出指标", "数量指标", "培训班次", "≥3次", "反映培训班次"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "反映满意程度"],
    ]);
    const t = parseSheet(grid).tables[0];
    expect(t.indicatorBlock.roles.name).toBe(3);
    expect(t.indicatorBlock.indicators.map((i) => i.name)).toEqual(["培训班次", "学员满意度"]);
  });

  it("an operator column and a unit column with unfamiliar headers, by their cells", () => {
    const grid = gridFromRows("S", [
      ["项目名称", "测试"],
      ["一级指标", "二级指标", "三级指标", "关系", "指标值", "计量", "指标解释"],
      ["产出指标", "数量指标", "培训班次", "≥", "3", "次", "反映培训班次"],
      ["产出指标", "成本指标", "人均成本", "≤", "600", "元/人", "反映人均成本"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥", "90", "%", "反映满意程度"],
    ]);
    const t = parseSheet(grid).tables[0];
    expect(t.indicatorBlock.roles).toMatchObject({ operator: 4, value: 5, unit: 6, explanation: 7 });
    expect(t.indicatorBlock.indicators.map((i) => [i.value.operator, i.value.unit])).toEqual([
      ["≥", "次"],
      ["≤", "元/人"],
      ["≥", "%"],
    ]);
  });
});

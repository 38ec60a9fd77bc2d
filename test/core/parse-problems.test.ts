/**
 * When a table cannot be understood, the parser says so (issue 11, item 7) — "第 N 行起的表格无法
 * 识别：…", with the sheet and the reason — instead of inventing indicators out of header cells.
 * A sheet may hold a readable table and an unreadable one: the readable one is still read.
 */
import { checkGrids } from "../../src/core/check";
import { gridFromRows, type GridInput } from "../../src/core/grid";
import { parseSheet } from "../../src/core/parse";

const GOOD: GridInput[][] = [
  ["某项目绩效目标表"],
  ["项目名称", "测试项目"],
  ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
  ["产出指标", "数量指标", "培训班次", "≥3次", "反映培训班次"],
  ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "反映满意程度，计算公式：满意问卷数/问卷总数×100%"],
  [],
];

const UNREADABLE: readonly (readonly [string, GridInput[][], RegExp])[] = [
  [
    "a header naming only 一级/二级, with rows below",
    [
      ["一级指标", "二级指标", "备注"],
      ["产出指标", "数量指标", "略"],
      ["效益指标", "社会效益指标", "略"],
    ],
    /第 7 行起的表格无法识别：表头只有“一级指标”“二级指标”列/,
  ],
  [
    "header words read as indicators",
    [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      [null, null, "计量单位", "指标性质"],
      [null, null, "权重", "备注"],
      [null, null, "指标解释", "评分标准"],
    ],
    /第 7 行起的表格无法识别：表头下读出的“指标”多是表头或签章文字/,
  ],
  [
    "rows that do not line up with the header",
    [
      ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
      ["详见附件一"],
      [null, "另行报送"],
      ["以批复为准"],
      [null, "待定"],
    ],
    /第 7 行起的表格无法识别：各行的内容与第 7 行表头的列对不上/,
  ],
  [
    "rows with nothing under the header's columns",
    [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      [null, null, null, null, null, "见附件"],
      [null, null, null, null, null, "另行报送"],
    ],
    /第 7 行起的表格无法识别：第 7 行是指标表头，但其下的行里没有读到指标/,
  ],
  [
    "a header with nothing below",
    [["一级指标", "二级指标", "三级指标", "指标值"]],
    /第 7 行起的表格无法识别：第 7 行是指标表头，但下面没有指标行/,
  ],
];

describe("a second table that cannot be read, below a readable one", () => {
  it.each(UNREADABLE)("%s", (_name, rows, message) => {
    const grid = gridFromRows("表一", [...GOOD, ...rows], ["A1:E1"]);
    const p = parseSheet(grid);
    expect(p.tables).toHaveLength(1);
    expect(p.tables[0].indicatorBlock.indicators.map((i) => i.name)).toEqual(["培训班次", "学员满意度"]);
    const problem = p.problems.find((x) => message.test(x.message));
    expect(problem).toMatchObject({ sheet: "表一", scope: "table" });
    expect(problem?.cell).toMatch(/^[A-Z]+7$/);
    // nothing is invented: no finding below the readable table
    const result = checkGrids([grid]);
    expect(result.findings.filter((f) => f.row >= 7)).toEqual([]);
    expect(result.problems.map((x) => x.message)).toContain(problem!.message);
  });
});

describe("a sheet with no readable table at all", () => {
  it.each(UNREADABLE)("%s", (_name, rows, message) => {
    const p = parseSheet(
      gridFromRows("表二", [["某项目绩效目标表"], ["项目名称", "测试项目"], [], [], [], [], ...rows])
    );
    expect(p.tables).toEqual([]);
    expect(p.problems.map((x) => x.message).join("\n")).toMatch(message);
  });
  it("a sheet of notes is a sheet-wide problem, not a table's", () => {
    const p = parseSheet(gridFromRows("填报说明", [["填报说明"], ["1. 指标值须包含比较符号和计量单位。"]]));
    expect(p.problems).toEqual([
      expect.objectContaining({ scope: "sheet", message: expect.stringMatching(/未识别到绩效目标表/) }),
    ]);
  });
});

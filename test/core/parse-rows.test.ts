/**
 * Rows that are not indicators — approval and sign-off rows, remarks, totals, footnotes — close the
 * indicator block wherever they stand (label column, level columns, name column, merged across or
 * not); they are never read as indicators nor flagged as one. Template placeholders in the 三级
 * column ("指标1:", "……") are placeholders, not duplicate indicators.
 */
import { checkGrids } from "../../src/core/check";
import { gridFromRows, type GridInput } from "../../src/core/grid";
import { parseSheet } from "../../src/core/parse";
import { layoutTable, VALID_ROWS } from "../helpers/tables";

/** The valid table (label column A, 一级 B … 指标解释 F) with extra rows below it, then more text. */
function withRowsBelow(extra: GridInput[][], merges: string[] = []) {
  const built = layoutTable({ rows: VALID_ROWS, label: "绩效指标" });
  const first = built.rows.length + 1;
  const shifted = merges.map((m) => m.replace(/(\d+)/g, (n) => String(Number(n) + first - 1)));
  const rows = [...built.rows, ...extra, ["填表说明：本表由项目单位填写。"]];
  return { grid: gridFromRows("S", rows, [...built.merges, ...shifted]), first };
}

const TRAILERS: readonly (readonly [string, GridInput[][], string[]])[] = [
  [
    "an approval row merged over the label and 一级 columns",
    [["财政部门审核意见", null, "（盖章）"]],
    ["A1:B1", "C1:F1"],
  ],
  ["a 主管部门 opinion with a colon", [["主管部门审核意见：", null, "同意申报"]], []],
  ["an approval row in the 二级 column", [[null, null, "业务处室初审意见", "年 月 日"]], []],
  ["a seal line", [["项目单位（盖章）", null, null, "财政局（盖章）"]], []],
  ["a sign-off line", [["填表人：王五", null, "联系电话：13800000000", null, "填报日期：2025年3月1日"]], []],
  ["a signature line in the name column", [[null, null, null, "单位负责人签字：", null, null]], []],
  ["其他需说明的问题", [["其他需说明的问题", null, "无"]], ["C1:F1"]],
  ["其他需要说明的事项 with a total on the same row", [["其他需要说明的事项", null, "无", "总分", 100]], ["A1:B1"]],
  ["说明 | 无", [[null, "说明", "无"]], []],
  ["备注：", [["备注：", "本表金额单位为万元"]], []],
  ["a total in the level column", [[null, "总分", null, null, 100]], []],
  ["合计 in the name column", [[null, null, null, "合计", "100"]], []],
  ["a footnote about ★ core indicators", [["注：带★的指标为核心指标，须按要求填报。"]], ["A1:F1"]],
  ["a ★ footnote in the name column", [[null, null, null, "★为必填的核心绩效指标"]], []],
  ["a numbered footnote", [["注1：指标值须包含比较符号和计量单位。"]], []],
  ["a contact line", [["联系人：张三", null, "联系电话：0851-1234567"]], []],
  ["审核： and 日期： on one row", [["审核：", null, "日期：", null, "年 月 日"]], []],
  [
    "another table below, with its title and column headers",
    [["项目成本测算表"], ["序号", "支出内容", "单价", "数量", "金额"], [1, "讲课费", 500, 20, "1万元"]],
    ["A1:F1"],
  ],
];

describe("rows below the indicators that are not indicators", () => {
  it.each(TRAILERS)("%s", (_name, extra, merges) => {
    const { grid, first } = withRowsBelow(extra, merges);
    const p = parseSheet(grid);
    expect(p.tables).toHaveLength(1);
    const t = p.tables[0];
    expect(t.indicatorBlock.indicators.map((i) => i.name)).toEqual(VALID_ROWS.map((r) => r[2]));
    expect(t.indicatorBlock.rows.every((r) => r.row < first)).toBe(true);
    expect(t.bottom).toBe(first - 1);
    // and nothing is flagged on them
    const result = checkGrids([grid]);
    expect(result.findings.filter((f) => f.row >= first)).toEqual([]);
  });

  it("an indicator whose name reads like an approval (审核意见采纳率 ≥90%) stays an indicator", () => {
    const { grid, first } = withRowsBelow([
      [null, null, null, "审核意见采纳率", "≥90%", "反映审核意见被采纳的情况，计算公式：采纳条数/意见总条数×100%"],
    ]);
    const t = parseSheet(grid).tables[0];
    expect(t.indicatorBlock.indicators.map((i) => i.name)).toContain("审核意见采纳率");
    expect(t.bottom).toBe(first);
  });
});

describe("an empty row inside the block", () => {
  it("does not end it when the row after it goes on with the indicators", () => {
    const built = layoutTable({ rows: VALID_ROWS });
    const header = built.rows.findIndex((r) => r[0] === "一级指标");
    // an empty row before the 效益 group
    const split = built.rows.findIndex((r) => r[0] === "效益指标");
    const rows = [...built.rows.slice(0, split), [], ...built.rows.slice(split)];
    const merges = built.merges.map((m) =>
      m.replace(/\d+/g, (n) => String(Number(n) > split ? Number(n) + 1 : Number(n)))
    );
    const t = parseSheet(gridFromRows("S", rows, merges)).tables[0];
    expect(header).toBeGreaterThan(0);
    expect(t.indicatorBlock.indicators.map((i) => i.name)).toEqual(VALID_ROWS.map((r) => r[2]));
  });
});

describe("template placeholders as 三级 names", () => {
  const rows = (names: readonly string[]) => [
    ["产出指标", "数量指标", names[0], "≥3次", "反映培训班次"],
    ["产出指标", "数量指标", names[1], "", ""],
    ["产出指标", "质量指标", names[2], "", ""],
    ["产出指标", "时效指标", names[3], "", ""],
    ["效益指标", "社会效益指标", names[4], "", ""],
    [
      "满意度指标",
      "服务对象满意度指标",
      "参训人员满意度",
      "≥90%",
      "反映满意程度，随机抽取30名参训人员发放问卷，计算公式：满意问卷数/问卷总数×100%",
    ],
  ];
  it.each([
    ["指标N: prefixes", ["指标1：组织培训班次", "指标2:", "指标1:", "指标1：", "指标1:"]],
    ["ellipses", ["组织培训班次", "……", "……", "...", "……"]],
    ["numbered with spaces", ["组织培训班次", "指标 2：", "指标 1：", "指标 1：", "指标 1："]],
  ])("%s: placeholders, not duplicates", (_name, names) => {
    const built = layoutTable({ rows: rows(names) });
    const grid = gridFromRows("S", built.rows, built.merges);
    const t = parseSheet(grid).tables[0];
    expect(t.indicatorBlock.indicators).toHaveLength(6);
    const findings = checkGrids([grid]).findings;
    expect(findings.filter((f) => f.rule === "duplicate-indicator")).toEqual([]);
    const placeholderRows = new Set(
      findings.filter((f) => f.rule === "placeholder-left" || f.rule === "missing-value").map((f) => f.row)
    );
    for (const i of t.indicatorBlock.indicators.slice(1, 5)) expect(placeholderRows.has(i.row)).toBe(true);
  });
});

/**
 * The header block (issue 11, item 5): a field's value is found wherever the layout puts it, and a
 * field the layout does not have is never "未填写". Made-up tables with variations the real
 * fixtures do not have.
 */
import { checkGrids } from "../../src/core/check";
import { gridFromRows, type GridInput } from "../../src/core/grid";
import type { TargetTable } from "../../src/core/model";
import { parseAmount, parseSheet } from "../../src/core/parse";

const INDICATORS: GridInput[][] = [
  ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
  ["产出指标", "数量指标", "培训班次", "≥3次", "反映培训班次"],
  ["效益指标", "社会效益指标", "参训人员能力提升率", "≥85%", "反映能力提升情况，计算公式：提升人数/参训人数×100%"],
  [
    "满意度指标",
    "服务对象满意度指标",
    "学员满意度",
    "≥90%",
    "反映满意程度，随机抽取30名学员发放问卷，计算公式：满意问卷数/问卷总数×100%",
  ],
];

function tableWith(header: GridInput[][], merges: string[] = []): { t: TargetTable; blanks: string[] } {
  const grid = gridFromRows("S", [["某项目绩效目标表"], ...header, ...INDICATORS], ["A1:E1", ...merges]);
  const p = parseSheet(grid);
  expect(p.tables).toHaveLength(1);
  const blanks = checkGrids([grid])
    .findings.filter((f) => f.rule === "blank-required-field")
    .map((f) => f.cell);
  return { t: p.tables[0], blanks };
}
const value = (t: TargetTable, key: string) =>
  t.headerFields.filter((f) => f.key === key).map((f) => [f.value, f.valueCell]);

describe("where a field's value sits", () => {
  it("right of a sub-label under a label that only groups: 预算资金（万元） | 资金总额 | 680", () => {
    const { t, blanks } = tableWith(
      [
        ["项目名称", "测试项目", "项目负责人", "张三"],
        ["联系电话", "0851-1234567"],
        ["预算资金（万元）", "资金总额", 680],
        [null, "财政拨款", 600],
        [null, "其他资金", 80],
        ["年度目标", "完成培训"],
      ],
      ["A4:A6"]
    );
    expect(t.budget).toMatchObject({ amount: 680, unit: "万元", cell: "C4" });
    expect(t.budget!.parts.map((p) => [p.key, p.amount])).toEqual([
      ["财政拨款", 600],
      ["其他资金", 80],
    ]);
    expect(blanks).toEqual([]);
  });

  it("in the merged area below its label: 年度目标 over the target text", () => {
    const { t, blanks } = tableWith(
      [
        ["项目名称", "测试项目", "项目负责人", "张三"],
        ["联系电话", "0851-1234567", "预算资金（元）", 50000],
        ["总体目标", "年度目标"],
        [null, "通过培训提升业务能力"],
      ],
      ["A4:A5", "B4:E4", "B5:E5"]
    );
    expect(value(t, "年度目标")).toEqual([["通过培训提升业务能力", "B5"]]);
    expect(blanks).toEqual([]);
  });

  it("two labels over two texts: 长期目标 | 年度目标", () => {
    const { t, blanks } = tableWith(
      [
        ["项目名称", "测试项目", "项目负责人", "张三"],
        ["联系电话", "0851-1234567", "预算资金（元）", 50000],
        ["绩效目标", "长期目标", null, "年度目标"],
        [null, "三年内全员轮训", null, "全年培训300人次"],
      ],
      ["A4:A5", "B4:C4", "D4:E4", "B5:C5", "D5:E5"]
    );
    expect(value(t, "长期目标")).toEqual([["三年内全员轮训", "B5"]]);
    expect(value(t, "年度目标")).toEqual([["全年培训300人次", "D5"]]);
    expect(blanks).toEqual([]);
  });

  it("under the planned column of a sub-header line: 年度总体目标 | 预期目标 | 实际完成情况", () => {
    const { t } = tableWith(
      [
        ["项目名称", "测试项目"],
        ["年度总体目标", "预期目标", null, "实际完成情况"],
        [null, "计划培训300人次", null, "培训320人次"],
      ],
      ["A3:A4"]
    );
    expect(value(t, "年度目标")).toEqual([["计划培训300人次", "B4"]]);
  });

  it("under 年初预算数 | 全年预算数 | 全年执行数: the first planned figure that is filled", () => {
    const { t } = tableWith(
      [
        ["项目名称", "测试项目"],
        ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数"],
        [null, "年度资金总额", null, 120, 118],
        [null, "其中：财政拨款", null, 100, 98],
        [null, "其他资金", null, 20, 20],
      ],
      ["A3:A6"]
    );
    expect(t.budget).toMatchObject({ amount: 120, unit: "万元", cell: "D4" });
    expect(t.budget!.parts.map((p) => [p.amount, p.cell])).toEqual([
      [100, "D5"],
      [20, "D6"],
    ]);
  });

  it("in the label's own cell: 资金总额：250 with numbered parts", () => {
    const { t } = tableWith(
      [
        ["项目名称", "测试项目"],
        ["项目资金（万元）", "资金总额：250"],
        [null, "一、财政资金：200"],
        [null, "二、自筹资金：50"],
      ],
      ["A3:A5"]
    );
    expect(t.budget).toMatchObject({ amount: 250, unit: "万元" });
    expect(t.budget!.parts.map((p) => [p.key, p.amount])).toEqual([
      ["财政拨款", 200],
      ["其他资金", 50],
    ]);
  });
});

describe("amounts written with their unit", () => {
  it.each([
    ["4753.66万元", 4753.66, "万元"],
    ["250万", 250, "万元"],
    ["2,850,000元", 2850000, "元"],
    ["1.2亿元", 1.2, "亿元"],
    ["854万（其中中央资金400万元）", 854, "万元"],
    ["资金总额：250", 250, null],
    ["￥30000", 30000, null],
  ])("%s", (text, amount, unit) => {
    expect(parseAmount(text)).toEqual({ amount, unit });
  });
  it.each(["854万854万（重复粘贴）", "见附表", "约100万元左右", ""])("%j is no amount", (text) => {
    expect(parseAmount(text)).toBeNull();
  });
  it("a total written with its unit sets the budget's unit", () => {
    const { t } = tableWith([
      ["项目名称", "测试项目"],
      ["预算资金", "4753.66万元"],
    ]);
    expect(t.budget).toMatchObject({ amount: 4753.66, unit: "万元" });
  });
});

describe("labels by meaning", () => {
  it.each([
    ["项目经办人电话：", "联系电话"],
    ["联系人及电话", "联系电话"],
    ["项目经办人：", "项目负责人"],
    ["项目支出名称", "项目名称"],
    ["*部门(单位)职责", "职能描述"],
    ["年度本级预算金额", "预算资金"],
    ["（一）财政拨款小计", "财政拨款"],
    ["其中：当年市级财政资金", "财政拨款"],
    ["年度绩效目标（文字）", "年度目标"],
    ["其中：財政撥款", "财政拨款"],
    ["項目負責人", "项目负责人"],
  ])("%s → %s", (label, key) => {
    const { t } = tableWith([
      ["项目名称", "测试项目"],
      [label, "x"],
    ]);
    expect(t.headerFields.map((f) => f.key)).toContain(key);
  });
});

describe("fields a layout does not have are not 未填写; blank ones that it has are", () => {
  it("a blank value between two labels (项目负责人 | | 联系电话 | 123)", () => {
    const { blanks } = tableWith([
      ["项目名称", "测试项目"],
      ["项目负责人", null, "联系电话", "0851-1234567"],
      ["年度目标", "完成培训"],
    ]);
    expect(blanks).toEqual(["B3"]);
  });
  it("a table with only 项目名称 and 年度目标", () => {
    expect(
      tableWith([
        ["项目名称", "测试项目"],
        ["年度目标", "完成培训"],
      ]).blanks
    ).toEqual([]);
  });
  it("a blank 联系电话 right of its label, a blank 项目名称 at the row's end, and a blank phone labelled by meaning", () => {
    const { blanks } = tableWith([
      ["单位信息：", "某局", "项目名称："],
      ["项目负责人", "张三", "项目经办人电话："],
      ["年度目标", "完成培训"],
    ]);
    expect(blanks).toEqual(["D2", "D3"]);
  });
});

describe("a department table's 年度总体目标 is its 绩效目标", () => {
  it.each([
    ["filled", "做好社会救助工作", []],
    ["blank", null, ["B3"]],
  ])("%s", (_name, target, blanks) => {
    const grid = gridFromRows("S", [
      ["某局2025年部门整体支出绩效目标表"],
      ["部门（单位）名称", "某局"],
      ["年度总体目标", target],
      ...INDICATORS,
    ]);
    const t = parseSheet(grid).tables[0];
    expect(t.kind).toBe("department");
    expect(t.annualTarget).toMatchObject({ key: "绩效目标", valueCell: "B3" });
    const found = checkGrids([grid])
      .findings.filter((f) => f.rule === "blank-required-field")
      .map((f) => f.cell);
    expect(found).toEqual(blanks);
  });
});

/**
 * The layouts of real tables (issue 11, item 4), each built here with made-up content and
 * variations the real fixtures do not have: project columns before the indicators, several value
 * columns (批复表), the value split over operator/value/unit columns in any order, 自评 tables,
 * a cost build-up table above, two-row headers, two tables on one sheet, 繁体 with pinyin debris.
 */
import { gridFromRows, type GridInput } from "../../src/core/grid";
import type { TargetTable } from "../../src/core/model";
import { parseSheet } from "../../src/core/parse";

const parse = (rows: GridInput[][], merges: string[] = []) => parseSheet(gridFromRows("S", rows, merges));
const one = (rows: GridInput[][], merges: string[] = []): TargetTable => {
  const p = parse(rows, merges);
  if (p.tables.length !== 1)
    throw new Error(`${p.tables.length} tables: ${p.problems.map((x) => x.message).join("; ")}`);
  return p.tables[0];
};
const summary = (t: TargetTable) =>
  t.indicatorBlock.indicators.map((i) => [i.row, i.level1.standard, i.level2.standard, i.name, i.value.raw]);
const field = (t: TargetTable, key: string) => t.headerFields.find((f) => f.key === key)?.value;

describe("project columns before the indicator columns (one table per project)", () => {
  const header = [
    "单位名称",
    "项目名称",
    "预算数",
    "年度目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "权重",
  ];
  const rowsOf = (repeat: boolean): GridInput[][] => [
    ["某县部门预算项目绩效目标申报表（2024年度）"],
    ["金额单位：元"],
    header,
    ["301-某县教育局", null, 5200000, null],
    [
      "301001-某县第一中学",
      "学生资助经费",
      800000,
      "按时足额发放学生资助",
      "产出指标",
      "数量指标",
      "资助学生人数",
      "≥",
      "450",
      "人",
      30,
    ],
    [
      repeat ? "301001-某县第一中学" : null,
      repeat ? "学生资助经费" : null,
      repeat ? 800000 : null,
      repeat ? "按时足额发放学生资助" : null,
      "产出指标",
      "时效指标",
      "资助发放及时率",
      "=",
      "100",
      "%",
      30,
    ],
    [
      repeat ? "301001-某县第一中学" : null,
      repeat ? "学生资助经费" : null,
      repeat ? 800000 : null,
      repeat ? "按时足额发放学生资助" : null,
      "满意度指标",
      "服务对象满意度指标",
      "受助学生满意度",
      "≥",
      "95",
      "%",
      40,
    ],
    [
      "301002-某县第二小学",
      "校舍维修经费",
      300000,
      "完成校舍维修",
      "产出指标",
      "质量指标",
      "维修工程验收合格率",
      "=",
      "100",
      "%",
      50,
    ],
    [
      repeat ? "301002-某县第二小学" : null,
      repeat ? "校舍维修经费" : null,
      repeat ? 300000 : null,
      repeat ? "完成校舍维修" : null,
      "效益指标",
      "社会效益指标",
      "校舍安全隐患消除率",
      "=",
      "100",
      "%",
      50,
    ],
  ];
  const merges = ["A1:K1", "A2:K2", "A5:A7", "B5:B7", "C5:C7", "D5:D7", "A8:A9", "B8:B9", "C8:C9", "D8:D9"];

  it.each([
    ["merged over each project's rows", false, merges],
    ["repeated on every row", true, ["A1:K1", "A2:K2"]],
  ])("%s", (_name, repeat, m) => {
    const p = parse(rowsOf(repeat as boolean), m as string[]);
    expect(p.tables).toHaveLength(2);
    const [a, b] = p.tables;
    expect(summary(a)).toEqual([
      [5, "产出", "数量", "资助学生人数", "450"],
      [6, "产出", "时效", "资助发放及时率", "100"],
      [7, "满意度", "服务对象满意度", "受助学生满意度", "95"],
    ]);
    expect(summary(b).map((r) => r[3])).toEqual(["维修工程验收合格率", "校舍安全隐患消除率"]);
    expect([field(a, "项目名称"), field(a, "年度目标"), field(b, "项目名称")]).toEqual([
      "学生资助经费",
      "按时足额发放学生资助",
      "校舍维修经费",
    ]);
    expect(a.budget).toMatchObject({ amount: 800000, unit: "元" });
    expect(a.indicatorBlock.indicators[0].value).toMatchObject({ operator: "≥", unit: "人", number: 450 });
    expect(a.kind).toBe("project");
    // the department's summary row is no indicator
    expect(p.tables.flatMap((t) => t.indicatorBlock.rows).some((r) => r.row === 4)).toBe(false);
  });
});

describe("several value columns (批复表): the target of the budget year is the value", () => {
  /** `target`: 0 when the first value column holds the targets, 1 when the second does. */
  const table = (sub: [string, string], target: 0 | 1): GridInput[][] => {
    const pair = (actual: string, planned: string) => (target === 1 ? [actual, planned] : [planned, actual]);
    return [
      ["项目支出绩效目标批复表"],
      ["项目名称", "某培训项目"],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", null, "指标标准或依据"],
      [null, null, null, null, sub[0], sub[1], null],
      [null, "产出指标", "数量指标", "培训人次", ...pair("300人次", "≥320人次"), "年度培训计划"],
      [null, null, "质量指标", "培训合格率", ...pair("96%", "≥95%"), "培训管理办法"],
      [null, "满意度指标", "服务对象满意度指标", "学员满意度", ...pair("92%", "≥90%"), "问卷调查"],
    ];
  };
  const merges = (vertical: boolean) => [
    "A1:G1",
    "B2:G2",
    "E3:F3",
    ...(vertical ? ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "G3:G4"] : []),
    "A5:A7",
    "B5:B6",
  ];
  it.each([
    ["上年实际 | 本年预期, merged header cells", ["2024年实际实现值", "预期2025年实现值"], true, 6],
    ["本年预期 | 上年实际 (reversed)", ["预期2025年实现值", "2024年实际实现值"], true, 5],
    ["bare years, latest is the budget year", ["2024年", "2025年"], true, 6],
    ["no vertical merges in the header", ["上年实际值", "本年目标值"], false, 6],
  ])("%s", (_name, sub, vertical, column) => {
    const t = one(table(sub as [string, string], column === 6 ? 1 : 0), merges(vertical as boolean));
    expect(t.indicatorBlock.headerRow).toBe(4);
    expect(t.indicatorBlock.headerTop).toBe(3);
    expect(t.indicatorBlock.roles.value).toBe(column);
    expect(t.indicatorBlock.indicators.map((i) => i.value.raw)).toEqual(["≥320人次", "≥95%", "≥90%"]);
    expect(t.indicatorBlock.roles.explanation).toBe(7);
    // the level cells of the header are the merges' top-left cells
    expect(t.indicatorBlock.columns.find((c) => c.role === "level1")?.cell).toBe("B3");
  });
});

describe("the value split over operator / value / unit columns, in any order", () => {
  const rows = [
    ["产出指标", "数量指标", "培训班次", "≥", "3", "次", "反映培训班次"],
    ["产出指标", "成本指标", "人均培训成本", "≤", "600", "元/人", "反映人均成本"],
    [
      "满意度指标",
      "服务对象满意度指标",
      "学员满意度",
      "≥",
      "90",
      "%",
      "反映满意程度，计算公式：满意问卷数/问卷总数×100%",
    ],
  ];
  const ORDERS: readonly (readonly [string, readonly number[]])[] = [
    ["计算符号 | 目标值 | 度量单位", [3, 4, 5]],
    ["度量单位 | 计算符号 | 目标值 (unit before operator)", [5, 3, 4]],
    ["目标值 | 度量单位 | 计算符号", [4, 5, 3]],
  ];
  const NAMES: Record<number, string> = { 3: "计算符号", 4: "目标值", 5: "度量单位" };
  it.each(ORDERS)("%s", (_name, order) => {
    const header = ["一级指标", "二级指标", "三级指标", ...order.map((k) => NAMES[k]), "指标解释"];
    const t = one([
      ["项目名称", "测试"],
      header,
      ...rows.map((r) => [r[0], r[1], r[2], ...order.map((k) => r[k]), r[6]]),
    ]);
    expect(t.indicatorBlock.indicators.map((i) => [i.value.operator, i.value.number, i.value.unit])).toEqual([
      ["≥", 3, "次"],
      ["≤", 600, "元/人"],
      ["≥", 90, "%"],
    ]);
  });
});

describe("self-evaluation (自评) tables: the target is the 年度指标值", () => {
  it("one header row: 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因", () => {
    const t = one([
      ["项目名称", "测试"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "培训班次", "≥3次", "4次", 20, 20, "无"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, null],
    ]);
    expect(t.indicatorBlock.indicators.map((i) => i.value.raw)).toEqual(["≥3次", "≥90%"]);
  });
  it.each([
    ["年度指标值 group first", ["年度指标值", "实际完成值"], 4],
    ["实际完成值 group first", ["实际完成值", "年度指标值"], 7],
  ])("two header rows, 指标性质 | 指标值 | 度量单位 under both groups: %s", (_name, groups, operatorColumn) => {
    const target = groups[0] === "年度指标值";
    const planned = ["≥", "3", "次"];
    const actual = ["=", "4", "次"];
    const t = one(
      [
        ["项目名称", "测试"],
        ["一级指标", "二级指标", "三级指标", groups[0], null, null, groups[1], null, null, "分值", "得分"],
        [null, null, null, "指标性质", "指标值", "度量单位", "指标性质", "指标值", "度量单位", null, null],
        ["产出指标", "数量指标", "培训班次", ...(target ? [...planned, ...actual] : [...actual, ...planned]), 20, 20],
      ],
      ["A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:I2", "J2:J3", "K2:K3"]
    );
    expect(t.indicatorBlock.roles.operator).toBe(operatorColumn);
    expect(t.indicatorBlock.indicators[0].value).toMatchObject({ operator: "≥", number: 3, unit: "次" });
  });
});

describe("a cost build-up table above the indicator table", () => {
  it("is neither header fields nor indicators nor budget", () => {
    const t = one(
      [
        ["某项目绩效目标申报表"],
        ["项目名称", "社区养老服务补助"],
        ["项目负责人", "赵六", "联系电话", "0851-1234567"],
        ["预算资金（万元）", 50],
        ["年度目标", "为辖区300名老人提供居家养老服务"],
        ["项目成本测算"],
        ["序号", "支出内容", "单价（元）", "数量", "金额（万元）", "测算依据"],
        [1, "上门服务费", 150, 2000, 30, "按市场价"],
        [2, "项目支出", 200, 1000, 20, "按标准"],
        ["合计", null, null, null, 50, null],
        ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
        ["产出指标", "数量指标", "服务老人数", "≥300人", "反映服务人数"],
        ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "反映满意程度，计算公式：满意人数/调查人数×100%"],
      ],
      ["A1:F1"]
    );
    expect(summary(t).map((r) => r[3])).toEqual(["服务老人数", "老人满意度"]);
    expect(t.budget).toMatchObject({ amount: 50, unit: "万元", parts: [] });
    expect(field(t, "项目名称")).toBe("社区养老服务补助");
    expect(field(t, "联系电话")).toBe("0851-1234567");
  });
});

describe("two tables of different layouts on one sheet", () => {
  it("each with its own header fields, columns and indicators", () => {
    const p = parse(
      [
        ["甲项目绩效目标表"],
        ["项目名称", "甲项目"],
        ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
        ["产出指标", "数量指标", "甲产出", "≥1个", "反映甲产出"],
        [],
        ["乙项目绩效目标表"],
        ["项目名称", "乙项目"],
        ["绩效指标", "一级", "二级", "指标名称", "计算符号", "目标值", "计量单位"],
        [null, "产出指标", "质量指标", "乙合格率", "≥", "98", "%"],
        [null, "效益指标", "社会效益指标", "乙受益人数", "≥", "500", "人"],
      ],
      ["A1:E1", "A6:G6", "A8:A10"]
    );
    expect(
      p.tables.map((t) => [field(t, "项目名称"), t.indicatorBlock.indicators.map((i) => `${i.name}=${i.value.raw}`)])
    ).toEqual([
      ["甲项目", ["甲产出=≥1个"]],
      ["乙项目", ["乙合格率=98", "乙受益人数=500"]],
    ]);
    expect(p.tables[1].indicatorBlock.roles).toMatchObject({
      level1: 2,
      level2: 3,
      name: 4,
      operator: 5,
      value: 6,
      unit: 7,
    });
  });
});

describe("a whole table converted to 繁体 with pinyin debris", () => {
  it("headers, fields and categories are recognised; texts are kept as written", () => {
    const t = one([
      ["某單位2024年度整體績效目標(biāo)表"],
      ["部門(單位)名稱", "某單位"],
      ["年度總體績效目標(biāo)", "做好本職工作"],
      [
        "一級(jí)指標(biāo)",
        "二級(jí)指標(biāo)",
        "三級(jí)指標(biāo)",
        "*指標(biāo)值",
        "計(jì)量單位",
        "*指標(biāo)解釋",
      ],
      ["產(chǎn)出指標(biāo)", "數(shù)量指標(biāo)", "完成業(yè)務(wù)量", "≥120", "件", "反映業(yè)務(wù)完成情況"],
      ["滿意度指標(biāo)", "服務(wù)對象滿意度指標(biāo)", "服務(wù)對象滿意度", "≥90", "%", "反映滿意程度"],
    ]);
    expect(t.kind).toBe("department");
    expect(t.indicatorBlock.roles).toMatchObject({ level1: 1, level2: 2, name: 3, value: 4, unit: 5, explanation: 6 });
    expect(summary(t)).toEqual([
      [5, "产出", "数量", "完成業(yè)務(wù)量", "≥120"],
      [6, "满意度", "服务对象满意度", "服務(wù)對象滿意度", "≥90"],
    ]);
    expect(t.indicatorBlock.indicators[0].level1.text).toBe("產(chǎn)出指標(biāo)");
    expect(field(t, "部门名称")).toBe("某單位");
  });
});

describe("no 二级 column: the categories stand in a column headed 指标", () => {
  it.each([
    ["merged", true],
    ["written on every row", false],
  ])("%s", (_name, merged) => {
    const t = one(
      [
        ["项目名称", "水质监测"],
        ["项目绩效指标", "指标", "指标内容", "指标值"],
        [null, "产出指标", "监测点位数", "36个"],
        [null, merged ? null : "产出指标", "监测报告份数", "12份"],
        [null, "效益指标", "水质达标情况", "通过定期监测及时发现水质异常并报告主管部门处理"],
      ],
      merged ? ["A2:A5", "B3:B4"] : []
    );
    expect(t.indicatorBlock.roles).toMatchObject({ level1: 2, name: 3, value: 4 });
    expect(summary(t)).toEqual([
      [3, "产出", null, "监测点位数", "36个"],
      [4, "产出", null, "监测报告份数", "12份"],
      [5, "效益", null, "水质达标情况", "通过定期监测及时发现水质异常并报告主管部门处理"],
    ]);
  });
});

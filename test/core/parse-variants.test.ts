/**
 * The parser on every layout variant of issue 3, one fixture per variant (built in memory with
 * test/helpers/tables.ts, one also written to .xlsx and read back through exceljs).
 */
import ExcelJS from "exceljs";
import { gridFromRows, type GridInput } from "../../src/core/grid";
import { parseSheet, parseTargetValue } from "../../src/core/parse";
import { gridFromWorksheet } from "../../src/xlsx/grid";
import { layoutTable, sheetOf, tableOf, VALID_ROWS, xlsxOf, type TableSpec } from "../helpers/tables";

const summary = (spec: TableSpec) =>
  tableOf(spec).indicatorBlock.indicators.map((i) => [i.level1.standard, i.level2.standard, i.name, i.value.raw, i.explanation]);

const EXPECTED_VALID = VALID_ROWS.map((r) => {
  const l1 = String(r[0]).replace(/指标$/, "") as string;
  const l2 = String(r[1]).replace(/指标$/, "");
  return [l1, l2, r[2], r[3], r[4]];
});

describe("layouts of 一级/二级", () => {
  it.each(["merged", "blank", "repeat"] as const)("%s", (layout) => {
    expect(summary({ rows: VALID_ROWS, layout })).toEqual(EXPECTED_VALID);
  });

  it("merged: the level cell is the merge's top-left, the group spans the merge", () => {
    const t = tableOf({ rows: VALID_ROWS, layout: "merged" });
    const [first, second] = t.indicatorBlock.indicators;
    expect(first.level1.cell).toBe("A8");
    expect(second.level1.cell).toBe("A8");
    expect(second.level2.cell).toBe("B8");
    expect([first.level1.firstRow, first.level1.lastRow]).toEqual([8, 12]);
    expect(t.indicatorBlock.merges).toContain("A8:A12");
  });

  it("repeat: two adjacent groups with the same text stay separate only when merged separately", () => {
    const t = tableOf({ rows: VALID_ROWS, layout: "repeat" });
    expect(t.indicatorBlock.indicators[1].level2.cell).toBe("B9");
    expect(t.indicatorBlock.indicators[1].level2.standard).toBe("数量");
  });
});

describe("column headers by meaning", () => {
  const rows = [["产出指标", "数量指标", "培训班次", "≥2次", "反映培训班次"]];
  it.each([
    ["without 指标", ["一级", "二级", "三级", "指标值", "指标解释及计算公式"]],
    ["traditional characters", ["一級指標", "二級指標", "三級指標", "指標值", "指標解釋"]],
    ["full-width brackets and stray spaces", [" 一级 指标 ", "二级指标", "三级指标名称", "指标值（包含数字及文字描述）", "指标解释 及 计算公式"]],
    ["目标值 / 指标内容 / 指标说明", ["一级绩效指标", "二级绩效指标", "指标内容", "目标值", "指标说明"]],
    ["年度指标值 / 指标名称 / 绩效标准", ["一级指标", "二级指标", "指标名称", "年度指标值", "绩效标准"]],
    ["指标值及单位 / 评(扣)分标准", ["一级指标", "二级指标", "三级指标", "指标值及单位", "评（扣）分标准"]],
    ["预期(年)实现值 / 指标值说明", ["一级指标", "二级指标", "三级指标", "预期(年)实现值", "指标值说明"]],
  ])("%s", (_name, headers) => {
    const t = tableOf({ rows, headers });
    expect(t.indicatorBlock.roles).toMatchObject({ level1: 1, level2: 2, name: 3, value: 4, explanation: 5 });
    expect(summary({ rows, headers })).toEqual([["产出", "数量", "培训班次", "≥2次", "反映培训班次"]]);
  });

  it("an operator column (指标性质) and a unit column (计量单位)", () => {
    const t = tableOf({
      headers: ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "指标解释"],
      rows: [["产出指标", "数量指标", "培训班次", "≥", 2, "次", "反映培训班次"]],
    });
    const i = t.indicatorBlock.indicators[0];
    expect(t.indicatorBlock.roles).toMatchObject({ operator: 4, value: 5, unit: 6, explanation: 7 });
    expect(i.value).toMatchObject({ operator: "≥", operatorSource: "column", number: 2, unit: "次", storedAsNumber: true });
    expect([i.operatorCell, i.unitCell]).toEqual(["D8", "F8"]);
  });

  it("计算符号 and 度量单位 are recognised too", () => {
    const t = tableOf({ headers: ["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "度量单位", "指标解释"], rows: [["产出指标", "数量指标", "课程数量", "＝", 5, "门", "x"]] });
    expect(t.indicatorBlock.indicators[0].value).toMatchObject({ operator: "=", operatorText: "＝", unit: "门" });
  });

  it("a weight column 权重(%)", () => {
    const t = tableOf({ headers: ["一级指标", "二级指标", "三级指标", "指标值", "权重(%)", "指标解释"], rows: [["产出指标", "数量指标", "培训班次", "≥2次", 20, "反映培训班次"]] });
    expect(t.indicatorBlock.indicators[0].weight).toBe(20);
    expect(t.indicatorBlock.indicators[0].weightCell).toBe("E8");
  });

  it("a 自评 table: 年度指标值 is the target, 实际完成值/分值/得分 are other columns", () => {
    const t = tableOf({
      headers: ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      rows: [["产出指标", "数量指标", "培训班次", "≥2次", "3次", 10, 10, "无"]],
    });
    const i = t.indicatorBlock.indicators[0];
    expect(i.value.raw).toBe("≥2次");
    expect(i.extras).toMatchObject({ 实际完成值: "3次", 分值: "10", 得分: "10" });
    expect(i.explanation).toBeNull();
  });

  it("a 备注 column filled like explanations is the explanation column; a sparse one is not", () => {
    const filled = tableOf({ headers: ["一级指标", "二级指标", "三级指标", "指标值", "备注"], rows: VALID_ROWS });
    expect(filled.indicatorBlock.roles.explanation).toBe(5);
    const sparse = tableOf({
      headers: ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
      rows: VALID_ROWS.map((r, k) => [...r.slice(0, 4), k === 0 ? "略" : null]),
    });
    expect(sparse.indicatorBlock.roles.explanation).toBeUndefined();
  });

  it("a label column left of 一级 (绩效目标情况), merged down the block", () => {
    const t = tableOf({ rows: VALID_ROWS, label: "绩效目标情况" });
    expect(t.indicatorBlock.roles).toMatchObject({ label: 1, level1: 2, level2: 3, name: 4 });
    expect(summary({ rows: VALID_ROWS, label: "绩效目标情况" })).toEqual(EXPECTED_VALID);
  });

  it("an explanation column with a blank header is inferred from its content", () => {
    const t = tableOf({ headers: ["一级指标", "二级指标", "三级指标", "指标值", ""], rows: VALID_ROWS });
    expect(t.indicatorBlock.roles.explanation).toBe(5);
  });

  it("a two-row header (指标 over 一级/二级/三级, 指标解释 merged over both rows)", () => {
    const grid = gridFromRows(
      "S",
      [
        ["项目名称", "测试"],
        ["绩效指标", null, null, "指标值", "指标解释"],
        ["一级指标", "二级指标", "三级指标", null, null],
        ["产出指标", "数量指标", "培训班次", "≥2次", "反映培训班次"],
      ],
      ["A2:C2", "D2:D3", "E2:E3"],
    );
    const t = parseSheet(grid).tables[0];
    expect(t.indicatorBlock.headerRow).toBe(3);
    expect(t.indicatorBlock.roles).toMatchObject({ level1: 1, level2: 2, name: 3, value: 4, explanation: 5 });
    expect(t.indicatorBlock.indicators[0].value.raw).toBe("≥2次");
  });
});

describe("cost layouts", () => {
  it("成本 as a 二级 under 产出 (older layout)", () => {
    const t = tableOf({ rows: [["产出指标", "成本指标", "培训成本", "≤10万元", "x"]] });
    expect(t.indicatorBlock.indicators[0].level1.standard).toBe("产出");
    expect(t.indicatorBlock.indicators[0].level2.standard).toBe("成本");
  });
  it("成本 as its own 一级 (财预〔2021〕101号 layout)", () => {
    const t = tableOf({
      rows: [
        ["成本指标", "经济成本指标", "场地租赁费", "≤2万元", "x"],
        ["成本指标", "社会成本指标", "对周边环境影响", "无", "x"],
        ["成本指标", "生态环境成本指标", "能耗", "≤100千瓦时", "x"],
      ],
    });
    expect(t.indicatorBlock.indicators.map((i) => [i.level1.standard, i.level2.standard])).toEqual([
      ["成本", "经济成本"],
      ["成本", "社会成本"],
      ["成本", "生态环境成本"],
    ]);
  });
});

describe("tables on a sheet", () => {
  it("two project tables one below the other", () => {
    const sheet = sheetOf("S", { rows: VALID_ROWS }, { rows: VALID_ROWS.slice(0, 3), fields: [["项目名称", "第二个项目"], ["年度目标", "完成"]] });
    const parse = parseSheet(sheet);
    expect(parse.tables).toHaveLength(2);
    expect(parse.tables.map((t) => t.indicatorBlock.indicators.length)).toEqual([7, 3]);
    expect(parse.tables[1].headerFields[0]).toMatchObject({ key: "项目名称", value: "第二个项目" });
    expect(parse.tables[0].bottom).toBeLessThan(parse.tables[1].top);
  });

  it("a department table: kind, fields, budget parts and year", () => {
    const t = tableOf({ kind: "department", rows: VALID_ROWS });
    expect(t.kind).toBe("department");
    expect(t.budgetYear).toBe(2025);
    expect(t.budget).toMatchObject({ amount: 250, unit: "万元", parts: [{ key: "基本支出", amount: 200 }, { key: "项目支出", amount: 50 }] });
    expect(t.headerFields.find((f) => f.key === "部门名称")?.value).toBe("某市财政局");
  });

  it("a project table: title, subtitle year, budget in 元", () => {
    const t = tableOf({ title: "项目支出绩效目标申报表", year: 2026, rows: VALID_ROWS });
    expect(t.kind).toBe("project");
    expect(t.title).toBe("项目支出绩效目标申报表");
    expect(t.budgetYear).toBe(2026);
    expect(t.budget).toMatchObject({ amount: 100000, unit: "元" });
  });

  it("a table starting anywhere (C5), with cover lines above and sign-off rows below", () => {
    const built = layoutTable({ rows: VALID_ROWS, footer: ["审核意见：", "填表人：李四  联系电话：123"] });
    const shifted: GridInput[][] = [["附件1"], [], ["编制单位：某局"], [], ...built.rows.map((r) => [null, null, ...r])];
    const grid = gridFromRows("S", shifted, []);
    const parse = parseSheet(grid);
    expect(parse.tables).toHaveLength(1);
    const t = parse.tables[0];
    expect(t.range.startsWith("C")).toBe(true);
    expect(t.indicatorBlock.indicators).toHaveLength(7);
    expect(t.indicatorBlock.indicators[0].nameCell).toBe(`E${4 + 8}`);
    // the sign-off rows are not indicators
    expect(t.indicatorBlock.rows.some((r) => /审核|填表/.test(r.name))).toBe(false);
  });

  it("blank 二级 rows and category-only rows are reported as such", () => {
    const t = tableOf({
      rows: [...VALID_ROWS, ["效益指标", "生态效益指标", null, null, null], ["成本指标", null, null, null, null]],
      layout: "blank",
    });
    const kinds = t.indicatorBlock.rows.map((r) => r.rowKind);
    expect(kinds.filter((k) => k === "blank-level2")).toHaveLength(1);
    expect(kinds.filter((k) => k === "category-only")).toHaveLength(1);
    expect(t.indicatorBlock.indicators).toHaveLength(7);
  });
});

describe("values", () => {
  it.each([
    ["=130家", "=", 130, "家", "quantitative"],
    ["≥95%", "≥", 95, "%", "quantitative"],
    ["≤548万元", "≤", 548, "万元", "quantitative"],
    [">=98%", "≥", 98, "%", "quantitative"],
    ["<=2小时", "≤", 2, "小时", "quantitative"],
    ["≧90%", "≥", 90, "%", "quantitative"],
    ["≦5天", "≤", 5, "天", "quantitative"],
    ["＝100%", "=", 100, "%", "quantitative"],
    ["═1个", "=", 1, "个", "quantitative"],
    ["＞3次", ">", 3, "次", "quantitative"],
    ["< 1%", "<", 1, "%", "quantitative"],
    ["大于等于85%", "≥", 85, "%", "quantitative"],
    ["不低于90%", "≥", 90, "%", "quantitative"],
    ["不超过20万元", "≤", 20, "万元", "quantitative"],
    ["不少于8天", "≥", 8, "天", "quantitative"],
    ["95%以上", "≥", 95, "%", "quantitative"],
    ["2%", null, 2, "%", "quantitative"],
    ["130", null, 130, null, "quantitative"],
    ["1年", null, 1, "年", "quantitative"],
    ["90%-95%", null, 90, "%", "quantitative"],
    ["2025年12月31日前", null, null, null, "deadline"],
    ["2025年底前", null, null, null, "deadline"],
    ["12月底前", null, null, null, "deadline"],
    ["进一步加大", null, null, null, "qualitative"],
    ["按时限完成", null, null, null, "qualitative"],
    ["≥**%", "≥", null, "%", "placeholder"],
    ["(≥**%)", "≥", null, "%", "placeholder"],
    ["≥**个", "≥", null, "个", "placeholder"],
    ["XX", null, null, null, "placeholder"],
    ["", null, null, null, "empty"],
  ])("%s", (raw, operator, number, unit, kind) => {
    const v = parseTargetValue(raw);
    expect({ operator: v.operator, number: v.number, unit: v.unit, kind: v.kind }).toEqual({ operator, number, unit, kind });
    expect(v.raw).toBe(raw.trim());
  });

  it("a range keeps both numbers; a deadline its year", () => {
    expect(parseTargetValue("90%-95%").numberTo).toBe(95);
    expect(parseTargetValue("2025年12月31日前").year).toBe(2025);
  });

  it("numbers stored as numbers and dates in the value column", () => {
    const grid = gridFromRows("S", [
      ["项目名称", "x"],
      ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
      ["产出指标", "数量指标", "培训班次", 2, "x"],
      ["产出指标", "时效指标", "完成时间", { text: "2025-12-31", type: "date" }, "x"],
    ]);
    const [a, b] = parseSheet(grid).tables[0].indicatorBlock.indicators;
    expect(a.value).toMatchObject({ number: 2, storedAsNumber: true, kind: "quantitative" });
    expect(b.value).toMatchObject({ kind: "deadline", year: 2025 });
  });
});

describe("bad input never throws and says why", () => {
  it("an empty sheet", () => {
    const p = parseSheet(gridFromRows("空表", []));
    expect(p.tables).toEqual([]);
    expect(p.problems[0].message).toContain("空");
  });
  it("a sheet with no table", () => {
    const p = parseSheet(gridFromRows("说明", [["填报说明"], ["请按要求填写"]]));
    expect(p.tables).toEqual([]);
    expect(p.problems[0].message).toMatch(/未识别到绩效目标表/);
  });
  it("header fields but no indicator header", () => {
    const p = parseSheet(gridFromRows("S", [["项目名称", "x"], ["项目负责人", "y"]]));
    expect(p.problems[0].message).toMatch(/项目名称.*没有找到指标表头/);
  });
  it("a partial header", () => {
    const p = parseSheet(gridFromRows("S", [["序号", "指标值", "说明"], [1, "≥2次", "x"]]));
    expect(p.problems[0].message).toMatch(/第 1 行只有“指标值”列/);
  });
  it("a header row with nothing below", () => {
    const p = parseSheet(gridFromRows("S", [["一级指标", "二级指标", "三级指标", "指标值"]]));
    expect(p.tables).toEqual([]);
    expect(p.problems[0].message).toMatch(/下面没有指标行/);
  });
  it("error cells (#REF!) are blank and reported", () => {
    const grid = gridFromRows("S", [
      ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
      ["产出指标", "数量指标", "培训班次", { text: "#REF!", type: "error" }, "x"],
    ]);
    const p = parseSheet(grid);
    expect(p.tables[0].indicatorBlock.indicators[0].value.kind).toBe("empty");
    expect(p.problems.map((x) => x.message).join()).toContain("#REF!");
  });
  it("a table cut off at the sheet's edge (no explanation column, last row is the sheet's last)", () => {
    const grid = gridFromRows("S", [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "培训班次", "≥2次"],
    ]);
    expect(parseSheet(grid).tables[0].indicatorBlock.indicators).toHaveLength(1);
  });
  it("a 1,000,000-cell sheet", () => {
    const rows: GridInput[][] = [["一级指标", "二级指标", "三级指标", "指标值", "指标解释"]];
    for (let r = 0; r < 100000; r++) rows.push(["产出指标", "数量指标", `指标${r}`, `≥${r}个`, "反映数量", r, r, r, r, r]);
    const p = parseSheet(gridFromRows("大表", rows));
    expect(p.tables[0].indicatorBlock.indicators).toHaveLength(100000);
  });
});

describe("fixture written as .xlsx and read back through exceljs", () => {
  it("parses the same", async () => {
    const grid = sheetOf("培训", { rows: VALID_ROWS, label: "绩效目标情况" });
    const buffer = await xlsxOf([grid]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const back = gridFromWorksheet(wb.worksheets[0]);
    const a = parseSheet(grid).tables[0];
    const b = parseSheet(back).tables[0];
    expect(b.indicatorBlock.indicators.map((i) => [i.name, i.value.raw, i.level1.cell, i.level2.cell])).toEqual(
      a.indicatorBlock.indicators.map((i) => [i.name, i.value.raw, i.level1.cell, i.level2.cell]),
    );
    expect(b.range).toBe(a.range);
  });
});

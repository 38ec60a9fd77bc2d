/**
 * Insertion planning on the real seed workbook (as grids): every template family into every table;
 * the new indicator re-parses in its intended 一级/二级 group, merges cover the new row, no
 * non-empty cell is overwritten, no merge is broken, and every other cell is unchanged.
 */
import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import type { RowGrid, SheetGrid } from "../../src/core/grid";
import { parseRange, rangeAddress } from "../../src/core/grid";
import type { TargetTable } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { fillPlan } from "../../src/core/rules/util";
import { TEMPLATES } from "../../src/core/templates/library";
import { notOfferedReason, planInsertion, planMove, planSection, type InsertionPlan } from "../../src/core/templates/plan";
import type { IndicatorTemplate } from "../../src/core/templates/types";
import { loadGrids, SAMPLE } from "../helpers/seed";
import { sheetOf, tableOf, VALID_ROWS } from "../helpers/tables";

const FAMILIES = [...new Set(TEMPLATES.map((t) => t.family))];
const onePerFamily: IndicatorTemplate[] = FAMILIES.map((f) => TEMPLATES.find((t) => t.family === f)!);
/** one template per 二级 too, so every group kind is exercised */
const onePerLevel2: IndicatorTemplate[] = [...new Set(TEMPLATES.map((t) => `${t.level1}/${t.level2}`))].map((k) => TEMPLATES.find((t) => `${t.level1}/${t.level2}` === k)!);

function texts(grid: SheetGrid): string[][] {
  const out: string[][] = [];
  for (let r = 1; r <= grid.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= grid.columnCount; c++) row.push(grid.cell(r, c)?.text ?? "");
    out.push(row);
  }
  return out;
}

/** Checks the invariants of an applied insertion and returns the re-parsed table. */
function verifyInsertion(before: SheetGrid, after: SheetGrid, plan: InsertionPlan, tableTop: number): TargetTable {
  const inserted = plan.placement !== "fill-row";
  const r = plan.row;
  // every other cell unchanged (rows below the insertion shifted by one)
  const a = texts(before);
  const b = texts(after);
  for (let row = 1; row <= a.length; row++) {
    const target = inserted && row >= r ? row + 1 : row;
    if (!inserted && row === r) continue;
    for (let c = 0; c < a[row - 1].length; c++) {
      if (plan.plan.steps.some((s) => s.kind === "set" && s.oldText !== "" && s.address === `${String.fromCharCode(65 + c)}${target}`)) continue;
      expect([row, c, b[target - 1]?.[c] ?? ""]).toEqual([row, c, a[row - 1][c]]);
    }
  }
  // no set step overwrites a non-empty cell, except carrying a group label (oldText equals the label moved)
  for (const s of plan.plan.steps) if (s.kind === "set" && s.oldText !== "") expect(s.newText).toBe("");
  // no merge is broken: each old merge is still there (shifted/grown), or replaced by a larger one
  const afterMerges = after.merges.map((m) => rangeAddress(m));
  for (const m of before.merges) {
    const shifted = inserted && m.top >= r ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m;
    const grown = after.merges.find((x) => x.left === shifted.left && x.right === shifted.right && (x.top === shifted.top || x.top === shifted.top - 1) && x.bottom >= shifted.bottom);
    expect([rangeAddress(m), grown ? "kept" : afterMerges.join(" ")]).toEqual([rangeAddress(m), "kept"]);
  }
  const parse = parseWorkbook([after]);
  const table = parse.tables.find((t) => t.top === tableTop || (t.top <= r && t.bottom >= r))!;
  expect(table).toBeDefined();
  const row = table.indicatorBlock.indicators.find((i) => i.row === r)!;
  expect(row).toBeDefined();
  expect([row.level1.standard, row.level2.standard]).toEqual([plan.level1, plan.level2]);
  // the new row lies inside its groups (merges cover it)
  expect(row.level1.firstRow).toBeLessThanOrEqual(r);
  expect(row.level1.lastRow).toBeGreaterThanOrEqual(r);
  expect(row.level2.firstRow).toBeLessThanOrEqual(r);
  expect(row.level2.lastRow).toBeGreaterThanOrEqual(r);
  return table;
}

describe("planInsertion on the seed workbook", () => {
  let grids: RowGrid[];
  beforeAll(async () => {
    grids = await loadGrids(SAMPLE);
  });

  it("covers every family of the library", () => {
    expect(FAMILIES.length).toBeGreaterThanOrEqual(10);
  });

  for (const sheetIndex of [0, 1, 2, 3, 4, 5]) {
    it(`every family and every 二级 into table ${sheetIndex + 1}`, () => {
      const grid = grids[sheetIndex];
      const table = parseWorkbook([grid]).tables[0];
      for (const template of [...onePerFamily, ...onePerLevel2]) {
        if (notOfferedReason(table, template)) {
          // 社会成本/生态环境成本 in a table whose 成本 stands under 产出: refused, with the reason
          expect(() => planInsertion(table, template)).toThrow(/不是金额/);
          continue;
        }
        const plan = planInsertion(table, template);
        const [after] = applyPlanToGrids([grid], plan.plan);
        const reparsed = verifyInsertion(grid, after, plan, table.top);
        const row = reparsed.indicatorBlock.indicators.find((i) => i.row === plan.row)!;
        expect(row.name).not.toMatch(/\{/);
        expect(reparsed.indicatorBlock.indicators).toHaveLength(table.indicatorBlock.indicators.length + 1);
        expect(plan.plan.select?.address).toBe(row.nameCell);
      }
    });
  }

  it("a satisfaction template with N=30 lands in the 满意度 group of a project table, merges extended", () => {
    const grid = grids[2];
    const table = parseWorkbook([grid]).tables[0];
    const t = TEMPLATES.find((x) => x.level2 === "服务对象满意度" && x.placeholders.some((p) => p.key === "N"))!;
    const plan = planInsertion(table, t, { N: "30" });
    expect(plan.placement).toBe("group");
    expect(plan.row).toBe(25);
    const [after] = applyPlanToGrids([grid], plan.plan);
    const reparsed = verifyInsertion(grid, after, plan, table.top);
    const row = reparsed.indicatorBlock.indicators.find((i) => i.row === 25)!;
    expect(row.explanation).toContain("随机抽取30名");
    expect(row.level1.cell).toBe("C24");
    // the 一级/二级 cells and both label columns (B 指标, and A 绩效目标情况 from the header area) cover the new row
    expect(after.merges.map(rangeAddress)).toEqual(expect.arrayContaining(["C24:C25", "D24:D25", "B15:B25", "A10:A25"]));
    expect(checkGrids([after]).findings.filter((f) => f.row === 25)).toEqual([]);
  });

  it("maps cost templates to the table's cost layout", () => {
    const table = parseWorkbook([grids[1]]).tables[0];
    const own = TEMPLATES.find((x) => x.level1 === "成本" && x.level2 === "经济成本")!;
    const plan = planInsertion(table, own);
    expect([plan.level1, plan.level2]).toEqual(["产出", "成本"]);
    const t = tableOf({ rows: [["成本指标", "经济成本指标", "场地租赁费", "≤2万元", "反映场地费用"], ...VALID_ROWS.filter((r) => r[1] !== "成本指标")] });
    // a 产出/成本 template (user templates may be written that way) lands under 成本/经济成本
    const older: IndicatorTemplate = { ...own, id: "user-older-cost", level1: "产出", level2: "成本" };
    expect([planInsertion(t, older).level1, planInsertion(t, older).level2]).toEqual(["成本", "经济成本"]);
  });

  it("at the selected row, when the user chose that", () => {
    const grid = grids[0];
    const table = parseWorkbook([grid]).tables[0];
    const plan = planInsertion(table, onePerFamily[0], {}, { atRow: 40 });
    expect(plan.placement).toBe("at-row");
    expect(plan.row).toBe(41);
    const [after] = applyPlanToGrids([grid], plan.plan);
    verifyInsertion(grid, after, plan, table.top);
  });

  it("left unfilled, the placeholders stay flagged until filled", () => {
    const grid = grids[2];
    const table = parseWorkbook([grid]).tables[0];
    const t = TEMPLATES.find((x) => x.level2 === "服务对象满意度" && x.placeholders.some((p) => p.key === "N"))!;
    const plan = planInsertion(table, t, {}, { keepUnfilled: true });
    expect(plan.inputs.map((i) => i.placeholder)).toContain("{N}");
    const [after] = applyPlanToGrids([grid], plan.plan);
    const rules = new Set(checkGrids([after]).findings.filter((f) => f.row === plan.row).map((f) => f.rule));
    expect(rules.has("placeholder-left") || rules.has("blank-sample-size")).toBe(true);
    const values = Object.fromEntries(plan.inputs.map((i) => [i.placeholder, i.defaultValue ?? "1"]));
    const [filled] = applyPlanToGrids([grid], fillPlan(plan.plan, values));
    expect(checkGrids([filled]).findings.filter((f) => f.row === plan.row && (f.rule === "placeholder-left" || f.rule === "blank-sample-size"))).toEqual([]);
  });
});

describe("new groups and sections", () => {
  const base = VALID_ROWS;
  it.each(["merged", "blank", "repeat"] as const)("a missing 二级 becomes a new group in its 一级 section (%s)", (layout) => {
    const grid = sheetOf("S", { rows: base, layout });
    const table = parseWorkbook([grid]).tables[0];
    const t = TEMPLATES.find((x) => x.level2 === "经济效益")!;
    const plan = planInsertion(table, t);
    expect(plan.placement).toBe("new-group");
    const [after] = applyPlanToGrids([grid], plan.plan);
    verifyInsertion(grid, after, plan, table.top);
  });

  it.each(["merged", "blank"] as const)("a missing 一级 becomes a new section in the standard order (%s)", (layout) => {
    const rows = base.filter((r) => r[0] !== "效益指标");
    const grid = sheetOf("S", { rows, layout, label: "绩效目标情况" });
    const table = parseWorkbook([grid]).tables[0];
    const plan = planSection(table, "效益", TEMPLATES)!;
    expect(plan.placement).toBe("new-section");
    const [after] = applyPlanToGrids([grid], fillPlan(plan.plan, Object.fromEntries(plan.inputs.map((i) => [i.placeholder, i.defaultValue ?? "1"]))));
    const reparsed = verifyInsertion(grid, after, plan, table.top);
    // it sits between 产出 and 满意度
    const order = reparsed.indicatorBlock.indicators.map((i) => i.level1.standard);
    expect(order.indexOf("效益")).toBeGreaterThan(order.lastIndexOf("产出"));
    expect(order.indexOf("效益")).toBeLessThan(order.indexOf("满意度"));
    expect(checkGrids([after]).findings.filter((f) => f.rule === "missing-level1")).toEqual([]);
  });

  it("a 二级 new at the top of a merged section joins the section's merge", () => {
    const rows = base.filter((r) => r[1] !== "数量指标");
    const grid = sheetOf("S", { rows, layout: "merged" });
    const table = parseWorkbook([grid]).tables[0];
    const t = TEMPLATES.find((x) => x.level2 === "数量")!;
    const plan = planInsertion(table, t);
    const [after] = applyPlanToGrids([grid], plan.plan);
    const reparsed = parseWorkbook([after]).tables[0];
    const first = reparsed.indicatorBlock.indicators[0];
    // 产出 held 质量/时效/成本 on rows 8–10; with the new 数量 row its merge spans 8–11
    expect([first.level1.standard, first.level2.standard, first.level1.cell, first.level1.lastRow]).toEqual(["产出", "数量", "A8", 11]);
  });
});

describe("planMove (misplaced-indicator's fix)", () => {
  it("moves the seed's rate out of 数量 into 经济效益, keeps every label, and the finding disappears", async () => {
    const [grid] = await loadGrids(SAMPLE);
    const table = parseWorkbook([grid]).tables[0];
    const row31 = table.indicatorBlock.indicators.find((i) => i.row === 31)!;
    const plan = planMove(table, row31, { level1: "效益", level2: "经济效益" })!;
    expect(plan).not.toBeNull();
    const [after] = applyPlanToGrids([grid], plan);
    const reparsed = parseWorkbook([after]).tables[0];
    const moved = reparsed.indicatorBlock.indicators.filter((i) => i.name === "全市一般公共预算收入增长率");
    expect(moved.map((i) => i.level2.standard)).toEqual(["经济效益", "经济效益"]);
    expect(reparsed.indicatorBlock.indicators).toHaveLength(43);
    expect(checkGrids([after]).findings.filter((f) => f.rule === "misplaced-indicator")).toEqual([]);
    // 产出/数量 labels survive
    expect(reparsed.indicatorBlock.indicators[0]).toMatchObject({ row: 24, level1: { text: "产出指标" }, level2: { text: "数量指标" } });
    expect(after.merges.map(rangeAddress)).toEqual(expect.arrayContaining(["B24:B49", "C24:C34", "C50:C52"]));
  });

  it("moving the top row of a merged group carries the group's label to the next row", () => {
    const rows = [["产出指标", "数量指标", "培训合格率", "≥95%", "计算公式：合格/总数×100%"], ...VALID_ROWS];
    const grid = sheetOf("S", { rows, layout: "merged" });
    const table = parseWorkbook([grid]).tables[0];
    const first = table.indicatorBlock.indicators[0];
    const plan = planMove(table, first, { level1: "产出", level2: "质量" })!;
    const [after] = applyPlanToGrids([grid], plan);
    const reparsed = parseWorkbook([after]).tables[0];
    expect(reparsed.indicatorBlock.indicators[0]).toMatchObject({ row: 8, name: "培训班次", level1: { text: "产出指标", cell: "A8" }, level2: { text: "数量指标", cell: "B8" } });
    expect(reparsed.indicatorBlock.indicators.filter((i) => i.level2.standard === "质量").map((i) => i.name)).toEqual(["培训合格率", "培训合格率"]);
    // 产出 spanned rows 8–13 (the extra row + five 产出 rows); one row moved within it: still 8–13
    expect(after.merges.find((m) => m.left === 1 && m.top === 8)).toEqual(parseRange("A8:A13"));
  });
});

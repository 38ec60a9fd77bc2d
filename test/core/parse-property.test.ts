/**
 * Property-based test (fast-check): thousands of random grids — random merges, random text from
 * the domain's vocabulary — never make the parser throw; every address it returns lies inside the
 * sheet; tables never overlap.
 */
import fc from "fast-check";
import { parseCell, parseRange, RowGrid, type CellRange, type GridCell } from "../../src/core/grid";
import type { TargetTable } from "../../src/core/model";
import { parseSheet } from "../../src/core/parse";

const VOCAB = [
  "一级指标", "二级指标", "三级指标", "指标值", "指标解释及计算公式", "一级", "二级", "三级", "目标值", "指标性质", "计量单位", "权重(%)",
  "产出指标", "效益指标", "满意度指标", "成本指标", "数量指标", "质量指标", "时效指标", "社会效益指标", "经济成本指标", "服务对象满意度指标",
  "项目名称", "项目负责人", "联系电话", "预算资金（元）", "年度目标", "部门(单位)名称", "基本支出", "项目支出", "资金总额(万元)",
  "绩效目标情况", "指标", "项目绩效目标表", "六盘水市财政局2025年部门整体支出绩效目标表", "（2025年度）", "审核意见", "填表人：",
  "培训班次", "≥2次", "=100%", "≥95%", "≤548万元", "2%", "1个", "进一步加大", "按时限完成", "2025年12月31日前", "≥**%", "XX", "{N}",
  "反映培训情况，计算公式：合格人数/参训人数×100%", "随机抽取 名被评审单位人员 名发放调查问卷", "#REF!", "", " ", "计划1：做好工作", "<p>年度目标</p> <p>根据</p>",
];

const cellArb: fc.Arbitrary<GridCell | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: fc.constantFrom(...VOCAB).map((text): GridCell => ({ text, type: text.startsWith("#") ? "error" : "text" })) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((n): GridCell => ({ text: String(n), type: "number" })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((text): GridCell => ({ text, type: "text" })) },
);

const gridArb = fc
  .record({
    rows: fc.integer({ min: 0, max: 40 }),
    cols: fc.integer({ min: 0, max: 9 }),
  })
  .chain(({ rows, cols }) =>
    fc.record({
      cells: fc.array(fc.array(cellArb, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      merges: fc.array(
        fc.record({ top: fc.integer({ min: 1, max: Math.max(1, rows) }), left: fc.integer({ min: 1, max: Math.max(1, cols) }), h: fc.integer({ min: 0, max: 6 }), w: fc.integer({ min: 0, max: 3 }) }),
        { maxLength: 8 },
      ),
    }),
  )
  .map(({ cells, merges }) => {
    // keep merges disjoint, like Excel
    const kept: CellRange[] = [];
    for (const m of merges) {
      const r: CellRange = { top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w };
      if (r.top === r.bottom && r.left === r.right) continue;
      if (kept.some((k) => k.top <= r.bottom && r.top <= k.bottom && k.left <= r.right && r.left <= k.right)) continue;
      kept.push(r);
    }
    return new RowGrid("随机", cells, kept);
  });

function addressesOf(t: TargetTable): string[] {
  const out: (string | null)[] = [t.titleCell];
  for (const f of t.headerFields) out.push(f.labelCell, f.valueCell);
  if (t.budget) out.push(t.budget.cell, ...t.budget.parts.map((p) => p.cell));
  for (const i of t.indicatorBlock.rows) {
    out.push(i.nameCell, i.valueCell, i.explanationCell, i.operatorCell, i.unitCell, i.weightCell, i.level1.cell, i.level2.cell);
  }
  return out.filter((a): a is string => a !== null);
}

describe("parser properties", () => {
  it("never throws, addresses stay inside the sheet, tables do not overlap", () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const p = parseSheet(grid);
        const rows = Math.max(grid.rowCount, 1);
        const cols = Math.max(grid.columnCount, 1);
        for (const t of p.tables) {
          for (const a of addressesOf(t)) {
            const { row, column } = parseCell(a);
            if (row < 1 || row > rows || column < 1 || column > cols) throw new Error(`${a} outside ${rows}×${cols}`);
          }
          const r = parseRange(t.range);
          if (r.bottom > rows || r.right > cols) throw new Error(`range ${t.range} outside`);
        }
        const sorted = [...p.tables].sort((a, b) => a.top - b.top);
        for (let k = 1; k < sorted.length; k++) if (sorted[k].top <= sorted[k - 1].bottom) throw new Error(`tables overlap: ${sorted[k - 1].range} ${sorted[k].range}`);
        for (const pr of p.problems) {
          if (!/[\u4e00-\u9fff]/.test(pr.message)) throw new Error(`problem not in Chinese: ${pr.message}`);
          // parseSheet turns an internal exception into a problem: that must never happen either
          if (pr.message.includes("时出错")) throw new Error(pr.message);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("rule properties", () => {
  it("checking random grids never throws; every finding names a cell, a Chinese message ≤ 80 characters", () => {
    // imported lazily so a rule failure shows up as this test's failure, not the parser's
    const { checkGrids } = require("../../src/core/check") as typeof import("../../src/core/check");
    fc.assert(
      fc.property(gridArb, (grid) => {
        const result = checkGrids([grid]);
        for (const f of result.findings) {
          parseCell(f.cell);
          if (!/[\u4e00-\u9fff]/.test(f.message) || f.message.length > 80) throw new Error(`bad message: ${f.message}`);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

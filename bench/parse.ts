/**
 * bench/parse: sheets of 1,000, 10,000 and 100,000 indicator rows (merged 一级/二级 groups, a label
 * column, realistic texts); prints rows per second and the 100k/10k time ratio.
 * Goal: ≥ 200,000 indicator rows per second on a 2-core machine; linear growth (ratio ≤ 12).
 */
import { gridFromRows, type GridInput } from "../src/core/grid";
import { parseSheet } from "../src/core/parse";

const GROUPS: [string, string, string, string][] = [
  ["产出指标", "数量指标", "培训班次", "≥2次"],
  ["产出指标", "质量指标", "培训合格率", "≥95%"],
  ["产出指标", "时效指标", "完成时限", "2025年12月31日前"],
  ["产出指标", "成本指标", "项目成本", "≤10万元"],
  ["效益指标", "社会效益指标", "能力提升率", "≥90%"],
  ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
];

/** A sheet of `indicators` rows; with `defectEvery` = n, every n-th row carries a typical defect. */
export function buildSheet(indicators: number, name = "大表", defectEvery = 0): ReturnType<typeof gridFromRows> {
  const rows: GridInput[][] = [["某市财政局项目绩效目标表"], ["项目名称", "测试项目"], ["项目负责人", "张三"], ["绩效目标情况", "一级指标", "二级指标", "三级指标", "指标值", "指标解释及计算公式"]];
  const merges: string[] = [];
  const header = rows.length;
  const perGroup = 8;
  let r = 0;
  let g = 0;
  while (r < indicators) {
    const [l1, l2, name3, value] = GROUPS[g % GROUPS.length];
    const start = header + 1 + r;
    const n = Math.min(perGroup, indicators - r);
    for (let k = 0; k < n; k++) {
      // each row its own explanation, as in real tables (one text copied on every row is a finding of its own)
      const n3 = r + k;
      const defect = defectEvery > 0 && n3 % defectEvery === 0 ? (n3 / defectEvery) % 3 : -1;
      rows.push([
        null,
        k === 0 ? l1 : null,
        k === 0 ? l2 : null,
        `${name3}${n3}`,
        defect === 0 ? value.replace(/^[≥≤=]/, "") : value,
        defect === 1 ? "" : `反映第${n3}项${name3}情况，计算公式：完成数/计划数${defect === 2 ? "*" : "×"}100%`,
      ]);
    }
    if (n > 1) {
      merges.push(`B${start}:B${start + n - 1}`, `C${start}:C${start + n - 1}`);
    }
    r += n;
    g++;
  }
  merges.push(`A${header}:A${header + indicators}`);
  return gridFromRows(name, rows, merges);
}

function time(indicators: number): number {
  const grid = buildSheet(indicators);
  parseSheet(buildSheet(Math.min(indicators, 1000))); // warm up
  const runs = indicators >= 100000 ? 2 : 5;
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const p = parseSheet(grid);
    const ms = performance.now() - t;
    if (p.tables[0].indicatorBlock.indicators.length !== indicators) throw new Error("parse lost rows");
    best = Math.min(best, ms);
  }
  return best;
}

if (require.main === module) {
  const results: Record<number, number> = {};
  for (const n of [1000, 10000, 100000]) {
    results[n] = time(n);
    console.log(`parse ${String(n).padStart(6)} indicator rows: ${results[n].toFixed(1).padStart(8)} ms  ${Math.round((n / results[n]) * 1000).toLocaleString("en-US").padStart(9)} rows/s`);
  }
  console.log(`ratio 100k/10k: ${(results[100000] / results[10000]).toFixed(2)} (linear = 10, goal ≤ 12)`);
}

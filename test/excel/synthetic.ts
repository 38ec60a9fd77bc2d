/**
 * Synthetic project tables of any length, built from a real one (the seed's 评审绩效信息化运维): its
 * header rows, then its indicator rows repeated with their 二级/三级 merges, under one 绩效目标情况 label.
 */
import { RowGrid, type CellRange, type GridCell, type SheetGrid } from "../../src/core/grid";

const HEADER_END = 19; // the indicator header row of the seed sheet
const BLOCK_TOP = 20;

/** A sheet of about `rows` rows; `groupRows` > 0 makes every 三级 group that many rows (many merges). */
export function syntheticSheet(seed: SheetGrid, name: string, rows: number, groupRows = 0): RowGrid {
  const cells: (GridCell | undefined)[][] = [];
  const merges: CellRange[] = [];
  for (let r = 1; r <= HEADER_END; r++) cells[r - 1] = Array.from({ length: seed.columnCount }, (_, c) => seed.cell(r, c + 1));
  for (const m of seed.merges) if (m.bottom < HEADER_END || (m.top <= HEADER_END && m.left > 2)) merges.push(m);
  const blockHeight = seed.rowCount - BLOCK_TOP + 1;
  const blockMerges = seed.merges.filter((m) => m.top >= BLOCK_TOP);
  let top = BLOCK_TOP;
  let rep = 0;
  while (top + blockHeight - 1 <= rows) {
    for (let i = 0; i < blockHeight; i++) {
      const src = BLOCK_TOP + i;
      cells[top + i - 1] = Array.from({ length: seed.columnCount }, (_, c) => {
        const cell = seed.cell(src, c + 1);
        if (cell && c === 4) return { ...cell, text: `${cell.text}${rep ? rep : ""}` }; // distinct 三级 names
        return cell;
      });
      cells[top + i - 1][0] = undefined;
      cells[top + i - 1][1] = undefined;
    }
    if (groupRows > 0) {
      // 二级 groups of `groupRows` rows inside each 一级 group, each with its 二级 text on top
      const level1 = blockMerges.filter((m) => m.left === 3);
      for (const m of level1) merges.push({ ...m, top: m.top - BLOCK_TOP + top, bottom: m.bottom - BLOCK_TOP + top });
      let level2 = "";
      for (const m of level1) {
        for (let r = m.top; r <= m.bottom; r++) {
          const t = seed.cell(r, 4)?.text;
          if (t) level2 = t;
          const row = cells[r - BLOCK_TOP + top - 1];
          const first = (r - m.top) % groupRows === 0;
          row[3] = first ? { text: level2, type: "text" } : undefined;
          if (first && r + groupRows - 1 <= m.bottom) merges.push({ top: r - BLOCK_TOP + top, left: 4, bottom: r + groupRows - 1 - BLOCK_TOP + top, right: 4 });
        }
      }
    } else for (const m of blockMerges) if (m.left > 2) merges.push({ ...m, top: m.top - BLOCK_TOP + top, bottom: m.bottom - BLOCK_TOP + top });
    top += blockHeight;
    rep++;
  }
  const bottom = top - 1;
  merges.push({ top: HEADER_END, left: 1, bottom, right: 1 }, { top: HEADER_END, left: 2, bottom, right: 2 });
  return new RowGrid(name, cells, merges);
}

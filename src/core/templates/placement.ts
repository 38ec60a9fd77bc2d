/**
 * Where a template's row goes in a table (pure, for the planner in plan.ts): the table's cost layout,
 * whether it offers a template at all, the house style of its category names and merges, the
 * columns a row is written to, and the row before which a new row for a 一级/二级 is inserted.
 */
import type { Indicator, IndicatorBlock, Level1Name, Level2Name, TargetTable } from "../model";
import { parseRange } from "../grid";
import { LEVEL1_ORDER, LEVEL2_ORDER } from "../vocabulary";
import type { IndicatorTemplate } from "./types";

export type Placement = "group" | "new-group" | "new-section" | "at-row" | "fill-row";

function tableCostLayout(block: IndicatorBlock): "own" | "output" | null {
  if (block.rows.some((r) => r.level1.standard === "成本")) return "own";
  if (block.rows.some((r) => r.level1.standard === "产出" && r.level2.standard === "成本")) return "output";
  return null;
}

/**
 * Why a template is not offered for a table, or null when it is: 社会成本 and 生态环境成本 are
 * negative effects, not money — a table whose 成本 stands under 产出 has no place for them (they
 * would become money rows under 产出/成本).
 */
export function notOfferedReason(table: TargetTable, t: Pick<IndicatorTemplate, "level2">): string | null {
  if (t.level2 !== "社会成本" && t.level2 !== "生态环境成本") return null;
  if (tableCostLayout(table.indicatorBlock) !== "output") return null;
  return `本表的成本指标在产出指标下，没有“${t.level2}指标”的位置；${t.level2}不是金额，不能作为产出成本指标插入`;
}

/** Maps a template's 一级/二级 to the table's cost layout (成本 as 一级 vs 成本 under 产出). */
export function mapToTable(
  block: IndicatorBlock,
  level1: Level1Name,
  level2: Level2Name
): { level1: Level1Name; level2: Level2Name } {
  const layout = tableCostLayout(block);
  if (layout === "output" && (level2 === "经济成本" || level2 === "成本")) return { level1: "产出", level2: "成本" };
  if (layout === "own" && level1 === "产出" && level2 === "成本") return { level1: "成本", level2: "经济成本" };
  return { level1, level2 };
}

/** Writes names in the table's house style: with the 指标 suffix when the table's categories carry it. */
export function houseName(block: IndicatorBlock, standard: string, level: 1 | 2): string {
  const texts = block.rows.map((r) => (level === 1 ? r.level1.text : r.level2.text)).filter(Boolean);
  const withSuffix = texts.length === 0 || texts.filter((t) => t.endsWith("指标")).length >= texts.length / 2;
  if (standard === "服务对象满意度") {
    const existing = block.rows.find((r) => r.level2.standard === "服务对象满意度")?.level2.text;
    if (existing) return existing;
  }
  return withSuffix ? `${standard}指标` : standard;
}

export interface Columns {
  level1?: number;
  level2?: number;
  name?: number;
  value?: number;
  operator?: number;
  unit?: number;
  explanation?: number;
  labels: number[];
}

export function columnsOf(block: IndicatorBlock): Columns {
  return {
    ...block.roles,
    labels: block.columns.filter((c) => c.role === "label").map((c) => c.column),
  };
}

/** Level columns repeat their text on every row (no merges, no blank continuation). */
export function repeatsLevelText(block: IndicatorBlock): boolean {
  const rows = block.indicators;
  if (rows.length < 2) return false;
  return rows.every((r) => r.level2.firstRow === r.row || r.level2.cell === null) && block.merges.length === 0;
}

/** The table merges its groups in this column (the house style a new row follows). */
export function usesMerges(block: IndicatorBlock, column: number): boolean {
  return block.merges.some((m) => {
    const r = parseRange(m);
    return r.left === column && r.right === column && r.bottom > r.top;
  });
}

export interface Target {
  /** Insert before this row. */
  readonly before: number;
  readonly formatFrom: number;
  readonly placement: Placement;
  /** Rows whose group the new row joins (for merge extension): the group's top row per column. */
  readonly joinLevel1: Indicator | null;
  readonly joinLevel2: Indicator | null;
}

function lastRowOf(rows: readonly Indicator[]): number {
  return rows.reduce((m, r) => Math.max(m, r.row, r.level2.lastRow), 0);
}

/** The last row of the 二级 group an indicator row is in (its own row when its 二级 cell is not merged down). */
function groupEnd(r: Indicator): number {
  return Math.max(r.row, r.level2.cell ? r.level2.lastRow : r.row);
}

/** Decides where a row for (level1, level2) goes. */
export function findTarget(block: IndicatorBlock, level1: Level1Name, level2: Level2Name): Target {
  const rows = block.rows;
  const group = rows.filter((r) => r.level1.standard === level1 && r.level2.standard === level2);
  if (group.length > 0) {
    const last = group[group.length - 1];
    return { before: groupEnd(last) + 1, formatFrom: last.row, placement: "group", joinLevel1: last, joinLevel2: last };
  }
  const section = rows.filter((r) => r.level1.standard === level1);
  if (section.length > 0) {
    // after the last 二级 group that comes before this one in the standard order
    const order = LEVEL2_ORDER.indexOf(level2);
    const before = section.filter((r) => r.level2.standard !== null && LEVEL2_ORDER.indexOf(r.level2.standard) < order);
    if (before.length > 0) {
      const last = before[before.length - 1];
      return {
        before: groupEnd(last) + 1,
        formatFrom: last.row,
        placement: "new-group",
        joinLevel1: last,
        joinLevel2: null,
      };
    }
    const first = section[0];
    return { before: first.row, formatFrom: first.row, placement: "new-group", joinLevel1: null, joinLevel2: null };
  }
  // a new section after the sections that come before it in the standard order
  const order = LEVEL1_ORDER.indexOf(level1);
  const earlier = rows.filter((r) => r.level1.standard !== null && LEVEL1_ORDER.indexOf(r.level1.standard) < order);
  if (earlier.length > 0) {
    const last = earlier[earlier.length - 1];
    const end = Math.max(last.row, last.level1.cell ? last.level1.lastRow : last.row, lastRowOf(earlier));
    return { before: end + 1, formatFrom: last.row, placement: "new-section", joinLevel1: null, joinLevel2: null };
  }
  const first = rows[0];
  return {
    before: first ? first.row : block.firstRow,
    formatFrom: first ? first.row : block.headerRow,
    placement: "new-section",
    joinLevel1: null,
    joinLevel2: null,
  };
}

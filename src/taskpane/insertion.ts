/**
 * 插入 a template: which table it goes into (the one the selection is in, or the one the user
 * chose), where ("插入到选中行下方" or where the planner puts it), with the values typed in the form.
 */
import { parseCell } from "../core/grid";
import type { TargetTable, WorkbookParse } from "../core/model";
import type { CellRef } from "../core/port";
import { placeholderValues } from "../core/templates/fill";
import { planInsertion, type InsertionPlan } from "../core/templates/plan";
import type { IndicatorTemplate } from "../core/templates/types";
import { errorText, type Notice } from "./state";

/** The row of a cell reference, or null when its address does not parse. */
function rowOf(at: CellRef): number | null {
  try {
    return parseCell(at.address).row;
  } catch {
    return null;
  }
}

/** The table holding the cell, or null. */
function tableAt(parse: WorkbookParse, at: CellRef | null): TargetTable | null {
  const row = at ? rowOf(at) : null;
  if (!at || row === null) return null;
  return parse.tables.find((t) => t.sheet === at.sheet && row >= t.top && row <= t.bottom) ?? null;
}

/** Where an insertion goes: the table the selection is in, else the first table on the selected sheet, else the first table. */
export function insertionTarget(
  parse: WorkbookParse,
  selection: CellRef | null,
  tableId?: string | null
): TargetTable | null {
  if (tableId) {
    const t = parse.tables.find((x) => x.id === tableId);
    if (t) return t;
  }
  return tableAt(parse, selection) ?? parse.tables.find((t) => t.sheet === selection?.sheet) ?? parse.tables[0] ?? null;
}

/** The row of the block below which "插入到选中行下方" inserts, or undefined when the selection is not in the block. */
export function selectedBlockRow(table: TargetTable, selection: CellRef | null): number | undefined {
  if (!selection || selection.sheet !== table.sheet) return undefined;
  const row = rowOf(selection);
  const b = table.indicatorBlock;
  return row !== null && row >= b.firstRow && row <= b.lastRow ? row : undefined;
}

export interface InsertRequest {
  readonly template: IndicatorTemplate;
  /** The values typed in the form, by placeholder key. */
  readonly values: Readonly<Record<string, string>>;
  /** Below the selected row of the block, instead of where the planner puts it. */
  readonly atSelection?: boolean;
  /** The table the user chose (default: the one the selection is in). */
  readonly tableId?: string | null;
  /** The settings' budget year (null: the table's). */
  readonly budgetYear: number | null;
}

type PlannedInsert =
  | { readonly table: TargetTable; readonly planned: InsertionPlan }
  | { readonly table?: undefined; readonly notice: Notice };

/** The insertion's plan, or why there is none (a notice for the user). */
export function planTemplateInsert(
  parse: WorkbookParse,
  selection: CellRef | null,
  request: InsertRequest
): PlannedInsert {
  const table = insertionTarget(parse, selection, request.tableId);
  if (!table)
    return {
      notice: {
        kind: "error",
        text: "没有找到绩效目标表，无法插入。请先打开含有绩效目标表（有“一级指标/二级指标/三级指标”表头）的工作簿。",
      },
    };
  const atRow = request.atSelection ? selectedBlockRow(table, selection) : undefined;
  if (request.atSelection && atRow === undefined)
    return {
      notice: {
        kind: "warning",
        text: `选中的单元格不在“${table.sheet}”的指标区内：请先选中要在其下方插入的指标行，或取消“插入到选中行下方”。`,
      },
    };
  // typed values normalised as the preview shows them; a date default takes the table's budget year
  const filled: Record<string, string> = {};
  for (const [k, v] of placeholderValues(request.template, request.values, {
    budgetYear: request.budgetYear ?? table.budgetYear,
  }))
    if (v !== null) filled[k] = v;
  try {
    return { table, planned: planInsertion(table, request.template, filled, atRow !== undefined ? { atRow } : {}) };
  } catch (e) {
    return { notice: { kind: "error", text: errorText(e) } };
  }
}

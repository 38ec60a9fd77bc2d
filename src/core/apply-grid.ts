/**
 * Applies an EditPlan to in-memory grids with Excel's semantics (the reference the adapters
 * follow): inserted rows shift cells and merges below and grow merges that span them; deleted rows
 * shrink merges; a merge step replaces an old merge; a set step refuses a cell that changed.
 * Used by the planner's tests and by previews; pure. The merge arithmetic is plan-steps.ts's,
 * shared with both adapters.
 */
import type { EditPlan } from "./edit-plan";
import {
  parseCell,
  parseRange,
  rangeAddress,
  rangesOverlap,
  RowGrid,
  type CellRange,
  type GridCell,
  type SheetGrid,
} from "./grid";
import { mergesAfterDelete, mergesAfterInsert } from "./plan-steps";
import { clip } from "./text";
import { WorkbookError } from "./port";

interface MutableSheet {
  name: string;
  rows: (GridCell | undefined)[][];
  merges: CellRange[];
  protected: boolean;
}

function toMutable(grid: SheetGrid): MutableSheet {
  const rows: (GridCell | undefined)[][] = [];
  for (let r = 1; r <= grid.rowCount; r++) {
    const row: (GridCell | undefined)[] = [];
    for (let c = 1; c <= grid.columnCount; c++) row.push(grid.cell(r, c));
    rows.push(row);
  }
  return { name: grid.name, rows, merges: grid.merges.map((m) => ({ ...m })), protected: !!grid.protected };
}

function textAt(sheet: MutableSheet, row: number, column: number): string {
  return sheet.rows[row - 1]?.[column - 1]?.text ?? "";
}

export function applyPlanToGrids(grids: readonly SheetGrid[], plan: EditPlan): RowGrid[] {
  const sheets = new Map(grids.map((g) => [g.name, toMutable(g)]));
  for (const step of plan.steps) {
    const sheet = sheets.get(step.sheet);
    if (!sheet) throw new WorkbookError("missing", `工作表“${step.sheet}”不存在。`, step.sheet);
    if (sheet.protected) throw new WorkbookError("protected", `工作表“${step.sheet}”受保护，无法写入。`, step.sheet);
  }
  // the steps run on copies: when one is refused, the caller's grids are untouched
  for (const step of plan.steps) {
    const sheet = sheets.get(step.sheet)!;
    switch (step.kind) {
      case "set": {
        const { row, column } = parseCell(step.address);
        const current = textAt(sheet, row, column);
        if (current.trim() !== step.oldText.trim()) {
          throw new WorkbookError(
            "changed",
            `单元格 ${step.sheet}!${step.address} 的内容已变化（现为“${clip(current, 20)}”），未做任何修改。`,
            step.sheet
          );
        }
        while (sheet.rows.length < row) sheet.rows.push([]);
        const r = sheet.rows[row - 1];
        while (r.length < column) r.push(undefined);
        r[column - 1] = step.newText === "" ? undefined : { text: step.newText, type: "text" };
        break;
      }
      case "insertRows": {
        const at = step.before - 1;
        while (sheet.rows.length < at) sheet.rows.push([]);
        sheet.rows.splice(at, 0, ...Array.from({ length: step.count }, () => [] as (GridCell | undefined)[]));
        sheet.merges = mergesAfterInsert(sheet.merges, step.before, step.count);
        break;
      }
      case "deleteRows": {
        sheet.rows.splice(step.row - 1, step.count);
        sheet.merges = mergesAfterDelete(sheet.merges, step.row, step.count);
        break;
      }
      case "merge": {
        if (step.replaces) {
          const old = parseRange(step.replaces);
          const i = sheet.merges.findIndex((m) => rangeAddress(m) === rangeAddress(old));
          if (i < 0)
            throw new WorkbookError(
              "changed",
              `合并区域 ${step.sheet}!${step.replaces} 已不存在，未做任何修改。`,
              step.sheet
            );
          sheet.merges.splice(i, 1);
        }
        const range = parseRange(step.range);
        if (range.top === range.bottom && range.left === range.right) break;
        if (sheet.merges.some((m) => rangesOverlap(m, range))) {
          throw new WorkbookError(
            "failed",
            `合并 ${step.sheet}!${step.range} 会与已有合并区域重叠，未做任何修改。`,
            step.sheet
          );
        }
        sheet.merges.push(range);
        break;
      }
    }
  }
  return grids.map((g) => {
    const s = sheets.get(g.name)!;
    return new RowGrid(s.name, s.rows, s.merges, s.protected, true);
  });
}

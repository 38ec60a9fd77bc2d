/**
 * Edit plans on an exceljs workbook: every check first (validatePlan), then one writer per step
 * kind (set, insertRows, deleteRows, merge). Styles are shared objects in exceljs: nothing here
 * assigns cell.fill/font/…; whole style objects are moved between cells.
 */
import ExcelJS from "exceljs";
import { sheetsOf, type EditPlan, type EditStep } from "../core/edit-plan";
import { cellAddress, parseCell, parseRange, rangeAddress, rangesOverlap, type CellRange } from "../core/grid";
import {
  assertOldTexts,
  cellValueOf,
  mergesAfterDelete,
  mergesAfterInsert,
  mergesAfterMerge,
  shiftForDelete,
  shiftForInsert,
} from "../core/plan-steps";
import { WorkbookError } from "../core/port";
import {
  conditionalFormats,
  dataValidationModel,
  replaceRows,
  rowModels,
  setConditionalFormats,
  setDataValidationModel,
  spliceDefinedNames,
  type RowModel,
} from "./exceljs-internals";
import { cellText, worksheetMerges, worksheetProtected } from "./grid";

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return workbook.getWorksheet(name) as ExcelJS.Worksheet;
}

/** Every check before anything is written: sheets exist and are unprotected, texts unchanged, merges possible. */
export function validatePlan(workbook: ExcelJS.Workbook, plan: EditPlan): void {
  for (const name of sheetsOf(plan)) {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new WorkbookError("missing", `找不到工作表“${name}”，无法修改。`, name);
    if (worksheetProtected(ws))
      throw new WorkbookError("protected", `工作表“${name}”受保护，无法写入。请先撤销工作表保护。`, name);
  }
  assertOldTexts(plan, (c) => cellText(sheet(workbook, c.step.sheet).getCell(c.originalRow!, c.column)));
  validateMerges(workbook, plan);
}

/** Simulates the plan on the merge lists, so that a bad merge is refused before anything is written. */
function validateMerges(workbook: ExcelJS.Workbook, plan: EditPlan): void {
  const merges = new Map<string, CellRange[]>();
  const mergesOf = (name: string) => {
    let m = merges.get(name);
    if (!m) merges.set(name, (m = worksheetMerges(sheet(workbook, name))));
    return m;
  };
  for (const s of plan.steps) {
    if (s.kind === "insertRows") merges.set(s.sheet, mergesAfterInsert(mergesOf(s.sheet), s.before, s.count));
    else if (s.kind === "deleteRows") merges.set(s.sheet, mergesAfterDelete(mergesOf(s.sheet), s.row, s.count));
    else if (s.kind === "merge") merges.set(s.sheet, mergesAfterMerge(mergesOf(s.sheet), s));
  }
}

/** Writes one step (the plan was validated). */
export function applyStep(workbook: ExcelJS.Workbook, step: EditStep): void {
  const ws = sheet(workbook, step.sheet);
  switch (step.kind) {
    case "set":
      ws.getCell(step.address).value = cellValueOf(step);
      return;
    case "insertRows":
      insertRows(workbook, ws, step.before, step.count, step.formatFrom);
      return;
    case "deleteRows":
      deleteRows(workbook, ws, step.row, step.count);
      return;
    case "merge": {
      if (step.replaces) unmergeKeepingStyles(ws, parseRange(step.replaces));
      const r = parseRange(step.range);
      ws.mergeCellsWithoutStyle(r.top, r.left, r.bottom, r.right);
      return;
    }
  }
}

function unmergeKeepingStyles(ws: ExcelJS.Worksheet, r: CellRange): void {
  const styles: Array<[number, number, Partial<ExcelJS.Style>]> = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) styles.push([row, col, ws.getCell(row, col).style]);
  }
  ws.unMergeCells(r.top, r.left, r.bottom, r.right);
  for (const [row, col, style] of styles) ws.getCell(row, col).style = style;
}

/** A row model moved to row n; cells covered by a merge become empty cells keeping their style and note. */
function renumber(m: RowModel, n: number): RowModel {
  const cells = m.cells.map((c) => {
    const address = cellAddress(n, parseCell(c.address).column);
    if (c.type !== ExcelJS.ValueType.Merge) return { ...c, address };
    return { address, type: ExcelJS.ValueType.Null, style: c.style, ...(c.comment ? { comment: c.comment } : {}) };
  });
  return { ...m, number: n, cells };
}

/**
 * Rebuilds the worksheet's rows with new row numbers (exceljs's spliceRows loses notes and covered
 * cells' styles and does not move merges): rows are taken as models, renumbered, merges re-made
 * without touching styles; conditional formats and data validations shift with them.
 */
function rebuildRows(
  ws: ExcelJS.Worksheet,
  mapRow: (row: number) => number | null,
  added: RowModel[],
  merges: CellRange[],
  shiftRange: (r: CellRange) => CellRange | null
): void {
  const models: RowModel[] = [];
  for (const m of rowModels(ws)) {
    const n = mapRow(m.number);
    if (n !== null) models.push(renumber(m, n));
  }
  models.push(...added);
  models.sort((a, b) => a.number - b.number);
  replaceRows(ws, models);
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    ws.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
  }
  shiftConditionalFormats(ws, shiftRange);
  shiftDataValidations(ws, shiftRange);
}

/** Conditional formats move with their cells (ours too: the next check marks again anyway). */
function shiftConditionalFormats(ws: ExcelJS.Worksheet, shiftRange: (r: CellRange) => CellRange | null): void {
  const shifted = [];
  for (const cf of conditionalFormats(ws)) {
    const areas = cf.ref
      .split(/\s+/)
      .filter(Boolean)
      .map((a) => shiftRange(parseRange(a)))
      .filter((a): a is CellRange => a !== null);
    if (areas.length) shifted.push({ ...cf, ref: areas.map(rangeAddress).join(" ") });
  }
  setConditionalFormats(ws, shifted);
}

const VALIDATION_KEY = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/i;

/** Data validations are keyed by address ("B2", "range:B2:B9"): the keys move with the cells. */
function shiftDataValidations(ws: ExcelJS.Worksheet, shiftRange: (r: CellRange) => CellRange | null): void {
  const next: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(dataValidationModel(ws))) {
    const plain = key.replace(/^range:/, "");
    if (!VALIDATION_KEY.test(plain)) {
      next[key] = v;
      continue;
    }
    const r = shiftRange(parseRange(plain));
    if (r) next[(key.startsWith("range:") ? "range:" : "") + rangeAddress(r)] = v;
  }
  setDataValidationModel(ws, next);
}

/** Empty rows formatted as row `from` (its cells' styles, height, and its one-row merges, as Excel's paste of formats). */
function formattedRows(
  ws: ExcelJS.Worksheet,
  from: number,
  numbers: readonly number[],
  merges: CellRange[]
): { rows: RowModel[]; merges: CellRange[] } {
  const src = (ws.findRow(from)?.model ?? null) as RowModel | null;
  const rowMerges = worksheetMerges(ws).filter((m) => m.top === from && m.bottom === from);
  const rows: RowModel[] = [];
  let all = merges;
  for (const n of numbers) {
    if (src) {
      rows.push({
        number: n,
        min: src.min,
        max: src.max,
        height: src.height,
        style: src.style,
        hidden: false,
        outlineLevel: src.outlineLevel,
        cells: src.cells.map((c) => ({
          address: cellAddress(n, parseCell(c.address).column),
          type: ExcelJS.ValueType.Null,
          style: c.style,
        })),
      });
    }
    for (const m of rowMerges) {
      const r = { ...m, top: n, bottom: n };
      if (!all.some((x) => rangesOverlap(x, r))) all = [...all, r];
    }
  }
  return { rows, merges: all };
}

function insertRows(
  workbook: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  before: number,
  count: number,
  formatFrom: number | null
): void {
  const merges = mergesAfterInsert(worksheetMerges(ws), before, count);
  const numbers = Array.from({ length: count }, (_, i) => before + i);
  const added = formatFrom === null ? { rows: [], merges } : formattedRows(ws, formatFrom, numbers, merges);
  rebuildRows(
    ws,
    (r) => (r >= before ? r + count : r),
    added.rows,
    added.merges,
    (r) => shiftForInsert(r, before, count)
  );
  spliceDefinedNames(workbook, ws.name, before, 0, count);
}

function deleteRows(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, row: number, count: number): void {
  const end = row + count - 1;
  rebuildRows(
    ws,
    (r) => (r < row ? r : r > end ? r - count : null),
    [],
    mergesAfterDelete(worksheetMerges(ws), row, count),
    (r) => shiftForDelete(r, row, count)
  );
  spliceDefinedNames(workbook, ws.name, row, count, 0);
}

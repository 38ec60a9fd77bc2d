/**
 * Every place where this project reaches past exceljs's typed API (private fields, untyped
 * properties, quirks of its reader and writer). Nothing else in src/ touches them: each function
 * here has a test in test/xlsx/exceljs-internals.test.ts named after the behaviour it relies on,
 * so an exceljs upgrade that changes one fails that test (package.json pins the version).
 */
import type ExcelJS from "exceljs";
import type { CellRange } from "../core/grid";

/* --------------------------------------------------------------- reading */

/** exceljs's typings ask for a Buffer; it reads any Uint8Array (also in the browser). */
export async function loadPackage(workbook: ExcelJS.Workbook, bytes: Uint8Array): Promise<void> {
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
}

/**
 * exceljs reads a missing firstPageNumber as 1 with useFirstPageNumber false, and then writes
 * useFirstPageNumber="1" (a page numbering fixed at 1): forget the number so it stays automatic.
 */
export function keepAutomaticPageNumbers(ws: ExcelJS.Worksheet): void {
  const setup = ws.pageSetup as { firstPageNumber?: number; useFirstPageNumber?: boolean } | undefined;
  if (setup && setup.useFirstPageNumber === false) setup.firstPageNumber = undefined;
}

/**
 * Gives a worksheet a name exceljs's setter would refuse or cut (longer than 31 characters and the
 * like: names Excel reads from files other programs wrote). exceljs writes the name as it is.
 */
export function renameWorksheet(ws: ExcelJS.Worksheet, name: string): void {
  (ws as unknown as { _name: string })._name = name;
}

/** True when the worksheet is protected against edits (`sheetProtection`, not in the typings). */
export function worksheetProtected(ws: ExcelJS.Worksheet): boolean {
  return !!(ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet;
}

/**
 * The merged ranges, from exceljs's private merge index (`_merges`, keyed by master address: no
 * worksheet model is built), sorted top to bottom, left to right.
 */
export function worksheetMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const index = (ws as unknown as { _merges: Record<string, CellRange | undefined> })._merges;
  const out: CellRange[] = [];
  for (const d of Object.values(index)) if (d) out.push({ top: d.top, left: d.left, bottom: d.bottom, right: d.right });
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/* ---------------------------------------------------- conditional formats */

/** A conditional format as exceljs holds it (its model shape; `ref` may list several areas, space-separated). */
export type ConditionalFormat = ExcelJS.ConditionalFormattingOptions;

/** The worksheet's conditional formats (`conditionalFormattings`, a public field the typings leave out). */
export function conditionalFormats(ws: ExcelJS.Worksheet): readonly ConditionalFormat[] {
  return (ws as unknown as { conditionalFormattings?: ConditionalFormat[] }).conditionalFormattings ?? [];
}

/** Replaces the worksheet's conditional formats (what save() writes). */
export function setConditionalFormats(ws: ExcelJS.Worksheet, list: readonly ConditionalFormat[]): void {
  (ws as unknown as { conditionalFormattings: ConditionalFormat[] }).conditionalFormattings = [...list];
}

/* ------------------------------------------------------------------ cells */

type RowInternals = { _cells: Array<ExcelJS.Cell | undefined> };

/** Every cell object the worksheet holds, empty ones too (a note may sit on an empty cell), row by row. */
export function forEachHeldCell(ws: ExcelJS.Worksheet, visit: (cell: ExcelJS.Cell) => void): void {
  for (const row of (ws as unknown as { _rows: Array<RowInternals | undefined> })._rows) {
    for (const cell of row?._cells ?? []) if (cell) visit(cell);
  }
}

/**
 * Removes a cell's note. The note lives in `_comment`; exceljs's Cell.model getter also copies it
 * onto the value's own model object (and keeps it there), so both places are cleared.
 */
export function removeNote(cell: ExcelJS.Cell): void {
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: Record<string, unknown> } };
  c._comment = undefined;
  if (c._value?.model && "comment" in c._value.model) delete c._value.model.comment;
}

/* ------------------------------------------------------------------- rows */

/**
 * A row as exceljs's model describes it at run time (Row.model; the typings say a cell's address
 * is an object, it is "A1"). A cell's `type` is an ExcelJS.ValueType.
 */
interface CellModel {
  readonly address: string;
  readonly type: ExcelJS.ValueType;
  readonly style?: unknown;
  readonly comment?: unknown;
  readonly [k: string]: unknown;
}
export interface RowModel {
  readonly number: number;
  readonly cells: readonly CellModel[];
  readonly min?: number;
  readonly max?: number;
  readonly height?: number;
  readonly style?: unknown;
  readonly hidden?: boolean;
  readonly outlineLevel?: number;
  readonly collapsed?: boolean;
}

type SheetInternals = {
  _rows: Array<ExcelJS.Row | undefined>;
  _merges: Record<string, unknown>;
  _parseRows(model: { rows: RowModel[] }): void;
};

/** The models of the rows the worksheet holds (rows with cells or a height), in row order. */
export function rowModels(ws: ExcelJS.Worksheet): RowModel[] {
  const out: RowModel[] = [];
  for (const row of (ws as unknown as SheetInternals)._rows) {
    const m = row?.model;
    if (m) out.push(m as unknown as RowModel);
  }
  return out;
}

/**
 * Replaces every row of the worksheet by these models (exceljs's own model reader, `_parseRows`)
 * and forgets every merge (the caller merges again): the rows keep their cells' values, styles and
 * notes, which exceljs's spliceRows does not.
 */
export function replaceRows(ws: ExcelJS.Worksheet, models: readonly RowModel[]): void {
  const internals = ws as unknown as SheetInternals;
  internals._merges = {};
  internals._parseRows({ rows: [...models] });
}

/* ------------------------------------------------------ data validations */

/** The worksheet's data validations keyed by address ("B2", "range:B2:B9"; the model the typings leave out). */
export function dataValidationModel(ws: ExcelJS.Worksheet): Record<string, unknown> {
  return (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
}

export function setDataValidationModel(ws: ExcelJS.Worksheet, model: Record<string, unknown>): void {
  (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model = model;
}

/* ---------------------------------------------------------- defined names */

/** Moves the workbook's defined names on a sheet as rows are inserted or deleted (DefinedNames.spliceRows, untyped). */
export function spliceDefinedNames(
  workbook: ExcelJS.Workbook,
  sheet: string,
  start: number,
  deleted: number,
  inserted: number
): void {
  (
    workbook.definedNames as unknown as { spliceRows(s: string, start: number, n: number, ins: number): void }
  ).spliceRows(sheet, start, deleted, inserted);
}

/**
 * The fake Excel's model (see excel.ts): sheets with cells, merges, conditional formats, notes and row
 * heights; the workbook with its custom XML parts, requirement sets, cell-edit mode and counters;
 * Excel's errors; what Excel does to typed text and to rows inserted or deleted.
 */
import type { CellRange } from "../../src/core/grid";
import { parseRange, rangeAddress, sheetReference } from "../../src/core/grid";
import { FakeRequestContext, type RunOptions } from "./excel-context";

/* ==================================================================== model */

export type FakeValueType = "String" | "Double" | "Boolean" | "Error" | "Empty";

export interface FakeCell {
  text: string;
  valueType: FakeValueType;
  /** Any JSON: the cell's fill, font, borders … as the test built them. */
  format: Record<string, unknown>;
}

export interface FakeCf {
  id: string;
  type: "Custom" | "CellValue";
  formula: string | null;
  fill: string | null;
  areas: CellRange[];
}

export const key = (r: number, c: number) => r * 20000 + c;
export const rowOf = (k: number) => Math.floor(k / 20000);
export const colOf = (k: number) => k % 20000;

export class FakeSheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  readonly cells = new Map<number, FakeCell>();
  merges: CellRange[] = [];
  cfs: FakeCf[] = [];
  notes = new Map<number, string>();
  /** Cells with a threaded comment (a note cannot go there). */
  comments = new Set<number>();
  rowHeights = new Map<number, number>();
  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells.get(key(row, column));
  }
  setCell(row: number, column: number, cell: FakeCell): void {
    this.cells.set(key(row, column), cell);
  }
  note(address: string): string | undefined {
    const r = parseRange(address);
    return this.notes.get(key(r.top, r.left));
  }
  addComment(address: string): void {
    const r = parseRange(address);
    this.comments.add(key(r.top, r.left));
  }
  /** The used range (cells with a value), or null. */
  used(valuesOnly: boolean): CellRange | null {
    let top = Infinity,
      left = Infinity,
      bottom = 0,
      right = 0;
    for (const [k, c] of this.cells) {
      if (valuesOnly && c.valueType === "Empty") continue;
      const r = rowOf(k),
        col = colOf(k);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }
}

export interface FakeCustomXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

interface FakeStats {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  /** Write actions (values, formats, conditional formats, notes, parts …) over all requests. */
  writes: number;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  parts: FakeCustomXmlPart[] = [];
  active = 0;
  selection: { sheet: string; range: CellRange } | null = null;
  stats: FakeStats = { syncs: 0, requestBytes: [], responseBytes: [], writes: 0 };
  /** Steps the add-in put on Excel's undo stack. */
  undoSteps = 0;
  /** office.js has Worksheet.notes (false: a build whose office.js predates the notes API). */
  notesApi = true;
  /** The file's name (Workbook.name), e.g. "预算.xls" for a workbook in compatibility mode. */
  name = "绩效目标表.xlsx";
  /** The user is typing in a cell. */
  private editing: Promise<void> | null = null;
  private endEdit: (() => void) | null = null;
  /** getMergedAreasOrNullObject above 512 areas: fails (Microsoft's reference) or answers a null object (some hosts). */
  mergesAbove512: "fail" | "null" = "fail";
  /** Excel on the web refuses requests and responses above 5 MB; null = no limit (desktop). */
  payloadLimit: number | null = null;
  /** Requirement sets the fake claims (e.g. "ExcelApi 1.20"). */
  apiSets = new Set(["ExcelApi 1.5", "ExcelApi 1.7", "ExcelApi 1.9", "ExcelApi 1.11", "ExcelApi 1.13", "ExcelApi 1.14", "ExcelApi 1.18", "ExcelApi 1.20"]);
  private nextId = 1;

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
  id(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }
  resetStats(): void {
    this.stats = { syncs: 0, requestBytes: [], responseBytes: [], writes: 0 };
    this.undoSteps = 0;
  }
  /** The user starts typing in a cell (cell-edit mode). */
  startCellEdit(): void {
    if (!this.editing) this.editing = new Promise((resolve) => (this.endEdit = resolve));
  }
  /** The user presses Enter or Esc. */
  endCellEdit(): void {
    const end = this.endEdit;
    this.editing = null;
    this.endEdit = null;
    end?.();
  }
  /** @internal the end of the current cell edit, or null. */
  cellEdit(): Promise<void> | null {
    return this.editing;
  }
  context(options: RunOptions = {}): FakeRequestContext {
    return new FakeRequestContext(this, options);
  }
}

/* ================================================================== errors */

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export function fail(code: string, message: string): never {
  throw new FakeOfficeError(code, message);
}

/**
 * What Excel makes of text typed into a cell (or written through `values`): numbers (with thousands
 * separators, a sign, an exponent), percentages, currency, dates, times, fractions and booleans
 * become values, shown in the cell's number format when it has one ("0.00": 95% → "0.95"). Null:
 * it stays text.
 */
export function excelTyped(s: string, format: Record<string, unknown>): Pick<FakeCell, "text" | "valueType"> | null {
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return { text: t.toUpperCase(), valueType: "Boolean" };
  const num = /^[¥￥$]?\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[-+]?\d+)?)\s*(%?)$/i.exec(t);
  const date = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$|^\d{4}年\d{1,2}月(?:\d{1,2}日)?$|^\d{1,2}月\d{1,2}日$|^\d{1,2}:\d{2}(?::\d{2})?$|^\d+\/\d+$/.test(t);
  if (!num && !date) return null;
  const numFmt = typeof format.numFmt === "string" ? format.numFmt : null;
  if (num && numFmt && /^0(\.0+)?$/.test(numFmt)) {
    const n = Number(num[1].replace(/,/g, "")) / (num[2] ? 100 : 1);
    return { text: n.toFixed(numFmt.length > 1 ? numFmt.length - 2 : 0), valueType: "Double" };
  }
  return { text: t, valueType: "Double" };
}

/** "A1", "A1:B2", "5:6" (whole rows), with or without a sheet name. */
export function parseAddress(address: string): CellRange {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(bare.trim());
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: 16384 };
  return parseRange(bare.trim());
}

export function isWholeRows(r: CellRange): boolean {
  return r.left === 1 && r.right === 16384;
}

export function addressOf(sheet: FakeSheet, r: CellRange): string {
  if (isWholeRows(r)) return sheetReference(sheet.name, `${r.top}:${r.bottom}`);
  return sheetReference(sheet.name, rangeAddress(r));
}

export function guardProtected(sheet: FakeSheet): void {
  if (sheet.protected) fail("AccessDenied", `工作表“${sheet.name}”受保护`);
}

function shiftInsert(r: CellRange, before: number, count: number): CellRange {
  if (r.top >= before) return { ...r, top: r.top + count, bottom: r.bottom + count };
  if (r.bottom >= before) return { ...r, bottom: r.bottom + count };
  return r;
}

export function insertRows(sheet: FakeSheet, before: number, count: number): void {
  const moveKeys = <V>(map: Map<number, V>) => {
    const entries = [...map.entries()];
    map.clear();
    for (const [k, v] of entries) {
      const r = rowOf(k);
      map.set(r >= before ? key(r + count, colOf(k)) : k, v);
    }
  };
  moveKeys(sheet.cells);
  moveKeys(sheet.notes);
  const heights = [...sheet.rowHeights.entries()];
  sheet.rowHeights.clear();
  for (const [r, h] of heights) sheet.rowHeights.set(r >= before ? r + count : r, h);
  sheet.merges = sheet.merges.map((m) => shiftInsert(m, before, count));
  for (const cf of sheet.cfs) cf.areas = cf.areas.map((a) => shiftInsert(a, before, count));
  // Excel's default: the inserted rows take the formats of the row above
  if (before > 1) {
    for (const [k, c] of [...sheet.cells.entries()]) {
      if (rowOf(k) !== before - 1) continue;
      for (let i = 0; i < count; i++) sheet.setCell(before + i, colOf(k), { text: "", valueType: "Empty", format: structuredClone(c.format) });
    }
    if (sheet.rowHeights.has(before - 1)) for (let i = 0; i < count; i++) sheet.rowHeights.set(before + i, sheet.rowHeights.get(before - 1) as number);
  }
}

export function deleteRows(sheet: FakeSheet, row: number, count: number): void {
  const end = row + count - 1;
  const moveKeys = <V>(map: Map<number, V>) => {
    const entries = [...map.entries()];
    map.clear();
    for (const [k, v] of entries) {
      const r = rowOf(k);
      if (r >= row && r <= end) continue;
      map.set(r > end ? key(r - count, colOf(k)) : k, v);
    }
  };
  moveKeys(sheet.cells);
  moveKeys(sheet.notes);
  const shrink = (m: CellRange): CellRange | null => {
    if (m.bottom < row) return m;
    if (m.top > end) return { ...m, top: m.top - count, bottom: m.bottom - count };
    const removed = Math.min(m.bottom, end) - Math.max(m.top, row) + 1;
    const h = m.bottom - m.top + 1 - removed;
    if (h <= 0) return null;
    const top = m.top < row ? m.top : row;
    return { ...m, top, bottom: top + h - 1 };
  };
  sheet.merges = sheet.merges.map(shrink).filter((m): m is CellRange => !!m && (m.top !== m.bottom || m.left !== m.right));
  for (const cf of sheet.cfs) cf.areas = cf.areas.map(shrink).filter((m): m is CellRange => !!m);
  sheet.cfs = sheet.cfs.filter((cf) => cf.areas.length > 0);
}


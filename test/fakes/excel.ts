/**
 * An in-memory fake of the subset of the Excel JavaScript API (Office.js) the adapter in src/excel
 * uses. It behaves like Excel where it matters for the adapter:
 *
 * - proxies: methods and property writes are queued and take effect at context.sync(); reading a
 *   property that was not loaded (or before the sync that loads it) throws PropertyNotLoaded;
 * - *OrNullObject methods return proxies whose isNullObject is known after the sync;
 *   getMergedAreasOrNullObject returns a null object when the range has no merged area or more than
 *   512 (as Excel does);
 * - inserting whole rows shifts cells, notes, conditional formats and merges below, and grows the
 *   merges that span the insertion row; the new rows take the formats of the row above (Excel's
 *   default); deleting rows shrinks merges;
 * - writing to a protected sheet fails (AccessDenied), as does a paste of formats onto part of a merge;
 * - it counts syncs and the bytes of each request (queued actions as JSON) and response (loaded values);
 * - cell-edit mode (startCellEdit/endCellEdit): a request fails with InvalidOperationInCellEditMode
 *   unless its Excel.run asked for delayForCellEdit, which makes it wait for the edit to end;
 * - undo: each request that writes is a step on the undo stack (one per Excel.run with mergeUndoGroup);
 * - text written through `values` that Excel reads as a number, percentage, date, time, fraction,
 *   currency or boolean is stored as that value (shown in the cell's number format), unless it starts
 *   with an apostrophe;
 * - getMergedAreasOrNullObject fails above 512 merged areas ("will fail to return the result");
 * - copyFrom with a bare address takes it on the active sheet;
 * - customXmlParts.add refuses an XML declaration; notes.add refuses a cell with a threaded comment;
 *   an office.js without the notes API (notesApi = false) has no Worksheet.notes.
 *
 * The model (FakeWorkbook) is plain data the tests inspect directly.
 */
import type { CellRange } from "../../src/core/grid";
import { parseRange, rangeAddress, rangesOverlap, sheetReference } from "../../src/core/grid";

/* ==================================================================== model */

export type FakeValueType = "String" | "Double" | "Boolean" | "Error" | "Empty";

interface FakeCell {
  text: string;
  valueType: FakeValueType;
  /** Any JSON: the cell's fill, font, borders … as the test built them. */
  format: Record<string, unknown>;
}

interface FakeCf {
  id: string;
  type: "Custom" | "CellValue";
  formula: string | null;
  fill: string | null;
  areas: CellRange[];
}

const key = (r: number, c: number) => r * 20000 + c;
const rowOf = (k: number) => Math.floor(k / 20000);
const colOf = (k: number) => k % 20000;

class FakeSheet {
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

interface FakeCustomXmlPart {
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

function fail(code: string, message: string): never {
  throw new FakeOfficeError(code, message);
}

/* ================================================================= context */

interface Action {
  desc: unknown;
  run: () => void;
  write: boolean;
}

/** Excel.run's options the fake honours. */
interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private queue: Action[] = [];
  private loaded: Array<() => unknown> = [];
  private seq = 1;
  private undoCounted = false;
  constructor(
    readonly model: FakeWorkbook,
    private readonly options: RunOptions = {},
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  /** @internal */
  newId(): number {
    return this.seq++;
  }
  /** @internal */
  enqueue(desc: unknown, run: () => void, write = false): void {
    this.queue.push({ desc, run, write });
  }
  /** @internal a loaded value's size is counted in the response. */
  respond(value: () => unknown): void {
    this.loaded.push(value);
  }
  async sync(): Promise<void> {
    const model = this.model;
    const edit = model.cellEdit();
    if (edit) {
      if (!this.options.delayForCellEdit)
        fail("InvalidOperationInCellEditMode", "Excel 正处于单元格编辑模式，请按 Enter 或 Tab 键退出编辑模式后再试。");
      await edit;
    }
    const actions = this.queue;
    this.queue = [];
    this.loaded = [];
    model.stats.syncs++;
    const writes = actions.filter((a) => a.write).length;
    model.stats.writes += writes;
    if (writes && !(this.options.mergeUndoGroup && this.undoCounted)) {
      model.undoSteps++;
      this.undoCounted = true;
    }
    const request = actions.reduce((n, a) => n + Buffer.byteLength(JSON.stringify(a.desc)) + 1, 2);
    model.stats.requestBytes.push(request);
    if (model.payloadLimit !== null && request > model.payloadLimit) {
      model.stats.responseBytes.push(0);
      fail("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    }
    try {
      for (const a of actions) a.run();
    } finally {
      const response = this.loaded.reduce((n: number, v) => n + Buffer.byteLength(JSON.stringify(v() ?? null)) + 1, 2);
      model.stats.responseBytes.push(response);
      if (model.payloadLimit !== null && response > model.payloadLimit) fail("ResponsePayloadSizeLimitExceeded", `response of ${response} bytes`);
    }
  }
}

/* ================================================================= proxies */

type Paths = string[][];

function parseSpec(spec: unknown): Paths {
  if (spec === undefined) return [];
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean).map((s) => s.split("/"));
  if (Array.isArray(spec)) return spec.flatMap((s) => parseSpec(s));
  if (spec && typeof spec === "object") {
    const o = spec as { select?: string; expand?: string };
    if (o.select !== undefined || o.expand !== undefined) return [...parseSpec(o.select ?? ""), ...parseSpec(o.expand ?? "")];
    const out: Paths = [];
    for (const [k, v] of Object.entries(spec as Record<string, unknown>)) {
      if (v === true) out.push([k]);
      else if (v && typeof v === "object") for (const p of parseSpec(v)) out.push([k, ...p]);
    }
    return out;
  }
  return [];
}

abstract class FakeObject<T> {
  readonly _id: number;
  protected _values: Record<string, unknown> | null = null;
  protected _null: boolean | undefined;
  constructor(
    readonly context: FakeRequestContext,
    parent: FakeObject<unknown> | null,
    how: string,
    args: unknown[] = [],
  ) {
    this._id = context.newId();
    context.enqueue({ id: this._id, p: parent?._id ?? 0, m: how, a: args }, () => undefined);
  }
  /** Resolves the proxy to its model object at the time an action runs (null: a null object). */
  abstract _target(): T | null;
  /** Scalar properties (read at load). */
  protected _scalar(_t: T, prop: string): unknown {
    return fail("PropertyNotFound", `unknown property ${prop}`);
  }
  /** Navigation properties. */
  protected _nav(_prop: string): FakeObject<unknown> | undefined {
    return undefined;
  }
  protected _defaultProps(): string[] {
    return [];
  }
  load(spec?: unknown): this {
    const paths = parseSpec(spec);
    this.context.enqueue({ id: this._id, m: "load", a: spec ?? null }, () => this._load(paths.length ? paths : this._defaultProps().map((p) => [p])));
    return this;
  }
  /** @internal */
  _load(paths: Paths): void {
    const t = this._target();
    this._null = t === null;
    const values: Record<string, unknown> = this._values ?? {};
    for (const p of paths) {
      const nav = this._nav(p[0]);
      if (nav) {
        nav._load(p.length > 1 ? [p.slice(1)] : nav._defaultProps().map((x) => [x]));
        continue;
      }
      values[p[0]] = t === null ? null : this._scalar(t, p[0]);
    }
    this._values = values;
    const snapshot = { ...values };
    this.context.respond(() => snapshot);
  }
  protected _get<V>(prop: string): V {
    if (!this._values || !(prop in this._values)) {
      fail("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this._values[prop] as V;
  }
  get isNullObject(): boolean {
    if (this._null === undefined) fail("PropertyNotLoaded", "isNullObject is known only after a sync that loaded the object");
    return this._null;
  }
  /** Queues a write. */
  protected _do(method: string, args: unknown[], run: (t: T) => void, write = true): void {
    this.context.enqueue(
      { id: this._id, m: method, a: args },
      () => {
        const t = this._target();
        if (t === null) return; // methods on null objects do nothing
        run(t);
      },
      write,
    );
  }
  toJSON(): unknown {
    return this._values;
  }
}

class ClientResult<V> {
  private _v: V | undefined;
  private _set = false;
  get value(): V {
    if (!this._set) fail("PropertyNotLoaded", "ClientResult.value is available after sync");
    return this._v as V;
  }
  /** @internal */
  _resolve(v: V): void {
    this._v = v;
    this._set = true;
  }
}

/* ---------------------------------------------------------------- workbook */

class FakeWorkbookProxy extends FakeObject<FakeWorkbook> {
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  constructor(context: FakeRequestContext) {
    super(context, null, "workbook");
    this.worksheets = new FakeWorksheetCollection(context, this);
    this.customXmlParts = new FakeCustomXmlPartCollection(context, this, () => context.model.parts, null);
  }
  _target(): FakeWorkbook {
    return this.context.model;
  }
  protected override _scalar(t: FakeWorkbook, prop: string): unknown {
    if (prop === "name") return t.name;
    return super._scalar(t, prop);
  }
  get name(): string {
    return this._get("name");
  }
  getActiveCell(): FakeRange {
    const ctx = this.context;
    return new FakeRange(ctx, this, "getActiveCell", [], () => {
      const sel = ctx.model.selection;
      const sheet = sel ? ctx.model.sheets.find((s) => s.name === sel.sheet) : ctx.model.sheets[ctx.model.active];
      if (!sheet) return null;
      const r = sel ? sel.range : { top: 1, left: 1, bottom: 1, right: 1 };
      return { sheet, range: { top: r.top, left: r.left, bottom: r.top, right: r.left } };
    });
  }
}

class FakeWorksheetCollection extends FakeObject<FakeSheet[]> {
  private _items: FakeWorksheet[] | null = null;
  constructor(context: FakeRequestContext, parent: FakeWorkbookProxy) {
    super(context, parent, "worksheets");
  }
  _target(): FakeSheet[] {
    return this.context.model.sheets;
  }
  get items(): FakeWorksheet[] {
    if (!this._items) fail("PropertyNotLoaded", "The property 'items' is not available: load the collection and sync first.");
    return this._items;
  }
  override _load(paths: Paths): void {
    const sheets = this._target();
    const sub = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length);
    this._items = sheets.map((s) => {
      const ws = new FakeWorksheet(this.context, this, "getItem", [s.name], () => s);
      ws._load(sub.length ? sub : [["name"]]);
      return ws;
    });
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, "getItem", [name], () => this.context.model.sheets.find((s) => s.name === name) ?? fail("ItemNotFound", `工作表 ${name} 不存在`));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, "getItemOrNullObject", [name], () => this.context.model.sheets.find((s) => s.name === name) ?? null);
  }
}

class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    parent: FakeWorksheet,
    private readonly sheet: () => FakeSheet | null,
  ) {
    super(context, parent, "protection");
  }
  _target(): FakeSheet | null {
    return this.sheet();
  }
  protected override _scalar(t: FakeSheet, prop: string): unknown {
    if (prop === "protected") return t.protected;
    return super._scalar(t, prop);
  }
  protected override _defaultProps(): string[] {
    return ["protected"];
  }
  get protected(): boolean {
    return this._get("protected");
  }
}

class FakeWorksheet extends FakeObject<FakeSheet> {
  private _protection: FakeWorksheetProtection | null = null;
  private _notes: FakeNoteCollection | null = null;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    how: string,
    args: unknown[],
    private readonly resolve: () => FakeSheet | null,
  ) {
    super(context, parent, how, args);
  }
  _target(): FakeSheet | null {
    return this.resolve();
  }
  protected override _scalar(t: FakeSheet, prop: string): unknown {
    switch (prop) {
      case "name":
        return t.name;
      case "visibility":
        return t.visibility;
      case "position":
        return this.context.model.sheets.indexOf(t);
      case "id":
        return `{sheet-${t.name}}`;
    }
    return super._scalar(t, prop);
  }
  protected override _nav(prop: string): FakeObject<unknown> | undefined {
    if (prop === "protection") return this.protection;
    return undefined;
  }
  protected override _defaultProps(): string[] {
    return ["name", "visibility", "position"];
  }
  get name(): string {
    return this._get("name");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.context, this, () => this.resolve()));
  }
  get notes(): FakeNoteCollection {
    // an office.js without the notes API has no such property (whatever requirement set the host reports)
    if (!this.context.model.notesApi) return undefined as unknown as FakeNoteCollection;
    return (this._notes ??= new FakeNoteCollection(this.context, this, () => this.resolve()));
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, "getUsedRangeOrNullObject", [valuesOnly], () => {
      const s = this.resolve();
      const r = s?.used(valuesOnly);
      return s && r ? { sheet: s, range: r } : null;
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, "getRange", [address ?? null], () => {
      const s = this.resolve();
      if (!s) return null;
      return { sheet: s, range: address ? parseAddress(address) : { top: 1, left: 1, bottom: 1048576, right: 16384 } };
    });
  }
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, "getRanges", [address], () => {
      const s = this.resolve();
      if (!s) return null;
      return { sheet: s, areas: address.split(/\s*,\s*/).filter(Boolean).map(parseAddress) };
    });
  }
  activate(): void {
    this._do("activate", [], (s) => {
      if (s.visibility !== "Visible") fail("InvalidOperation", "隐藏的工作表无法激活");
      this.context.model.active = this.context.model.sheets.indexOf(s);
    }, false);
  }
}

/**
 * What Excel makes of text typed into a cell (or written through `values`): numbers (with thousands
 * separators, a sign, an exponent), percentages, currency, dates, times, fractions and booleans
 * become values, shown in the cell's number format when it has one ("0.00": 95% → "0.95"). Null:
 * it stays text.
 */
function excelTyped(s: string, format: Record<string, unknown>): Pick<FakeCell, "text" | "valueType"> | null {
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
function parseAddress(address: string): CellRange {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(bare.trim());
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: 16384 };
  return parseRange(bare.trim());
}

function isWholeRows(r: CellRange): boolean {
  return r.left === 1 && r.right === 16384;
}

function addressOf(sheet: FakeSheet, r: CellRange): string {
  if (isWholeRows(r)) return sheetReference(sheet.name, `${r.top}:${r.bottom}`);
  return sheetReference(sheet.name, rangeAddress(r));
}

function guardProtected(sheet: FakeSheet): void {
  if (sheet.protected) fail("AccessDenied", `工作表“${sheet.name}”受保护`);
}

/* ------------------------------------------------------------------- range */

interface RangeTarget {
  sheet: FakeSheet;
  range: CellRange;
}

class FakeRange extends FakeObject<RangeTarget> {
  private _cf: FakeConditionalFormatCollection | null = null;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    how: string,
    args: unknown[],
    private readonly resolve: () => RangeTarget | null,
  ) {
    super(context, parent, how, args);
  }
  _target(): RangeTarget | null {
    return this.resolve();
  }
  protected override _scalar(t: RangeTarget, prop: string): unknown {
    const { sheet, range } = t;
    const grid = <V>(f: (c: FakeCell | undefined) => V): V[][] => {
      const out: V[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: V[] = [];
        for (let c = range.left; c <= range.right; c++) row.push(f(sheet.cell(r, c)));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case "address":
        return addressOf(sheet, range);
      case "rowIndex":
        return range.top - 1;
      case "columnIndex":
        return range.left - 1;
      case "rowCount":
        return range.bottom - range.top + 1;
      case "columnCount":
        return range.right - range.left + 1;
      case "text":
        return grid((c) => c?.text ?? "");
      case "valueTypes":
        return grid((c) => (c && c.valueType !== "Empty" ? c.valueType : "Empty"));
      case "values":
        return grid((c) => (c ? (c.valueType === "Double" ? Number(c.text.replace(/[,%]/g, "")) : c.text) : ""));
    }
    return super._scalar(t, prop);
  }
  protected override _defaultProps(): string[] {
    return ["address"];
  }
  get address(): string {
    return this._get("address");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(values: unknown[][]) {
    this._do("values", [values], ({ sheet, range }) => {
      guardProtected(sheet);
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const r = range.top + i,
            c = range.left + j;
          const old = sheet.cell(r, c);
          const format = old?.format ?? {};
          if (v === "" || v === null) sheet.setCell(r, c, { text: "", valueType: "Empty", format });
          else if (typeof v === "number") sheet.setCell(r, c, { text: String(v), valueType: "Double", format });
          else if (typeof v === "boolean") sheet.setCell(r, c, { text: v ? "TRUE" : "FALSE", valueType: "Boolean", format });
          else {
            let s = String(v);
            if (s.startsWith("'")) s = s.slice(1);
            else {
              const typed = excelTyped(s, format);
              if (typed) {
                sheet.setCell(r, c, { ...typed, format });
                return;
              }
            }
            sheet.setCell(r, c, { text: s, valueType: "String", format });
          }
        }),
      );
    });
  }
  private _format: FakeRangeFormat | null = null;
  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, this, () => this.resolve()));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cf ??= new FakeConditionalFormatCollection(this.context, this, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, areas: [t.range] } : null;
    }));
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, "getMergedAreasOrNullObject", [], () => {
      const t = this.resolve();
      if (!t) return null;
      const areas = t.sheet.merges.filter((m) => rangesOverlap(m, t.range));
      // Excel: "if the merged areas count in this range is more than 512, the method fails to return the result"
      if (areas.length > 512) fail("GeneralException", "There was an internal error while processing the request.");
      if (areas.length === 0) return null;
      return { sheet: t.sheet, areas };
    });
  }
  select(): void {
    this._do("select", [], ({ sheet, range }) => {
      const model = this.context.model;
      if (model.sheets[model.active] !== sheet) fail("InvalidSelection", "只能选择活动工作表上的单元格");
      model.selection = { sheet: sheet.name, range };
    }, false);
  }
  insert(shift: string): FakeRange {
    this._do("insert", [shift], ({ sheet, range }) => {
      if (shift !== "Down" || !isWholeRows(range)) fail("NotImplemented", "the fake inserts whole rows only");
      guardProtected(sheet);
      insertRows(sheet, range.top, range.bottom - range.top + 1);
    });
    return this;
  }
  delete(shift: string): void {
    this._do("delete", [shift], ({ sheet, range }) => {
      if (shift !== "Up" || !isWholeRows(range)) fail("NotImplemented", "the fake deletes whole rows only");
      guardProtected(sheet);
      deleteRows(sheet, range.top, range.bottom - range.top + 1);
    });
  }
  merge(across = false): void {
    this._do("merge", [across], ({ sheet, range }) => {
      guardProtected(sheet);
      if (sheet.merges.some((m) => rangesOverlap(m, range))) fail("InvalidOperation", "合并区域与已有的合并单元格重叠");
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) {
          if (r === range.top && c === range.left) continue;
          const cell = sheet.cell(r, c);
          if (cell) sheet.setCell(r, c, { text: "", valueType: "Empty", format: cell.format });
        }
      sheet.merges.push(range);
    });
  }
  unmerge(): void {
    this._do("unmerge", [], ({ sheet, range }) => {
      guardProtected(sheet);
      sheet.merges = sheet.merges.filter((m) => !rangesOverlap(m, range));
    });
  }
  copyFrom(source: string | FakeRange, copyType = "All"): void {
    const srcDesc = typeof source === "string" ? source : source._id;
    this._do("copyFrom", [srcDesc, copyType], ({ sheet, range }) => {
      if (copyType !== "Formats") fail("NotImplemented", "the fake copies formats only");
      guardProtected(sheet);
      // a bare address is taken on the active sheet, not on the sheet of the range pasted to
      const model = this.context.model;
      const src =
        typeof source === "string"
          ? { sheet: source.includes("!") ? model.sheet(source.slice(0, source.lastIndexOf("!")).replace(/^'|'$/g, "")) : model.sheets[model.active], range: parseAddress(source) }
          : source._target();
      if (!src) fail("InvalidArgument", "source");
      const s = src.range;
      const wide = isWholeRows(s) || isWholeRows(range);
      const left = wide ? 1 : range.left;
      const right = wide ? Math.max(16, ...[...src.sheet.cells.keys()].map(colOf)) : range.right;
      const width = right - left + 1;
      const height = s.bottom - s.top + 1;
      // Excel cannot paste onto part of a merged cell
      for (const m of sheet.merges) {
        const clip = { ...range, left, right };
        if (rangesOverlap(m, clip) && !(m.top >= clip.top && m.bottom <= clip.bottom && m.left >= clip.left && m.right <= clip.right)) {
          fail("InvalidOperation", "无法对合并单元格执行此操作");
        }
      }
      for (let r = range.top; r <= range.bottom; r++) {
        const sr = s.top + ((r - range.top) % height);
        if (isWholeRows(s) && src.sheet.rowHeights.has(sr)) sheet.rowHeights.set(r, src.sheet.rowHeights.get(sr) as number);
        for (let c = left; c < left + width; c++) {
          const sc = wide ? c : s.left + ((c - left) % (s.right - s.left + 1));
          const from = src.sheet.cell(sr, sc);
          const to = sheet.cell(r, c);
          const format = from ? structuredClone(from.format) : {};
          if (to) to.format = format;
          else if (from) sheet.setCell(r, c, { text: "", valueType: "Empty", format });
        }
        // merges inside the source row are formats too
        for (const m of src.sheet.merges) {
          if (m.top === sr && m.bottom === sr && m.left >= left && m.right <= right) {
            const n = { ...m, top: r, bottom: r };
            if (!sheet.merges.some((x) => rangesOverlap(x, n))) sheet.merges.push(n);
          }
        }
      }
    });
  }
}

/** Range.format: only the row height (points). */
class FakeRangeFormat extends FakeObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    private readonly resolve: () => RangeTarget | null,
  ) {
    super(context, parent, "format");
  }
  _target(): RangeTarget | null {
    return this.resolve();
  }
  protected override _scalar(t: RangeTarget, prop: string): unknown {
    if (prop === "rowHeight") {
      const hs = new Set<number | undefined>();
      for (let r = t.range.top; r <= Math.min(t.range.bottom, t.range.top + 1000); r++) hs.add(t.sheet.rowHeights.get(r) ?? 15);
      return hs.size === 1 ? [...hs][0] : null;
    }
    return super._scalar(t, prop);
  }
  get rowHeight(): number | null {
    return this._get("rowHeight");
  }
  set rowHeight(h: number) {
    this._do("rowHeight", [h], ({ sheet, range }) => {
      guardProtected(sheet);
      for (let r = range.top; r <= range.bottom; r++) sheet.rowHeights.set(r, h);
    });
  }
}

function shiftInsert(r: CellRange, before: number, count: number): CellRange {
  if (r.top >= before) return { ...r, top: r.top + count, bottom: r.bottom + count };
  if (r.bottom >= before) return { ...r, bottom: r.bottom + count };
  return r;
}

function insertRows(sheet: FakeSheet, before: number, count: number): void {
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

function deleteRows(sheet: FakeSheet, row: number, count: number): void {
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

/* -------------------------------------------------------------- range areas */

interface AreasTarget {
  sheet: FakeSheet;
  areas: CellRange[];
}

class FakeRangeAreas extends FakeObject<AreasTarget> {
  private _cf: FakeConditionalFormatCollection | null = null;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    how: string,
    args: unknown[],
    private readonly resolve: () => AreasTarget | null,
  ) {
    super(context, parent, how, args);
  }
  _target(): AreasTarget | null {
    return this.resolve();
  }
  protected override _scalar(t: AreasTarget, prop: string): unknown {
    if (prop === "address") return t.areas.map((a) => addressOf(t.sheet, a)).join(", ");
    if (prop === "areaCount") return t.areas.length;
    return super._scalar(t, prop);
  }
  protected override _defaultProps(): string[] {
    return ["address", "areaCount"];
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cf ??= new FakeConditionalFormatCollection(this.context, this, () => this.resolve()));
  }
}

/* ------------------------------------------------------ conditional formats */

class FakeConditionalFormatCollection extends FakeObject<AreasTarget> {
  private _items: FakeConditionalFormat[] | null = null;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    private readonly resolve: () => AreasTarget | null,
  ) {
    super(context, parent, "conditionalFormats");
  }
  _target(): AreasTarget | null {
    return this.resolve();
  }
  get items(): FakeConditionalFormat[] {
    if (!this._items) fail("PropertyNotLoaded", "The property 'items' is not available: load the collection and sync first.");
    return this._items;
  }
  override _load(paths: Paths): void {
    const t = this.resolve();
    const sub = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length);
    const cfs = t ? t.sheet.cfs.filter((cf) => cf.areas.some((a) => t.areas.some((b) => rangesOverlap(a, b)))) : [];
    this._items = cfs.map((cf) => {
      const item = new FakeConditionalFormat(this.context, this, "getItem", [cf.id], () => (t && t.sheet.cfs.includes(cf) ? { sheet: t.sheet, cf } : null));
      item._load(sub.length ? sub : [["type"]]);
      return item;
    });
  }
  add(type: string): FakeConditionalFormat {
    let created: { sheet: FakeSheet; cf: FakeCf } | null = null;
    const item = new FakeConditionalFormat(this.context, this, "add", [type], () => created);
    this.context.enqueue({ id: item._id, m: "add", a: [type] }, () => {
      const t = this.resolve();
      if (!t) fail("InvalidArgument", "range");
      guardProtected(t.sheet);
      if (type !== "Custom") fail("NotImplemented", "the fake adds custom formats only");
      const cf: FakeCf = { id: this.context.model.id("cf"), type: "Custom", formula: null, fill: null, areas: t.areas.map((a) => ({ ...a })) };
      t.sheet.cfs.unshift(cf); // a new format gets the highest priority, as in Excel
      created = { sheet: t.sheet, cf };
    }, true);
    return item;
  }
}

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeCf;
}

class FakeConditionalFormat extends FakeObject<CfTarget> {
  private _custom: FakeCustomConditionalFormat | null = null;
  private _customOrNull: FakeCustomConditionalFormat | null = null;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    how: string,
    args: unknown[],
    private readonly resolve: () => CfTarget | null,
  ) {
    super(context, parent, how, args);
  }
  _target(): CfTarget | null {
    return this.resolve();
  }
  protected override _scalar(t: CfTarget, prop: string): unknown {
    if (prop === "type") return t.cf.type;
    if (prop === "id") return t.cf.id;
    return super._scalar(t, prop);
  }
  protected override _nav(prop: string): FakeObject<unknown> | undefined {
    if (prop === "customOrNullObject") return this.customOrNullObject;
    if (prop === "custom") return this.custom;
    return undefined;
  }
  get type(): string {
    return this._get("type");
  }
  get custom(): FakeCustomConditionalFormat {
    return (this._custom ??= new FakeCustomConditionalFormat(this.context, this, "custom", () => {
      const t = this.resolve();
      if (t && t.cf.type !== "Custom") fail("InvalidOperation", "not a custom conditional format");
      return t;
    }));
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return (this._customOrNull ??= new FakeCustomConditionalFormat(this.context, this, "customOrNullObject", () => {
      const t = this.resolve();
      return t && t.cf.type === "Custom" ? t : null;
    }));
  }
  delete(): void {
    this._do("delete", [], ({ sheet, cf }) => {
      guardProtected(sheet);
      sheet.cfs = sheet.cfs.filter((x) => x !== cf);
    });
  }
}

class FakeCustomConditionalFormat extends FakeObject<CfTarget> {
  readonly rule: FakeConditionalFormatRule;
  readonly format: { fill: FakeConditionalFill };
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    how: string,
    private readonly resolve: () => CfTarget | null,
  ) {
    super(context, parent, how);
    this.rule = new FakeConditionalFormatRule(context, this, resolve);
    this.format = { fill: new FakeConditionalFill(context, this, resolve) };
  }
  _target(): CfTarget | null {
    return this.resolve();
  }
  protected override _nav(prop: string): FakeObject<unknown> | undefined {
    if (prop === "rule") return this.rule;
    return undefined;
  }
}

class FakeConditionalFormatRule extends FakeObject<CfTarget> {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    private readonly resolve: () => CfTarget | null,
  ) {
    super(context, parent, "rule");
  }
  _target(): CfTarget | null {
    return this.resolve();
  }
  protected override _scalar(t: CfTarget, prop: string): unknown {
    if (prop === "formula") return t.cf.formula === null ? null : `=${t.cf.formula.replace(/^=/, "")}`;
    return super._scalar(t, prop);
  }
  protected override _defaultProps(): string[] {
    return ["formula"];
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(f: string) {
    this._do("formula", [f], ({ cf }) => {
      cf.formula = f.replace(/^=/, "");
    });
  }
}

class FakeConditionalFill extends FakeObject<CfTarget> {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    private readonly resolve: () => CfTarget | null,
  ) {
    super(context, parent, "fill");
  }
  _target(): CfTarget | null {
    return this.resolve();
  }
  set color(c: string) {
    this._do("color", [c], ({ cf }) => {
      cf.fill = c.replace(/^#/, "").toUpperCase();
    });
  }
}

/* ------------------------------------------------------------------- notes */

class FakeNoteCollection extends FakeObject<FakeSheet> {
  private _items: FakeNote[] | null = null;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    private readonly resolve: () => FakeSheet | null,
  ) {
    super(context, parent, "notes");
  }
  _target(): FakeSheet | null {
    return this.resolve();
  }
  get items(): FakeNote[] {
    if (!this._items) fail("PropertyNotLoaded", "The property 'items' is not available: load the collection and sync first.");
    return this._items;
  }
  override _load(paths: Paths): void {
    const s = this.resolve();
    const sub = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length);
    this._items = s
      ? [...s.notes.keys()].map((k) => {
          const n = new FakeNote(this.context, this, "getItem", [k], () => (s.notes.has(k) ? { sheet: s, key: k } : null));
          n._load(sub.length ? sub : [["content"]]);
          return n;
        })
      : [];
  }
  add(cellAddress: string, content: string): void {
    this._do("add", [cellAddress, content], (s) => {
      guardProtected(s);
      const r = parseAddress(cellAddress);
      if (r.top !== r.bottom || r.left !== r.right) fail("InvalidCellAddress", "a note goes on one cell");
      if (s.notes.has(key(r.top, r.left))) fail("InvalidArgument", "the cell already has a note");
      if (s.comments.has(key(r.top, r.left))) fail("InvalidArgument", "the cell has a threaded comment");
      s.notes.set(key(r.top, r.left), content);
    });
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    return new FakeNote(this.context, this, "getItemOrNullObject", [cellAddress], () => {
      const s = this.resolve();
      const r = parseAddress(cellAddress);
      return s && s.notes.has(key(r.top, r.left)) ? { sheet: s, key: key(r.top, r.left) } : null;
    });
  }
}

class FakeNote extends FakeObject<{ sheet: FakeSheet; key: number }> {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    how: string,
    args: unknown[],
    private readonly resolve: () => { sheet: FakeSheet; key: number } | null,
  ) {
    super(context, parent, how, args);
  }
  _target() {
    return this.resolve();
  }
  protected override _scalar(t: { sheet: FakeSheet; key: number }, prop: string): unknown {
    if (prop === "content") return t.sheet.notes.get(t.key) ?? null;
    return super._scalar(t, prop);
  }
  get content(): string {
    return this._get("content");
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, this, "getLocation", [], () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, range: { top: rowOf(t.key), left: colOf(t.key), bottom: rowOf(t.key), right: colOf(t.key) } } : null;
    });
  }
  delete(): void {
    this._do("delete", [], ({ sheet, key: k }) => {
      guardProtected(sheet);
      sheet.notes.delete(k);
    });
  }
}

/* ------------------------------------------------------------ custom XML */

class FakeCustomXmlPartCollection extends FakeObject<FakeCustomXmlPart[]> {
  private _items: FakeCustomXmlPart_[] | null = null;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    private readonly list: () => FakeCustomXmlPart[],
    private readonly ns: string | null,
  ) {
    super(context, parent, ns ? "getByNamespace" : "customXmlParts", ns ? [ns] : []);
  }
  _target(): FakeCustomXmlPart[] {
    return this.list().filter((p) => this.ns === null || p.namespaceUri === this.ns);
  }
  get items(): FakeCustomXmlPart_[] {
    if (!this._items) fail("PropertyNotLoaded", "The property 'items' is not available: load the collection and sync first.");
    return this._items;
  }
  override _load(paths: Paths): void {
    const sub = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length);
    this._items = this._target().map((p) => {
      const item = new FakeCustomXmlPart_(this.context, this, "getItem", [p.id], () => (this.context.model.parts.includes(p) ? p : null));
      item._load(sub.length ? sub : [["id"]]);
      return item;
    });
  }
  getByNamespace(ns: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.context, this, this.list, ns);
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart_ {
    return new FakeCustomXmlPart_(this.context, this, "getOnlyItemOrNullObject", [], () => {
      const list = this._target();
      return list.length === 1 ? list[0] : null;
    });
  }
  add(xml: string): FakeCustomXmlPart_ {
    let created: FakeCustomXmlPart | null = null;
    const item = new FakeCustomXmlPart_(this.context, this, "add", [xml], () => created);
    this.context.enqueue({ id: item._id, m: "add", a: [xml] }, () => {
      // Excel takes the part as a string: a declaration naming an encoding is refused
      if (/^\s*<\?xml/.test(xml)) fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
      created = { id: this.context.model.id("{part-") + "}", namespaceUri: ns, xml };
      this.context.model.parts.push(created);
    }, true);
    return item;
  }
}

class FakeCustomXmlPart_ extends FakeObject<FakeCustomXmlPart> {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    how: string,
    args: unknown[],
    private readonly resolve: () => FakeCustomXmlPart | null,
  ) {
    super(context, parent, how, args);
  }
  _target(): FakeCustomXmlPart | null {
    return this.resolve();
  }
  protected override _scalar(t: FakeCustomXmlPart, prop: string): unknown {
    if (prop === "id") return t.id;
    if (prop === "namespaceUri") return t.namespaceUri;
    return super._scalar(t, prop);
  }
  get id(): string {
    return this._get("id");
  }
  getXml(): ClientResult<string> {
    const result = new ClientResult<string>();
    this.context.enqueue({ id: this._id, m: "getXml", a: [] }, () => {
      const t = this.resolve();
      result._resolve(t ? t.xml : (null as unknown as string));
      this.context.respond(() => t?.xml ?? null);
    });
    return result;
  }
  setXml(xml: string): void {
    this._do("setXml", [xml], (p) => {
      p.xml = xml;
    });
  }
  delete(): void {
    this._do("delete", [], (p) => {
      const parts = this.context.model.parts;
      parts.splice(parts.indexOf(p), 1);
    });
  }
}

/* ==================================================================== host */

/** The host the adapter runs on (src/excel/host.ts's ExcelHost), over a fake workbook. */
export function fakeHost(model: FakeWorkbook) {
  const runs: Array<{ mergeUndoGroup: boolean; delayForCellEdit: boolean }> = [];
  return {
    runs,
    /** A context outside Excel.run: no delayForCellEdit. */
    createContext: () => model.context() as unknown as Excel.RequestContext,
    run: async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> => {
      runs.push({ mergeUndoGroup: !!options.mergeUndoGroup, delayForCellEdit: !!options.delayForCellEdit });
      return batch(model.context(options) as unknown as Excel.RequestContext);
    },
    isSetSupported: (name: string, version: string) => model.apiSets.has(`${name} ${version}`),
  };
}


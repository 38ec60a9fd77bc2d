/** The fake's workbook, worksheet collection, worksheets and their protection (see excel.ts). */
import { fail, parseAddress, type FakeSheet, type FakeWorkbook } from "./excel-model";
import type { FakeRequestContext } from "./excel-context";
import { FakeObject, type Paths } from "./excel-object";
import { FakeCustomXmlPartCollection, FakeNoteCollection } from "./excel-parts";
import { FakeRange, FakeRangeAreas } from "./excel-range";

/* ---------------------------------------------------------------- workbook */

export class FakeWorkbookProxy extends FakeObject<FakeWorkbook> {
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  constructor(context: FakeRequestContext) {
    super(context, null, "workbook");
    this.worksheets = new FakeWorksheetCollection(context, this);
    this.customXmlParts = new FakeCustomXmlPartCollection(context, this, () => context.model.parts, null);
  }
  override _target(): FakeWorkbook {
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
  override _target(): FakeSheet[] {
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
  override _target(): FakeSheet | null {
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


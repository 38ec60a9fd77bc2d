/** The fake's notes and custom XML parts (see excel.ts). */
import type { FakeRequestContext } from "./excel-context";
import { colOf, fail, guardProtected, key, parseAddress, rowOf, type FakeCustomXmlPart, type FakeSheet } from "./excel-model";
import { ClientResult, FakeObject, type Paths } from "./excel-object";
import { FakeRange } from "./excel-range";

/* ------------------------------------------------------------------- notes */

export class FakeNoteCollection extends FakeObject<FakeSheet> {
  private _items: FakeNote[] | null = null;
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>, resolve: () => FakeSheet | null) {
    super(context, parent, "notes", [], resolve);
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

export class FakeCustomXmlPartCollection extends FakeObject<FakeCustomXmlPart[]> {
  private _items: FakeCustomXmlPart_[] | null = null;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    private readonly list: () => FakeCustomXmlPart[],
    private readonly ns: string | null,
  ) {
    super(context, parent, ns ? "getByNamespace" : "customXmlParts", ns ? [ns] : []);
  }
  override _target(): FakeCustomXmlPart[] {
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


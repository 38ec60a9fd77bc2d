/** The fake's conditional formats (see excel.ts). */
import { rangesOverlap } from "../../src/core/grid";
import type { FakeRequestContext } from "./excel-context";
import { fail, guardProtected, type FakeCf, type FakeSheet } from "./excel-model";
import { FakeObject, type Paths } from "./excel-object";
import type { AreasTarget } from "./excel-range";

/* ------------------------------------------------------ conditional formats */

export class FakeConditionalFormatCollection extends FakeObject<AreasTarget> {
  private _items: FakeConditionalFormat[] | null = null;
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>, resolve: () => AreasTarget | null) {
    super(context, parent, "conditionalFormats", [], resolve);
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
      // an item is not a null object: once the format is gone (deleted by the user), using it fails
      const item = new FakeConditionalFormat(this.context, this, "getItem", [cf.id], () =>
        t && t.sheet.cfs.includes(cf) ? { sheet: t.sheet, cf } : fail("ItemNotFound", "The requested resource doesn't exist."),
      );
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
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>, how: string, resolve: () => CfTarget | null) {
    super(context, parent, how, [], resolve);
    this.rule = new FakeConditionalFormatRule(context, this, resolve);
    this.format = { fill: new FakeConditionalFill(context, this, resolve) };
  }
  protected override _nav(prop: string): FakeObject<unknown> | undefined {
    if (prop === "rule") return this.rule;
    return undefined;
  }
}

class FakeConditionalFormatRule extends FakeObject<CfTarget> {
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>, resolve: () => CfTarget | null) {
    super(context, parent, "rule", [], resolve);
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
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>, resolve: () => CfTarget | null) {
    super(context, parent, "fill", [], resolve);
  }
  set color(c: string) {
    this._do("color", [c], ({ cf }) => {
      cf.fill = c.replace(/^#/, "").toUpperCase();
    });
  }
}


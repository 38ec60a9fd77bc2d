/** The fake's ranges, range formats and range areas (see excel.ts). */
import { rangesOverlap, type CellRange } from "../../src/core/grid";
import type { FakeRequestContext } from "./excel-context";
import { FakeConditionalFormatCollection } from "./excel-cf";
import {
  addressOf,
  colOf,
  deleteRows,
  excelTyped,
  fail,
  guardProtected,
  insertRows,
  isWholeRows,
  parseAddress,
  type FakeCell,
  type FakeSheet,
} from "./excel-model";
import { FakeObject } from "./excel-object";

/* ------------------------------------------------------------------- range */

export interface RangeTarget {
  sheet: FakeSheet;
  range: CellRange;
}

export class FakeRange extends FakeObject<RangeTarget> {
  private _cf: FakeConditionalFormatCollection | null = null;
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
      if (areas.length > 512) {
        if (this.context.model.mergesAbove512 === "null") return null;
        fail("GeneralException", "There was an internal error while processing the request.");
      }
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
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>, resolve: () => RangeTarget | null) {
    super(context, parent, "format", [], resolve);
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

/* -------------------------------------------------------------- range areas */

export interface AreasTarget {
  sheet: FakeSheet;
  areas: CellRange[];
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  private _cf: FakeConditionalFormatCollection | null = null;
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


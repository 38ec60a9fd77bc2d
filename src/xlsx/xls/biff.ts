/**
 * An .xls workbook stream (BIFF8, Excel 97–2003) → its sheets: cell values with their number
 * formats, merged ranges, protection, column widths and row heights — what checking needs and what
 * the marked copy keeps. The globals give the sheet names and offsets (BOUNDSHEET), the shared
 * strings (SST), the number formats (FORMAT, XF) and the date system (DATEMODE); each worksheet
 * substream its cells (LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA + STRING),
 * MERGECELLS, PROTECT, COLINFO and ROW. Charts, macro sheets and dialog sheets hold no cells and
 * are left out. An encrypted workbook (FILEPASS) and older BIFF versions are refused.
 */
import { BiffError, Reader, records, rkNumber, type BiffRecord } from "./records";

export type XlsValue = number | string | boolean | { readonly error: string };

interface XlsCell {
  readonly row: number;
  readonly col: number;
  readonly value: XlsValue;
  /** The number format code, when not General. */
  readonly format: string | undefined;
}

export interface XlsSheet {
  readonly name: string;
  /** Hidden (1) or very hidden (2) in Excel; 0 when shown. */
  readonly visibility: number;
  readonly cells: XlsCell[];
  readonly merges: { top: number; left: number; bottom: number; right: number }[];
  readonly protected: boolean;
  /** Column widths in characters (1-based columns), hidden columns. */
  readonly columns: { first: number; last: number; width: number; hidden: boolean }[];
  /** Row heights in points (1-based rows). */
  readonly rows: Map<number, { height: number | null; hidden: boolean }>;
}

export interface XlsBook {
  readonly sheets: XlsSheet[];
  readonly date1904: boolean;
}

/** Why an .xls cannot be read, kind by kind (the caller words it in Chinese). */
export class XlsRefused extends Error {
  constructor(readonly kind: "encrypted" | "old-version") {
    super(kind);
  }
}

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  FORMAT: 0x041e,
  XF: 0x00e0,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGECELLS: 0x00e5,
  PROTECT: 0x0012,
  COLINFO: 0x007d,
  ROW: 0x0208,
} as const;

const ERRORS: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
};

interface Globals {
  sheets: { name: string; offset: number; kind: number; visibility: number }[];
  strings: string[];
  formats: Map<number, string>;
  xfFormats: number[];
  date1904: boolean;
}

function bofOf(r: BiffRecord): { version: number; kind: number } {
  const rd = new Reader(r.segments);
  return { version: rd.u16(), kind: rd.u16() };
}

function sst(r: BiffRecord): string[] {
  const rd = new Reader(r.segments);
  rd.u32(); // total references
  const unique = rd.u32();
  const out: string[] = [];
  for (let i = 0; i < unique && !rd.done; i++) out.push(rd.unicodeString());
  return out;
}

function readGlobals(stream: Uint8Array): Globals {
  const g: Globals = { sheets: [], strings: [], formats: new Map(), xfFormats: [], date1904: false };
  let first = true;
  for (const r of records(stream)) {
    if (first) {
      if (r.type !== R.BOF) throw new BiffError("不是 BIFF 工作簿流");
      if (bofOf(r).version !== 0x0600) throw new XlsRefused("old-version");
      first = false;
      continue;
    }
    const rd = new Reader(r.segments);
    switch (r.type) {
      case R.FILEPASS:
        throw new XlsRefused("encrypted");
      case R.DATEMODE:
        g.date1904 = rd.u16() === 1;
        break;
      case R.BOUNDSHEET: {
        const offset = rd.u32();
        const visibility = rd.u8() & 3;
        const kind = rd.u8();
        g.sheets.push({ offset, kind, visibility, name: rd.unicodeString(1) });
        break;
      }
      case R.SST:
        g.strings = sst(r);
        break;
      case R.FORMAT: {
        const id = rd.u16();
        g.formats.set(id, rd.unicodeString());
        break;
      }
      case R.XF:
        rd.u16(); // font
        g.xfFormats.push(rd.u16());
        break;
      case R.EOF:
        return g;
    }
  }
  return g;
}

/** A sheet's cells and layout, from its substream (which starts at its BOUNDSHEET offset). */
class SheetReader {
  readonly sheet: XlsSheet;
  /** A FORMULA whose string result follows in a STRING record. */
  private pendingString: { row: number; col: number; xf: number } | null = null;

  constructor(
    sheet: { name: string; visibility: number },
    private readonly g: Globals,
    private readonly formatOf: (xf: number) => string | undefined
  ) {
    this.sheet = { ...sheet, cells: [], merges: [], protected: false, columns: [], rows: new Map() };
  }

  private add(row: number, col: number, xf: number, value: XlsValue): void {
    if (row > 0xffff || col > 0xff) throw new BiffError("单元格位置超出 .xls 的范围");
    this.sheet.cells.push({ row: row + 1, col: col + 1, value, format: this.formatOf(xf) });
  }

  private cell(r: BiffRecord, rd: Reader): void {
    const row = rd.u16();
    const col = rd.u16();
    const xf = rd.u16();
    switch (r.type) {
      case R.LABELSST: {
        const s = this.g.strings[rd.u32()];
        if (s !== undefined) this.add(row, col, xf, s);
        break;
      }
      case R.LABEL:
      case R.RSTRING:
        this.add(row, col, xf, rd.unicodeString());
        break;
      case R.NUMBER:
        this.add(row, col, xf, rd.f64());
        break;
      case R.RK:
        this.add(row, col, xf, rkNumber(rd.u32()));
        break;
      case R.BOOLERR: {
        const v = rd.u8();
        this.add(row, col, xf, rd.u8() ? { error: ERRORS[v] ?? "#N/A" } : v !== 0);
        break;
      }
      case R.FORMULA:
        this.formula(row, col, xf, rd);
        break;
    }
  }

  /** A formula's cached result: a number, or (type byte, 0xFFFF marker) a string / boolean / error / empty. */
  private formula(row: number, col: number, xf: number, rd: Reader): void {
    const head = [rd.u8(), rd.u8(), rd.u8(), rd.u8(), rd.u8(), rd.u8()];
    const marker = rd.u16();
    if (marker !== 0xffff) {
      const b = new Uint8Array([...head, marker & 0xff, marker >> 8]);
      this.add(row, col, xf, new DataView(b.buffer).getFloat64(0, true));
      return;
    }
    if (head[0] === 0) this.pendingString = { row, col, xf };
    else if (head[0] === 1) this.add(row, col, xf, head[2] !== 0);
    else if (head[0] === 2) this.add(row, col, xf, { error: ERRORS[head[2]] ?? "#N/A" });
  }

  /** MULRK: several RK numbers in a row. */
  private mulrk(rd: Reader, length: number): void {
    const row = rd.u16();
    const first = rd.u16();
    const n = (length - 6) / 6;
    for (let i = 0; i < n; i++) {
      const xf = rd.u16();
      this.add(row, first + i, xf, rkNumber(rd.u32()));
    }
  }

  private layout(r: BiffRecord, rd: Reader): void {
    if (r.type === R.MERGECELLS) {
      const n = rd.u16();
      for (let i = 0; i < n; i++) {
        const top = rd.u16() + 1;
        const bottom = rd.u16() + 1;
        const left = rd.u16() + 1;
        const right = rd.u16() + 1;
        if (bottom >= top && right >= left && (bottom > top || right > left))
          this.sheet.merges.push({ top, left, bottom, right });
      }
    } else if (r.type === R.PROTECT) {
      (this.sheet as { protected: boolean }).protected = rd.u16() === 1;
    } else if (r.type === R.COLINFO) {
      const first = rd.u16() + 1;
      const last = Math.min(rd.u16() + 1, 256);
      const width = rd.u16() / 256;
      rd.u16(); // xf
      const hidden = (rd.u16() & 1) === 1;
      this.sheet.columns.push({ first, last, width, hidden });
    } else if (r.type === R.ROW) {
      const row = rd.u16() + 1;
      rd.skip(4);
      const height = rd.u16();
      rd.skip(4);
      const flags = rd.u16();
      const custom = (flags & 0x40) !== 0;
      this.sheet.rows.set(row, { height: custom ? (height & 0x7fff) / 20 : null, hidden: (flags & 0x20) !== 0 });
    }
  }

  read(records: Iterable<BiffRecord>): void {
    let first = true;
    for (const r of records) {
      if (first) {
        first = false;
        if (r.type !== R.BOF) throw new BiffError("工作表的位置不对");
        continue;
      }
      if (r.type === R.EOF) return;
      const rd = new Reader(r.segments);
      if (r.type === R.STRING) {
        const p = this.pendingString;
        this.pendingString = null;
        if (p) this.add(p.row, p.col, p.xf, rd.unicodeString());
      } else if (r.type === R.MULRK) this.mulrk(rd, r.segments[0].length);
      else if (r.type === R.BOF) throw new BiffError("工作表没有结束记录");
      else if (
        r.type === R.LABELSST ||
        r.type === R.LABEL ||
        r.type === R.RSTRING ||
        r.type === R.NUMBER ||
        r.type === R.RK ||
        r.type === R.BOOLERR ||
        r.type === R.FORMULA
      )
        this.cell(r, rd);
      else this.layout(r, rd);
    }
  }
}

/** Reads a BIFF8 workbook stream. Damaged → BiffError; encrypted or older than Excel 97 → XlsRefused. */
export function readBiff(stream: Uint8Array, builtinFormat: (id: number) => string | undefined): XlsBook {
  const g = readGlobals(stream);
  const formatOf = (xf: number): string | undefined => {
    const id = g.xfFormats[xf];
    if (id === undefined || id === 0) return undefined;
    const code = g.formats.get(id) ?? builtinFormat(id);
    return code === "General" ? undefined : code;
  };
  const sheets: XlsSheet[] = [];
  for (const s of g.sheets) {
    if (s.kind !== 0) continue; // chart, macro or dialog sheet: no cells to check
    if (s.offset >= stream.length) throw new BiffError(`工作表“${s.name}”的位置超出文件`);
    const reader = new SheetReader({ name: s.name, visibility: s.visibility }, g, formatOf);
    reader.read(records(stream.subarray(s.offset)));
    sheets.push(reader.sheet);
  }
  return { sheets, date1904: g.date1904 };
}

/**
 * A worksheet part's XML → the cells the checker needs (displayed text and value type, as exceljs
 * reads them: grid.ts shows the same text), its merged ranges and its protection, without building
 * styles or a workbook model. Cell values follow exceljs's reading (formula results, shared and
 * inline strings, booleans, errors, dates by number format), so a check and a marked copy agree.
 * A sheet that cannot be read → SheetProblem (Chinese), which fails only that sheet.
 */
import { clip } from "../core/text";
import { cellAddress, parseCell, parseRange, type CellRange, type CellValueType, type GridCell } from "../core/grid";
import {
  boundedGrid,
  MAX_COLUMNS,
  MAX_GRID_CELLS,
  MAX_ROWS,
  tooLargeProblem,
  type CellRows,
  type SheetRead,
} from "./bounds";
import { shownNumber } from "./number-format";
import { attrOf, attrsOf, scanXml, type XmlHandler } from "./xml";

export class SheetProblem extends Error {}

/** What a sheet's cells refer to elsewhere in the package. */
export interface SheetContext {
  /** The shared strings (read when first needed); a SheetProblem when they cannot be. */
  sharedStrings(): readonly string[];
  /** The number format of a cell style (index into cellXfs), if any. */
  numberFormat(style: number): string | undefined;
  readonly date1904: boolean;
}

/** exceljs decodes XML entities in a formula's string result once more. */
function decodeAgain(text: string): string {
  return text.replace(/&(lt|gt|amp|apos|quot);/g, (_m, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "apos" ? "'" : '"'
  );
}

/** "_x000D_" escapes, as exceljs decodes them in rich text runs and shared strings. */
export function decodeEscapes(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : text;
}

interface CellState {
  row: number;
  column: number;
  t: string;
  style: number;
  value: string | null;
  formula: boolean;
  inline: string | null;
}

/** The reading of one worksheet part. */
class SheetReader implements XmlHandler {
  readonly rows: CellRows = [];
  readonly merges: CellRange[] = [];
  protected = false;
  private root = true;
  private inSheetData = false;
  private row = 0;
  private column = 0;
  private cell: CellState | null = null;
  /** What text goes where: a <v>, a formula, an inline string's <t> (not in a phonetic run). */
  private target: "v" | "f" | "t" | null = null;
  private inInline = false;
  private phonetic = 0;
  private farRow = 0;
  private farColumn = 0;
  /** The last empty cell with an address passed over, and the empty cells without one after it (worked out only when needed). */
  private emptyCell: { raw: string; after: number } | null = null;

  constructor(private readonly ctx: SheetContext) {}

  wantsText(): boolean {
    return this.target !== null;
  }

  text(text: string): void {
    const c = this.cell!;
    if (this.target === "v") c.value = (c.value ?? "") + text;
    else if (this.target === "f") c.formula = c.formula || text !== "";
    else c.inline = (c.inline ?? "") + text;
  }

  open(name: string, raw: string, selfClosing: boolean): void {
    if (this.root) {
      this.root = false;
      if (name !== "worksheet") throw new SheetProblem(`这不是工作表的数据（根元素是“${clip(name, 20)}”）。`);
    } else if (name === "sheetData") this.inSheetData = true;
    else if (!this.inSheetData) this.openOutside(name, raw);
    else if (name === "row") this.openRow(raw);
    else if (name === "c") {
      // an empty cell (a style only) holds nothing to check: only where it is matters, if the next cell has no address
      if (!selfClosing) this.openCell(raw);
      else if (/\br\s*=/.test(raw)) this.emptyCell = { raw, after: 0 };
      else if (this.emptyCell) this.emptyCell.after++;
      else this.column++;
    } else if (this.cell) this.openInCell(name, raw);
  }

  private openOutside(name: string, raw: string): void {
    if (name === "mergeCell") {
      const ref = attrsOf(raw).ref ?? "";
      let range: CellRange;
      try {
        range = parseRange(ref);
      } catch {
        throw new SheetProblem(`合并单元格的区域“${clip(ref, 30)}”无效。`);
      }
      if (range.bottom > MAX_ROWS || range.right > MAX_COLUMNS || range.top < 1 || range.left < 1)
        throw new SheetProblem(`合并单元格的区域“${clip(ref, 30)}”超出 Excel 的范围。`);
      this.merges.push(range);
    } else if (name === "sheetProtection") this.protected = attrsOf(raw).sheet === "1";
  }

  private openRow(raw: string): void {
    const r = attrOf(raw, "r");
    const n = r === undefined ? this.row + 1 : /^[0-9]{1,7}$/.test(r) ? Number(r) : NaN;
    if (!(n >= 1 && n <= MAX_ROWS)) throw new SheetProblem(`行号“${clip(String(r), 20)}”无效。`);
    this.row = n;
    this.column = 0;
    this.emptyCell = null;
  }

  private openCell(raw: string): void {
    const a = { r: attrOf(raw, "r"), t: attrOf(raw, "t"), s: attrOf(raw, "s") };
    if (this.emptyCell && a.r === undefined) {
      const { raw: before, after } = this.emptyCell;
      this.emptyCell = null;
      this.openCell(before);
      this.column += after;
    }
    this.emptyCell = null;
    let row = this.row;
    let column = this.column + 1;
    if (a.r !== undefined) {
      let at: { row: number; column: number };
      try {
        at = parseCell(a.r);
      } catch {
        throw new SheetProblem(`单元格地址“${clip(a.r, 20)}”无效。`);
      }
      ({ row, column } = at);
    }
    if (!(row >= 1 && row <= MAX_ROWS && column >= 1 && column <= MAX_COLUMNS))
      throw new SheetProblem(`单元格地址“${clip(a.r ?? "", 20)}”超出 Excel 的范围。`);
    this.row = row;
    this.column = column;
    const style = a.s === undefined ? 0 : parseInt(a.s, 10);
    this.cell = { row, column, t: a.t ?? "n", style, value: null, formula: false, inline: null };
  }

  private openInCell(name: string, raw: string): void {
    if (name === "v") this.target = "v";
    else if (name === "f") {
      this.target = "f";
      if (attrsOf(raw).t !== undefined) this.cell!.formula = true;
    } else if (name === "is") this.inInline = true;
    else if (name === "rPh") this.phonetic++;
    else if (name === "t" && this.inInline && this.phonetic === 0) this.target = "t";
  }

  close(name: string): void {
    if (name === "sheetData") this.inSheetData = false;
    else if (name === "c" && this.cell) {
      this.store(this.cell);
      this.cell = null;
      this.target = null;
    } else if (name === "v" || name === "f" || name === "t") this.target = null;
    else if (name === "is") this.inInline = false;
    else if (name === "rPh") this.phonetic = Math.max(0, this.phonetic - 1);
  }

  private store(c: CellState): void {
    const g = this.cellOf(c);
    if (!g) return;
    if (c.row > this.farRow || c.column > this.farColumn) {
      this.farRow = Math.max(this.farRow, c.row);
      this.farColumn = Math.max(this.farColumn, c.column);
      if (this.farRow * this.farColumn > MAX_GRID_CELLS)
        throw new SheetProblem(tooLargeProblem(this.farRow, this.farColumn, cellAddress(c.row, c.column)));
    }
    const row = (this.rows[c.row - 1] ??= []);
    row[c.column - 1] = g;
  }

  /** A number as shown with the cell's format (a date when the format is one). */
  private number(value: number, style: number): GridCell {
    return shownNumber(value, style ? this.ctx.numberFormat(style) : undefined, this.ctx.date1904);
  }

  /** The cell's value as exceljs reads it (type attribute, formula, value), shown. */
  private cellOf(c: CellState): GridCell | undefined {
    if (c.formula) return c.value === null || c.value === "" ? undefined : this.result(c.t, c.value, c.style);
    if (c.t === "inlineStr") return c.inline ? { text: c.inline, type: "text" } : undefined;
    if (c.value === null) return undefined;
    if (c.t === "s") {
      const strings = this.ctx.sharedStrings();
      const index = parseInt(c.value, 10);
      const text = index >= 0 && index < strings.length ? strings[index] : undefined;
      if (text === undefined) throw new SheetProblem(`单元格引用了不存在的共享字符串（第 ${clip(c.value, 12)} 个）。`);
      return text === "" ? undefined : { text, type: "text" };
    }
    if (c.t === "str") return text(decodeAgain(c.value));
    return this.result(c.t, c.value, c.style);
  }

  private result(t: string, value: string, style: number): GridCell | undefined {
    if (t === "str") return text(decodeAgain(value));
    if (t === "b") return { text: parseInt(value, 10) !== 0 ? "TRUE" : "FALSE", type: "boolean" };
    if (t === "e") return { text: value, type: "error" };
    return this.number(parseFloat(value), style);
  }
}

function text(t: string): GridCell | undefined {
  return t === "" ? undefined : { text: t, type: "text" as CellValueType };
}

/** Reads a worksheet part: its grid (bounded: bounds.ts), or why it cannot be read. */
export function readSheetXml(name: string, xml: string, ctx: SheetContext): SheetRead {
  const reader = new SheetReader(ctx);
  try {
    scanXml(xml, reader);
  } catch (e) {
    if (e instanceof SheetProblem) return { name, grid: null, problem: e.message };
    if (e instanceof Error && e.name === "XmlError")
      return { name, grid: null, problem: `工作表的数据已损坏（${e.message}）。` };
    throw e;
  }
  return boundedGrid(name, reader.rows, reader.merges, reader.protected);
}

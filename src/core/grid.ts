/**
 * The cell grid: what the adapters (Excel, xlsx) hand to the parser. A sheet as its cells' displayed
 * text and value type, its merged ranges and its name. Rows and columns are 1-based, as in Excel.
 */

export type CellValueType = "empty" | "text" | "number" | "date" | "boolean" | "error";

export interface GridCell {
  /** What the user sees in the cell (number formats applied, trimmed of nothing). */
  readonly text: string;
  readonly type: CellValueType;
}

export interface CellRange {
  /** 1-based, inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  /** Last used row and column (1-based); 0 for an empty sheet. */
  readonly rowCount: number;
  readonly columnCount: number;
  /** The cell at (row, column), or undefined when it is empty. */
  cell(row: number, column: number): GridCell | undefined;
  readonly merges: readonly CellRange[];
  /** The sheet is protected against edits (reading still works). */
  readonly protected?: boolean;
  /** False when the adapter could not read every merged area (the parser then relies on blank continuation cells). */
  readonly mergesComplete?: boolean;
}

/** A cell given to {@link gridFromRows}: a plain value or an explicit cell. */
export type GridInput = string | number | boolean | null | undefined | GridCell;

function toCell(input: GridInput): GridCell | undefined {
  if (input === null || input === undefined || input === "") return undefined;
  if (typeof input === "string") return { text: input, type: "text" };
  if (typeof input === "number") return { text: String(input), type: "number" };
  if (typeof input === "boolean") return { text: input ? "TRUE" : "FALSE", type: "boolean" };
  return input.type === "empty" && input.text === "" ? undefined : input;
}

/** A grid stored as rows of cells; the shape every adapter and test builds. */
export class RowGrid implements SheetGrid {
  readonly rowCount: number;
  readonly columnCount: number;
  constructor(
    readonly name: string,
    private readonly rows: ReadonlyArray<ReadonlyArray<GridCell | undefined> | undefined>,
    readonly merges: readonly CellRange[] = [],
    readonly protected_: boolean = false,
    readonly mergesComplete: boolean = true
  ) {
    let rowCount = 0;
    let columnCount = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c]) {
          rowCount = r + 1;
          if (c + 1 > columnCount) columnCount = c + 1;
          break;
        }
      }
    }
    for (const m of merges) {
      if (m.bottom > rowCount) rowCount = m.bottom;
      if (m.right > columnCount) columnCount = m.right;
    }
    this.rowCount = rowCount;
    this.columnCount = columnCount;
  }
  get protected(): boolean {
    return this.protected_;
  }
  cell(row: number, column: number): GridCell | undefined {
    const r = this.rows[row - 1];
    return r ? r[column - 1] : undefined;
  }
}

/**
 * Builds a grid from rows of plain values (strings are text, numbers are numbers) and merged range
 * addresses ("B24:B50"). Used by tests, fixtures and benchmarks.
 */
export function gridFromRows(
  name: string,
  rows: ReadonlyArray<ReadonlyArray<GridInput>>,
  merges: ReadonlyArray<string | CellRange> = [],
  options: { protected?: boolean; mergesComplete?: boolean } = {}
): RowGrid {
  const cells = rows.map((row) => row.map(toCell));
  const ranges = merges.map((m) => (typeof m === "string" ? parseRange(m) : m));
  return new RowGrid(name, cells, ranges, options.protected ?? false, options.mergesComplete ?? true);
}

/* ----------------------------------------------------------------- addresses */

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let s = "";
  let n = column;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 1, "AA" → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n;
}

const LETTERS: string[] = [];
for (let c = 0; c <= 256; c++) LETTERS.push(c === 0 ? "" : columnLetter(c));

export function cellAddress(row: number, column: number): string {
  return (column <= 256 ? LETTERS[column] : columnLetter(column)) + row;
}

export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseCell(address: string): CellPosition {
  const m = CELL_RE.exec(address.trim());
  if (!m) throw new Error(`不是有效的单元格地址：${address}`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

export function parseRange(address: string): CellRange {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = bare.split(":");
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

export function rangeAddress(range: CellRange): string {
  const a = cellAddress(range.top, range.left);
  if (range.top === range.bottom && range.left === range.right) return a;
  return `${a}:${cellAddress(range.bottom, range.right)}`;
}

export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Quotes a sheet name for an A1 reference when it needs it ('My sheet'!A1). */
export function sheetReference(sheet: string, address: string): string {
  const plain = /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/**
 * Index of the merged ranges of a grid: which merge a cell belongs to. Each row keeps the (few)
 * merges that cross it; built once per sheet, linear in the merged rows.
 */
export class MergeIndex {
  private readonly byRow: (CellRange[] | undefined)[] = [];
  /** Merges taller than TALL rows (a label spanning a whole block): few, checked directly. */
  private readonly tall: CellRange[] = [];
  private static readonly TALL = 64;
  constructor(merges: readonly CellRange[]) {
    // only a few tall merges are kept apart; a sheet full of them is indexed by row like the others
    const tallCount = merges.reduce((n, m) => (m.bottom - m.top >= MergeIndex.TALL ? n + 1 : n), 0);
    const keepApart = tallCount <= 32;
    for (const m of merges) {
      if (keepApart && m.bottom - m.top >= MergeIndex.TALL) {
        this.tall.push(m);
        continue;
      }
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.byRow[r];
        if (list) list.push(m);
        else this.byRow[r] = [m];
      }
    }
  }
  /** The merged range holding (row, column), if any. */
  at(row: number, column: number): CellRange | undefined {
    const list = this.byRow[row];
    if (list) {
      for (let k = 0; k < list.length; k++) {
        const m = list[k];
        if (column >= m.left && column <= m.right) return m;
      }
    }
    for (let k = 0; k < this.tall.length; k++) {
      const m = this.tall[k];
      if (row >= m.top && row <= m.bottom && column >= m.left && column <= m.right) return m;
    }
    return undefined;
  }
  /** True when (row, column) is inside a merge but not its top-left cell. */
  isCovered(row: number, column: number): boolean {
    const m = this.at(row, column);
    return !!m && (m.top !== row || m.left !== column);
  }
}

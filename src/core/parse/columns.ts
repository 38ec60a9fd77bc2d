/**
 * Finding the indicator header row (一级/二级/三级/指标值 …) and the role of each column, by the
 * meaning of the header texts (docs/framework.md “列”).
 */
import { columnLetter } from "../grid";
import type { ColumnRole, IndicatorColumn } from "../model";
import { matchColumnHeader, mayBeHeader } from "../vocabulary";
import type { SheetReader } from "./reader";

export type HeaderRole = ColumnRole | "remark";

export interface HeaderRow {
  readonly row: number;
  /** column → role (as matched), for the columns whose header names a role. */
  readonly roles: ReadonlyMap<number, HeaderRole>;
  /** column → header text as written. */
  readonly texts: ReadonlyMap<number, string>;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

const HEADER_MAX_LENGTH = 20;

/** Header texts of a row: the cell's own text, or the text of a merge that starts up to two rows above (two-row headers). */
function headerText(reader: SheetReader, row: number, column: number): string {
  const own = reader.own(row, column);
  if (own) return own;
  const m = reader.mergeAt(row, column);
  if (m && m.left === column && m.top < row && row - m.top <= 2) return reader.own(m.top, m.left);
  return "";
}

/** Reads a row as a header row, or returns null when it is not one. */
export function readHeaderRow(reader: SheetReader, row: number): HeaderRow | null {
  let roles: Map<number, HeaderRole> | null = null;
  let texts: Map<number, string> | null = null;
  let hasValue = false;
  let hasName = false;
  let hasL1 = false;
  let hasL2 = false;
  let matched = 0;
  for (let c = 1; c <= reader.columnCount; c++) {
    const o = reader.own(row, c);
    // a cell with text of its own that cannot be a header: skip without looking at merges
    if (o !== "" && (o.length > HEADER_MAX_LENGTH || !mayBeHeader(o))) continue;
    const text = o !== "" ? o : headerText(reader, row, c);
    if (!text || text.length > HEADER_MAX_LENGTH) continue;
    const role = matchColumnHeader(text);
    if (!role) continue;
    roles ??= new Map();
    texts ??= new Map();
    if (role === "label" || role === "other" || role === "remark") {
      roles.set(c, role);
      texts.set(c, text);
      continue;
    }
    // a role seen twice: the second column is "other" (e.g. two 指标值 columns in a 自评 table)
    if ([...roles.values()].includes(role)) {
      roles.set(c, "other");
      texts.set(c, text);
      continue;
    }
    roles.set(c, role);
    texts.set(c, text);
    matched++;
    if (role === "value") hasValue = true;
    else if (role === "name") hasName = true;
    else if (role === "level1") hasL1 = true;
    else if (role === "level2") hasL2 = true;
  }
  if (!roles || !texts) return null;
  const isHeader = (hasValue && (hasName || hasL2 || hasL1)) || (hasName && hasL1 && hasL2);
  if (!isHeader || matched < 2) return null;
  const cols = [...roles.keys()];
  return { row, roles, texts, firstColumn: Math.min(...cols), lastColumn: Math.max(...cols) };
}

/** A row that names some indicator columns but not enough to be a header (for the "why not" message). */
export function partialHeaderRoles(reader: SheetReader, row: number): HeaderRole[] {
  const found: HeaderRole[] = [];
  for (let c = 1; c <= reader.columnCount; c++) {
    const t = reader.own(row, c);
    if (!t || t.length > HEADER_MAX_LENGTH) continue;
    const role = matchColumnHeader(t);
    if (role && role !== "label" && role !== "other" && role !== "remark") found.push(role);
  }
  return found;
}

export const ROLE_LABEL: Readonly<Record<HeaderRole, string>> = {
  label: "标签",
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  operator: "比较符号",
  value: "指标值",
  unit: "计量单位",
  explanation: "指标解释",
  weight: "权重",
  other: "其他",
  remark: "备注",
};

export interface ColumnLayout {
  readonly columns: IndicatorColumn[];
  readonly roles: Partial<Record<ColumnRole, number>>;
  /** Columns left of 一级 (or of the first indicator column): label columns. */
  readonly labelColumns: number[];
  /** Rightmost column of the block. */
  readonly right: number;
  /** Columns filled on most rows (data columns even without a header): cells there are not shifted. */
  readonly structural: ReadonlySet<number>;
}

/**
 * Final column roles: header roles, label columns on the left, and an explanation column inferred
 * when its header is blank (or a 备注 column filled like explanations).
 */
export function resolveColumns(
  reader: SheetReader,
  header: HeaderRow,
  firstRow: number,
  lastRow: number,
  right: number
): ColumnLayout {
  const roles: Partial<Record<ColumnRole, number>> = {};
  const columns: IndicatorColumn[] = [];
  const leftmostIndicator = Math.min(
    ...[...header.roles.entries()].filter(([, r]) => r !== "label" && r !== "other" && r !== "remark").map(([c]) => c)
  );
  const labelColumns: number[] = [];
  let remarkColumn: number | null = null;
  const lastCol = Math.max(right, header.lastColumn);
  for (let c = 1; c <= lastCol; c++) {
    let role = header.roles.get(c) ?? null;
    const text = header.texts.get(c) ?? reader.own(header.row, c);
    if (c < leftmostIndicator) {
      if (role === null || role === "label" || role === "other") {
        labelColumns.push(c);
        if (role === null && !text && !columnHasContent(reader, c, firstRow, lastRow)) continue;
        columns.push({ role: "label", column: c, letter: columnLetter(c), header: text });
        roles.label ??= c;
        continue;
      }
    }
    if (role === "label") role = "other";
    if (role === "remark") {
      remarkColumn = c;
      continue;
    }
    if (role === null) {
      if (!columnHasContent(reader, c, firstRow, lastRow)) continue;
      role = "other";
    }
    columns.push({ role, column: c, letter: columnLetter(c), header: text });
    if (role !== "other" && roles[role] === undefined) roles[role] = c;
  }
  // an explanation column with a blank header: the first unlabelled column right of the value that is filled like one
  if (roles.explanation === undefined) {
    const from = roles.value ?? roles.name ?? leftmostIndicator;
    const candidates = columns.filter((col) => col.column > from && col.role === "other" && col.header === "");
    for (const col of candidates) {
      if (looksLikeExplanationColumn(reader, col.column, firstRow, lastRow)) {
        const i = columns.indexOf(col);
        columns[i] = { ...col, role: "explanation" };
        roles.explanation = col.column;
        break;
      }
    }
  }
  if (remarkColumn !== null) {
    const text = header.texts.get(remarkColumn) ?? "";
    const asExplanation =
      roles.explanation === undefined && looksLikeExplanationColumn(reader, remarkColumn, firstRow, lastRow);
    columns.push({
      role: asExplanation ? "explanation" : "other",
      column: remarkColumn,
      letter: columnLetter(remarkColumn),
      header: text,
    });
    if (asExplanation) roles.explanation = remarkColumn;
    columns.sort((a, b) => a.column - b.column);
  }
  const structural = new Set<number>();
  const rows = lastRow - firstRow + 1;
  for (const col of columns) {
    if (col.role === "other" && col.header === "" && columnFill(reader, col.column, firstRow, lastRow) >= rows * 0.5)
      structural.add(col.column);
  }
  return { columns, roles, labelColumns, right: lastCol, structural };
}

function columnFill(reader: SheetReader, column: number, firstRow: number, lastRow: number): number {
  let n = 0;
  for (let r = firstRow; r <= lastRow; r++) if (reader.own(r, column)) n++;
  return n;
}

function columnHasContent(reader: SheetReader, column: number, firstRow: number, lastRow: number): boolean {
  for (let r = firstRow; r <= lastRow; r++) if (reader.own(r, column)) return true;
  return false;
}

/** Filled on at least 30% of the rows with sentence-like text ("反映…", formulas, ≥ 8 characters on average). */
function looksLikeExplanationColumn(reader: SheetReader, column: number, firstRow: number, lastRow: number): boolean {
  let filled = 0;
  let length = 0;
  let sentence = 0;
  const rows = lastRow - firstRow + 1;
  for (let r = firstRow; r <= lastRow; r++) {
    const t = reader.own(r, column);
    if (!t) continue;
    filled++;
    length += t.length;
    if (/反映|计算公式|[/÷×]|%|说明|情况|完成/.test(t)) sentence++;
  }
  if (filled === 0) return false;
  return filled >= Math.max(1, rows * 0.3) && (length / filled >= 8 || sentence / filled >= 0.5);
}

/**
 * Finding the indicator header row (一级/二级/三级/指标值 …) and the role of each column, by the
 * meaning of the header texts (docs/framework.md “列”). A header may span two rows: cells merged
 * down from the row above, a group header over sub-headers ("指标值" over "2021年实际实现值 |
 * 预期2022年实现值", "年度指标值" over "指标性质 | 指标值 | 度量单位"), or sub-headers on the row
 * below. Among several value columns the target of the budget year is the value; the others are
 * kept as other columns.
 */
import type { CellRange } from "../grid";
import {
  matchColumnHeader,
  mayBeHeader,
  SINGLE_ROLES,
  targetPreference,
  type HeaderRole,
} from "../vocabulary/column-headers";
import type { SheetReader } from "./reader";

export type { HeaderRole } from "../vocabulary/column-headers";

export interface HeaderRow {
  /** The header row; the lower one of a two-row header. */
  readonly row: number;
  /** The first row of the header (row − 1 when the header spans two rows). */
  readonly top: number;
  /** column → role (as matched), for the columns whose header names a role. */
  readonly roles: ReadonlyMap<number, HeaderRole>;
  /** column → header text as written. */
  readonly texts: ReadonlyMap<number, string>;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

const HEADER_MAX_LENGTH = 20;

/** A merge of the row above that spans several columns over this one (a group header). */
function groupAbove(reader: SheetReader, row: number, column: number): CellRange | undefined {
  if (row <= 1) return undefined;
  const m = reader.mergeAt(row - 1, column);
  if (!m || m.bottom !== row - 1 || m.right === m.left) return undefined;
  return matchColumnHeader(reader.own(m.top, m.left)) !== null ? m : undefined;
}

/** The header text of a cell: its own, or that of a merge coming down from up to two rows above; with `fill`, the row above's. */
function headerText(reader: SheetReader, row: number, column: number, fill: boolean): string {
  const own = reader.own(row, column);
  if (own) return own;
  const m = reader.mergeAt(row, column);
  if (m && m.left === column && m.top < row && row - m.top <= 2) return reader.own(m.top, m.left);
  if (fill && !m && !groupAbove(reader, row, column)) return reader.own(row - 1, column);
  return "";
}

interface Candidate {
  role: HeaderRole;
  text: string;
  preference: number;
}

function candidateOf(reader: SheetReader, row: number, c: number, fill: boolean): Candidate | null {
  const o = reader.own(row, c);
  // a cell with text of its own that cannot be a header: skip without looking at merges
  if (o !== "" && (o.length > HEADER_MAX_LENGTH || !mayBeHeader(o))) return null;
  const text = o !== "" ? o : headerText(reader, row, c, fill);
  if (!text || text.length > HEADER_MAX_LENGTH) return null;
  let role = matchColumnHeader(text);
  const group = o !== "" ? groupAbove(reader, row, c) : undefined;
  const groupText = group ? reader.own(group.top, group.left) : "";
  const groupRole = groupText ? matchColumnHeader(groupText) : null;
  // under "实际完成值": what was achieved, never the target; under "指标值": an unnamed value column
  if (groupRole === "other" && role !== null && role !== "label") role = "other";
  else if (role === null && groupRole === "value") role = "value";
  if (!role) return null;
  return {
    role,
    text,
    preference: role === "value" ? targetPreference(text) + (groupRole === "value" ? 1 : 0) : 0,
  };
}

/** Reads a row as a header row, or returns null when it is not one. `fill`: blank cells take the row above's text (sub-headers below a header). */
function readHeaderRow(reader: SheetReader, row: number, fill = false): HeaderRow | null {
  let found: Map<number, Candidate> | null = null;
  for (let c = 1; c <= reader.columnCount; c++) {
    const candidate = candidateOf(reader, row, c, fill);
    if (candidate) (found ??= new Map()).set(c, candidate);
  }
  if (found === null) return null;
  const roles = new Map<number, HeaderRole>();
  const texts = new Map<number, string>();
  const best = new Map<HeaderRole, number>();
  for (const [c, cand] of found) {
    texts.set(c, cand.text);
    roles.set(c, cand.role);
    if (!SINGLE_ROLES.has(cand.role)) continue;
    const seen = best.get(cand.role);
    if (seen === undefined) best.set(cand.role, c);
    else if (cand.role === "value" && cand.preference > found.get(seen)!.preference) {
      roles.set(seen, "other");
      best.set(cand.role, c);
    } else roles.set(c, "other");
  }
  const has = (role: HeaderRole) => best.has(role);
  const isHeader =
    (has("value") && (has("name") || has("level2") || has("level1"))) ||
    (has("name") && has("level1") && has("level2"));
  if (!isHeader || best.size < 2) return null;
  const cols = [...roles.keys()];
  const top = spansFromAbove(reader, row, cols) ? row - 1 : row;
  return {
    row,
    top,
    roles,
    texts,
    firstColumn: Math.min(...cols),
    lastColumn: Math.max(...cols),
  };
}

/** True when a header cell of the row is covered by a merge from the row above (a two-row header). */
function spansFromAbove(reader: SheetReader, row: number, columns: readonly number[]): boolean {
  if (row <= 1) return false;
  return columns.some((c) => {
    const m = reader.mergeAt(row, c);
    return (m !== undefined && m.top === row - 1) || groupAbove(reader, row, c) !== undefined;
  });
}

/**
 * Sub-headers below a header row: short header texts under the header's group cells, nothing in
 * the 一级/二级/三级 columns ("2021年实际实现值 | 预期2022年实现值" under a merged "指标值").
 */
function isSubHeaderRow(reader: SheetReader, header: HeaderRow, row: number): boolean {
  if (row > reader.rowCount) return false;
  let seen = 0;
  for (let c = 1; c <= reader.columnCount; c++) {
    const text = reader.own(row, c);
    if (!text) continue;
    const role = header.roles.get(c);
    if (role === "level1" || role === "level2" || role === "name") return false;
    if (text.length > HEADER_MAX_LENGTH || /[≥≤<>=＞＜≧≦]/.test(text)) return false;
    const over = groupAbove(reader, row, c);
    // under a group header, an empty header cell, or a value column without a merge over its sub-headers
    if (!over && header.texts.has(c) && role !== "value" && role !== "other") return false;
    if (matchColumnHeader(text) === null && !/(19|20)\d\d|年|值/.test(text)) return false;
    seen++;
  }
  return seen > 0;
}

/** The header rows of a sheet, two-row headers read as one (at their lower row). */
export function findHeaderRows(reader: SheetReader): HeaderRow[] {
  const rows: HeaderRow[] = [];
  for (let r = 1; r <= reader.rowCount; r++) {
    const h = readHeaderRow(reader, r);
    if (!h) continue;
    const previous = rows[rows.length - 1];
    // a header right below a header: the two rows are one header (read at the lower row, with the upper's texts)
    if (previous && previous.row === r - 1) {
      const band = readHeaderRow(reader, r, true);
      rows[rows.length - 1] = band ? { ...band, top: previous.top } : h;
      continue;
    }
    rows.push(h);
  }
  for (let k = 0; k < rows.length; k++) {
    const h = rows[k];
    const next = k + 1 < rows.length ? rows[k + 1].row : Number.POSITIVE_INFINITY;
    if (h.row + 1 < next && isSubHeaderRow(reader, h, h.row + 1)) {
      const band = readHeaderRow(reader, h.row + 1, true);
      if (band) rows[k] = { ...band, top: h.top };
    } else if (h.top === h.row && namesBlankColumns(reader, h.row - 1, h.row)) {
      const band = readHeaderRow(reader, h.row, true);
      if (band) rows[k] = { ...band, top: h.row - 1 };
    }
  }
  return rows;
}

/** The row above names columns left blank in the header row ("实际完成值 | 分值" over blank cells, nothing merged). */
function namesBlankColumns(reader: SheetReader, upper: number, row: number): boolean {
  if (upper < 1) return false;
  for (let c = 1; c <= reader.columnCount; c++) {
    const text = reader.own(upper, c);
    if (!text || reader.own(row, c) || reader.mergeAt(row, c) || reader.mergeAt(upper, c)) continue;
    const role = matchColumnHeader(text);
    if (role !== null && role !== "label" && role !== "remark") return true;
  }
  return false;
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

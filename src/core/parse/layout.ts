/**
 * The final column layout of an indicator block: the roles the header names, label columns on the
 * left, project columns before the indicator columns (单位名称 / 项目名称 / 预算数 / 年度目标 on the
 * same rows, as in the 四川 部门预算项目绩效目标申报表), and roles read from what the cells hold when
 * the header is blank or unfamiliar: a column of sentences with 反映…/计算公式/评分 is the
 * explanation column whatever its header says; a column of ≥/≤/= is the operator column.
 */
import { cellAddress, columnLetter } from "../grid";
import type { ColumnRole, IndicatorColumn } from "../model";
import { isBlankText } from "../text";
import { isSubHeader, matchFieldLabel } from "../vocabulary/fields";
import { looksLikeCategory, matchLevel1 } from "../vocabulary/levels";
import { matchColumnHeader, SINGLE_ROLES } from "../vocabulary/column-headers";
import { DEFAULT_VALUE_VOCABULARY } from "../value";
import type { HeaderRow } from "./columns";
import type { SheetReader } from "./reader";
import { valueLikeness } from "./value";

interface ProjectColumn {
  readonly column: number;
  /** The header field its header names (项目名称, 部门名称, 预算资金, 年度目标 …), or null. */
  readonly key: string | null;
  readonly header: string;
}

export interface ColumnLayout {
  readonly columns: IndicatorColumn[];
  readonly roles: Partial<Record<ColumnRole, number>>;
  /** Columns left of 一级 (or of the first indicator column) that label the block. */
  readonly labelColumns: number[];
  /** Columns left of the indicator columns that hold the project each row belongs to. */
  readonly projectColumns: ProjectColumn[];
  /** Rightmost column of the block. */
  readonly right: number;
  /** Columns filled on most rows (data columns even without a header): cells there are not shifted. */
  readonly structural: ReadonlySet<number>;
}

interface Rows {
  readonly reader: SheetReader;
  readonly first: number;
  readonly last: number;
}

function texts(rows: Rows, column: number): string[] {
  const out: string[] = [];
  for (let r = rows.first; r <= rows.last; r++) {
    const t = rows.reader.own(r, column);
    if (t) out.push(t);
  }
  return out;
}

/** A left column's header that labels the block ("绩效指标", "年度绩效指标", "本年度 绩效指标"). */
function isLabelHeader(text: string): boolean {
  return matchColumnHeader(text) === "label" || /绩效|指标|目标情况/.test(text);
}

/**
 * Filled on at least 30% of the rows with sentence-like text ("反映…", formulas, ≥ 8 characters on
 * average); values ("100%", "735人次") are no sentences.
 */
function looksLikeExplanationColumn(rows: Rows, column: number): boolean {
  const cells = texts(rows, column).filter((t) => !isBlankText(t));
  if (cells.length === 0 || cells.some((t) => valueLikeness(t) === 2 || !/[\u4e00-\u9fff]/.test(t))) return false;
  const length = cells.reduce((n, t) => n + t.length, 0);
  const sentence = cells.filter((t) => /反映|计算公式|[/÷×]|%|说明|情况|完成|评分|扣分|考核|衡量|标准/.test(t)).length;
  return (
    cells.length >= Math.max(1, (rows.last - rows.first + 1) * 0.3) &&
    (length / cells.length >= 8 || sentence / cells.length >= 0.5)
  );
}

/** Mostly comparison signs (≥, ≤, =, 定性 …). */
function looksLikeOperatorColumn(rows: Rows, column: number): boolean {
  const cells = texts(rows, column);
  if (cells.length < 2) return false;
  const ops = cells.filter((t) => DEFAULT_VALUE_VOCABULARY.operatorOf.has(t) || /^(定性|定量)$/.test(t)).length;
  return ops / cells.length >= 0.8;
}

/** Mostly short unit words (个, 人次, %, 万元, 天 …). */
function looksLikeUnitColumn(rows: Rows, column: number): boolean {
  const cells = texts(rows, column);
  if (cells.length < 2) return false;
  const units = cells.filter(
    (t) => t.length <= 5 && !/\d|[≥≤=<>]/.test(t) && /^[^\u4e00-\u9fff]*[%％‰]$|^[\u4e00-\u9fff/／a-zA-Z²³]+$/.test(t)
  ).length;
  return units / cells.length >= 0.8 && cells.every((t) => t.length <= 6);
}

/** A column of the layout; its cell is where its header shows (a merge's top-left, or the upper row of a two-row header). */
function columnOf(
  reader: SheetReader,
  header: HeaderRow,
  role: ColumnRole,
  column: number,
  text: string
): IndicatorColumn {
  const m = reader.mergeAt(header.row, column);
  let row = m ? m.top : header.row;
  // the upper row of a two-row header when the lower one is blank or repeats it
  const upper = header.top < header.row && !m ? reader.own(header.top, column) : "";
  if (upper && (!reader.own(header.row, column) || reader.own(header.row, column) === upper)) row = header.top;
  return { role, column, letter: columnLetter(column), header: text, cell: cellAddress(row, m ? m.left : column) };
}

function leftColumns(
  rows: Rows,
  header: HeaderRow,
  leftmost: number,
  out: Pick<ColumnLayout, "columns" | "labelColumns" | "projectColumns">
): void {
  for (let c = 1; c < leftmost; c++) {
    const role = header.roles.get(c) ?? null;
    const text = header.texts.get(c) ?? rows.reader.own(header.row, c);
    const key = text ? matchFieldLabel(text) : null;
    const project =
      role !== "label" &&
      text !== "" &&
      (key !== null || (!isLabelHeader(text) && !texts(rows, c).some(looksLikeCategory)));
    if (project) {
      out.projectColumns.push({ column: c, key, header: text });
      out.columns.push(columnOf(rows.reader, header, "other", c, text));
      continue;
    }
    out.labelColumns.push(c);
    if (role === null && !text && texts(rows, c).length === 0) continue;
    out.columns.push(columnOf(rows.reader, header, "label", c, text));
  }
}

/** A label column ("指标") that holds the 一级 categories when no column is headed 一级: it is the 一级 column. */
function categoriesInLabel(
  rows: Rows,
  layout: Pick<ColumnLayout, "columns" | "labelColumns">,
  roles: Partial<Record<ColumnRole, number>>
): void {
  for (let k = layout.columns.length - 1; k >= 0; k--) {
    const col = layout.columns[k];
    if (col.role !== "label") continue;
    const cells = texts(rows, col.column).filter((t) => t !== col.header);
    if (cells.length === 0 || cells.filter((t) => matchLevel1(t) !== null).length * 2 < cells.length) continue;
    layout.columns[k] = { ...col, role: "level1" };
    layout.labelColumns.splice(layout.labelColumns.indexOf(col.column), 1);
    roles.level1 = col.column;
    return;
  }
}

/** No column headed 三级/指标名称: the unnamed column between the categories and the value that holds names. */
function nameByContent(
  rows: Rows,
  layout: { columns: IndicatorColumn[]; roles: Partial<Record<ColumnRole, number>> },
  unnamed: ReadonlySet<number>
): void {
  const { level1, level2, value } = layout.roles;
  if (value === undefined) return;
  const after = Math.max(level1 ?? 0, level2 ?? 0);
  for (const col of layout.columns) {
    if (col.column <= after || col.column >= value || col.role !== "other" || !unnamed.has(col.column)) continue;
    const cells = texts(rows, col.column);
    if (cells.length * 2 < rows.last - rows.first + 1 || cells.some((t) => valueLikeness(t) === 2 && t.length <= 8))
      continue;
    layout.columns[layout.columns.indexOf(col)] = { ...col, role: "name" };
    layout.roles.name = col.column;
    return;
  }
}

/** Roles the cells show where the header named none (blank or unfamiliar header, a 备注 column filled like explanations). */
function rolesByContent(
  rows: Rows,
  layout: {
    columns: IndicatorColumn[];
    roles: Partial<Record<ColumnRole, number>>;
  },
  unnamed: ReadonlySet<number>,
  remark: number | null
): void {
  if (layout.roles.name === undefined) nameByContent(rows, layout, unnamed);
  const from = layout.roles.name ?? layout.roles.value ?? 0;
  const tests: [ColumnRole, (rows: Rows, c: number) => boolean][] = [
    ["explanation", looksLikeExplanationColumn],
    ["operator", looksLikeOperatorColumn],
    ["unit", looksLikeUnitColumn],
  ];
  for (const [role, test] of tests) {
    if (layout.roles[role] !== undefined) continue;
    const candidates = layout.columns.filter(
      (col) => col.column > from && col.role === "other" && (unnamed.has(col.column) || col.column === remark)
    );
    // a remark column only when nothing else fits
    candidates.sort((a, b) => Number(a.column === remark) - Number(b.column === remark) || a.column - b.column);
    for (const col of candidates) {
      if (role !== "explanation" && col.column === remark) continue;
      if (!test(rows, col.column)) continue;
      layout.columns[layout.columns.indexOf(col)] = { ...col, role };
      layout.roles[role] = col.column;
      break;
    }
  }
}

/** Final column roles of the block between firstRow and lastRow. */
export function resolveColumns(
  reader: SheetReader,
  header: HeaderRow,
  firstRow: number,
  lastRow: number,
  right: number
): ColumnLayout {
  const rows: Rows = { reader, first: firstRow, last: lastRow };
  const roles: Partial<Record<ColumnRole, number>> = {};
  const layout = {
    columns: [] as IndicatorColumn[],
    labelColumns: [] as number[],
    projectColumns: [] as ProjectColumn[],
  };
  const indicatorColumns = [...header.roles.entries()].filter(([, r]) => SINGLE_ROLES.has(r)).map(([c]) => c);
  const leftmost = Math.min(...indicatorColumns);
  leftColumns(rows, header, leftmost, layout);
  if (![...header.roles.values()].includes("level1")) categoriesInLabel(rows, layout, roles);
  const label = layout.columns.find((c) => c.role === "label");
  if (label) roles.label = label.column;
  const unnamed = new Set<number>();
  let remark: number | null = null;
  const lastCol = Math.max(right, header.lastColumn);
  for (let c = leftmost; c <= lastCol; c++) {
    let role = header.roles.get(c) ?? null;
    const text = header.texts.get(c) ?? reader.own(header.row, c);
    if (role === "label") role = "other";
    if (role === "remark") remark = c;
    if (role === null || role === "remark") {
      if (role === null && texts(rows, c).length === 0) continue;
      if (role === null && (text === "" || !isSubHeader(text))) unnamed.add(c);
      role = "other";
    }
    layout.columns.push(columnOf(reader, header, role, c, text));
    if (role !== "other" && roles[role] === undefined) roles[role] = c;
  }
  rolesByContent(rows, { columns: layout.columns, roles }, unnamed, remark);
  const structural = new Set<number>();
  const count = lastRow - firstRow + 1;
  for (const col of layout.columns) {
    if (col.role === "other" && col.header === "" && texts(rows, col.column).length >= count * 0.5)
      structural.add(col.column);
  }
  return { ...layout, roles, right: lastCol, structural };
}

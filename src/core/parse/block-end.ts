/**
 * Where an indicator block ends: before an empty gap, a title, the next table's header fields, or
 * a row that is not an indicator but closes the table — an approval or sign-off row
 * ("财政部门审核意见 | （盖章）", "填表人：…"), a remarks row ("其他需说明的问题", "说明 | 无"), a total
 * ("总分 | 100", "合计") or a footnote ("注：…", "★为核心指标").
 */
import { isTitleText, matchFieldLabel, trailerKind } from "../vocabulary/fields";
import { looksLikeCategory } from "../vocabulary/levels";
import { matchColumnHeader } from "../vocabulary/column-headers";
import type { HeaderRow } from "./columns";
import type { SheetReader } from "./reader";
import { valueLikeness } from "./value";

/** Field labels that start a new table's header area: a block never runs through them. */
const TABLE_START_FIELDS = new Set([
  "项目名称",
  "部门名称",
  "项目负责人",
  "主管部门",
  "实施单位",
  "年度目标",
  "预算资金",
]);

export function findBlockEnd(
  reader: SheetReader,
  header: HeaderRow,
  limit: number,
  skipRows: ReadonlySet<number>
): number {
  let valueColumn = -1;
  for (const [c, role] of header.roles) if (role === "value") valueColumn = c;
  let last = header.row;
  for (let r = header.row + 1; r <= limit; r++) {
    if (skipRows.has(r)) continue;
    if (reader.rowIsEmpty(r)) {
      if (mergeContinuesBelow(reader, r, last) || gapInsideBlock(reader, header, r, limit, valueColumn)) continue;
      break;
    }
    if (isStopRow(reader, r, valueColumn)) break;
    last = r;
  }
  return last;
}

/** A single empty row between indicator rows (the row after it opens a category or holds a value where the values are). */
function gapInsideBlock(
  reader: SheetReader,
  header: HeaderRow,
  row: number,
  limit: number,
  valueColumn: number
): boolean {
  const next = row + 1;
  if (row === header.row + 1 || next > limit || reader.rowIsEmpty(next) || isStopRow(reader, next, valueColumn))
    return false;
  for (const [c, role] of header.roles) {
    const text = reader.own(next, c);
    if ((role === "level1" || role === "level2") && looksLikeCategory(text) && !matchColumnHeader(text)) return true;
  }
  return valueColumn > 0 && valueLikeness(reader.own(next, valueColumn)) === 2;
}

function mergeContinuesBelow(reader: SheetReader, row: number, blockLast: number): boolean {
  for (let c = 1; c <= Math.min(reader.columnCount, 4); c++) {
    const m = reader.mergeAt(row, c);
    if (m && m.top <= blockLast && m.bottom > row) return true;
  }
  return false;
}

interface FirstTexts {
  first: string;
  second: string;
  column: number;
  seen: number;
}

/** Scratch for the row being looked at (one object for the whole sheet: no garbage per row). */
const SCRATCH: FirstTexts = { first: "", second: "", column: -1, seen: 0 };

/** The first two own texts of a row, their count up to 5, and the first text's column. */
function firstTexts(reader: SheetReader, row: number): FirstTexts {
  const out = SCRATCH;
  out.seen = 0;
  out.first = out.second = "";
  out.column = -1;
  for (let c = 1; c <= reader.columnCount && out.seen < 5; c++) {
    const text = reader.own(row, c);
    if (!text) continue;
    out.seen++;
    if (out.seen === 1) {
      out.first = text;
      out.column = c;
    } else if (out.seen === 2) out.second = text;
  }
  return out;
}

/** The title of another table ("项目成本测算表"): alone on its row, merged across the table or named as a list of figures. */
function isOtherTitle(reader: SheetReader, row: number, column: number, text: string): boolean {
  if (!/^[^≥≤=<>\d]{2,38}表$/.test(text)) return false;
  const m = reader.mergeAt(row, column);
  return (m !== undefined && m.right - m.left >= 2) || /(测算|明细|一览|汇总|清单|分配|安排|计算)表$/.test(text);
}

/** A row that closes the block (it and everything below it are not indicators). */
function isStopRow(reader: SheetReader, row: number, valueColumn: number): boolean {
  const { first, second, column, seen } = firstTexts(reader, row);
  if (seen === 0) return false;
  const kind = trailerKind(first);
  if (kind === "remark" || kind === "total") return true;
  if (kind !== null) {
    // an indicator whose name happens to read like one ("审核意见采纳率 | ≥90%") keeps its value
    const value = valueColumn > 0 && valueColumn !== column ? reader.own(row, valueColumn) : "";
    return !(value && valueLikeness(value) === 2);
  }
  // titles (of this kind of table or another: "项目成本测算表") and the next table's header fields stand on rows with few cells
  if (seen <= 2 && (isTitleText(first) || (second !== "" && isTitleText(second)))) return true;
  if (seen === 1 && isOtherTitle(reader, row, column, first)) return true;
  // the column header line of another table ("序号 | 支出内容 | 单价 | 数量 | 金额")
  if (/^序号$/.test(first)) return true;
  if (seen <= 4) {
    for (const text of [first, second]) {
      if (!text) continue;
      const key = matchFieldLabel(text);
      if (key && TABLE_START_FIELDS.has(key)) return true;
    }
  }
  return false;
}

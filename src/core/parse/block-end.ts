/**
 * Where an indicator block ends: before an empty gap, a title, the next table's header fields, or
 * a row that is not an indicator but closes the table — an approval or sign-off row
 * ("财政部门审核意见 | （盖章）", "填表人：…"), a remarks row ("其他需说明的问题", "说明 | 无"), a total
 * ("总分 | 100", "合计") or a footnote ("注：…", "★为核心指标").
 */
import { isTitleText, matchFieldLabel, trailerKind } from "../vocabulary/fields";
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
      if (mergeContinuesBelow(reader, r, last)) continue;
      break;
    }
    if (isStopRow(reader, r, valueColumn)) break;
    last = r;
  }
  return last;
}

function mergeContinuesBelow(reader: SheetReader, row: number, blockLast: number): boolean {
  for (let c = 1; c <= Math.min(reader.columnCount, 4); c++) {
    const m = reader.mergeAt(row, c);
    if (m && m.top <= blockLast && m.bottom > row) return true;
  }
  return false;
}

/** The first two own texts of a row, their count up to 5, and the first text's column. */
function firstTexts(reader: SheetReader, row: number): { first: string; second: string; column: number; seen: number } {
  let seen = 0;
  let first = "";
  let second = "";
  let column = -1;
  for (let c = 1; c <= reader.columnCount && seen < 5; c++) {
    const text = reader.own(row, c);
    if (!text) continue;
    seen++;
    if (seen === 1) {
      first = text;
      column = c;
    } else if (seen === 2) second = text;
  }
  return { first, second, column, seen };
}

/** A row that closes the block (it and everything below it are not indicators). */
export function isStopRow(reader: SheetReader, row: number, valueColumn: number): boolean {
  const { first, second, column, seen } = firstTexts(reader, row);
  if (seen === 0) return false;
  const kind = trailerKind(first);
  if (kind === "remark" || kind === "total") return true;
  if (kind !== null) {
    // an indicator whose name happens to read like one ("审核意见采纳率 | ≥90%") keeps its value
    const value = valueColumn > 0 && valueColumn !== column ? reader.own(row, valueColumn) : "";
    return !(value && valueLikeness(value) === 2);
  }
  // titles and the next table's header fields stand on rows with few cells (an indicator row has more)
  if (seen <= 2 && (isTitleText(first) || (second !== "" && isTitleText(second)))) return true;
  if (seen <= 4) {
    for (const text of [first, second]) {
      if (!text) continue;
      const key = matchFieldLabel(text);
      if (key && TABLE_START_FIELDS.has(key)) return true;
    }
  }
  return false;
}

/**
 * The header area above an indicator block: title, budget year, kind, the label/value header
 * fields (header-fields.ts) and the budget figures (budget.ts).
 */
import { cellAddress } from "../grid";
import type { Budget, HeaderField, TableKind } from "../model";
import { matchKey } from "../text";
import { isTitleText } from "../vocabulary/fields";
import { budgetOf } from "./budget";
import { readFields, startsTable } from "./header-fields";
import type { SheetReader } from "./reader";

export interface HeaderArea {
  /** First row of the area (title lines included). */
  readonly from: number;
  readonly title: string | null;
  readonly titleCell: string | null;
  readonly titleRow: number | null;
  /** First row of the table proper (first header field or block label), or the indicator header row. */
  readonly top: number;
  readonly fields: HeaderField[];
  readonly budgetYear: number | null;
  readonly kind: TableKind;
  readonly budget: Budget | null;
}

function yearIn(text: string): number | null {
  const m = /(19[9]\d|20\d\d)\s*年/.exec(text) ?? /^\s*[(（]?\s*(19[9]\d|20\d\d)\s*[)）]?\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Reads rows [from, to] (to = the indicator header row − 1). */
export function readHeaderArea(reader: SheetReader, from: number, to: number): HeaderArea {
  let title: string | null = null;
  let titleCell: string | null = null;
  let titleRow: number | null = null;
  let top = to + 1;
  // the table starts at the first row with a field, group or block label
  for (let r = from; r <= to && top > to; r++) if (reader.rowCells(r).some((c) => startsTable(c.text))) top = r;
  let subtitleYear: number | null = null;
  for (let r = from; r < top; r++) {
    for (const c of reader.rowCells(r)) {
      if (isTitleText(c.text)) {
        title = c.text;
        titleCell = cellAddress(r, c.column);
        titleRow = r;
      } else if (subtitleYear === null && c.text.length <= 12) {
        subtitleYear = yearIn(c.text);
      }
    }
  }
  let fields = readFields(reader, top, to);
  const kind = kindOf(title, fields);
  // a department's 年度（总体）目标 is its 绩效目标 (what the department table requires)
  if (kind === "department" && !fields.some((f) => f.key === "绩效目标"))
    fields = fields.map((f) => (f.key === "年度目标" ? { ...f, key: "绩效目标" } : f));
  let budgetYear = title ? yearIn(title) : null;
  if (budgetYear === null) budgetYear = subtitleYear;
  if (budgetYear === null) {
    // not from 年度目标: a target text names other years (the ones stale-year checks)
    for (const key of ["项目名称", "实施时间"]) {
      const f = fields.find((x) => x.key === key);
      const y = f ? yearIn(f.value) : null;
      if (y !== null) {
        budgetYear = y;
        break;
      }
    }
  }
  return {
    from,
    title,
    titleCell,
    titleRow,
    top,
    fields,
    budgetYear,
    kind,
    budget: budgetOf(fields, reader, from, to),
  };
}

function kindOf(title: string | null, fields: readonly HeaderField[]): TableKind {
  if (title) {
    const k = matchKey(title);
    if (/部门(\(单位\))?整体|单位整体|整体支出|整体绩效/.test(k)) return "department";
    if (/项目|政策|专项/.test(k)) return "project";
  }
  const keys = new Set(fields.map((f) => f.key));
  if (keys.has("项目名称")) return "project";
  if (keys.has("部门名称") || keys.has("基本支出") || keys.has("职能描述") || keys.has("绩效目标")) return "department";
  return "unknown";
}

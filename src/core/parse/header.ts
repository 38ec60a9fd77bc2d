/**
 * The header area above an indicator block: title, budget year, kind, and the label/value header
 * fields (项目名称, 联系电话, 预算资金 …), with the budget figures.
 */
import { cellAddress } from "../grid";
import type { Budget, BudgetPart, HeaderField, TableKind } from "../model";
import { matchKey, stripTags } from "../text";
import {
  isBlockLabel,
  isSignOff,
  isSubHeader,
  isTitleText,
  matchFieldLabel,
  matchGroupLabel,
  moneyUnitIn,
} from "../vocabulary";
import type { SheetReader } from "./reader";

export interface HeaderArea {
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

const PART_KEYS = new Set(["财政拨款", "其他资金", "基本支出", "项目支出"]);
const TOTAL_KEYS = new Set(["预算资金"]);
const TEXT_TARGET_KEYS = new Set(["年度目标", "长期目标", "绩效目标"]);

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
  for (let r = from; r <= to; r++) {
    const cells = reader.rowCells(r);
    if (
      cells.some(
        (c) => matchFieldLabel(c.text) || matchGroupLabel(c.text) || isBlockLabel(c.text) || isCombinedField(c.text)
      )
    ) {
      top = r;
      break;
    }
  }
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
  const fields = readFields(reader, top, to);
  const kind = kindOf(title, fields);
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
  return { title, titleCell, titleRow, top, fields, budgetYear, kind, budget: budgetOf(fields, reader, top, to) };
}

function kindOf(title: string | null, fields: readonly HeaderField[]): TableKind {
  if (title) {
    const k = matchKey(title);
    if (/部门(\(单位\))?整体|单位整体|整体支出/.test(k)) return "department";
    if (/项目|政策|专项/.test(k)) return "project";
  }
  const keys = new Set(fields.map((f) => f.key));
  if (keys.has("项目名称")) return "project";
  if (keys.has("部门名称") || keys.has("基本支出") || keys.has("职能描述") || keys.has("绩效目标")) return "department";
  return "unknown";
}

/** "计划1：…", "<p>年度目标</p> <p>…</p>": a label and its value in one cell. */
function combinedField(text: string): { key: string; number: string | null } | null {
  const plan = /^计划\s*(\d+)\s*[:：]/.exec(text);
  if (plan) return { key: "计划", number: plan[1] };
  if (text.length < 8) return null;
  const stripped = stripTags(text);
  const m = /^([^\s:：，。]{2,12})([\s:：]+)\S/.exec(stripped);
  if (!m) return null;
  const key = matchFieldLabel(m[1]);
  if (!key) return null;
  // "<p>年度目标</p> <p>…": a label inside markup; "年度目标：…": a target text after its label
  if (stripped !== text.trim() || (/[:：]/.test(m[2]) && TEXT_TARGET_KEYS.has(key))) return { key, number: null };
  return null;
}

function isCombinedField(text: string): boolean {
  return combinedField(text) !== null;
}

interface ActiveGroup {
  key: string;
  label: string;
  column: number;
  lastRow: number;
  unit: "元" | "万元" | null;
}

function readFields(reader: SheetReader, from: number, to: number): HeaderField[] {
  const fields: HeaderField[] = [];
  let group: ActiveGroup | null = null;
  const counters = new Map<string, number>();
  for (let r = from; r <= to; r++) {
    const cells = reader.rowCells(r);
    if (cells.length === 0) continue;
    if (isSignOff(cells[0].text)) continue;
    // a group ends where a cell at or left of its column starts something new
    if (group && (r > group.lastRow || cells[0].column <= group.column)) {
      const startsNew = cells[0].column <= group.column;
      if (startsNew || r > group.lastRow) group = null;
    }
    const consumed = new Set<number>();
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (consumed.has(cell.column)) continue;
      const text = cell.text;
      const nextCell = cells[i + 1];
      if (
        isBlockLabel(text) &&
        (!matchFieldLabel(text) || (nextCell && matchFieldLabel(nextCell.text) === matchFieldLabel(text)))
      )
        continue;
      const groupKey = matchGroupLabel(text);
      if (groupKey) {
        const m = reader.mergeAt(r, cell.column);
        group = {
          key: groupKey,
          label: text,
          column: cell.column,
          lastRow: m ? m.bottom : to,
          unit: moneyUnitIn(text),
        };
        continue;
      }
      if (isSubHeader(text)) {
        if (group) group.unit ??= moneyUnitIn(text);
        continue;
      }
      const combined = combinedField(text);
      if (combined) {
        const key = combined.number ? `${combined.key}${combined.number}` : combined.key;
        fields.push(field(key, null, text, reader, r, cell.column, null, null, group));
        continue;
      }
      let key = matchFieldLabel(text);
      let subLabel = false;
      if (!key && group && (/^\d{1,2}$/.test(text) || /^计划\s*\d+\s*[:：]?$/.test(text))) {
        const n = /\d+/.exec(text)![0];
        key = group.key === "明细目标" ? `明细目标${n}` : group.key === "计划" ? `计划${n}` : `${group.key}${n}`;
        subLabel = true;
      }
      if (!key) continue;
      if (!subLabel && group && group.key === "明细目标" && /^\d/.test(text)) continue;
      // the value: the next cell to the right that is not itself a label; else the (blank) cell right of the label
      let valueColumn: number | null = null;
      const next = cells[i + 1];
      if (next && !matchFieldLabel(next.text) && !matchGroupLabel(next.text)) {
        valueColumn = next.column;
        consumed.add(next.column);
      }
      const labelMerge = reader.mergeAt(r, cell.column);
      const blankValueColumn = (labelMerge ? labelMerge.right : cell.column) + 1;
      const unit = moneyUnitIn(text) ?? group?.unit ?? null;
      if (valueColumn !== null) {
        fields.push(field(key, text, reader.own(r, valueColumn), reader, r, valueColumn, cell.column, unit, group));
      } else {
        // the blank value cell right of the label; none when the label is at the sheet's right edge
        fields.push(
          field(
            key,
            text,
            "",
            reader,
            r,
            blankValueColumn <= reader.columnCount ? blankValueColumn : null,
            cell.column,
            unit,
            group
          )
        );
      }
      counters.set(key, (counters.get(key) ?? 0) + 1);
    }
  }
  return fields;
}

function field(
  key: string,
  label: string | null,
  value: string,
  reader: SheetReader,
  row: number,
  valueColumn: number | null,
  labelColumn: number | null,
  unit: "元" | "万元" | null,
  group: ActiveGroup | null
): HeaderField {
  const raw = valueColumn !== null ? reader.raw(row, valueColumn) : undefined;
  const type = value === "" ? "empty" : (raw?.type ?? "text");
  return {
    key,
    label,
    value,
    valueType: type === "empty" ? "empty" : type,
    labelCell: labelColumn !== null ? cellAddress(row, labelColumn) : null,
    valueCell: valueColumn !== null ? cellAddress(row, valueColumn) : null,
    group: group?.label ?? null,
    unit: unit ?? group?.unit ?? null,
  };
}

export function amountOf(text: string): number | null {
  const t = text.replace(/[,，\s]/g, "").replace(/(万元|元)$/, "");
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

function budgetOf(fields: readonly HeaderField[], reader: SheetReader, from: number, to: number): Budget | null {
  const total = fields.find((f) => TOTAL_KEYS.has(f.key));
  const parts: BudgetPart[] = fields
    .filter((f) => PART_KEYS.has(f.key))
    .map((f) => ({ key: f.key, label: f.label ?? f.key, amount: amountOf(f.value), cell: f.valueCell }));
  if (!total && parts.length === 0) return null;
  let unit = total?.unit ?? fields.find((f) => PART_KEYS.has(f.key) && f.unit)?.unit ?? null;
  if (!unit) {
    // a unit stated anywhere in the header area ("单位：万元", "预算金额(万元)")
    for (let r = from; r <= to && !unit; r++)
      for (const c of reader.rowCells(r)) if (!unit && c.text.length <= 20) unit = moneyUnitIn(c.text);
  }
  return {
    amount: total ? amountOf(total.value) : null,
    unit,
    cell: total?.valueCell ?? null,
    label: total?.label ?? null,
    parts,
  };
}

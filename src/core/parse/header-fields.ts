/**
 * The label/value header fields above an indicator block (项目名称, 联系电话, 预算资金, 年度目标 …),
 * wherever the value sits: right of its label ("项目名称 | X"), right of a sub-label under a label
 * that only groups ("预算资金（万元） | 资金总额 | 680"), in the merged area below its label
 * ("年度目标" over the target text; "长期目标 | 年度目标" over two texts), under the planned
 * column of a sub-header line ("年度总体目标 | 预期目标 | 实际完成情况" over two texts; "年初预算数
 * | 全年预算数 | 全年执行数" over the amounts), or in the label's own cell ("资金总额：250").
 */
import { cellAddress } from "../grid";
import type { HeaderField, MoneyUnit } from "../model";
import { stripTags } from "../text";
import {
  isBlockLabel,
  isSignOff,
  isSubHeader,
  isTargetSubHeader,
  matchFieldLabel,
  matchGroupLabel,
  moneyUnitIn,
} from "../vocabulary/fields";
import { amountOf } from "./budget";
import type { SheetReader } from "./reader";

const TEXT_TARGET_KEYS = new Set(["年度目标", "长期目标", "绩效目标"]);
const MONEY_KEYS = new Set(["预算资金", "财政拨款", "其他资金", "基本支出", "项目支出"]);

interface Cell {
  readonly column: number;
  readonly text: string;
}

interface ActiveGroup {
  key: string;
  label: string;
  column: number;
  lastRow: number;
  unit: MoneyUnit | null;
  /** Columns of the planned figures under a sub-header line ("年初预算数 | 全年预算数"), when the group has one. */
  targets?: number[];
}

/** "计划1：…", "<p>年度目标</p> <p>…</p>", "资金总额：250": a label and its value in one cell. */
function combinedField(text: string): { key: string; number: string | null } | null {
  const plan = /^计划\s*(\d+)\s*[:：]/.exec(text);
  if (plan) return { key: "计划", number: plan[1] };
  if (text.length < 6) return null;
  const stripped = stripTags(text);
  const m = /^([^\s:：，。]{2,12})([\s:：]+)(\S.*)$/.exec(stripped);
  if (!m) return null;
  const key = matchFieldLabel(m[1]);
  if (!key) return null;
  const colon = /[:：]/.test(m[2]);
  // "<p>年度目标</p> <p>…": a label inside markup; "年度目标：…": a target text after its label; "资金总额：250"
  if (stripped !== text.trim() || (colon && TEXT_TARGET_KEYS.has(key))) return { key, number: null };
  if (colon && MONEY_KEYS.has(key) && amountOf(m[3]) !== null) return { key, number: null };
  return null;
}

function isLabelCell(text: string): boolean {
  return matchFieldLabel(text) !== null || matchGroupLabel(text) !== null || combinedField(text) !== null;
}

class FieldReader {
  readonly fields: HeaderField[] = [];
  private group: ActiveGroup | null = null;

  constructor(
    private readonly reader: SheetReader,
    private readonly from: number,
    private readonly to: number
  ) {}

  read(): HeaderField[] {
    for (let r = this.from; r <= this.to; r++) {
      const cells = this.reader.rowCells(r);
      if (cells.length === 0 || isSignOff(cells[0].text)) continue;
      // a group ends where a cell at or left of its column starts something new
      if (this.group && (r > this.group.lastRow || cells[0].column <= this.group.column)) this.group = null;
      this.row(r, cells);
    }
    return this.fields;
  }

  private row(r: number, cells: readonly Cell[]): void {
    const consumed = new Set<number>();
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (consumed.has(cell.column)) continue;
      const text = cell.text;
      const next = cells[i + 1];
      if (
        isBlockLabel(text) &&
        (!matchFieldLabel(text) || (next && matchFieldLabel(next.text) === matchFieldLabel(text)))
      ) {
        // "资金情况（万元）": a block label that states the unit of the amounts it holds
        if (moneyUnitIn(text)) this.startGroup(r, cell, "预算");
        continue;
      }
      const groupKey = matchGroupLabel(text);
      if (groupKey) {
        this.startGroup(r, cell, groupKey);
        continue;
      }
      if (isSubHeader(text)) {
        if (this.group) this.group.unit ??= moneyUnitIn(text);
        continue;
      }
      const combined = combinedField(text);
      if (combined) {
        const key = combined.number ? `${combined.key}${combined.number}` : combined.key;
        this.push(key, null, text, r, cell.column, null, moneyUnitIn(text));
        continue;
      }
      // a number is a sub-label ("明细目标 | 1 | …") only right after its group's label column
      const key = this.keyOf(text, i === 0 || cells[i - 1].column <= (this.group?.column ?? 0));
      if (!key) continue;
      this.label(r, cells, i, key, consumed);
    }
  }

  /** The field key of a label, or of a numbered sub-label inside a group ("1" under 明细目标 → 明细目标1). */
  private keyOf(text: string, first = true): string | null {
    const key = matchFieldLabel(text);
    const group = this.group;
    if (!key && group && first && !group.targets && (/^\d{1,2}$/.test(text) || /^计划\s*\d+\s*[:：]?$/.test(text))) {
      const n = /\d+/.exec(text)![0];
      return `${group.key}${n}`;
    }
    if (key && group && group.key === "明细目标" && /^\d/.test(text)) return null;
    return key;
  }

  private startGroup(r: number, cell: Cell, key: string): void {
    const m = this.reader.mergeAt(r, cell.column);
    this.group = {
      key,
      label: cell.text,
      column: cell.column,
      lastRow: m ? m.bottom : this.to,
      unit: moneyUnitIn(cell.text),
    };
  }

  /** A label: find where its value is. */
  private label(r: number, cells: readonly Cell[], i: number, key: string, consumed: Set<number>): void {
    const cell = cells[i];
    const next = cells[i + 1];
    const m = this.reader.mergeAt(r, cell.column);
    const right = m ? m.right : cell.column;
    const bottom = m ? m.bottom : r;
    const unit = moneyUnitIn(cell.text);
    const targets = this.group?.targets;
    if (targets) {
      // under "年初预算数 | 全年预算数 | 全年执行数": the first planned figure that is filled
      const column = targets.find((c) => this.reader.own(r, c) !== "") ?? targets[0];
      this.push(key, cell.text, this.reader.own(r, column), r, column, cell.column, unit);
      for (const c of cells) if (c.column > cell.column) consumed.add(c.column);
      return;
    }
    if (next && !isLabelCell(next.text) && !isSubHeader(next.text)) {
      consumed.add(next.column);
      this.push(key, cell.text, this.reader.own(r, next.column), r, next.column, cell.column, unit);
      return;
    }
    if (next && isSubHeader(next.text)) {
      this.subHeaderLine(r, cells, i, key, bottom);
      return;
    }
    const below = this.cellBelow(bottom + 1, cell.column, right);
    if (below) {
      this.push(key, cell.text, below.text, below.row, below.column, cell.column, unit, r);
      return;
    }
    if (next && next.column === right + 1) {
      // "预算资金（万元） | 资金总额 | 680": a label that only groups the sub-label right after it
      this.group = {
        key,
        label: cell.text,
        column: cell.column,
        lastRow: bottom,
        unit: unit ?? this.group?.unit ?? null,
      };
      return;
    }
    // the blank value cell right of the label; none when the label is at the sheet's right edge
    this.push(key, cell.text, "", r, right + 1 <= this.reader.columnCount ? right + 1 : null, cell.column, unit);
  }

  /** "年度总体目标 | 预期目标 | 实际完成情况" (values below), or "预算资金 | 年初预算数 | …" over labelled rows (a group). */
  private subHeaderLine(r: number, cells: readonly Cell[], i: number, key: string, bottom: number): void {
    const cell = cells[i];
    const subs = cells.slice(i + 1).filter((c) => isSubHeader(c.text));
    const unit = moneyUnitIn(cell.text) ?? subs.map((s) => moneyUnitIn(s.text)).find((u) => u) ?? null;
    const targets = subs.filter((s) => isTargetSubHeader(s.text));
    // labelled rows below (within the label's merge, or right below an unmerged label): a group of them
    if (this.rowsHaveLabels(r + 1, Math.max(bottom, r + 1))) {
      const lastRow = bottom > r ? bottom : this.to;
      const group: ActiveGroup = { key, label: cell.text, column: cell.column, lastRow, unit };
      if (targets.length > 0) group.targets = targets.map((s) => s.column);
      this.group = group;
      return;
    }
    const target = targets[0];
    const span = target ? this.span(r, target.column) : this.span(r, cell.column);
    const below = this.cellBelow(r + 1, span[0], span[1], Math.max(bottom, r + 1));
    if (below) this.push(key, cell.text, below.text, below.row, below.column, cell.column, unit, r);
    else this.push(key, cell.text, "", r, target ? target.column : null, cell.column, unit);
  }

  private span(r: number, column: number): [number, number] {
    const m = this.reader.mergeAt(r, column);
    return [column, m ? m.right : column];
  }

  private rowsHaveLabels(from: number, to: number): boolean {
    for (let r = from; r <= Math.min(to, this.to); r++)
      if (this.reader.rowCells(r).some((c) => isLabelCell(c.text))) return true;
    return false;
  }

  /** The text in the rows [from, until] starting within columns [left, right], on rows with no label. */
  private cellBelow(
    from: number,
    left: number,
    right: number,
    until = from
  ): { row: number; column: number; text: string } | null {
    for (let r = from; r <= Math.min(until, this.to); r++) {
      // a label repeated from the row above (a group label filled down instead of merged) is no new label
      const cells = this.reader
        .rowCells(r)
        .filter((c) => c.text !== this.reader.own(r - 1, c.column) || c.column >= left);
      if (cells.some((c) => isLabelCell(c.text) || isSubHeader(c.text) || this.keyOf(c.text) !== null)) return null;
      const hit = cells.find((c) => c.column >= left && c.column <= right);
      if (hit) return { row: r, column: hit.column, text: hit.text };
    }
    return null;
  }

  private push(
    key: string,
    label: string | null,
    value: string,
    row: number,
    valueColumn: number | null,
    labelColumn: number | null,
    unit: MoneyUnit | null,
    labelRow = row
  ): void {
    const raw = valueColumn !== null ? this.reader.raw(row, valueColumn) : undefined;
    const type = value === "" ? "empty" : (raw?.type ?? "text");
    const group = this.group;
    this.fields.push({
      key,
      label,
      value,
      valueType: type === "empty" ? "empty" : type,
      labelCell: labelColumn !== null ? cellAddress(labelRow, labelColumn) : null,
      valueCell: valueColumn !== null ? cellAddress(row, valueColumn) : null,
      group: group?.label ?? null,
      unit: unit ?? group?.unit ?? null,
    });
  }
}

/** Reads the header fields of rows [from, to]. */
export function readFields(reader: SheetReader, from: number, to: number): HeaderField[] {
  return new FieldReader(reader, from, to).read();
}

/** True when a cell of the header area starts the table proper (a field, group, block label or label:value cell). */
export function startsTable(text: string): boolean {
  return (
    matchFieldLabel(text) !== null ||
    matchGroupLabel(text) !== null ||
    isBlockLabel(text) ||
    combinedField(text) !== null
  );
}

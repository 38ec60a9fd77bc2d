/**
 * The indicator block: the rows under the header row, each read as 一级 / 二级 / 三级 / 指标值 /
 * 指标解释 …; 一级/二级 groups from vertical merges, blank continuation cells or repeated text;
 * shifted rows (a messy paste) realigned by content.
 */
import { cellAddress, rangeAddress } from "../grid";
import type {
  ColumnRole,
  Indicator,
  IndicatorBlock,
  IndicatorLevel1,
  IndicatorLevel2,
  IndicatorRowKind,
  Level1Name,
  Level2Name,
} from "../model";
import { isBlankText } from "../text";
import {
  isSignOff,
  isTitleText,
  LEVEL2_PARENTS,
  looksLikeCategory,
  matchColumnHeader,
  matchFieldLabel,
  matchLevel1,
  matchLevel2,
} from "../vocabulary";
import { resolveColumns, type ColumnLayout, type HeaderRow } from "./columns";
import type { SheetReader } from "./reader";
import { parseTargetValue, valueLikeness } from "./value";

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

interface Group {
  text: string;
  cell: string | null;
  firstRow: number;
  lastRow: number;
}

interface RowParts {
  l1: { text: string; column: number } | null;
  l2: { text: string; column: number } | null;
  name: { text: string; column: number } | null;
  value: { text: string; column: number } | null;
  explanation: { text: string; column: number } | null;
  realigned: boolean;
}

function isLabelText(text: string): boolean {
  return matchColumnHeader(text) === "label";
}

/** Where the block ends: the last row before an empty gap, a title, a sign-off row or the next table's header area. */
export function findBlockEnd(
  reader: SheetReader,
  headerRow: number,
  limit: number,
  skipRows: ReadonlySet<number>
): number {
  let last = headerRow;
  for (let r = headerRow + 1; r <= limit; r++) {
    if (skipRows.has(r)) continue;
    if (reader.rowIsEmpty(r)) {
      if (mergeContinuesBelow(reader, r, last)) continue;
      break;
    }
    if (isStopRow(reader, r)) break;
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

function isStopRow(reader: SheetReader, row: number): boolean {
  let seen = 0;
  let first = "";
  let second = "";
  for (let c = 1; c <= reader.columnCount; c++) {
    const text = reader.own(row, c);
    if (!text) continue;
    seen++;
    if (seen === 1) first = text;
    else if (seen === 2) second = text;
  }
  if (seen === 0) return false;
  if (isSignOff(first)) return true;
  if (seen <= 2 && /^(注|说明|备注)[:：]/.test(first)) return true;
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

/** Reads the block's rows. */
export function readBlock(
  reader: SheetReader,
  header: HeaderRow,
  lastRow: number,
  skipRows: ReadonlySet<number>
): IndicatorBlock {
  const firstRow = header.row + 1;
  let right = header.lastColumn;
  for (let r = firstRow; r <= lastRow; r++) {
    for (let c = reader.columnCount; c > right; c--) {
      if (reader.own(r, c)) {
        right = c;
        break;
      }
    }
  }
  const layout = resolveColumns(reader, header, firstRow, lastRow, right);
  const reading = new BlockReading(reader, layout);
  for (let r = firstRow; r <= lastRow; r++) {
    if (skipRows.has(r)) continue;
    reading.row(r);
  }
  const rows = reading.finish();
  const merges: string[] = [];
  for (const m of reader.grid.merges) {
    if (m.bottom >= firstRow && m.top <= lastRow && m.left <= layout.right) merges.push(rangeAddress(m));
  }
  return {
    headerRow: header.row,
    firstRow,
    lastRow,
    columns: layout.columns,
    roles: layout.roles,
    rows,
    indicators: rows.filter((i) => i.rowKind === "indicator"),
    merges,
  };
}

interface PendingRow {
  row: number;
  kind: IndicatorRowKind;
  g1: Group | null;
  g2: Group | null;
  /** 二级 text taken from the 一级 column (a 二级 name written one column left). */
  l2FromL1: boolean;
  // the parts as primitives (no object per part kept alive until finish; column -1 = none)
  nameText: string;
  nameColumn: number;
  valueText: string;
  valueColumn: number;
  explanationText: string;
  explanationColumn: number;
}

class BlockReading {
  private g1: Group | null = null;
  private g2: Group | null = null;
  private readonly pending: PendingRow[] = [];
  private readonly roleColumns: Partial<Record<ColumnRole, number>>;
  private readonly known = new Set<number>();
  private readonly labelColumns: ReadonlySet<number>;

  constructor(
    private readonly reader: SheetReader,
    private readonly layout: ColumnLayout
  ) {
    this.roleColumns = layout.roles;
    for (const col of layout.columns)
      if (col.role !== "other" || col.header !== "" || layout.structural.has(col.column)) this.known.add(col.column);
    this.labelColumns = new Set(layout.labelColumns);
  }

  row(r: number): void {
    const positional = this.positional(r);
    const parts = this.isConsistent(r, positional) ? positional : this.realign(r, positional);
    this.applyGroups(r, parts);
    const hasName = !!parts.name && parts.name.text !== "";
    const hasValue = !!parts.value && parts.value.text !== "";
    const hasExplanation = !!parts.explanation && parts.explanation.text !== "";
    let kind: IndicatorRowKind;
    if (hasName || hasValue || hasExplanation) kind = "indicator";
    else if (this.g2 && this.g2.firstRow === r) kind = "blank-level2";
    else if (this.g1 && this.g1.firstRow === r) kind = "category-only";
    else {
      this.extendGroups(r);
      return;
    }
    this.extendGroups(r);
    const l2FromL1 = !!this.g1 && !this.g2 && !matchLevel1(this.g1.text) && !!matchLevel2(this.g1.text);
    this.pending.push({
      row: r,
      kind,
      g1: this.g1,
      g2: this.g2,
      l2FromL1,
      nameText: parts.name?.text ?? "",
      nameColumn: parts.name?.column ?? -1,
      valueText: parts.value?.text ?? "",
      valueColumn: parts.value?.column ?? -1,
      explanationText: parts.explanation?.text ?? "",
      explanationColumn: parts.explanation?.column ?? -1,
    });
  }

  private extendGroups(r: number): void {
    if (this.g1 && this.g1.lastRow < r) this.g1.lastRow = r;
    if (this.g2 && this.g2.lastRow < r) this.g2.lastRow = r;
  }

  private cellOf(r: number, role: ColumnRole): { text: string; column: number } | null {
    const c = this.roleColumns[role];
    if (c === undefined) return null;
    return { text: this.reader.own(r, c), column: c };
  }

  private positional(r: number): RowParts {
    return {
      l1: this.cellOf(r, "level1"),
      l2: this.cellOf(r, "level2"),
      name: this.cellOf(r, "name"),
      value: this.cellOf(r, "value"),
      explanation: this.cellOf(r, "explanation"),
      realigned: false,
    };
  }

  /** A row read by position is trusted unless something is in the wrong column. */
  private isConsistent(r: number, p: RowParts): boolean {
    const reader = this.reader;
    for (let c = 1; c <= this.layout.right; c++) {
      const text = reader.own(r, c);
      if (!text) continue;
      if (this.labelColumns.has(c)) {
        if (!isLabelText(text)) return false;
        continue;
      }
      if (!this.known.has(c)) return false;
    }
    if (p.l1 && p.l1.text && !looksLikeCategory(p.l1.text)) return false;
    if (p.l2 && p.l2.text && !looksLikeCategory(p.l2.text)) return false;
    if (p.name && p.name.text) {
      if (!(p.value && p.value.text && valueLikeness(p.value.text) > 0) && looksLikeCategory(p.name.text)) return false;
      if (/^[≥≤=<>＞＜≧≦＝]|^\d/.test(p.name.text) && valueLikeness(p.name.text) === 2) return false;
    }
    if (
      p.value &&
      p.value.text &&
      p.value.text.length > 24 &&
      valueLikeness(p.value.text) === 0 &&
      p.explanation &&
      !p.explanation.text
    ) {
      return false;
    }
    return true;
  }

  /** Reads a shifted row by content: labels, categories, then name, value, explanation in that order. */
  private realign(r: number, positional: RowParts): RowParts {
    const tokens = this.reader.rowCells(r, 1, Math.max(this.layout.right, this.reader.columnCount));
    let i = 0;
    while (
      i < tokens.length &&
      isLabelText(tokens[i].text) &&
      !matchLevel1(tokens[i].text) &&
      !matchLevel2(tokens[i].text)
    )
      i++;
    let l1: RowParts["l1"] = null;
    let l2: RowParts["l2"] = null;
    const categories: { text: string; column: number }[] = [];
    while (i < tokens.length && !(l1 && l2)) {
      const t = tokens[i];
      if (!looksLikeCategory(t.text)) break;
      const m1 = matchLevel1(t.text);
      const m2 = matchLevel2(t.text);
      const nextIsCategory = i + 1 < tokens.length && looksLikeCategory(tokens[i + 1].text);
      if (m1 && m2) {
        // 成本指标 / 满意度指标: 一级 when a 二级 follows or when it opens a new section
        const currentL1 = this.g1 ? matchLevel1(this.g1.text)?.name : undefined;
        if (!l1 && (nextIsCategory || (m2.name === "成本" ? currentL1 !== "产出" : currentL1 !== m1.name))) l1 = t;
        else if (!l2) l2 = t;
      } else if (m1 && !l1) l1 = t;
      else if (m1 && l1) {
        if (l1.text !== t.text) break;
      } else if (m2 && !l2) l2 = t;
      else if (m2 && l2) {
        if (l2.text !== t.text) break;
      } else if (!m1 && !m2) {
        // a category outside the vocabulary: 一级 if nothing yet, else 二级
        if (!l1 && !l2 && nextIsCategory) l1 = t;
        else if (!l2) l2 = t;
        else break;
      }
      categories.push(t);
      i++;
    }
    const rest = tokens.slice(i);
    let name: RowParts["name"] = null;
    let value: RowParts["value"] = null;
    let explanation: RowParts["explanation"] = null;
    let k = 0;
    if (rest.length > 0 && valueLikeness(rest[0].text) === 2) {
      // no name before the value: a satisfaction name may have been taken for a category
      const last = categories[categories.length - 1];
      if (last && /满意度$/.test(last.text) && categories.length >= 2) {
        name = last;
        if (l2 === last) l2 = null;
        else if (l1 === last) l1 = null;
      }
    } else if (rest.length > 0) {
      name = rest[k++];
    }
    if (k < rest.length) {
      const candidate = rest[k];
      const next = rest[k + 1];
      if (valueLikeness(candidate.text) < 2 && next && valueLikeness(next.text) === 2) k++; // a repeated name or a stray cell
      if (valueLikeness(rest[k].text) === 0 && rest[k].text.length > 16) {
        explanation = rest[k++];
      } else {
        value = rest[k++];
        if (k < rest.length) explanation = rest[k++];
      }
    }
    return {
      l1,
      l2,
      name: name ?? (positional.name ? { text: "", column: positional.name.column } : null),
      value: value ?? (positional.value ? { text: "", column: positional.value.column } : null),
      explanation: explanation ?? (positional.explanation ? { text: "", column: positional.explanation.column } : null),
      realigned: true,
    };
  }

  private startGroup(r: number, column: number, text: string): Group {
    const m = this.reader.mergeAt(r, column);
    return { text, cell: cellAddress(r, column), firstRow: r, lastRow: m ? m.bottom : r };
  }

  private applyGroups(r: number, p: RowParts): void {
    const reader = this.reader;
    const l1col = this.roleColumns.level1;
    const l2col = this.roleColumns.level2;
    if (p.realigned) {
      if (p.l1) {
        this.g1 = this.startGroup(r, p.l1.column, p.l1.text);
        this.g2 = null;
      }
      if (p.l2) this.g2 = this.startGroup(r, p.l2.column, p.l2.text);
      return;
    }
    let newL1 = false;
    if (l1col !== undefined) {
      const m = reader.mergeAt(r, l1col);
      if (m && m.top < r) {
        const top = cellAddress(m.top, m.left);
        if (!this.g1 || this.g1.cell !== top) {
          this.g1 = { text: reader.own(m.top, m.left), cell: top, firstRow: r, lastRow: m.bottom };
          newL1 = true;
        }
      } else if (p.l1 && p.l1.text) {
        this.g1 = this.startGroup(r, l1col, p.l1.text);
        newL1 = true;
      }
    }
    if (l2col !== undefined) {
      const m = reader.mergeAt(r, l2col);
      if (m && m.top < r) {
        const top = cellAddress(m.top, m.left);
        if (!this.g2 || this.g2.cell !== top)
          this.g2 = { text: reader.own(m.top, m.left), cell: top, firstRow: r, lastRow: m.bottom };
      } else if (p.l2 && p.l2.text) {
        this.g2 = this.startGroup(r, l2col, p.l2.text);
      } else if (newL1) {
        this.g2 = null;
      }
    } else if (newL1) {
      this.g2 = null;
    }
  }

  finish(): Indicator[] {
    const reader = this.reader;
    const roles = this.roleColumns;
    // rows of one group share their LevelRef objects (a group's extent is final by now)
    const level2Refs = new Map<Group, IndicatorLevel2>();
    const level1Refs = new Map<string, IndicatorLevel1>();
    const otherColumns = this.layout.columns.filter((c) => c.role === "other" && c.header);
    return this.pending.map((p): Indicator => {
      const level2Group = p.g2 ?? (p.l2FromL1 ? p.g1 : null);
      let level2 = level2Group ? level2Refs.get(level2Group) : undefined;
      if (!level2) {
        level2 = {
          text: level2Group?.text ?? "",
          standard: level2Group ? (matchLevel2(level2Group.text)?.name ?? null) : null,
          cell: level2Group?.cell ?? null,
          firstRow: level2Group?.firstRow ?? p.row,
          lastRow: level2Group?.lastRow ?? p.row,
        };
        if (level2Group) level2Refs.set(level2Group, level2);
      }
      const l1match = p.g1 ? matchLevel1(p.g1.text) : null;
      let l1standard: Level1Name | null = l1match?.name ?? null;
      if (!l1standard && level2.standard) l1standard = inferLevel1(level2.standard);
      const l1key = p.g1 ? `${p.g1.cell}\u0001${p.g1.firstRow}\u0001${l1standard}` : "";
      let level1 = p.g1 ? level1Refs.get(l1key) : undefined;
      if (!level1) {
        level1 = {
          text: p.g1?.text ?? "",
          standard: l1standard,
          cell: p.g1?.cell ?? null,
          firstRow: p.g1?.firstRow ?? p.row,
          lastRow: p.g1?.lastRow ?? p.row,
        };
        if (p.g1) level1Refs.set(l1key, level1);
      }
      const valueColumn = p.valueColumn >= 0 ? p.valueColumn : roles.value;
      const opCol = roles.operator;
      const unitCol = roles.unit;
      const weightCol = roles.weight;
      const operatorText = opCol !== undefined ? reader.own(p.row, opCol) : null;
      const unitText = unitCol !== undefined ? reader.own(p.row, unitCol) : null;
      const value = parseTargetValue(p.valueText, {
        storedAsNumber: valueColumn !== undefined && reader.isNumber(p.row, valueColumn),
        isDate: valueColumn !== undefined && reader.isDate(p.row, valueColumn),
        operatorColumn: operatorText,
        unitColumn: unitText,
      });
      const weightRaw = weightCol !== undefined ? reader.own(p.row, weightCol) : "";
      const weightNumber = weightRaw ? Number(weightRaw.replace(/[%％\s]/g, "")) : NaN;
      let extras: Record<string, string> = NO_EXTRAS;
      for (const col of otherColumns) {
        const t = reader.own(p.row, col.column);
        if (!t) continue;
        if (extras === NO_EXTRAS) extras = {};
        extras[col.header] = t;
      }
      const explanationColumn = p.explanationColumn >= 0 ? p.explanationColumn : roles.explanation;
      return {
        row: p.row,
        rowKind: p.kind,
        level1,
        level2,
        name: p.nameText,
        nameCell:
          p.nameColumn >= 0
            ? cellAddress(p.row, p.nameColumn)
            : roles.name !== undefined
              ? cellAddress(p.row, roles.name)
              : null,
        value,
        valueCell: valueColumn !== undefined ? cellAddress(p.row, valueColumn) : null,
        explanation: explanationColumn !== undefined ? p.explanationText : null,
        explanationCell: explanationColumn !== undefined ? cellAddress(p.row, explanationColumn) : null,
        operatorText: opCol !== undefined ? operatorText : null,
        operatorCell: opCol !== undefined ? cellAddress(p.row, opCol) : null,
        unitText: unitCol !== undefined ? unitText : null,
        unitCell: unitCol !== undefined ? cellAddress(p.row, unitCol) : null,
        weight: Number.isFinite(weightNumber) ? weightNumber : null,
        weightCell: weightCol !== undefined ? cellAddress(p.row, weightCol) : null,
        extras,
      };
    });
  }
}

const NO_EXTRAS: Record<string, string> = Object.freeze({}) as Record<string, string>;

function inferLevel1(level2: Level2Name): Level1Name {
  return LEVEL2_PARENTS[level2][0];
}

/** True when the explanation cell counts as blank for the rules. */
export function explanationIsBlank(indicator: Indicator): boolean {
  return indicator.explanation !== null && isBlankText(indicator.explanation);
}

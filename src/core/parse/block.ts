/**
 * The indicator block: the rows under the header row, each read as 一级 / 二级 / 三级 / 指标值 /
 * 指标解释 …; 一级/二级 groups from vertical merges, blank continuation cells or repeated text;
 * shifted rows (a messy paste) realigned by content (realign.ts). A row that carries a group's
 * label and an indicator is an indicator row; a row with only project cells (a department's
 * summary line) is none.
 */
import { cellAddress, rangeAddress } from "../grid";
import type { ColumnRole, IndicatorBlock, IndicatorRowKind } from "../model";
import { matchLevel1, matchLevel2 } from "../vocabulary/levels";
import type { HeaderRow } from "./columns";
import { buildIndicators, type Group, type PendingRow } from "./indicators";
import { resolveColumns, type ColumnLayout } from "./layout";
import { isConsistent, realign, type RowContext, type RowParts } from "./realign";
import type { SheetReader } from "./reader";

export { findBlockEnd } from "./block-end";

/** A block and the layout it was read with. */
export interface BlockReadingResult {
  readonly block: IndicatorBlock;
  readonly layout: ColumnLayout;
  /** Rows read by content because they did not fit the header's columns. */
  readonly realigned: number;
}

/** Reads the block's rows. */
export function readBlock(
  reader: SheetReader,
  header: HeaderRow,
  lastRow: number,
  skipRows: ReadonlySet<number>
): BlockReadingResult {
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
  const rows = buildIndicators(reader, layout, reading.pending);
  const merges: string[] = [];
  for (const m of reader.grid.merges) {
    if (m.bottom >= firstRow && m.top <= lastRow && m.left <= layout.right) merges.push(rangeAddress(m));
  }
  const block: IndicatorBlock = {
    headerRow: header.row,
    headerTop: header.top,
    firstRow,
    lastRow,
    columns: layout.columns,
    roles: layout.roles,
    rows,
    indicators: rows.filter((i) => i.rowKind === "indicator"),
    merges,
  };
  return { block, layout, realigned: reading.realigned };
}

class BlockReading {
  private g1: Group | null = null;
  private g2: Group | null = null;
  readonly pending: PendingRow[] = [];
  realigned = 0;
  private readonly roleColumns: Partial<Record<ColumnRole, number>>;
  private readonly ctx: RowContext;

  constructor(
    private readonly reader: SheetReader,
    layout: ColumnLayout
  ) {
    this.roleColumns = layout.roles;
    const known = new Set<number>();
    for (const col of layout.columns)
      if (col.role !== "other" || col.header !== "" || layout.structural.has(col.column)) known.add(col.column);
    const labelTexts = new Set(layout.columns.filter((c) => c.role === "label" && c.header).map((c) => c.header));
    this.ctx = { reader, layout, known, labelColumns: new Set(layout.labelColumns), labelTexts };
  }

  row(r: number): void {
    const positional = this.positional(r);
    let parts = positional;
    if (!isConsistent(this.ctx, r, positional)) {
      parts = realign(this.ctx, r, positional, this.g1 ? matchLevel1(this.g1.text)?.name : undefined);
      this.realigned++;
    }
    this.applyGroups(r, parts);
    const hasName = !!parts.name && parts.name.text !== "";
    const hasValue = !!parts.value && parts.value.text !== "";
    const hasExplanation = !!parts.explanation && parts.explanation.text !== "";
    let kind: IndicatorRowKind | null;
    // a 二级 row with only a note beside it (a scoring rule copied on every row) is still a blank 二级
    const opensLevel2 = !!this.g2 && this.g2.firstRow === r;
    if (hasName || hasValue || (hasExplanation && !opensLevel2)) kind = "indicator";
    else if (opensLevel2) kind = "blank-level2";
    else if (this.g1 && this.g1.firstRow === r) kind = "category-only";
    else kind = null;
    this.extendGroups(r);
    if (kind === null) return;
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

  private startGroup(r: number, column: number, text: string): Group {
    const m = this.reader.mergeAt(r, column);
    return {
      text,
      cell: cellAddress(r, column),
      firstRow: r,
      lastRow: m ? m.bottom : r,
    };
  }

  /** The group a level column gives on row r: a merge from above, the row's own text, or none (null: unchanged). */
  private groupAt(r: number, column: number, text: string | undefined, current: Group | null): Group | null | "same" {
    const m = this.reader.mergeAt(r, column);
    if (m && m.top < r) {
      const top = cellAddress(m.top, m.left);
      if (current && current.cell === top) return "same";
      return {
        text: this.reader.own(m.top, m.left),
        cell: top,
        firstRow: r,
        lastRow: m.bottom,
      };
    }
    if (text) return this.startGroup(r, column, text);
    return null;
  }

  private applyGroups(r: number, p: RowParts): void {
    if (p.realigned) {
      if (p.l1) {
        this.g1 = this.startGroup(r, p.l1.column, p.l1.text);
        this.g2 = null;
      }
      if (p.l2) this.g2 = this.startGroup(r, p.l2.column, p.l2.text);
      return;
    }
    const l1col = this.roleColumns.level1;
    const l2col = this.roleColumns.level2;
    let newL1 = false;
    if (l1col !== undefined) {
      const g = this.groupAt(r, l1col, p.l1?.text, this.g1);
      if (g !== null && g !== "same") {
        this.g1 = g;
        newL1 = true;
      }
    }
    if (l2col !== undefined) {
      const g = this.groupAt(r, l2col, p.l2?.text, this.g2);
      if (g !== null && g !== "same") this.g2 = g;
      else if (g === null && newL1) this.g2 = null;
    } else if (newL1) {
      this.g2 = null;
    }
  }
}

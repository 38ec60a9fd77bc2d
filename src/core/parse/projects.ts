/**
 * Project columns before the indicator columns on the same rows (单位名称 | 项目名称 | 预算数 | 年度目标
 * | 一级指标 …, as in the 四川 部门预算项目绩效目标申报表): each project's rows are a table of their
 * own, with the project cells as its header fields. A row with only project cells (the
 * department's summary line) belongs to no project.
 */
import { cellAddress, parseRange } from "../grid";
import type { HeaderField, IndicatorBlock } from "../model";
import type { HeaderRow } from "./columns";
import type { ColumnLayout } from "./layout";
import type { SheetReader } from "./reader";

export interface ProjectSegment {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly fields: HeaderField[];
  readonly block: IndicatorBlock;
}

function fieldsAt(reader: SheetReader, header: HeaderRow, layout: ColumnLayout, row: number): HeaderField[] {
  const out: HeaderField[] = [];
  for (const p of layout.projectColumns) {
    if (!p.key) continue;
    const m = reader.mergeAt(row, p.column);
    const r = m ? m.top : row;
    const value = reader.own(r, p.column);
    const raw = reader.raw(r, p.column);
    out.push({
      key: p.key,
      label: p.header,
      value,
      valueType: value === "" ? "empty" : (raw?.type ?? "text"),
      labelCell: cellAddress(header.row, p.column),
      valueCell: cellAddress(r, p.column),
      group: null,
      unit: null,
    });
  }
  return out;
}

function segmentBlock(block: IndicatorBlock, firstRow: number, lastRow: number): IndicatorBlock {
  const rows = block.rows.filter((i) => i.row >= firstRow && i.row <= lastRow);
  return {
    ...block,
    firstRow,
    lastRow,
    rows,
    indicators: rows.filter((i) => i.rowKind === "indicator"),
    merges: block.merges.filter((a) => {
      const m = parseRange(a);
      return m.bottom >= firstRow && m.top <= lastRow;
    }),
  };
}

/** The block split by project, or null when the layout has no project columns (or no project is named). */
export function projectSegments(
  reader: SheetReader,
  header: HeaderRow,
  layout: ColumnLayout,
  block: IndicatorBlock
): ProjectSegment[] | null {
  const named = layout.projectColumns.filter((p) => p.key !== null);
  if (named.length === 0) return null;
  const anchor = named.find((p) => p.key === "项目名称") ?? named[0];
  // a project starts where its name cell holds a new text (merged over its rows, or repeated on each)
  const starts: number[] = [];
  let current = "";
  for (let r = block.firstRow; r <= block.lastRow; r++) {
    const text = reader.own(r, anchor.column);
    if (text !== "" && text !== current) starts.push(r);
    if (text !== "") current = text;
  }
  if (starts.length === 0) return null;
  const segments: ProjectSegment[] = [];
  for (let k = 0; k < starts.length; k++) {
    const first = k === 0 ? block.firstRow : starts[k];
    const last = k + 1 < starts.length ? starts[k + 1] - 1 : block.lastRow;
    const part = segmentBlock(block, first, last);
    if (part.rows.length === 0) continue;
    segments.push({
      firstRow: first,
      lastRow: last,
      fields: fieldsAt(reader, header, layout, starts[k]),
      block: part,
    });
  }
  return segments.length > 0 ? segments : null;
}

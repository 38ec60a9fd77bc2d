/**
 * One sheet → its tables: each indicator header row opens a region (its header area above, its
 * block below); a header repeated under a block (a table printed over pages) continues it; a
 * region that cannot be read is reported ("第 N 行起的表格无法识别：…") instead of being turned
 * into invented indicators.
 */
import { cellAddress, type SheetGrid } from "../grid";
import type { HeaderField, IndicatorBlock, ParseProblem, SheetParse, TargetTable } from "../model";
import { findBlockEnd, readBlock } from "./block";
import { findHeaderRows, type HeaderRow } from "./columns";
import { readHeaderArea, type HeaderArea } from "./header";
import { budgetOf } from "./budget";
import { explainNoTable, sheetProblem, unreadableBlock, unreadableRegions } from "./problems";
import { projectSegments } from "./projects";
import { SheetReader } from "./reader";

function sameLayout(a: HeaderRow, b: HeaderRow): boolean {
  if (a.roles.size !== b.roles.size) return false;
  for (const [c, role] of a.roles) if (b.roles.get(c) !== role) return false;
  return true;
}

/** The last row of the block under headers[k], and the repeated header rows it runs through. */
function blockExtent(
  reader: SheetReader,
  headers: readonly HeaderRow[],
  k0: number
): { end: number; k: number; skip: Set<number> } {
  let k = k0;
  const skip = new Set<number>();
  const limitOf = (j: number) => (j + 1 < headers.length ? headers[j + 1].top - 1 : reader.rowCount);
  let end = findBlockEnd(reader, headers[k], limitOf(k), skip);
  // a header row repeated right below the block (a table printed over pages) continues it
  while (
    k + 1 < headers.length &&
    end === headers[k + 1].top - 1 &&
    end > headers[k0].row &&
    sameLayout(headers[k0], headers[k + 1])
  ) {
    const repeated = headers[k + 1];
    for (let r = repeated.top; r <= repeated.row; r++) skip.add(r);
    k++;
    const next = findBlockEnd(reader, repeated, limitOf(k), skip);
    if (next === repeated.row) break;
    end = next;
  }
  return { end, k, skip };
}

/** The columns the table's rows [top, end] occupy (merges included). */
function extentOf(reader: SheetReader, top: number, end: number): { left: number; right: number } {
  let left = Number.POSITIVE_INFINITY;
  let right = 0;
  for (let r = top; r <= end; r++) {
    for (let c = 1; c <= reader.columnCount && c < left; c++) {
      if (reader.own(r, c)) {
        left = c;
        break;
      }
    }
    for (let c = reader.columnCount; c >= 1 && c > right; c--) {
      if (reader.own(r, c)) {
        right = c;
        break;
      }
    }
  }
  for (const m of reader.grid.merges) {
    if (m.top >= top && m.top <= end) {
      if (m.right > right) right = m.right;
      if (m.left < left) left = m.left;
    }
  }
  return { left: Number.isFinite(left) ? left : 1, right: Math.max(right, 1) };
}

function tableOf(
  reader: SheetReader,
  area: HeaderArea,
  fields: readonly HeaderField[],
  block: IndicatorBlock,
  top: number,
  end: number
): TargetTable {
  const sheet = reader.name;
  const { left, right } = extentOf(reader, top, end);
  const annualTarget =
    fields.find((f) => f.key === "年度目标") ??
    (area.kind === "department" ? fields.find((f) => f.key === "绩效目标") : undefined) ??
    null;
  const own = fields !== area.fields;
  return {
    id: `${sheet}!${cellAddress(top, left)}`,
    sheet,
    kind: own && area.kind === "unknown" && fields.some((f) => f.key === "项目名称") ? "project" : area.kind,
    title: area.title,
    titleCell: area.titleCell,
    budgetYear: area.budgetYear,
    range: `${cellAddress(top, left)}:${cellAddress(end, right)}`,
    top,
    bottom: end,
    left,
    right,
    headerFields: [...fields],
    budget: own ? (budgetOf(fields, reader, area.from, block.headerTop - 1) ?? area.budget) : area.budget,
    annualTarget,
    detailTargets: fields.filter((f) => /^明细目标\d+$/.test(f.key)),
    indicatorBlock: block,
  };
}

export function parseSheetUnsafe(grid: SheetGrid): SheetParse {
  const reader = new SheetReader(grid);
  const problems: ParseProblem[] = [];
  if (reader.rowCount === 0 || reader.columnCount === 0) {
    return {
      sheet: grid.name,
      tables: [],
      problems: [sheetProblem(grid.name, `工作表“${grid.name}”是空的。`)],
    };
  }
  const headers = findHeaderRows(reader);
  const tables: TargetTable[] = [];
  const claimed: { top: number; bottom: number }[] = [];
  let regionTop = 1;
  for (let k = 0; k < headers.length; k++) {
    const header = headers[k];
    if (header.top < regionTop) continue;
    const extent = blockExtent(reader, headers, k);
    k = extent.k;
    const { end } = extent;
    const area = readHeaderArea(reader, regionTop, header.top - 1);
    const reading = end > header.row ? readBlock(reader, header, end, extent.skip) : null;
    const problem = unreadableBlock(reader, header, reading);
    if (problem) {
      problems.push(problem);
      claimed.push({ top: header.top, bottom: Math.max(end, header.row) });
      regionTop = Math.max(end, header.row) + 1;
      continue;
    }
    const { block, layout } = reading!;
    const top = Math.min(area.top, header.top);
    const segments = projectSegments(reader, header, layout, block);
    if (!segments) tables.push(tableOf(reader, area, area.fields, block, top, end));
    else
      segments.forEach((s, i) =>
        tables.push(
          tableOf(reader, area, [...area.fields, ...s.fields], s.block, i === 0 ? top : s.firstRow, s.lastRow)
        )
      );
    regionTop = end + 1;
  }
  problems.push(...unreadableRegions(reader, [...claimed, ...tables]));
  if (tables.length === 0 && problems.length === 0) problems.push(explainNoTable(reader, headers.length > 0));
  return {
    sheet: grid.name,
    tables,
    problems: [...problems, ...reader.problems],
  };
}

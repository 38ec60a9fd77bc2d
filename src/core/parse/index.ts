/**
 * The parser: from a sheet's cells to the 绩效目标表 on it. Pure; never throws on bad input (what it
 * could not understand is reported as ParseProblem, in Chinese).
 */
import { cellAddress, type SheetGrid } from "../grid";
import type { ParseProblem, SheetParse, TargetTable, WorkbookParse } from "../model";
import { findBlockEnd, readBlock } from "./block";
import { partialHeaderRoles, readHeaderRow, ROLE_LABEL, type HeaderRow } from "./columns";
import { readHeaderArea } from "./header";
import { SheetReader } from "./reader";
import { matchFieldLabel } from "../vocabulary";

export { parseTargetValue, valueLikeness, isPercentUnit, hasPlaceholder } from "./value";
export { amountOf } from "./header";

function sameLayout(a: HeaderRow, b: HeaderRow): boolean {
  if (a.roles.size !== b.roles.size) return false;
  for (const [c, role] of a.roles) if (b.roles.get(c) !== role) return false;
  return true;
}

export function parseSheet(grid: SheetGrid): SheetParse {
  try {
    return parseSheetUnsafe(grid);
  } catch (error) {
    // The parser must not throw on any input; if it does, the sheet is reported, not the workbook lost.
    return {
      sheet: grid.name,
      tables: [],
      problems: [
        { sheet: grid.name, cell: null, message: `解析工作表“${grid.name}”时出错：${(error as Error).message}` },
      ],
    };
  }
}

function parseSheetUnsafe(grid: SheetGrid): SheetParse {
  const reader = new SheetReader(grid);
  const problems: ParseProblem[] = [];
  if (reader.rowCount === 0 || reader.columnCount === 0) {
    return {
      sheet: grid.name,
      tables: [],
      problems: [{ sheet: grid.name, cell: null, message: `工作表“${grid.name}”是空的。` }],
    };
  }
  const headers: HeaderRow[] = [];
  for (let r = 1; r <= reader.rowCount; r++) {
    const h = readHeaderRow(reader, r);
    if (h) headers.push(h);
  }
  const tables: TargetTable[] = [];
  let regionTop = 1;
  for (let k = 0; k < headers.length; k++) {
    const header = headers[k];
    if (header.row < regionTop) continue;
    const skip = new Set<number>();
    let limit = k + 1 < headers.length ? headers[k + 1].row - 1 : reader.rowCount;
    let end = findBlockEnd(reader, header.row, limit, skip);
    // a header row repeated right below the block (a table printed over pages) continues it
    while (
      k + 1 < headers.length &&
      end === headers[k + 1].row - 1 &&
      end > header.row &&
      sameLayout(header, headers[k + 1])
    ) {
      const repeated = headers[k + 1];
      skip.add(repeated.row);
      k++;
      limit = k + 1 < headers.length ? headers[k + 1].row - 1 : reader.rowCount;
      const next = findBlockEnd(reader, repeated.row, limit, skip);
      if (next === repeated.row) break;
      end = next;
    }
    const area = readHeaderArea(reader, regionTop, header.row - 1);
    if (end === header.row) {
      problems.push({
        sheet: grid.name,
        cell: cellAddress(header.row, header.firstColumn),
        message: `第 ${header.row} 行是指标表头，但下面没有指标行。`,
      });
      regionTop = header.row + 1;
      continue;
    }
    const block = readBlock(reader, header, end, skip);
    if (block.rows.length === 0) {
      problems.push({
        sheet: grid.name,
        cell: cellAddress(header.row, header.firstColumn),
        message: `第 ${header.row} 行是指标表头，但其下的行里没有读到指标。`,
      });
      regionTop = end + 1;
      continue;
    }
    const top = Math.min(area.top, header.row);
    let left = Number.POSITIVE_INFINITY;
    let right = 0;
    for (let r = top; r <= end; r++) {
      for (let c = 1; c <= reader.columnCount; c++) {
        if (reader.own(r, c)) {
          if (c < left) left = c;
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
    for (const m of grid.merges) {
      if (m.top >= top && m.top <= end) {
        if (m.right > right) right = m.right;
        if (m.left < left) left = m.left;
      }
    }
    if (!Number.isFinite(left)) left = 1;
    const fields = area.fields;
    const annualTarget =
      fields.find((f) => f.key === "年度目标") ??
      (area.kind === "department" ? fields.find((f) => f.key === "绩效目标") : undefined) ??
      null;
    tables.push({
      id: `${grid.name}!${cellAddress(top, left)}`,
      sheet: grid.name,
      kind: area.kind,
      title: area.title,
      titleCell: area.titleCell,
      budgetYear: area.budgetYear,
      range: `${cellAddress(top, left)}:${cellAddress(end, right)}`,
      top,
      bottom: end,
      left,
      right,
      headerFields: fields,
      budget: area.budget,
      annualTarget,
      detailTargets: fields.filter((f) => /^明细目标\d+$/.test(f.key)),
      indicatorBlock: block,
    });
    regionTop = end + 1;
  }
  if (tables.length === 0) problems.push(explainNoTable(reader, headers.length > 0));
  return { sheet: grid.name, tables, problems: [...problems, ...reader.problems] };
}

/** Why no table was found, in one Chinese sentence, with what to do. */
function explainNoTable(reader: SheetReader, hadHeader: boolean): ParseProblem {
  const sheet = reader.name;
  if (hadHeader) {
    return { sheet, cell: null, message: `工作表“${sheet}”有指标表头，但表头下没有指标行。` };
  }
  let fieldSeen: string | null = null;
  let partial: { row: number; roles: string[] } | null = null;
  const scanRows = Math.min(reader.rowCount, 2000);
  for (let r = 1; r <= scanRows; r++) {
    if (!fieldSeen) {
      for (const c of reader.rowCells(r)) {
        if (c.text.length <= 24 && matchFieldLabel(c.text)) {
          fieldSeen = c.text;
          break;
        }
      }
    }
    if (!partial) {
      const roles = partialHeaderRoles(reader, r);
      if (roles.length > 0) partial = { row: r, roles: [...new Set(roles.map((x) => ROLE_LABEL[x]))] };
    }
  }
  if (partial) {
    return {
      sheet,
      cell: null,
      message: `工作表“${sheet}”第 ${partial.row} 行只有“${partial.roles.join("”“")}”列，缺少“三级指标/指标名称”或“指标值”列，未识别为绩效目标表。`,
    };
  }
  if (fieldSeen) {
    return {
      sheet,
      cell: null,
      message: `工作表“${sheet}”有表头信息（如“${fieldSeen}”），但没有找到指标表头行（应含“一级指标、二级指标、三级指标、指标值”等列）。`,
    };
  }
  return {
    sheet,
    cell: null,
    message: `工作表“${sheet}”未识别到绩效目标表：没有找到“一级指标、二级指标、三级指标、指标值”表头行。`,
  };
}

export function parseWorkbook(grids: readonly SheetGrid[]): WorkbookParse {
  const sheets = grids.map(parseSheet);
  return { sheets, tables: sheets.flatMap((s) => s.tables) };
}

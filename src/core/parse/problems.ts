/**
 * What the parser says when it cannot understand a table — better honest than wrong: a region
 * under a header row whose rows cannot be read as indicators, a header row that names too few
 * columns, a sheet with no table at all. Each as one Chinese sentence with the row and the reason.
 */
import { cellAddress } from "../grid";
import type { Indicator, ParseProblem } from "../model";
import { isTitleText, matchFieldLabel, trailerKind } from "../vocabulary/fields";
import { matchColumnHeader } from "../vocabulary/column-headers";
import type { BlockReadingResult } from "./block";
import { partialHeaderRoles, ROLE_LABEL, type HeaderRow } from "./columns";
import type { SheetReader } from "./reader";

function unreadable(reader: SheetReader, row: number, column: number, reason: string): ParseProblem {
  return {
    sheet: reader.name,
    cell: cellAddress(row, column),
    message: `第 ${row} 行起的表格无法识别：${reason}`,
    scope: "table",
  };
}

/** A cell text that belongs to a header, not to an indicator row. */
function isHeaderWords(text: string): boolean {
  if (!text || text.length > 24) return false;
  const role = matchColumnHeader(text);
  return (
    (role !== null && role !== "other") ||
    matchFieldLabel(text) !== null ||
    isTitleText(text) ||
    trailerKind(text) !== null
  );
}

const SAMPLE = 200;

function invented(i: Indicator): boolean {
  return isHeaderWords(i.name) || isHeaderWords(i.value.raw);
}

/** The problem with a block, or null when it reads as a table of indicators. */
export function unreadableBlock(
  reader: SheetReader,
  header: HeaderRow,
  reading: BlockReadingResult | null
): ParseProblem | null {
  const at = (reason: string) => unreadable(reader, header.top, header.firstColumn, reason);
  if (!reading) return at(`第 ${header.row} 行是指标表头，但下面没有指标行。`);
  const { block, realigned } = reading;
  if (block.rows.length === 0) return at(`第 ${header.row} 行是指标表头，但其下的行里没有读到指标。`);
  // what is invented from header cells shows in the first rows: a sample is enough (and keeps large sheets fast)
  const indicators = block.indicators.length > SAMPLE ? block.indicators.slice(0, SAMPLE) : block.indicators;
  const bad = indicators.filter(invented);
  if (indicators.length >= 2 && bad.length * 2 >= indicators.length) {
    const sample = bad[0].name || bad[0].value.raw;
    return at(`表头下读出的“指标”多是表头或签章文字（如“${sample}”），请检查表头行是否完整、各列是否对齐。`);
  }
  const rows = block.lastRow - block.firstRow + 1;
  const complete = () => indicators.filter((i) => i.name !== "" && i.value.raw !== "").length;
  if (rows >= 3 && realigned * 2 > rows && complete() * 2 < indicators.length) {
    return at(
      `各行的内容与第 ${header.row} 行表头的列对不上（${rows} 行中 ${realigned} 行错位），读不出指标名称和指标值。`
    );
  }
  return null;
}

/** Header-like rows outside every table that name some indicator columns but not enough to read a table. */
export function unreadableRegions(
  reader: SheetReader,
  claimed: readonly { top: number; bottom: number }[]
): ParseProblem[] {
  const out: ParseProblem[] = [];
  const ranges = [...claimed].sort((a, b) => a.top - b.top);
  let lastReported = -2;
  let next = 0;
  for (let r = 1; r <= reader.rowCount; r++) {
    while (next < ranges.length && ranges[next].bottom < r) next++;
    if (next < ranges.length && ranges[next].top <= r) {
      r = ranges[next].bottom;
      continue;
    }
    const roles = [...new Set(partialHeaderRoles(reader, r))];
    if (roles.length < 2) continue;
    if (r > lastReported + 1) {
      const names = roles.map((x) => ROLE_LABEL[x]).join("”“");
      out.push(unreadable(reader, r, 1, `表头只有“${names}”列，缺少“三级指标/指标名称”或“指标值”列。`));
    }
    lastReported = r;
  }
  return out;
}

/** A problem as one line for the user: where it is (unless its message already names its sheet), then what. */
export function problemText(p: ParseProblem): string {
  if (p.scope === "sheet") return p.message;
  return `工作表“${p.sheet}”${p.cell ? ` ${p.cell}` : ""}：${p.message}`;
}

/** A problem about a whole sheet (shown when no table was found at all). */
export function sheetProblem(sheet: string, message: string): ParseProblem {
  return { sheet, cell: null, message, scope: "sheet" };
}

/** Why no table was found, in one Chinese sentence, with what to do. */
export function explainNoTable(reader: SheetReader, hadHeader: boolean): ParseProblem {
  const sheet = reader.name;
  const problem = (message: string): ParseProblem => sheetProblem(sheet, message);
  if (hadHeader) return problem(`工作表“${sheet}”有指标表头，但表头下没有指标行。`);
  let fieldSeen: string | null = null;
  let partial: { row: number; roles: string[] } | null = null;
  const scanRows = Math.min(reader.rowCount, 2000);
  for (let r = 1; r <= scanRows && !(fieldSeen && partial); r++) {
    if (!fieldSeen)
      fieldSeen = reader.rowCells(r).find((c) => c.text.length <= 24 && matchFieldLabel(c.text))?.text ?? null;
    if (!partial) {
      const roles = partialHeaderRoles(reader, r);
      if (roles.length > 0)
        partial = {
          row: r,
          roles: [...new Set(roles.map((x) => ROLE_LABEL[x]))],
        };
    }
  }
  if (partial) {
    return problem(
      `工作表“${sheet}”第 ${partial.row} 行只有“${partial.roles.join("”“")}”列，缺少“三级指标/指标名称”或“指标值”列，未识别为绩效目标表。`
    );
  }
  if (fieldSeen) {
    return problem(
      `工作表“${sheet}”有表头信息（如“${fieldSeen}”），但没有找到指标表头行（应含“一级指标、二级指标、三级指标、指标值”等列）。`
    );
  }
  return problem(`工作表“${sheet}”未识别到绩效目标表：没有找到“一级指标、二级指标、三级指标、指标值”表头行。`);
}

/**
 * exceljs worksheet → core SheetGrid: displayed text (the common number formats applied:
 * number-format.ts), value types, merged ranges, protection — bounded like the package reader's
 * (bounds.ts), so both readings of a workbook give the same grid. Used by the xlsx adapter (marked
 * copies and --fix on the command line, the web page, tests).
 */
import ExcelJS from "exceljs";
import type { CellValueType, GridCell, RowGrid } from "../core/grid";
import { WorkbookError } from "../core/port";
import { boundedGrid, type CellRows, type SheetRead } from "./bounds";
import { worksheetMerges, worksheetProtected } from "./exceljs-internals";
import { formatDate, formatNumber } from "./number-format";

export { worksheetMerges, worksheetProtected };

const VT = ExcelJS.ValueType;

/** A value as shown: numbers and dates with the cell's format (also a hyperlink's), text as it is. */
function shown(value: unknown, numFmt: string | undefined): { text: string; type: CellValueType } {
  if (typeof value === "number") return { text: formatNumber(value, numFmt), type: "number" };
  if (value instanceof Date) return { text: formatDate(value, numFmt), type: "date" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", type: "boolean" };
  if (value && typeof value === "object" && "error" in value)
    return { text: String((value as { error?: string }).error ?? "#ERROR!"), type: "error" };
  return { text: value === undefined || value === null ? "" : String(value), type: "text" };
}

/** The cell as the grid sees it (displayed text and value type), undefined when empty or covered by a merge. */
export function cellOf(cell: ExcelJS.Cell): GridCell | undefined {
  const type = cell.type;
  if (type === VT.Null || type === VT.Merge) return undefined;
  let g: { text: string; type: CellValueType };
  switch (type) {
    case VT.Formula: {
      const result = (cell.value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return undefined;
      g = shown(result, cell.numFmt);
      break;
    }
    case VT.RichText:
      g = {
        text: ((cell.value as ExcelJS.CellRichTextValue).richText ?? []).map((r) => r.text).join(""),
        type: "text",
      };
      break;
    case VT.Hyperlink:
      g = shown((cell.value as ExcelJS.CellHyperlinkValue).text, cell.numFmt);
      break;
    case VT.String:
      g = { text: typeof cell.value === "string" ? cell.value : (cell.text ?? ""), type: "text" };
      break;
    default:
      g = shown(cell.value, cell.numFmt);
  }
  if (g.text === "" && g.type === "text") return undefined;
  return g;
}

/** The displayed text of a cell ("" when empty); what an edit plan's oldText is compared with. */
export function cellText(cell: ExcelJS.Cell): string {
  return cellOf(cell)?.text ?? "";
}

/** Reads a worksheet: its grid, or why it cannot be checked (bounds.ts). Hidden rows and columns are read like the others. */
export function readWorksheet(ws: ExcelJS.Worksheet): SheetRead {
  const rows: CellRows = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const g = cellOf(cell);
      if (g) cells[c - 1] = g;
    });
    rows[r - 1] = cells;
  });
  return boundedGrid(ws.name, rows, worksheetMerges(ws), worksheetProtected(ws));
}

/** Reads a worksheet into a grid; a sheet that cannot be checked → WorkbookError("unreadable"). */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): RowGrid {
  const read = readWorksheet(ws);
  if (!read.grid) throw new WorkbookError("unreadable", `工作表“${ws.name}”无法检查：${read.problem}`, ws.name);
  return read.grid;
}

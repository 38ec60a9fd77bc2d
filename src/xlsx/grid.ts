/**
 * exceljs worksheet → core SheetGrid: displayed text (the common number formats applied), value
 * types, merged ranges, protection. Used by the xlsx adapter (CLI, web page, tests).
 */
import ExcelJS from "exceljs";
import { RowGrid, type CellValueType, type GridCell } from "../core/grid";
import { worksheetMerges, worksheetProtected } from "./exceljs-internals";

export { worksheetMerges, worksheetProtected };

const VT = ExcelJS.ValueType;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats a number the way Excel shows it for the common formats (%, fixed decimals, thousands). */
function formatNumber(value: number, numFmt: string | undefined): string {
  if (!numFmt || numFmt === "General" || numFmt === "@") return String(value);
  const fmt = numFmt.split(";")[0].replace(/\[[^\]]*\]|"[^"]*"|\\./g, "");
  const decimals = (/\.(0+)/.exec(fmt)?.[1].length ?? 0) as number;
  if (fmt.includes("%")) return `${(value * 100).toFixed(decimals)}%`;
  if (/[0#]/.test(fmt)) {
    const fixed = value.toFixed(decimals);
    if (fmt.includes(",")) {
      const [i, d] = fixed.split(".");
      return i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (d ? `.${d}` : "");
    }
    return fixed;
  }
  return String(value);
}

function formatDate(date: Date, numFmt: string | undefined): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  if (numFmt && /年/.test(numFmt)) return /日|d/.test(numFmt) ? `${y}年${m}月${d}日` : `${y}年${m}月`;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The cell as the grid sees it (displayed text and value type), undefined when empty or covered by a merge. */
export function cellOf(cell: ExcelJS.Cell): GridCell | undefined {
  const type = cell.type;
  if (type === VT.Null || type === VT.Merge) return undefined;
  let value: unknown = cell.value;
  let kind: ExcelJS.ValueType = type;
  if (type === VT.Formula) {
    value = (cell.value as ExcelJS.CellFormulaValue).result;
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number") kind = VT.Number;
    else if (typeof value === "boolean") kind = VT.Boolean;
    else if (value instanceof Date) kind = VT.Date;
    else if (typeof value === "object" && value && "error" in (value as object)) kind = VT.Error;
    else kind = VT.String;
  }
  let text: string;
  let vt: CellValueType;
  switch (kind) {
    case VT.Number:
      text = formatNumber(value as number, cell.numFmt);
      vt = "number";
      break;
    case VT.Date:
      text = formatDate(value as Date, cell.numFmt);
      vt = "date";
      break;
    case VT.Boolean:
      text = value ? "TRUE" : "FALSE";
      vt = "boolean";
      break;
    case VT.Error:
      text = String((value as { error?: string })?.error ?? "#ERROR!");
      vt = "error";
      break;
    case VT.RichText:
      text = ((value as ExcelJS.CellRichTextValue).richText ?? []).map((r) => r.text).join("");
      vt = "text";
      break;
    case VT.Hyperlink:
      text = String((value as ExcelJS.CellHyperlinkValue).text ?? "");
      vt = "text";
      break;
    default:
      text = typeof value === "string" ? value : (cell.text ?? "");
      vt = "text";
  }
  if (text === "" && vt === "text") return undefined;
  return { text, type: vt };
}

/** The displayed text of a cell ("" when empty); what an edit plan's oldText is compared with. */
export function cellText(cell: ExcelJS.Cell): string {
  return cellOf(cell)?.text ?? "";
}

/** Reads a worksheet into a grid. Hidden rows and columns are read like the others. */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): RowGrid {
  const rows: (GridCell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const g = cellOf(cell);
      if (g) cells[c - 1] = g;
    });
    rows[r - 1] = cells;
  });
  return new RowGrid(ws.name, rows, worksheetMerges(ws), worksheetProtected(ws), true);
}

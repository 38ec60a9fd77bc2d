/**
 * A list sheet added to a workbook (the command line's 校验报告): a bold header row on a light blue
 * fill, frozen and filtered; one row per entry; cells may be coloured, bold, wrapped, or link to a
 * cell of the workbook. An earlier list sheet with the same header is replaced; a user's sheet of the
 * same name is kept and the list gets another name ("名称(2)").
 */
import type ExcelJS from "exceljs";
import type { InternalLink } from "./package";

export interface ListCell {
  readonly text: string;
  /** Font colour, ARGB ("FFC00000"). */
  readonly color?: string;
  readonly bold?: boolean;
  /** Wrapped text, aligned to the top. */
  readonly wrap?: boolean;
  /** A cell of the workbook this cell links to (drawn as a link; left plain when the sheet does not exist). */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

export interface ListSheet {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly (readonly ListCell[])[];
}

const HEADER_FILL = "FFD9E1F2";
const LINK_COLOR = "FF0563C1";

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function sameHeader(ws: ExcelJS.Worksheet, header: readonly string[]): boolean {
  return header.every((h, i) => String(ws.getCell(1, i + 1).value ?? "") === h);
}

/** The name the list gets (an earlier list of the same header removed). */
function freeName(workbook: ExcelJS.Workbook, list: ListSheet): string {
  const header = list.columns.map((c) => c.header);
  let name = list.name;
  for (let n = 2; ; n++) {
    const existing = workbook.getWorksheet(name);
    if (!existing) return name;
    if (sameHeader(existing, header)) {
      workbook.removeWorksheet(existing.id);
      return name;
    }
    name = `${list.name}(${n})`;
  }
}

function styleCell(cell: ExcelJS.Cell, c: ListCell, linked: boolean): void {
  if (linked) cell.font = { color: { argb: LINK_COLOR }, underline: true };
  else if (c.color || c.bold) cell.font = { ...(c.color ? { color: { argb: c.color } } : {}), bold: !!c.bold };
  if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
}

/** Adds the sheet; returns its name and the links for the saved package (exceljs cannot write them). */
export function addListSheet(workbook: ExcelJS.Workbook, list: ListSheet): { sheet: string; links: InternalLink[] } {
  const name = freeName(workbook, list);
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = list.columns.map((c) => ({ width: c.width }));
  // a new sheet: its styles are its own, so assigning font/fill here touches no other cell
  const header = ws.addRow(list.columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  const links: InternalLink[] = [];
  for (const cells of list.rows) {
    const row = ws.addRow(cells.map((c) => c.text));
    cells.forEach((c, i) => {
      const linked = !!c.link && !!workbook.getWorksheet(c.link.sheet);
      styleCell(row.getCell(i + 1), c, linked);
      if (linked) {
        const ref = row.getCell(i + 1).address;
        links.push({ sheet: name, ref, location: `${quoteSheet(c.link!.sheet)}!${c.link!.cell}`, display: c.text });
      }
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: list.columns.length } };
  return { sheet: name, links };
}

/** Builds fake Excel workbooks: from an exceljs workbook (the same file the xlsx adapter reads) or from grids. */
import ExcelJS from "exceljs";
import { parseRange, rangeAddress, type SheetGrid } from "../../src/core/grid";
import { cellOf, worksheetMerges, worksheetProtected } from "../../src/xlsx/grid";
import { FakeWorkbook, type FakeValueType } from "./excel";

const TYPE: Record<string, FakeValueType> = { text: "String", number: "Double", date: "Double", boolean: "Boolean", error: "Error", empty: "Empty" };

/** Every cell with its displayed text, value type, style (as JSON), note, merges, row heights and protection. */
export function fakeFromExcelJS(wb: ExcelJS.Workbook): FakeWorkbook {
  const model = new FakeWorkbook();
  for (const ws of wb.worksheets) {
    const sheet = model.addSheet(ws.name);
    sheet.protected = worksheetProtected(ws);
    if (ws.state === "hidden") sheet.visibility = "Hidden";
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height) sheet.rowHeights.set(r, row.height);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const g = cellOf(cell);
        const format = JSON.parse(JSON.stringify(cell.style ?? {})) as Record<string, unknown>;
        sheet.setCell(r, c, { text: g?.text ?? "", valueType: g ? TYPE[g.type] : "Empty", format });
        const note = cell.note;
        if (note) sheet.notes.set(r * 20000 + c, typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join(""));
      });
    });
    sheet.merges = worksheetMerges(ws);
    // conditional formats (our marks written by the command line among them)
    const cfs = (ws as unknown as { conditionalFormattings?: Array<{ ref: string; rules: Array<{ type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }> }> }).conditionalFormattings ?? [];
    for (const cf of cfs) {
      for (const rule of cf.rules) {
        sheet.cfs.push({
          id: model.id("cf"),
          type: rule.type === "expression" ? "Custom" : "CellValue",
          formula: rule.formulae?.[0] ?? null,
          fill: rule.style?.fill?.bgColor?.argb?.slice(-6) ?? null,
          areas: cf.ref.split(/\s+/).filter(Boolean).map((a) => parseRange(a)),
        });
      }
    }
  }
  return model;
}

/** Writes the fake's conditional formats into an exceljs workbook (marks made by the add-in, opened by the command line). */
export function fakeCfsToExcelJS(model: FakeWorkbook, wb: ExcelJS.Workbook): void {
  for (const sheet of model.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    const list: unknown[] = [];
    sheet.cfs.forEach((cf, i) => {
      list.push({
        ref: cf.areas.map(rangeAddress).join(" "),
        rules: [{ type: cf.type === "Custom" ? "expression" : "cellIs", priority: i + 1, formulae: [cf.formula ?? ""], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${cf.fill ?? "FFFFFF"}` } } } }],
      });
    });
    (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings = list;
  }
}

export async function fakeFromFile(file: string): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return fakeFromExcelJS(wb);
}

/** A fake workbook holding the grids (texts and types; no formats). */
export function fakeFromGrids(grids: readonly SheetGrid[]): FakeWorkbook {
  const model = new FakeWorkbook();
  for (const g of grids) {
    const sheet = model.addSheet(g.name);
    sheet.protected = !!g.protected;
    for (let r = 1; r <= g.rowCount; r++) {
      for (let c = 1; c <= g.columnCount; c++) {
        const cell = g.cell(r, c);
        if (cell) sheet.setCell(r, c, { text: cell.text, valueType: TYPE[cell.type], format: {} });
      }
    }
    sheet.merges = g.merges.map((m) => ({ ...m }));
  }
  return model;
}

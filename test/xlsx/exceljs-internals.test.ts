/**
 * One test per behaviour of exceljs that src/xlsx/exceljs-internals.ts relies on beyond exceljs's
 * typed API. exceljs is pinned (package.json); an upgrade that changes one of these fails the test
 * named after it.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import fs from "node:fs";
import { rangeAddress } from "../../src/core/grid";
import {
  conditionalFormats,
  dataValidationModel,
  forEachHeldCell,
  keepAutomaticPageNumbers,
  loadPackage,
  removeNote,
  renameWorksheet,
  replaceRows,
  rowModels,
  setConditionalFormats,
  setDataValidationModel,
  spliceDefinedNames,
  worksheetMerges,
  worksheetProtected,
} from "../../src/xlsx/exceljs-internals";
import { SAMPLE } from "../helpers/seed";

const S1 = "部门整体支出";

async function sample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await loadPackage(wb, new Uint8Array(fs.readFileSync(SAMPLE)));
  return wb;
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await loadPackage(back, new Uint8Array(await wb.xlsx.writeBuffer()));
  return back;
}

async function sheetXml(wb: ExcelJS.Workbook, n = 1): Promise<string> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  return zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string");
}

function emptyBook(): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  return { wb, ws: wb.addWorksheet("表") };
}

describe("exceljs 4.4.0 internals the xlsx adapter relies on", () => {
  it("loadPackage: xlsx.load reads a plain Uint8Array (not a Node Buffer)", async () => {
    const wb = await sample();
    expect(wb.worksheets.map((w) => w.name)).toHaveLength(6);
    expect(wb.getWorksheet(S1)!.getCell("D24").text).toBe("组织预算编制及执行单位数量");
  });

  it('keepAutomaticPageNumbers: exceljs writes useFirstPageNumber="1" for a sheet that had none, unless the number is forgotten', async () => {
    const quirk = await sample();
    expect(quirk.getWorksheet(S1)!.pageSetup).toMatchObject({ firstPageNumber: 1, useFirstPageNumber: false });
    expect(await sheetXml(quirk)).toMatch(/<pageSetup [^>]*useFirstPageNumber="1"/);
    const kept = await sample();
    keepAutomaticPageNumbers(kept.getWorksheet(S1)!);
    expect(await sheetXml(kept)).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(await sheetXml(kept)).not.toMatch(/useFirstPageNumber|firstPageNumber/);
  });

  it("worksheetProtected: sheetProtection.sheet is set by protect() and by reading a protected sheet", async () => {
    const { wb, ws } = emptyBook();
    expect(worksheetProtected(ws)).toBe(false);
    await ws.protect("", {});
    expect(worksheetProtected(ws)).toBe(true);
    expect(worksheetProtected((await roundTrip(wb)).getWorksheet("表")!)).toBe(true);
    ws.unprotect();
    expect(worksheetProtected(ws)).toBe(false);
  });

  it("worksheetMerges: the _merges index holds every merge of the model, and follows merge/unmerge", async () => {
    const ws = (await sample()).getWorksheet(S1)!;
    const fromModel = (ws.model as unknown as { merges: string[] }).merges;
    expect(worksheetMerges(ws).map(rangeAddress).sort()).toEqual([...fromModel].sort());
    expect(worksheetMerges(ws).map(rangeAddress)).toEqual(expect.arrayContaining(["B24:B50", "C36:C43"]));
    ws.unMergeCells("C36:C43");
    ws.mergeCellsWithoutStyle(1, 8, 2, 9);
    const after = worksheetMerges(ws).map(rangeAddress);
    expect(after).not.toContain("C36:C43");
    expect(after).toContain("H1:I2");
    // sorted top to bottom, then left to right
    const tops = worksheetMerges(ws).map((m) => m.top * 1000 + m.left);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });

  it("conditionalFormats / setConditionalFormats: the conditionalFormattings field is what is read and written", async () => {
    const { wb, ws } = emptyBook();
    expect(conditionalFormats(ws)).toEqual([]);
    const rule = { type: "expression" as const, priority: 1, formulae: ['ISTEXT("x")'] };
    ws.addConditionalFormatting({ ref: "A1:A3 C5", rules: [rule] });
    expect(conditionalFormats(ws)).toEqual([{ ref: "A1:A3 C5", rules: [rule] }]);
    const read = conditionalFormats((await roundTrip(wb)).getWorksheet("表")!);
    expect(read).toHaveLength(1);
    expect(read[0].ref).toBe("A1:A3 C5");
    expect(read[0].rules[0]).toMatchObject({ type: "expression", priority: 1, formulae: ['ISTEXT("x")'] });
    setConditionalFormats(ws, [{ ref: "B2", rules: [{ ...rule, formulae: ['ISTEXT("y")'] }] }]);
    const xml = await sheetXml(wb);
    expect(xml).toContain('sqref="B2"');
    expect(xml).toContain("ISTEXT(&quot;y&quot;)");
    expect(xml).not.toContain("A1:A3");
  });

  it("forEachHeldCell: the _rows/_cells arrays hold every cell object, a note on an empty cell too, none made up", () => {
    const { ws } = emptyBook();
    ws.getCell("B2").value = "值";
    ws.getCell("D5").note = "空单元格上的批注";
    ws.getCell("A1"); // an empty cell object, no value
    const seen: string[] = [];
    forEachHeldCell(ws, (c) => seen.push(c.address));
    expect(seen.sort()).toEqual(["A1", "B2", "D5"]);
    const again: string[] = [];
    forEachHeldCell(ws, (c) => again.push(c.address));
    expect(again).toHaveLength(3);
  });

  it("removeNote: clearing _comment and the copy Cell.model leaves on the value's model removes the note for good", async () => {
    const { wb, ws } = emptyBook();
    const cell = ws.getCell("C3");
    cell.value = "文字";
    cell.note = "我们的批注";
    expect(cell.model.comment).toMatchObject({ type: "note", note: { texts: [{ text: "我们的批注" }] } }); // the getter copies the note onto the value's model
    removeNote(cell);
    expect(cell.note).toBeUndefined();
    expect(cell.model.comment).toBeUndefined();
    const back = (await roundTrip(wb)).getWorksheet("表")!.getCell("C3");
    expect(back.note).toBeUndefined();
    expect(back.value).toBe("文字");
  });

  it("rowModels / replaceRows: _parseRows rebuilds rows from their models (values, styles, notes), with every merge forgotten", async () => {
    const wb = await sample();
    const ws = wb.getWorksheet(S1)!;
    ws.getCell("F30").note = "批注";
    const before = { d24: ws.getCell("D24").value, style: ws.getCell("E31").style, rows: ws.rowCount };
    const models = rowModels(ws);
    expect(models.length).toBeGreaterThan(60);
    expect(models[0].cells[0].address).toMatch(/^[A-Z]+\d+$/); // addresses are "A1" strings at run time
    expect(models.some((m) => m.cells.some((c) => c.type === ExcelJS.ValueType.Merge))).toBe(true);
    replaceRows(ws, models);
    expect(worksheetMerges(ws)).toEqual([]);
    expect(ws.getCell("D24").value).toEqual(before.d24);
    expect(ws.getCell("E31").style).toEqual(before.style);
    expect(ws.getCell("F30").note).toBe("批注");
    expect(ws.rowCount).toBe(before.rows);
    const back = (await roundTrip(wb)).getWorksheet(S1)!;
    expect(back.getCell("E31").style.fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
  });

  it("dataValidationModel / setDataValidationModel: validations are a model keyed by address, written as set", async () => {
    const { wb, ws } = emptyBook();
    ws.getCell("B2").dataValidation = { type: "list", allowBlank: true, formulae: ['"≥,≤,="'] };
    const model = dataValidationModel(ws);
    expect(Object.keys(model)).toEqual(["B2"]);
    setDataValidationModel(ws, { B4: model.B2 });
    expect(await sheetXml(wb)).toMatch(/<dataValidation [^>]*sqref="B4"/);
    expect(ws.getCell("B4").dataValidation).toMatchObject({ type: "list" });
  });

  it("spliceDefinedNames: DefinedNames.spliceRows moves a name's cells on its sheet only", () => {
    const { wb, ws } = emptyBook();
    const other = wb.addWorksheet("另一表");
    ws.getCell("B5").name = "预算";
    other.getCell("B5").name = "别处";
    spliceDefinedNames(wb, "表", 3, 0, 2);
    expect(ws.getCell("B7").name).toBe("预算");
    expect(ws.getCell("B5").names).toEqual([]);
    expect(other.getCell("B5").name).toBe("别处");
    spliceDefinedNames(wb, "表", 6, 1, 0);
    expect(wb.definedNames.model).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "预算", ranges: ["'表'!$B$6"] })])
    );
  });

  it("renameWorksheet: a name the setter would cut (over 31 characters) is kept, found by getWorksheet and written as it is", async () => {
    const { wb, ws } = emptyBook();
    const long = "某某市财政局二〇二五年度部门预算项目支出绩效目标申报表（第一批）";
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    ws.name = long;
    warn.mockRestore();
    expect(ws.name).toBe(long.slice(0, 31)); // the quirk: the setter cuts
    renameWorksheet(ws, long);
    expect(wb.getWorksheet(long)).toBe(ws);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain(`name="${long}"`);
  });
});

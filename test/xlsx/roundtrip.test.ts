/**
 * Round trip on the real file: mark with the xlsx adapter, save, reopen, clear, save: every cell's
 * value, style and note equal the original's (E31's fill, F62's note), merges and the default font too.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import { SEVERITY_ORDER, type Severity } from "../../src/core/finding";
import { MARK_FILL, markSeverity, NOTE_PREFIX } from "../../src/core/marks";
import { WorkbookError } from "../../src/core/port";
import { runCheck } from "../../src/core/workflow";
import { conditionalFormats, dataValidationModel } from "../../src/xlsx/exceljs-internals";
import { SNIFF_MESSAGES } from "../../src/xlsx/sniff";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { encryptedOle } from "../cli/helpers";
import { seedFindings } from "../contract/helpers";
import { SAMPLE } from "../helpers/seed";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every cell's value, style and note, every merge, width, height, print setup: a comparable snapshot. */
function snapshot(wb: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    const cells: Record<string, unknown> = {};
    for (let r = 1; r <= Math.max(ws.rowCount, 1); r++) {
      const row = ws.getRow(r);
      cells[`row${r}`] = { height: row.height, hidden: row.hidden };
      for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) {
        const cell = ws.getCell(r, c);
        cells[cell.address] = { value: cell.value, style: cell.style, note: cell.note ?? null };
      }
    }
    out[ws.name] = {
      cells,
      merges: (ws.model as unknown as { merges: string[] }).merges.slice().sort(),
      widths: ws.columns?.map((c) => c.width) ?? [],
      pageSetup: ws.pageSetup,
      cfs: conditionalFormats(ws),
      dataValidations: dataValidationModel(ws),
    };
  }
  return JSON.parse(JSON.stringify(out));
}

async function fontsOf(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = await zip.file("xl/styles.xml")!.async("string");
  return /<font\b[^>]*>[\s\S]*?<\/font>/.exec(/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)![1])![0];
}

describe("xlsx adapter round trip on liupanshui-2025.xlsx", () => {
  let original: Uint8Array;
  beforeAll(async () => {
    original = new Uint8Array(await fs.readFile(SAMPLE));
  });

  it("mark → save → reopen (marks present, user formats untouched) → clear → save: every cell equals the original", async () => {
    const wb = await XlsxWorkbook.load(original);
    await wb.mark(seedFindings(), { notes: true });
    const marked = await wb.save();

    // the marks are in the file: conditional formats with our formulas and colours
    const m = await load(marked);
    const ws = m.getWorksheet("部门整体支出")!;
    type Rule = { formulae: string[]; style: { fill: { bgColor: { argb: string } } } };
    const cfs = conditionalFormats(ws).map((cf) => ({ ref: cf.ref, rules: cf.rules as unknown as Rule[] }));
    const bySeverity = new Map(cfs.map((cf) => [markSeverity(cf.rules[0].formulae[0]), cf]));
    expect(bySeverity.get("error")!.ref.split(" ").sort()).toEqual(["D22", "E31", "E40"]);
    expect(bySeverity.get("warning")!.ref).toBe("F62");
    expect(bySeverity.get("info")!.ref).toBe("D20:D21");
    expect(bySeverity.get("error")!.rules[0].style.fill.bgColor.argb).toBe(`FF${MARK_FILL.error}`);
    // the user's fill and note are untouched; our notes went only where there was none
    expect(ws.getCell("E31").style.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("F62").note).toBe("编制人备注：此项指标解释待补充。");
    expect(String(ws.getCell("D20").note)).toBe(`${NOTE_PREFIX}指标名称可更具体`);
    expect(String(ws.getCell("E40").note)).toBe(`${NOTE_PREFIX}数值含糊\n缺少单位`);

    const reopened = await XlsxWorkbook.load(marked);
    await reopened.clearMarks();
    const cleared = await reopened.save();

    const a = snapshot(await load(original));
    const b = snapshot(await load(cleared));
    for (const sheet of Object.keys(a)) {
      const sa = a[sheet] as { cells: Record<string, unknown> };
      const sb = b[sheet] as { cells: Record<string, unknown> };
      for (const key of Object.keys(sa.cells)) expect([sheet, key, sb.cells[key]]).toEqual([sheet, key, sa.cells[key]]);
      expect(b[sheet]).toEqual(a[sheet]);
    }
    const c = await load(cleared);
    expect(c.getWorksheet("部门整体支出")!.getCell("E31").style.fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
    expect(c.getWorksheet("部门整体支出")!.getCell("F62").note).toBe("编制人备注：此项指标解释待补充。");
    expect(await fontsOf(cleared)).toBe(await fontsOf(original));
  });

  it("runCheck over the adapter: the saved file carries a mark on every flagged cell (its most severe finding's colour) and nowhere else", async () => {
    // a sheet without any table gets no mark
    const source = await load(original);
    source.addWorksheet("附表").getCell("A1").value = "说明";
    const wb = await XlsxWorkbook.load(new Uint8Array(await source.xlsx.writeBuffer()));
    const result = await runCheck(wb);
    expect(result.parse.sheets).toHaveLength(7);
    const expected = new Map<string, Map<string, string>>();
    for (const f of result.findings) {
      const cells = expected.get(f.sheet) ?? new Map<string, string>();
      expected.set(f.sheet, cells);
      const cur = cells.get(f.cell);
      if (!cur || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[cur as Severity]) cells.set(f.cell, f.severity);
    }
    const marks = (await XlsxWorkbook.load(await wb.save())).marks();
    expect(marks.has("附表")).toBe(false);
    expect([...marks.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [sheet, cells] of expected) expect({ sheet, marks: marks.get(sheet) }).toEqual({ sheet, marks: cells });
  });

  it("keeps a default font exceljs would replace (等线, charset 134), and the user's customXml parts", async () => {
    const zip = await JSZip.loadAsync(original);
    let styles = await zip.file("xl/styles.xml")!.async("string");
    const font =
      '<font><sz val="11"/><color theme="1"/><name val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></font>';
    styles = styles.replace(/<font\b[^>]*>[\s\S]*?<\/font>/, font);
    zip.file("xl/styles.xml", styles);
    zip.file("customXml/item1.xml", '<?xml version="1.0"?><other xmlns="urn:someone-else">keep me</other>');
    zip.file(
      "customXml/_rels/item1.xml.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>'
    );
    zip.file(
      "customXml/itemProps1.xml",
      '<?xml version="1.0"?><ds:datastoreItem ds:itemID="{11111111-2222-3333-4444-555555555555}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>'
    );
    const input = await zip.generateAsync({ type: "uint8array" });
    const wb = await XlsxWorkbook.load(input);
    await wb.mark(seedFindings());
    await wb.saveSettings({ ...(await wb.loadSettings()), budgetYear: 2025 });
    const out = await wb.save();
    expect(await fontsOf(out)).toBe(font);
    const z = await JSZip.loadAsync(out);
    const items = await Promise.all(
      Object.keys(z.files)
        .filter((n) => /^customXml\/item\d+\.xml$/.test(n))
        .map((n) => z.file(n)!.async("string"))
    );
    expect(items.some((x) => x.includes("keep me"))).toBe(true);
    expect(items.some((x) => x.includes("urn:perf-target-assistant:settings"))).toBe(true);
    const again = await XlsxWorkbook.load(out);
    expect((await again.loadSettings()).budgetYear).toBe(2025);
    expect(await fontsOf(await again.save())).toBe(font);
  });

  it.each([
    ["an empty file", new Uint8Array(0), SNIFF_MESSAGES.empty],
    ["a text file", new TextEncoder().encode("项目名称,指标值\n"), SNIFF_MESSAGES.text],
    ["an encrypted (OLE) file", new Uint8Array(encryptedOle()), SNIFF_MESSAGES.encrypted],
    [
      "an old .xls (OLE) file",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      SNIFF_MESSAGES.oldBinary,
    ],
    ["a corrupt zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), SNIFF_MESSAGES.damaged],
  ])("refuses %s with WorkbookError(unreadable) in Chinese", async (_name, bytes, message) => {
    const err = await XlsxWorkbook.load(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe("unreadable");
    expect((err as WorkbookError).message).toBe(message);
  });
});

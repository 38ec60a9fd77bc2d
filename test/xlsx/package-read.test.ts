/**
 * Reading a workbook for checking straight from the package (src/xlsx/package-read.ts): the same
 * grids as exceljs gives (text as shown, types, merges, protection) on a workbook of every kind of
 * cell, sheet by sheet problems, the settings part; and the XML scanner and the bounds under it.
 */
import fs from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetGrid } from "../../src/core/grid";
import { WorkbookError } from "../../src/core/port";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { boundedGrid, MAX_GRID_CELLS } from "../../src/xlsx/bounds";
import { readWorksheet } from "../../src/xlsx/grid";
import { readWorkbook } from "../../src/xlsx/package-read";
import { SNIFF_MESSAGES } from "../../src/xlsx/sniff";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { attrsOf, decodeXmlText, scanXml, XmlError, type XmlHandler } from "../../src/xlsx/xml";
import { SAMPLE } from "../helpers/seed";

function cells(g: SheetGrid): string[] {
  const out: string[] = [];
  for (let r = 1; r <= g.rowCount; r++)
    for (let c = 1; c <= g.columnCount; c++) {
      const x = g.cell(r, c);
      if (x) out.push(`${r},${c} ${x.type} ${x.text}`);
    }
  return out;
}

/** Both readings of the bytes: the package reader's and exceljs's (bounds.ts applied to both). */
async function bothReadings(bytes: Uint8Array) {
  const light = await readWorkbook(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { light, heavy: wb.worksheets.map(readWorksheet) };
}

/** A workbook with every kind of cell the checker meets. */
async function everyKind(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("各种单元格");
  const put = (a: string, value: ExcelJS.CellValue, numFmt?: string) => {
    ws.getCell(a).value = value;
    if (numFmt) ws.getCell(a).numFmt = numFmt;
  };
  put("A1", "文字");
  put("A2", 0.95, "0%");
  put("A3", 0.955, "0.0%");
  put("A4", 1234567.891, "#,##0.00");
  put("A5", 12.5, "0.00");
  put("A6", 3);
  put("A7", new Date(Date.UTC(2025, 11, 31)), 'yyyy"年"m"月"d"日"');
  put("A8", new Date(Date.UTC(2025, 5, 1)), "yyyy-mm-dd");
  put("A9", true);
  put("A10", { error: "#N/A" } as ExcelJS.CellErrorValue);
  put("A11", { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] });
  put("A12", { formula: "A6*2", result: 6 });
  put("A13", { formula: 'A1&"x"', result: "文字x" });
  put("A14", { formula: "A6>1", result: true });
  put("A15", { text: "链接", hyperlink: "https://example.org" });
  put("A16", "  前后空格  ");
  put("A17", "多行\n文字");
  put("A18", "<&>\"'");
  put("A19", 0.5, "0.00%;[Red]-0.00%");
  put("A20", 45000, "m/d/yy");
  ws.mergeCells("B1:C3");
  ws.getCell("B1").value = "合并";
  ws.mergeCells("B5:B9");
  ws.getCell("B5").value = "竖着合并";
  ws.getCell("D1").value = "受保护";
  await ws.protect("", {});
  const other = wb.addWorksheet("另一张");
  other.getCell("C3").value = "只有一格";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readWorkbook: the package reader", () => {
  it.each([
    ["the sample", () => new Uint8Array(fs.readFileSync(SAMPLE))],
    ["a workbook of every kind of cell", everyKind],
  ])("gives the same grids as exceljs on %s", async (_what, make) => {
    const { light, heavy } = await bothReadings(await make());
    expect(light.sheets.map((s) => s.name)).toEqual(heavy.map((s) => s.name));
    light.sheets.forEach((s, i) => {
      const h = heavy[i];
      expect(s.problem).toBeNull();
      expect(cells(s.grid!)).toEqual(cells(h.grid!));
      expect(s.grid!.merges).toEqual(h.grid!.merges);
      expect(s.grid!.protected).toBe(h.grid!.protected);
      expect([s.grid!.rowCount, s.grid!.columnCount]).toEqual([h.grid!.rowCount, h.grid!.columnCount]);
    });
  });

  it("shows numbers, dates and the rest as Excel does", async () => {
    const { light } = await bothReadings(await everyKind());
    const g = light.sheets[0].grid!;
    const at = (r: number) => g.cell(r, 1);
    expect([at(2), at(3), at(4), at(5)].map((c) => c?.text)).toEqual(["95%", "95.5%", "1,234,567.89", "12.50"]);
    expect(at(7)).toEqual({ text: "2025年12月31日", type: "date" });
    expect(at(8)).toEqual({ text: "2025-06-01", type: "date" });
    expect(at(9)).toEqual({ text: "TRUE", type: "boolean" });
    expect(at(10)).toEqual({ text: "#N/A", type: "error" });
    expect([at(11), at(12), at(13), at(15), at(17), at(18)].map((c) => c?.text)).toEqual([
      "富文本",
      "6",
      "文字x",
      "链接",
      "多行\n文字",
      "<&>\"'",
    ]);
    expect(g.merges).toEqual([
      { top: 1, left: 2, bottom: 3, right: 3 },
      { top: 5, left: 2, bottom: 9, right: 2 },
    ]);
    expect(g.protected).toBe(true);
  });

  it("reads sheet by sheet: a damaged or missing sheet is a problem of that sheet only", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    zip.file("xl/worksheets/sheet2.xml", '<worksheet><sheetData><row r="1"></sheetData></worksheet>');
    zip.remove("xl/worksheets/sheet3.xml");
    const read = await readWorkbook(await zip.generateAsync({ type: "uint8array" }));
    expect(read.sheets.map((s) => [s.name, s.problem === null])).toEqual([
      ["部门整体支出", true],
      ["评审绩效信息化运维", false],
      ["会计职称考试", false],
      ["国资在线监测", true],
      ["财政监督检查", true],
      ["政府采购电子卖场", true],
    ]);
    expect(read.sheets[1].problem).toBe("工作表的数据已损坏（XML 标签不匹配（</sheetData>））。");
    expect(read.sheets[2].problem).toBe("工作表的数据（xl/worksheets/sheet3.xml）在文件中不存在。");
  });

  it("checks each part against the zip's checksum: a changed byte is damage, not a different text", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    const bytes = Buffer.from(await zip.generateAsync({ type: "uint8array", compression: "STORE" }));
    const at = bytes.indexOf(Buffer.from("组织预算编制及执行单位数量"));
    bytes[at + 2] ^= 0x01; // a different character of the same length, in the shared strings
    const read = await readWorkbook(new Uint8Array(bytes));
    for (const s of read.sheets)
      expect(s.problem).toMatch(/共享字符串表（xl\/sharedStrings\.xml）已损坏（校验和不符）/);
  });

  it("refuses what is no workbook with the sniffer's messages", async () => {
    await expect(readWorkbook(new Uint8Array(0))).rejects.toEqual(
      new WorkbookError("unreadable", SNIFF_MESSAGES.empty)
    );
  });

  it("finds the add-in's settings part", async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array(fs.readFileSync(SAMPLE)));
    await wb.saveSettings({
      version: 1,
      rules: { "vague-value": "off" },
      budgetYear: null,
      highlight: true,
      notes: false,
      ignored: [],
      userTemplates: [],
    });
    const read = await readWorkbook(await wb.save());
    expect(read.settingsXml).toContain('"vague-value":"off"');
    expect(read.settingsProblem).toBeNull();
  });

  it("says when a customXml item that is or may be the settings part cannot be read; another's damaged item is not ours", async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array(fs.readFileSync(SAMPLE)));
    await wb.saveSettings({ ...DEFAULT_SETTINGS, rules: { "vague-value": "off" } });
    const saved = await JSZip.loadAsync(await wb.save());
    /**
     * The package (stored, not compressed) with customXml/item2.xml of another schema (with its
     * properties or none), `drop`: parts removed, `damage`: texts whose first byte is changed.
     */
    const variant = async (other: "props" | "no-props" | null, damage: string[], drop: string[] = []) => {
      const zip = await JSZip.loadAsync(await saved.generateAsync({ type: "uint8array" }));
      for (const part of drop) zip.remove(part);
      if (other) {
        zip.file("customXml/item2.xml", '<other xmlns="urn:someone-else">其他数据</other>');
        if (other === "props") {
          zip.file(
            "customXml/itemProps2.xml",
            '<ds:datastoreItem ds:itemID="{1}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:someone-else"/></ds:schemaRefs></ds:datastoreItem>'
          );
          zip.file(
            "customXml/_rels/item2.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps2.xml"/></Relationships>'
          );
        }
      }
      const bytes = Buffer.from(await zip.generateAsync({ type: "uint8array", compression: "STORE" }));
      for (const text of damage) bytes[bytes.indexOf(Buffer.from(text))] ^= 0x01;
      return readWorkbook(new Uint8Array(bytes));
    };
    const DAMAGED = "工作簿中保存的设置已损坏（校验和不符），已使用默认设置。";
    // ours, damaged: the defaults, and why
    expect(await variant(null, ['"vague-value"'])).toMatchObject({ settingsXml: null, settingsProblem: DAMAGED });
    // another schema's item damaged: ours read, nothing to say
    const ours = await variant("props", ["其他数据"]);
    expect(ours.settingsXml).toContain('"vague-value":"off"');
    expect(ours.settingsProblem).toBeNull();
    // both damaged: only ours is said
    expect(await variant("props", ["其他数据", '"vague-value"'])).toMatchObject({ settingsProblem: DAMAGED });
    // another's damaged item, and no settings part: nothing to say
    expect(await variant("props", ["其他数据"], ["customXml/item1.xml"])).toMatchObject({
      settingsXml: null,
      settingsProblem: null,
    });
    // an item without properties may be ours: said when no readable item is ours
    const unknown = await variant("no-props", ["其他数据"]);
    expect(unknown.settingsXml).toContain('"vague-value":"off"');
    expect(unknown.settingsProblem).toBeNull();
    expect(await variant(null, ['"vague-value"'], ["customXml/itemProps1.xml"])).toMatchObject({
      settingsXml: null,
      settingsProblem: DAMAGED,
    });
  });
});

describe("bounds", () => {
  const t = (text: string) => ({ text, type: "text" as const });

  it("clips merges to the content, drops those beyond it, empties covered cells", () => {
    const rows = [0, 1, 2].map((r) => [0, 1, 2].map((c) => t(`${r + 1},${c + 1}`)));
    const read = boundedGrid(
      "表",
      rows,
      [
        { top: 2, left: 2, bottom: 1048576, right: 16384 },
        { top: 5, left: 5, bottom: 9, right: 9 },
      ],
      false
    );
    expect(read.grid!.merges).toEqual([{ top: 2, left: 2, bottom: 3, right: 3 }]);
    expect(read.grid!.cell(2, 2)).toEqual(t("2,2"));
    expect([read.grid!.cell(2, 3), read.grid!.cell(3, 2), read.grid!.cell(3, 3)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect([read.grid!.rowCount, read.grid!.columnCount]).toEqual([3, 3]);
  });

  it("refuses a sheet spanning more than MAX_GRID_CELLS, naming the far cell", () => {
    const rows: { text: string; type: "text" }[][] = [];
    rows[8999] = [];
    rows[8999][16383] = t("x");
    rows[0] = [t("a")];
    const read = boundedGrid("表", rows, [], false);
    expect(read.grid).toBeNull();
    expect(read.problem).toMatch(
      /^内容范围太大（从 A1 到 XFD9000，约 14746 万个单元格，上限 500 万），最远的单元格是 XFD9000。/
    );
    expect(9000 * 16384).toBeGreaterThan(MAX_GRID_CELLS);
  });
});

describe("the XML scanner", () => {
  function events(xml: string): string[] {
    const out: string[] = [];
    const h: XmlHandler = {
      open: (name, raw, self) => out.push(`<${name}${self ? "/" : ""} ${JSON.stringify(attrsOf(raw))}`),
      close: (name) => out.push(`</${name}`),
      wantsText: () => true,
      text: (s) => out.push(s),
    };
    scanXml(xml, h);
    return out;
  }

  it("reads elements (prefixes dropped), attributes, entities, character references, CDATA", () => {
    expect(
      events(
        '<?xml version="1.0"?><x:a k="1" r:id=\'&lt;2&gt;\'><!-- c --><b/>t&amp;&#x4E2D;&#25991;<![CDATA[<raw>]]></x:a>'
      )
    ).toEqual(['<a {"k":"1","r:id":"<2>"}', "<b/ {}", "</b", "t&中文", "<raw>", "</a"]);
    expect(decodeXmlText("a\r\nb\rc")).toBe("a\nb\nc");
  });

  it.each([
    ["a truncated document", "<a><b></b>"],
    ["mismatched tags", "<a><b></a></b>"],
    ["two roots", "<a/><b/>"],
    ["a DOCTYPE", '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ["an undefined entity", "<a>&nbsp;</a>"],
    ["a NUL character reference", "<a>&#0;</a>"],
    ["a surrogate character reference", "<a>&#xD800;</a>"],
    ["a reference beyond Unicode", "<a>&#x110000;</a>"],
    ["a raw control character", "<a>\u0001</a>"],
    ["an attribute twice", '<a k="1" k="2"/>'],
    ["an unquoted attribute", "<a k=1/>"],
    ["a < in an attribute", '<a k="<"/>'],
    ["text outside the root", "<a/>x"],
  ])("refuses %s", (_what, xml) => {
    expect(() => events(xml)).toThrow(XmlError);
  });

  it("reads deeply nested elements without recursion", () => {
    const n = 100_000;
    expect(events(`${"<a>".repeat(n)}${"</a>".repeat(n)}`)).toHaveLength(2 * n);
  });
});

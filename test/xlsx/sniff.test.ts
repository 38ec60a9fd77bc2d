/**
 * The one byte sniffer (src/xlsx/sniff.ts): what each usual wrong file is told, the same words for
 * the command line and the web page, and the size read from the zip's central directory.
 */
import fs from "node:fs";
import JSZip from "jszip";
import { MAX_SHEET_BYTES, sheetBytes, sniffXlsx, SNIFF_MESSAGES } from "../../src/xlsx/sniff";
import { encryptedOle, SAMPLE } from "../cli/helpers";

const bytes = (b: Buffer | string) => new Uint8Array(typeof b === "string" ? Buffer.from(b) : b);

describe("sniffXlsx", () => {
  it.each([
    ["empty", new Uint8Array(), SNIFF_MESSAGES.empty],
    ["an encrypted workbook (OLE with EncryptionInfo)", bytes(encryptedOle()), SNIFF_MESSAGES.encrypted],
    [
      "an old .xls (OLE without it)",
      bytes(Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(600)])),
      SNIFF_MESSAGES.oldBinary,
    ],
    ["CSV text", bytes("a,b,c\n1,2,3\n"), SNIFF_MESSAGES.text],
    ["a web page", bytes("<!DOCTYPE html><html>"), SNIFF_MESSAGES.html],
    ["XML Spreadsheet 2003", bytes('<?xml version="1.0"?><Workbook/>'), SNIFF_MESSAGES.xml],
    ["binary that is no zip", new Uint8Array([0, 1, 2, 3, 4, 5]), SNIFF_MESSAGES.notXlsx],
    ["a zip cut in half", bytes(fs.readFileSync(SAMPLE).subarray(0, 15000)), SNIFF_MESSAGES.damaged],
  ])("%s", (_what, input, message) => {
    expect(sniffXlsx(input)).toBe(message);
  });

  it("says a zip without xl/workbook.xml is no workbook, and lets the sample through", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    expect(sniffXlsx(await zip.generateAsync({ type: "uint8array" }))).toBe(SNIFF_MESSAGES.noWorkbook);
    expect(sniffXlsx(bytes(fs.readFileSync(SAMPLE)))).toBeNull();
  });

  it("every message is Chinese and says what to do (另存为 / 重新获取 / 清除密码 …)", () => {
    for (const m of Object.values(SNIFF_MESSAGES)) expect(m).toMatch(/^(无法读取：|文件是空的)/);
    expect(SNIFF_MESSAGES.oldBinary).toContain("另存为");
    expect(SNIFF_MESSAGES.empty).toContain("重新获取");
    expect(SNIFF_MESSAGES.encrypted).toContain("清除密码");
  });
});

describe("sheetBytes", () => {
  it("reads the worksheets' uncompressed size from the zip's central directory", async () => {
    const sample = bytes(fs.readFileSync(SAMPLE));
    const zip = await JSZip.loadAsync(sample);
    let expected = 0;
    for (const name of Object.keys(zip.files).filter((n) =>
      /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/.test(n)
    ))
      expected += (await zip.file(name)!.async("uint8array")).length;
    expect(sheetBytes(sample)).toBe(expected);
    expect(sheetBytes(bytes("PK not really a zip"))).toBeNull();
  });

  it("refuses a package whose directory announces sheets beyond the limit, without inflating them", () => {
    const b = Buffer.from(fs.readFileSync(SAMPLE));
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    for (let p = b.length - 22; p >= 0; p--) {
      if (b.readUInt32LE(p) === 0x02014b50 && b.subarray(p + 46, p + 46 + name.length).equals(name)) {
        b.writeUInt32LE(MAX_SHEET_BYTES + 1, p + 24);
        break;
      }
    }
    expect(sniffXlsx(bytes(b))).toMatch(/^无法检查：工作表数据过大（解压后约 15\d MB，上限 150 MB）。/);
  });
});

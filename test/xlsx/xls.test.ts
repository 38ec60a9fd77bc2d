/**
 * The .xls reader (src/xlsx/xls/): the .xls files LibreOffice makes from the sample and from the
 * twelve real published tables (test/fixtures/xls/, see its README) read exactly like the .xlsx
 * they came from — every cell's displayed text and type, every merge — and give the same findings;
 * number formats, dates, formula results, shared strings across CONTINUE records, protection;
 * the marked copy is an .xlsx; damaged, encrypted and foreign files get a Chinese message, never
 * a hang or a crash.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { checkGrids } from "../../src/core/check";
import type { SheetGrid } from "../../src/core/grid";
import { WorkbookError } from "../../src/core/port";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { gridFromWorksheet, worksheetProtected } from "../../src/xlsx/grid";
import { checkOpened, internalError, openForCheck, workbookFormat } from "../../src/xlsx/check-file";
import { markedCopy } from "../../src/xlsx/marked-copy";
import { readWorkbook, type WorkbookRead } from "../../src/xlsx/package-read";
import { openWorkbook } from "../../src/xlsx/open";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { XLS_MESSAGES } from "../../src/xlsx/xls/read";
import { excelJSFromBook, excelJSFromXls } from "../../src/xlsx/xls/workbook";
import type { XlsSheet } from "../../src/xlsx/xls/biff";
import { rkNumber } from "../../src/xlsx/xls/records";
import { encryptedOle } from "../cli/helpers";

const ROOT = path.resolve(__dirname, "..", "..");
const XLS = path.join(ROOT, "test", "fixtures", "xls");
const SAMPLE = path.join(ROOT, "samples", "liupanshui-2025.xlsx");

function bytesOf(file: string): Uint8Array {
  const b = fs.readFileSync(file);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** The grids of a read workbook (every sheet read). */
function gridsOf(read: WorkbookRead): SheetGrid[] {
  expect(read.sheets.filter((s) => s.problem)).toEqual([]);
  return read.sheets.map((s) => s.grid!);
}

/** An .xls as the checks read it (no exceljs). */
async function xlsGrids(file: string): Promise<SheetGrid[]> {
  return gridsOf((await openForCheck(bytesOf(file), file)).read);
}

/** An .xls as its marked copy holds it (the exceljs workbook made from it). */
async function xlsCopyGrids(file: string): Promise<SheetGrid[]> {
  return (await excelJSFromXls(bytesOf(file))).worksheets.map((ws) => gridFromWorksheet(ws));
}

/** An .xlsx as the checks read it (the package reader), and as exceljs loads it. */
async function xlsxGrids(file: string): Promise<SheetGrid[]> {
  return gridsOf(await readWorkbook(bytesOf(file)));
}

async function xlsxExcelJSGrids(file: string): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => gridFromWorksheet(ws));
}

/** Every cell as "A1=text(type)", and the merges: what the checks see. */
function picture(grids: readonly SheetGrid[]): string[] {
  const out: string[] = [];
  for (const g of grids) {
    out.push(`# ${g.name} merges ${JSON.stringify(g.merges)} protected ${!!g.protected}`);
    for (let r = 1; r <= g.rowCount; r++)
      for (let c = 1; c <= g.columnCount; c++) {
        const cell = g.cell(r, c);
        if (cell) out.push(`${g.name}!R${r}C${c}=${cell.text}(${cell.type})`);
      }
  }
  return out;
}

function findingsOf(grids: SheetGrid[]): string[] {
  return checkGrids(grids, DEFAULT_SETTINGS).findings.map(
    (f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.message}`
  );
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await openWorkbook(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookError);
    return (e as WorkbookError).message;
  }
  throw new Error("expected the file to be refused");
}

/** The sample .xls with `patch` applied at the first place `find` occurs. */
function patched(find: number[], replace: number[]): Uint8Array {
  const bytes = new Uint8Array(bytesOf(path.join(XLS, "liupanshui-2025.xls")));
  const at = Buffer.from(bytes).indexOf(Buffer.from(find));
  expect(at).toBeGreaterThan(0);
  bytes.set(replace, at);
  return bytes;
}

describe(".xls: the same cells, merges and findings as the .xlsx it came from", () => {
  test("the sample", async () => {
    const a = await xlsGrids(path.join(XLS, "liupanshui-2025.xls"));
    const b = await xlsxGrids(SAMPLE);
    expect(picture(a)).toEqual(picture(b));
    // the copy's exceljs workbook holds what was checked (else no copy is written), as exceljs holds the .xlsx
    expect(picture(await xlsCopyGrids(path.join(XLS, "liupanshui-2025.xls")))).toEqual(picture(a));
    expect(picture(await xlsxExcelJSGrids(SAMPLE))).toEqual(picture(b));
    const findings = findingsOf(a);
    expect(findings.length).toBeGreaterThan(50);
    expect(findings).toEqual(findingsOf(b));
  });

  const real = fs.readdirSync(path.join(XLS, "real")).filter((f) => f.endsWith(".xls"));
  test.each(real)("real table %s", async (name) => {
    const a = await xlsGrids(path.join(XLS, "real", name));
    const b = await xlsxGrids(path.join(ROOT, "test", "fixtures", "real", name.replace(/\.xls$/, ".xlsx")));
    expect(picture(a)).toEqual(picture(b));
    expect(picture(await xlsCopyGrids(path.join(XLS, "real", name)))).toEqual(picture(a));
    expect(findingsOf(a)).toEqual(findingsOf(b));
  });
  test("there are twelve", () => expect(real).toHaveLength(12));
});

describe(".xls: what a cell shows", () => {
  let grids: SheetGrid[];
  beforeAll(async () => {
    grids = await xlsGrids(path.join(XLS, "formats.xls"));
  });

  test("the copy's exceljs workbook holds the same", async () => {
    expect(picture(await xlsCopyGrids(path.join(XLS, "formats.xls")))).toEqual(picture(grids));
  });

  test("number formats and dates are shown as Excel shows them", () => {
    const g = grids[0];
    expect(g.cell(1, 1)).toEqual({ text: "95%", type: "number" });
    expect(g.cell(2, 1)).toEqual({ text: "1,234.50", type: "number" });
    expect(g.cell(3, 1)).toEqual({ text: "2025年3月1日", type: "date" });
    expect(g.cell(4, 1)).toEqual({ text: "2469", type: "number" });
    expect(g.cell(6, 1)).toEqual({ text: "TRUE", type: "boolean" });
    expect(g.cell(7, 1)).toEqual({ text: "-12345678.9", type: "number" });
    expect(g.cell(8, 1)).toEqual({ text: "12.5%", type: "number" });
    // B1:C3 merged; column C holds nothing, so the merge is clipped to the content (src/xlsx/bounds.ts)
    expect(g.merges).toEqual([{ top: 1, left: 2, bottom: 3, right: 2 }]);
    expect(g.cell(1, 2)).toEqual({ text: "合并单元格", type: "text" });
  });

  test("600 shared strings, split across CONTINUE records, all read exactly", () => {
    const g = grids[0];
    for (let i = 0; i < 600; i++)
      expect(g.cell(10 + i, 1)?.text).toBe(
        `第${i + 1}条很长的中文说明文字，用来让共享字符串表跨过续记录的边界 Mixed ascii ${i}`
      );
  });

  test("a hidden sheet stays hidden in the copy, and is read like the others", async () => {
    const wb = await excelJSFromXls(bytesOf(path.join(XLS, "formats.xls")));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["格式", "visible"],
      ["受保护", "visible"],
      ["隐藏", "hidden"],
    ]);
    expect(grids[2].cell(1, 1)?.text).toBe("隐藏的表");
  });

  test("a protected sheet is protected", () => {
    expect(grids[1].name).toBe("受保护");
    expect(grids[1].protected).toBe(true);
    expect(grids[0].protected).toBe(false);
  });

  test("formula results: text, error, boolean", async () => {
    const [g] = await xlsGrids(path.join(XLS, "formula-results.xls"));
    expect([g.cell(1, 1), g.cell(1, 2), g.cell(1, 3)]).toEqual([
      { text: "甲乙", type: "text" },
      { text: "#DIV/0!", type: "error" },
      { text: "TRUE", type: "boolean" },
    ]);
  });

  test("RK numbers: integers, hundredths, doubles", () => {
    expect(rkNumber((1234 << 2) | 2)).toBe(1234);
    expect(rkNumber((-5 << 2) | 2)).toBe(-5);
    expect(rkNumber((12345 << 2) | 3)).toBe(123.45);
    // 1.5 as a double: high word 0x3FF80000
    expect(rkNumber(0x3ff80000)).toBe(1.5);
  });
});

describe(".xls: the marked copy is an .xlsx", () => {
  test("marks and the list sheet, the cells as read, the original bytes untouched", async () => {
    const file = path.join(XLS, "liupanshui-2025.xls");
    const before = Buffer.from(bytesOf(file));
    const bytes = bytesOf(file);
    const { workbook, format } = await openWorkbook(bytes);
    expect(format).toBe("xls");
    const result = checkGrids(await workbook.readSheets(), await workbook.loadSettings());
    await workbook.mark(result.findings);
    const copy = await workbook.save();
    expect(workbookFormat(copy)).toBe("xlsx");
    const reopened = await XlsxWorkbook.load(copy);
    expect(picture(await reopened.readSheets())).toEqual(picture(await xlsxGrids(SAMPLE)));
    const marks = reopened.marks();
    expect(marks.get("部门整体支出")?.get("F62")).toBe("error");
    expect(Buffer.from(bytes).equals(before)).toBe(true);
  });

  test("column widths and row heights are kept", async () => {
    const wb = await excelJSFromXls(bytesOf(path.join(XLS, "liupanshui-2025.xls")));
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(SAMPLE);
    const a = wb.getWorksheet("部门整体支出")!;
    const b = original.getWorksheet("部门整体支出")!;
    for (let c = 1; c <= 6; c++) expect(a.getColumn(c).width).toBeCloseTo(b.getColumn(c).width ?? 0, 0);
    expect(worksheetProtected(a)).toBe(false);
  });

  test("a sheet name exceljs refuses is a damaged file; a fault of this tool is not called one", async () => {
    const sheet = (name: string, cells: XlsSheet["cells"] = []): XlsSheet => ({
      name,
      visibility: 0,
      cells,
      merges: [],
      protected: false,
      columns: [],
      rows: new Map(),
    });
    await expect(excelJSFromBook({ sheets: [sheet("表"), sheet("表")], date1904: false })).rejects.toEqual(
      new WorkbookError("unreadable", XLS_MESSAGES.damaged)
    );
    await expect(excelJSFromBook({ sheets: [sheet("收入:支出")], date1904: false })).rejects.toEqual(
      new WorkbookError("unreadable", XLS_MESSAGES.damaged)
    );
    // a cell beyond Excel's columns, which read.ts never gives: exceljs's own error, for internalError
    const fault = await excelJSFromBook({
      sheets: [sheet("表", [{ row: 1, col: 20000, value: 1, format: undefined }])],
      date1904: false,
    }).catch((e: unknown) => e);
    expect(fault).toBeInstanceOf(Error);
    expect(fault).not.toBeInstanceOf(WorkbookError);
    expect(internalError(fault)).toMatch(/^检查时出错：.*（这是本工具的问题，请报告）。$/);
    // … and the marked copy says so too
    const file = path.join(XLS, "liupanshui-2025.xls");
    const opened = await openForCheck(bytesOf(file), file);
    const checked = checkOpened(opened, { settings: null, workbookSettings: false, noticeHint: "" });
    opened.xls!.sheets[0].cells.push({ row: 1, col: 20000, value: 1, format: undefined });
    const made = await markedCopy(opened, checked, false);
    expect(made.bytes).toBeNull();
    expect(made.problem).toMatch(/^检查时出错：.*（这是本工具的问题，请报告）。$/);
  });
});

describe(".xls that cannot be read: a Chinese message", () => {
  test("an encrypted .xlsx (OLE with EncryptionInfo) is still reported as encrypted", async () => {
    const b = encryptedOle();
    expect(await refusal(new Uint8Array(b.buffer, b.byteOffset, b.byteLength))).toContain("密码");
  });

  test("an encrypted .xls (FILEPASS)", async () => {
    // the record after the globals' BOF (INTERFACEHDR, E1 00) turned into FILEPASS (2F 00)
    const bof = [0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00];
    const bytes = new Uint8Array(bytesOf(path.join(XLS, "liupanshui-2025.xls")));
    const at = Buffer.from(bytes).indexOf(Buffer.from(bof));
    expect(bytes[at + 20]).toBe(0xe1);
    bytes[at + 20] = 0x2f;
    expect(await refusal(bytes)).toBe(XLS_MESSAGES.encrypted);
  });

  test("an Excel 95 workbook stream (BIFF5)", async () => {
    const bytes = patched([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00], [0x09, 0x08, 0x10, 0x00, 0x00, 0x05]);
    expect(await refusal(bytes)).toBe(XLS_MESSAGES.oldVersion);
  });

  test("an OLE file without a workbook (a Word .doc, a WPS .et we cannot read)", async () => {
    // the stream name "Workbook" in the directory renamed
    const name = [..."Workbook"].flatMap((c) => [c.charCodeAt(0), 0]);
    const bytes = patched(
      name,
      [..."Wordbook"].flatMap((c) => [c.charCodeAt(0), 0])
    );
    expect(await refusal(bytes)).toBe(XLS_MESSAGES.notXls);
  });

  test("truncated halfway", async () => {
    const full = bytesOf(path.join(XLS, "liupanshui-2025.xls"));
    expect(await refusal(full.slice(0, Math.floor(full.length / 2)))).toBe(XLS_MESSAGES.damaged);
  });

  test("400 random corruptions: a message or a workbook, never a crash or a hang", async () => {
    const full = bytesOf(path.join(XLS, "liupanshui-2025.xls"));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let refused = 0;
    for (let n = 0; n < 400; n++) {
      const bytes = new Uint8Array(full);
      const flips = 1 + Math.floor(random() * 8);
      for (let k = 0; k < flips; k++) bytes[8 + Math.floor(random() * (bytes.length - 8))] = Math.floor(random() * 256);
      // for the checks (no exceljs) and as the copy's exceljs workbook: a message or a workbook, the same way
      let checked: string | null = null;
      try {
        await openForCheck(bytes, "x.xls");
      } catch (e) {
        if (!(e instanceof WorkbookError)) throw e;
        checked = e.message;
      }
      try {
        await openWorkbook(bytes);
        expect(checked).toBeNull();
      } catch (e) {
        if (!(e instanceof WorkbookError)) throw e;
        expect(e.message).toMatch(/^无法读取/);
        if (checked !== null) expect(e.message).toBe(checked);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  }, 60_000);
});

/**
 * One contract suite, run against both adapters: the xlsx adapter on the sample file and the Office
 * adapter on the fake Excel API loaded from the same file (texts, value types, styles, notes, merges).
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import { setCell } from "../../src/core/edit-plan";
import type { Severity } from "../../src/core/finding";
import { parseRange, rangeAddress, type SheetGrid } from "../../src/core/grid";
import { MARK_FILL, markSeverity } from "../../src/core/marks";
import { parseWorkbook } from "../../src/core/parse";
import { WorkbookError, type WorkbookPort } from "../../src/core/port";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/core/settings";
import { runCheck } from "../../src/core/workflow";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { conditionalFormats } from "../../src/xlsx/exceljs-internals";
import { worksheetMerges } from "../../src/xlsx/grid";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { fakeHost, type FakeWorkbook } from "../fakes/excel";
import { fakeCfsToExcelJS, fakeFromExcelJS } from "../fakes/load";
import { loadGrids, SAMPLE } from "../helpers/seed";
import { finding, plan, seedFindings } from "./helpers";

const S1 = "部门整体支出";

interface Mark {
  severity: Severity | null;
  fill: string | null;
  areas: string[];
}

/** What the tests look at in the workbook behind a port, whatever the adapter. */
interface Subject {
  port: WorkbookPort;
  /** Saves and reopens (xlsx) or opens a new adapter on the same workbook (Office). */
  reopen(): Promise<WorkbookPort>;
  text(sheet: string, address: string): string;
  format(sheet: string, address: string): unknown;
  note(sheet: string, address: string): string | null;
  merges(sheet: string): string[];
  marks(sheet: string): Mark[];
  protect(sheet: string): void;
}

async function xlsxSubject(): Promise<Subject> {
  const bytes = new Uint8Array(await fs.readFile(SAMPLE));
  let wb = await XlsxWorkbook.load(bytes);
  const ws = (sheet: string) => wb.worksheet(sheet)!;
  return {
    get port() {
      return wb;
    },
    async reopen() {
      wb = await XlsxWorkbook.load(await wb.save());
      return wb;
    },
    text: (sheet, address) => ws(sheet).getCell(address).text ?? "",
    format: (sheet, address) => JSON.parse(JSON.stringify(ws(sheet).getCell(address).style ?? {})),
    note: (sheet, address) => {
      const n = ws(sheet).getCell(address).note;
      return n === undefined ? null : typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join("");
    },
    merges: (sheet) => worksheetMerges(ws(sheet)).map(rangeAddress).sort(),
    marks: (sheet) =>
      conditionalFormats(ws(sheet)).map((cf) => {
        const rule = cf.rules[0] as { formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } };
        return {
          severity: markSeverity(rule.formulae?.[0]),
          fill: rule.style?.fill?.bgColor?.argb?.slice(-6) ?? null,
          areas: cf.ref.split(" ").sort(),
        };
      }),
    protect: (sheet) => {
      void ws(sheet).protect("", {});
    },
  };
}

async function officeSubject(): Promise<Subject & { model: FakeWorkbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const model = fakeFromExcelJS(wb);
  const host = fakeHost(model);
  let port = new ExcelWorkbook(host);
  const cell = (sheet: string, address: string) => {
    const r = parseRange(address);
    return model.sheet(sheet).cell(r.top, r.left);
  };
  return {
    model,
    get port() {
      return port;
    },
    async reopen() {
      port = new ExcelWorkbook(host);
      return port;
    },
    text: (sheet, address) => cell(sheet, address)?.text ?? "",
    format: (sheet, address) => JSON.parse(JSON.stringify(cell(sheet, address)?.format ?? {})),
    note: (sheet, address) => model.sheet(sheet).note(address) ?? null,
    merges: (sheet) => model.sheet(sheet).merges.map(rangeAddress).sort(),
    marks: (sheet) =>
      model.sheet(sheet).cfs.map((cf) => ({
        severity: markSeverity(cf.formula),
        fill: cf.fill,
        areas: cf.areas.map(rangeAddress).sort(),
      })),
    protect: (sheet) => {
      model.sheet(sheet).protected = true;
    },
  };
}

function gridSnapshot(grids: readonly SheetGrid[]) {
  return grids.map((g) => {
    const cells: string[] = [];
    for (let r = 1; r <= g.rowCount; r++)
      for (let c = 1; c <= g.columnCount; c++) {
        const x = g.cell(r, c);
        if (x) cells.push(`${r},${c}:${x.type}:${x.text}`);
      }
    return {
      name: g.name,
      rows: g.rowCount,
      columns: g.columnCount,
      merges: g.merges.map(rangeAddress).sort(),
      protected: !!g.protected,
      cells,
    };
  });
}

function formatsOf(s: Subject, sheet: string, rows: number, columns = 6): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= columns; c++) {
      const a = `${String.fromCharCode(64 + c)}${r}`;
      out[a] = { format: s.format(sheet, a), note: s.note(sheet, a), text: s.text(sheet, a) };
    }
  return out;
}

describe.each([
  ["xlsx adapter (exceljs, sample file)", xlsxSubject],
  ["Office adapter (fake Excel API)", officeSubject],
])("WorkbookPort contract: %s", (_name, make) => {
  let s: Subject;
  beforeEach(async () => {
    s = await make();
  });

  it("reads the seed: 6 sheets in order, texts, value types and merged ranges as the reference reader", async () => {
    const grids = await s.port.readSheets();
    const reference = await loadGrids(SAMPLE);
    expect(gridSnapshot(grids)).toEqual(gridSnapshot(reference));
    expect(grids[0].merges.map(rangeAddress)).toEqual(
      expect.arrayContaining(["B24:B50", "C24:C35", "C36:C43", "A23:A66"])
    );
    const parse = parseWorkbook(grids);
    expect(parse.tables).toHaveLength(6);
    expect(parse.sheets.flatMap((x) => x.problems)).toEqual([]);
  });

  it("marks: one conditional format per severity with our formula and colour; the user's fill and note stay", async () => {
    await s.port.readSheets();
    await s.port.mark(seedFindings());
    const marks = s.marks(S1);
    const bySeverity = new Map(marks.map((m) => [m.severity, m]));
    expect(marks).toHaveLength(3);
    expect(bySeverity.get("error")).toEqual({ severity: "error", fill: MARK_FILL.error, areas: ["D22", "E31", "E40"] });
    expect(bySeverity.get("warning")).toEqual({ severity: "warning", fill: MARK_FILL.warning, areas: ["F62"] });
    expect(bySeverity.get("info")).toEqual({ severity: "info", fill: MARK_FILL.info, areas: ["D20:D21"] });
    expect((s.format(S1, "E31") as { fill: unknown }).fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
    expect(s.note(S1, "F62")).toBe("编制人备注：此项指标解释待补充。");
    // marking again replaces the marks
    await s.port.mark([finding(S1, "E24", "warning")]);
    expect(s.marks(S1)).toEqual([{ severity: "warning", fill: MARK_FILL.warning, areas: ["E24"] }]);
    expect(s.marks("评审绩效信息化运维")).toEqual([]);
  });

  it("clear: removes only our marks and notes; every cell's format, note and text as before", async () => {
    const before = formatsOf(s, S1, 66);
    await s.port.mark(seedFindings(), { notes: true });
    expect(s.note(S1, "E40")).toMatch(/^【绩效目标表助手】/);
    expect(s.note(S1, "F62")).toBe("编制人备注：此项指标解释待补充。");
    const port = await s.reopen();
    await port.clearMarks();
    expect(s.marks(S1)).toEqual([]);
    expect(formatsOf(s, S1, 66)).toEqual(before);
  });

  it("applies a quick fix (set with oldText) and selects the fixed cell", async () => {
    const grids = await s.port.readSheets();
    const old = grids[0].cell(31, 5)?.text ?? "";
    expect(old).toBe("2%");
    const formatBefore = s.format(S1, "E31");
    await s.port.apply(plan("改为“≥2%”", [setCell(S1, "E31", old, "≥2%")], { sheet: S1, address: "E31" }));
    expect(s.text(S1, "E31")).toBe("≥2%");
    expect(s.format(S1, "E31")).toEqual(formatBefore);
    expect(await s.port.getSelection()).toEqual({ sheet: S1, address: "E31" });
    const again = await s.port.readSheets();
    expect(again[0].cell(31, 5)).toEqual({ text: "≥2%", type: "text" });
  });

  it("inserts a row inside a merged 二级 group: the merges grow, rows below shift, formats are copied", async () => {
    await s.port.readSheets();
    const formatD42 = s.format(S1, "D42");
    const formatE42 = s.format(S1, "E42");
    const textRow43 = s.text(S1, "D43");
    await s.port.apply(
      plan(
        "在第42行后插入指标",
        [
          { kind: "insertRows", sheet: S1, before: 43, count: 1, formatFrom: 42 },
          setCell(S1, "D43", "", "新指标"),
          setCell(S1, "E43", "", "≥1个"),
        ],
        { sheet: S1, address: "D43" }
      )
    );
    const merges = s.merges(S1);
    expect(merges).toEqual(
      expect.arrayContaining(["C36:C44", "B24:B51", "A23:A67", "C45:C49", "C50:C51", "B52:B62", "C63:C67"])
    );
    expect(merges).not.toContain("C36:C43");
    expect(s.text(S1, "D44")).toBe(textRow43);
    expect(s.text(S1, "D43")).toBe("新指标");
    expect(s.format(S1, "D43")).toEqual(formatD42);
    expect(s.format(S1, "E43")).toEqual(formatE42);
    const grid = (await s.port.readSheets())[0];
    expect(grid.cell(43, 4)?.text).toBe("新指标");
    expect(
      parseWorkbook([grid]).tables[0].indicatorBlock.indicators.some(
        (i) => i.name === "新指标" && i.level2.text.includes("质量")
      )
    ).toBe(true);
  });

  it("inserts a template row after a group and extends the group's merge (merge with replaces)", async () => {
    await s.port.readSheets();
    await s.port.apply(
      plan("插入标准指标", [
        { kind: "insertRows", sheet: S1, before: 44, count: 1, formatFrom: 43 },
        { kind: "merge", sheet: S1, range: "C36:C44", replaces: "C36:C43" },
        setCell(S1, "D44", "", "验收合格率"),
        setCell(S1, "E44", "", "≥95%"),
      ])
    );
    const merges = s.merges(S1);
    expect(merges).toEqual(expect.arrayContaining(["C36:C44", "C45:C49", "B24:B51"]));
    expect(merges).not.toContain("C36:C43");
    expect(s.format(S1, "D44")).toEqual(s.format(S1, "D43"));
    expect(s.format(S1, "F44")).toEqual(s.format(S1, "F43"));
    const t = parseWorkbook([(await s.port.readSheets())[0]]).tables[0];
    const added = t.indicatorBlock.indicators.find((i) => i.name === "验收合格率");
    expect(added?.row).toBe(44);
    expect(added?.level2.text).toMatch(/质量/);
  });

  it("deletes rows: merges shrink", async () => {
    await s.port.readSheets();
    await s.port.apply(plan("删除指标", [{ kind: "deleteRows", sheet: S1, row: 40, count: 1 }]));
    expect(s.merges(S1)).toEqual(expect.arrayContaining(["C36:C42", "B24:B49", "A23:A65"]));
  });

  it("settings round trip: saved in the workbook, read back after reopening", async () => {
    expect(await s.port.loadSettings()).toEqual(DEFAULT_SETTINGS);
    const settings: AddinSettings = {
      ...DEFAULT_SETTINGS,
      budgetYear: 2025,
      notes: true,
      rules: { "vague-value": "off", "missing-unit": { severity: "error" } },
    };
    await s.port.saveSettings(settings);
    const port = await s.reopen();
    expect(await port.loadSettings()).toEqual(settings);
    await port.readSheets();
    expect(await port.loadSettings()).toEqual(settings);
    await port.saveSettings({ ...settings, budgetYear: 2026 });
    expect((await (await s.reopen()).loadSettings()).budgetYear).toBe(2026);
  });

  it("refuses a protected sheet with a Chinese message and writes nothing", async () => {
    s.protect("会计职称考试");
    const before = s.text(S1, "E31");
    const err = await s.port
      .apply(
        plan("两处修改", [
          setCell(S1, "E31", before, "≥2%"),
          setCell("会计职称考试", "E20", s.text("会计职称考试", "E20"), "改"),
        ])
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe("protected");
    expect((err as WorkbookError).message).toBe("工作表“会计职称考试”受保护，无法写入。请先撤销工作表保护。");
    expect(s.text(S1, "E31")).toBe(before);
    // a protected sheet is still readable
    const grids = await s.port.readSheets();
    expect(grids.find((g) => g.name === "会计职称考试")?.protected).toBe(true);
    expect(grids.find((g) => g.name === "会计职称考试")?.rowCount).toBeGreaterThan(10);
  });

  it("what was text stays text: digits left by a fix keep every character; a number over a number stays a number", async () => {
    const texts = ["0012(必填)", "08588331040(必填)", "12345678901234567890(必填)", "1e400(必填)", "12(必填)", "-5(必填)"];
    await s.port.apply(plan("准备", [...texts.map((t, k) => setCell(S1, `H${k + 1}`, "", t)), setCell(S1, "H7", "", "12")]));
    await s.port.apply(
      plan("删除占位文字", [...texts.map((t, k) => setCell(S1, `H${k + 1}`, t, t.replace("(必填)", ""))), setCell(S1, "H7", "12", "13")])
    );
    const g = (await s.port.readSheets())[0];
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => g.cell(r, 8))).toEqual([
      { text: "0012", type: "text" },
      { text: "08588331040", type: "text" },
      { text: "12345678901234567890", type: "text" },
      { text: "1e400", type: "text" },
      { text: "12", type: "text" },
      { text: "-5", type: "text" },
      { text: "13", type: "number" },
    ]);
  });

  it("text Excel would read as a number, percentage, date, time, fraction, currency or boolean lands as the text shown in the preview", async () => {
    const texts = ["95%", "1,000", "2025-12-31", "2025年12月31日", "12月31日", "12:30", "1/2", "¥100", "TRUE", "3.50"];
    await s.port.apply(plan("插入指标", texts.map((t, k) => setCell(S1, `H${k + 1}`, "", t))));
    const g = (await s.port.readSheets())[0];
    expect(texts.map((_t, k) => g.cell(k + 1, 8))).toEqual(texts.map((text) => ({ text, type: "text" })));
  });

  it("refuses a plan whose cell changed (oldText mismatch) and writes nothing", async () => {
    const e31 = s.text(S1, "E31");
    const err = await s.port
      .apply(
        plan("两处修改", [
          setCell(S1, "E24", s.text(S1, "E24"), "≥130家"),
          { kind: "insertRows", sheet: S1, before: 30, count: 1, formatFrom: 29 },
          setCell(S1, "E32", "3%", "≥3%"),
        ])
      )
      .catch((e: unknown) => e);
    expect((err as WorkbookError).code).toBe("changed");
    expect((err as WorkbookError).message).toContain("部门整体支出!E32");
    expect((err as WorkbookError).message).toContain(`现在是“${e31}”`);
    expect((err as WorkbookError).message).not.toMatch(/\n/);
    expect(s.text(S1, "E24")).toBe("=130家");
    expect(s.merges(S1)).toContain("B24:B50");
  });

  it("refuses a merge that would overlap another merge, before anything is written", async () => {
    const e24 = s.text(S1, "E24");
    const err = await s.port
      .apply(
        plan("合并", [
          setCell(S1, "E24", e24, "≥130家"),
          { kind: "merge", sheet: S1, range: "B40:C41", replaces: null },
        ])
      )
      .catch((e: unknown) => e);
    expect((err as WorkbookError).code).toBe("failed");
    expect((err as WorkbookError).message).toBe(`无法合并 ${S1}!B40:C41：与已有的合并单元格 B24:B50 重叠。`);
    expect(s.text(S1, "E24")).toBe(e24);
    expect(s.merges(S1)).toContain("B24:B50");
    expect(s.merges(S1)).not.toContain("B40:C41");
  });

  it("refuses a plan naming a missing sheet", async () => {
    const err = await s.port.apply(plan("x", [setCell("不存在", "A1", "", "x")])).catch((e: unknown) => e);
    expect((err as WorkbookError).code).toBe("missing");
  });

  it("selects a cell across sheets", async () => {
    await s.port.select("国资在线监测", "D25");
    expect(await s.port.getSelection()).toEqual({ sheet: "国资在线监测", address: "D25" });
    await s.port.select(S1, "B24");
    expect(await s.port.getSelection()).toEqual({ sheet: S1, address: "B24" });
    const err = await s.port.select("不存在", "A1").catch((e: unknown) => e);
    expect((err as WorkbookError).code).toBe("missing");
  });

  it("runCheck end to end: the same result as the reference grids, marks for every finding", async () => {
    const result = await runCheck(s.port);
    expect(result.parse.tables).toHaveLength(6);
    const flagged = new Set(result.findings.filter((f) => f.sheet === S1).map((f) => f.cell));
    const marked = new Set(
      s
        .marks(S1)
        .flatMap((m) => m.areas)
        .flatMap((a) => {
          const r = parseRange(a);
          const out: string[] = [];
          for (let row = r.top; row <= r.bottom; row++)
            for (let c = r.left; c <= r.right; c++) out.push(`${String.fromCharCode(64 + c)}${row}`);
          return out;
        })
    );
    expect(marked).toEqual(flagged);
  });
});

describe("marks travel between the command line and the add-in", () => {
  it("marks written by the xlsx adapter are cleared by the Office adapter", async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(SAMPLE)));
    await wb.mark(seedFindings());
    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
    const model = fakeFromExcelJS(reopened);
    expect(
      model
        .sheet(S1)
        .cfs.map((c) => markSeverity(c.formula))
        .sort()
    ).toEqual(["error", "info", "warning"]);
    model
      .sheet(S1)
      .cfs.push({ id: "user", type: "CellValue", formula: "=0", fill: "00FF00", areas: [parseRange("E24:E30")] });
    await new ExcelWorkbook(fakeHost(model)).clearMarks();
    expect(model.sheet(S1).cfs.map((c) => c.id)).toEqual(["user"]);
  });

  it("settings saved by the command line are read by the add-in, and the reverse", async () => {
    const JSZip = (await import("jszip")).default;
    const settings: AddinSettings = { ...DEFAULT_SETTINGS, budgetYear: 2025, rules: { "vague-value": "off" } };
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(SAMPLE)));
    await wb.saveSettings(settings);
    const zip = await JSZip.loadAsync(await wb.save());
    const item = await zip.file("customXml/item1.xml")!.async("string");
    expect(await zip.file("customXml/_rels/item1.xml.rels")!.async("string")).toContain("itemProps1.xml");
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("/customXml/itemProps1.xml");
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain("../customXml/item1.xml");
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(SAMPLE);
    const model = fakeFromExcelJS(source);
    model.parts.push({ id: "{x}", namespaceUri: "urn:perf-target-assistant:settings", xml: item });
    const office = new ExcelWorkbook(fakeHost(model));
    expect(await office.loadSettings()).toEqual(settings);
    // the add-in saves; the XML it stores is what the command line reads
    await office.saveSettings({ ...settings, budgetYear: 2026 });
    expect(model.parts).toHaveLength(1);
    zip.file("customXml/item1.xml", model.parts[0].xml);
    const back = await XlsxWorkbook.load(await zip.generateAsync({ type: "uint8array" }));
    expect((await back.loadSettings()).budgetYear).toBe(2026);
  });

  it("marks written by the Office adapter are cleared by the xlsx adapter", async () => {
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(SAMPLE);
    const model = fakeFromExcelJS(source);
    await new ExcelWorkbook(fakeHost(model)).mark(seedFindings());
    fakeCfsToExcelJS(model, source);
    const port = XlsxWorkbook.fromExcelJS(source);
    await port.clearMarks();
    for (const ws of source.worksheets) expect(conditionalFormats(ws)).toEqual([]);
  });
});

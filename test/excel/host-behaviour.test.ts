/**
 * Host behaviours of real Excel the adapter must live with (issue 13), each modelled in the fake
 * (test/fakes/excel.ts): cell-edit mode, the undo stack, an office.js without the notes API, notes
 * refused next to threaded comments, merged areas above 512, copyFrom with a bare address, the
 * settings part's XML declaration, an .xls workbook, and messages that point to Ctrl+Z.
 */
import { setCell } from "../../src/core/edit-plan";
import { parseCell, type SheetGrid } from "../../src/core/grid";
import { markSeverity, NOTE_PREFIX } from "../../src/core/marks";
import { WorkbookError } from "../../src/core/port";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { settingsToXml, SETTINGS_NAMESPACE } from "../../src/core/settings-xml";
import { runCheck } from "../../src/core/workflow";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { finding, plan } from "../contract/helpers";
import { fakeHost, type FakeWorkbook } from "../fakes/excel";
import { fakeFromGrids } from "../fakes/load";
import { loadGrids, SAMPLE } from "../helpers/seed";
import { syntheticSheet } from "./synthetic";

let seed: SheetGrid;
beforeAll(async () => {
  seed = (await loadGrids(SAMPLE))[1];
});

function workbookOf(sheets: number, rows: number): FakeWorkbook {
  return fakeFromGrids(Array.from({ length: sheets }, (_, i) => syntheticSheet(seed, `项目${i + 1}`, rows)));
}

function withSettings(model: FakeWorkbook, patch: Partial<typeof DEFAULT_SETTINGS>): void {
  model.parts.push({ id: "{p1}", namespaceUri: SETTINGS_NAMESPACE, xml: settingsToXml({ ...DEFAULT_SETTINGS, ...patch }) });
}

const settle = () => new Promise((r) => setTimeout(r, 20));
const markedCells = (model: FakeWorkbook, sheet: number) =>
  model.sheets[sheet].cfs.filter((c) => markSeverity(c.formula)).reduce((n, c) => n + c.areas.reduce((k, a) => k + (a.bottom - a.top + 1), 0), 0);

describe("cell-edit mode (learn.microsoft.com: Excel.RunOptions.delayForCellEdit)", () => {
  it("a check started while the user types waits for the edit instead of failing", async () => {
    const model = workbookOf(1, 60);
    const port = new ExcelWorkbook(fakeHost(model));
    model.startCellEdit();
    let outcome: unknown = "pending";
    const check = runCheck(port).then(
      (r) => (outcome = r),
      (e: unknown) => (outcome = e)
    );
    await settle();
    expect(outcome).toBe("pending");
    model.endCellEdit();
    await check;
    expect(outcome).toMatchObject({ summary: expect.anything() });
    expect(markedCells(model, 0)).toBeGreaterThan(0);
  });

  it("settings, selection and edits wait too", async () => {
    const model = workbookOf(1, 60);
    const port = new ExcelWorkbook(fakeHost(model));
    model.startCellEdit();
    const all = Promise.all([
      port.loadSettings(),
      port.getSelection(),
      port.apply(plan("改", [setCell("项目1", "F20", model.sheets[0].cell(20, 6)?.text ?? "", "≥1个")])),
    ]);
    await settle();
    model.endCellEdit();
    await expect(all).resolves.toBeDefined();
    expect(model.sheets[0].cell(20, 6)?.text).toBe("≥1个");
  });
});

describe("the undo stack belongs to the user (learn.microsoft.com: Undo support with the Excel JavaScript API)", () => {
  it("a re-check of an unchanged workbook writes nothing; a change rewrites only the marks it touches", async () => {
    const model = workbookOf(3, 200);
    const port = new ExcelWorkbook(fakeHost(model));
    const first = await runCheck(port);
    expect(model.undoSteps).toBeGreaterThan(0);
    const before = model.sheets.map((s) => s.cfs.map((c) => c.id));
    model.resetStats();
    await runCheck(port);
    expect(model.stats.writes).toBe(0);
    expect(model.undoSteps).toBe(0);
    expect(model.sheets.map((s) => s.cfs.map((c) => c.id))).toEqual(before);
    // the user clears one indicator's value on 项目2: only that sheet's marks are rewritten
    const indicator = first.parse.tables.find((t) => t.sheet === "项目2")!.indicatorBlock.indicators.find((i) => i.valueCell)!;
    const cell = parseCell(indicator.valueCell!);
    model.sheets[1].cells.delete(cell.row * 20000 + cell.column);
    model.resetStats();
    await runCheck(port);
    expect(model.undoSteps).toBe(1);
    expect(model.sheets[0].cfs.map((c) => c.id)).toEqual(before[0]);
    expect(model.sheets[2].cfs.map((c) => c.id)).toEqual(before[2]);
  });

  it("an edit's failure message points to Ctrl+Z only where Excel keeps the add-in's writes as one undo step (ExcelApi 1.20)", async () => {
    const failWrite = async (model: FakeWorkbook) => {
      model.payloadLimit = 20_000; // the checks pass, the write of a long text is refused
      const long = "很长的指标解释".repeat(2000);
      const err = await new ExcelWorkbook(fakeHost(model))
        .apply(plan("改写解释", [setCell("项目1", "F21", model.sheets[0].cell(21, 6)?.text ?? "", long)]))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkbookError);
      return (err as Error).message;
    };
    expect(await failWrite(workbookOf(1, 60))).toMatch(/Ctrl\+Z/);
    const old = workbookOf(1, 60);
    old.apiSets.delete("ExcelApi 1.20");
    expect(await failWrite(old)).not.toMatch(/Ctrl\+Z/);
  });
});

describe("notes (learn.microsoft.com: Excel.NoteCollection, ExcelApi 1.18)", () => {
  it("an office.js without the notes API (ExcelApi 1.18 reported, Worksheet.notes missing): the check marks without notes, no throw", async () => {
    const model = workbookOf(1, 60);
    model.notesApi = false;
    withSettings(model, { notes: true });
    const port = new ExcelWorkbook(fakeHost(model));
    const result = await runCheck(port);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(markedCells(model, 0)).toBeGreaterThan(0);
    await expect(port.clearMarks()).resolves.toBeUndefined();
  });

  it("a note refused (a threaded comment on the cell): every sheet is still marked, one error says the notes are missing", async () => {
    const model = workbookOf(3, 60);
    withSettings(model, { notes: true });
    const port = new ExcelWorkbook(fakeHost(model));
    const findings = [finding("项目1", "E25", "error", "甲"), finding("项目2", "E26", "warning", "乙"), finding("项目3", "E27", "info", "丙")];
    model.sheets[0].addComment("E25");
    await port.readSheets();
    const err = await port.mark(findings, { notes: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as Error).message).toMatch(/已标记.*批注/);
    expect([0, 1, 2].map((i) => markedCells(model, i))).toEqual([1, 1, 1]);
    expect(model.sheets[1].note("E26")).toBeUndefined();
    // without the comment, notes go in again
    model.sheets[0].comments.clear();
    await port.mark(findings, { notes: true });
    expect(model.sheets[1].note("E26")).toBe(`${NOTE_PREFIX}乙`);
  });

  it("a read gone stale (a mark the user deleted since): the write is retried from a fresh look with the notes, which stay", async () => {
    const model = workbookOf(1, 60);
    withSettings(model, { notes: true });
    const port = new ExcelWorkbook(fakeHost(model));
    const sheet = model.sheets[0];
    await port.mark([finding("项目1", "E25", "error", "甲"), finding("项目1", "E26", "warning", "乙")], { notes: true });
    expect(sheet.note("E25")).toBe(`${NOTE_PREFIX}甲`);
    await port.readSheets();
    sheet.cfs = sheet.cfs.filter((c) => markSeverity(c.formula) !== "warning"); // deleted by the user meanwhile
    await expect(port.mark([finding("项目1", "E25", "error", "甲")], { notes: true })).resolves.toBeUndefined();
    expect(sheet.note("E25")).toBe(`${NOTE_PREFIX}甲`);
    expect(sheet.note("E26")).toBeUndefined();
    expect(sheet.cfs.map((c) => markSeverity(c.formula))).toEqual(["error"]);
  });
});

describe("other host behaviours", () => {
  it("copyFrom takes a Range: formats of an inserted row come from its own sheet, not the active one", async () => {
    const model = workbookOf(2, 60);
    model.active = 0;
    for (let c = 1; c <= 6; c++) {
      model.sheets[0].setCell(30, c, { ...(model.sheets[0].cell(30, c) ?? { text: "", valueType: "Empty" }), format: { fill: "active-sheet" } });
      model.sheets[1].setCell(30, c, { ...(model.sheets[1].cell(30, c) ?? { text: "", valueType: "Empty" }), format: { fill: "own-sheet" } });
    }
    await new ExcelWorkbook(fakeHost(model)).apply(plan("插入", [{ kind: "insertRows", sheet: "项目2", before: 31, count: 1, formatFrom: 30 }]));
    expect(model.sheets[1].cell(31, 6)?.format).toEqual({ fill: "own-sheet" });
  });

  it("the settings part goes in without an XML declaration (Excel refuses one) and reads back", async () => {
    const model = workbookOf(1, 20);
    const port = new ExcelWorkbook(fakeHost(model));
    await port.saveSettings({ ...DEFAULT_SETTINGS, budgetYear: 2026 });
    expect(model.parts).toHaveLength(1);
    expect(model.parts[0].xml).not.toMatch(/^<\?xml/);
    expect((await new ExcelWorkbook(fakeHost(model)).loadSettings()).budgetYear).toBe(2026);
  });

  it("an .xls workbook cannot keep the settings: the port says so; a failed save says so too", async () => {
    const model = workbookOf(1, 20);
    model.name = "某单位绩效目标表.XLS";
    const port = new ExcelWorkbook(fakeHost(model));
    await port.loadSettings();
    expect(port.settingsWarning).toMatch(/\.xls.*另存为 \.xlsx/);
    const xlsx = workbookOf(1, 20);
    const ok = new ExcelWorkbook(fakeHost(xlsx));
    await ok.readSheets();
    expect(ok.settingsWarning).toBeNull();
    xlsx.sheets[0].protected = false;
    xlsx.payloadLimit = 10; // the save is refused
    await expect(ok.saveSettings(DEFAULT_SETTINGS)).rejects.toBeInstanceOf(WorkbookError);
    expect(ok.settingsWarning).toMatch(/设置未能保存在工作簿中/);
  });
});

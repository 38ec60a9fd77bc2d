/**
 * The Office adapter on the fake Excel API: the sync budget of a full check, big mark sets chunked
 * below Excel on the web's 5 MB request limit, sheets with more than 512 merged areas, notes, undo
 * grouping, and the fake's own Excel-like behaviour.
 */
import { setCell } from "../../src/core/edit-plan";
import { parseRange, rangeAddress, type SheetGrid } from "../../src/core/grid";
import { markSeverity, NOTE_PREFIX } from "../../src/core/marks";
import { parseWorkbook } from "../../src/core/parse";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { runCheck } from "../../src/core/workflow";
import { formatSegments } from "../../src/excel/apply";
import { cellTypeOf } from "../../src/excel/read";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { settingsToXml, SETTINGS_NAMESPACE } from "../../src/core/settings-xml";
import { fakeHost, FakeOfficeError, FakeWorkbook } from "../fakes/excel";
import { fakeFromGrids } from "../fakes/load";
import { finding, plan } from "../contract/helpers";
import { loadGrids, SAMPLE } from "../helpers/seed";
import { syntheticSheet } from "./synthetic";

let seed: SheetGrid;
beforeAll(async () => {
  seed = (await loadGrids(SAMPLE))[1];
});

function workbookOf(sheets: number, rows: number, groupRows = 0): FakeWorkbook {
  return fakeFromGrids(Array.from({ length: sheets }, (_, i) => syntheticSheet(seed, `项目${i + 1}`, rows, groupRows)));
}

describe("sync budget of a full check (runCheck: read + settings + mark)", () => {
  it.each([1, 10, 50])("%i sheet(s) of about 1,000 rows with realistic merges: at most 3 syncs, every request below 5 MB", async (n) => {
    const model = workbookOf(n, 1000);
    model.parts.push({ id: "{p1}", namespaceUri: SETTINGS_NAMESPACE, xml: settingsToXml({ ...DEFAULT_SETTINGS, budgetYear: 2025 }) });
    const port = new ExcelWorkbook(fakeHost(model));
    const result = await runCheck(port);
    expect(model.stats.syncs).toBeLessThanOrEqual(3);
    expect(Math.max(...model.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    expect(result.parse.tables).toHaveLength(n);
    expect(result.parse.tables[0].indicatorBlock.indicators.length).toBeGreaterThan(900);
    // the settings came from the workbook within the same syncs
    expect((await port.loadSettings()).budgetYear).toBe(2025);
    expect(model.stats.syncs).toBeLessThanOrEqual(3);
    // every finding is marked
    const marked = model.sheets[0].cfs.filter((c) => markSeverity(c.formula)).reduce((k, c) => k + c.areas.reduce((m, a) => m + (a.bottom - a.top + 1), 0), 0);
    expect(marked).toBe(new Set(result.findings.filter((f) => f.sheet === "项目1").map((f) => f.cell)).size);
  }, 180_000);

  it("a second check of an unchanged workbook writes nothing, in 2 syncs", async () => {
    const model = workbookOf(3, 300);
    const port = new ExcelWorkbook(fakeHost(model));
    await runCheck(port);
    const first = model.sheets.map((s) => s.cfs.length);
    model.resetStats();
    await runCheck(port);
    expect(model.stats.syncs).toBe(2);
    expect(model.stats.writes).toBe(0);
    expect(model.sheets.map((s) => s.cfs.length)).toEqual(first);
  });

  it("notes cost one more sync, never go over the user's note, and are removed on clear", async () => {
    const model = workbookOf(1, 100);
    const sheet = model.sheets[0];
    sheet.notes.set(25 * 20000 + 5, "用户自己的批注");
    model.parts.push({ id: "{p1}", namespaceUri: SETTINGS_NAMESPACE, xml: settingsToXml({ ...DEFAULT_SETTINGS, notes: true }) });
    const port = new ExcelWorkbook(fakeHost(model));
    await port.readSheets();
    await port.mark([finding("项目1", "E25", "error", "用户格"), finding("项目1", "E26", "warning", "空格")], { notes: true });
    expect(model.stats.syncs).toBe(4);
    expect(sheet.note("E25")).toBe("用户自己的批注");
    expect(sheet.note("E26")).toBe(`${NOTE_PREFIX}空格`);
    await port.clearMarks();
    expect(sheet.note("E25")).toBe("用户自己的批注");
    expect(sheet.note("E26")).toBeUndefined();
    expect(sheet.cfs).toEqual([]);
  });

  it("mark without a fresh read costs two more syncs and still replaces old marks", async () => {
    const model = workbookOf(2, 100);
    const port = new ExcelWorkbook(fakeHost(model));
    await port.mark([finding("项目1", "E21", "error")]);
    expect(model.stats.syncs).toBe(3);
    await port.mark([finding("项目2", "E22", "info")]);
    expect(model.sheets[0].cfs).toEqual([]);
    expect(model.sheets[1].cfs.map((c) => c.areas.map(rangeAddress))).toEqual([["E22"]]);
  });

  it("a mark deleted by the user between read and mark: the write is retried from a fresh look", async () => {
    const model = workbookOf(1, 100);
    const port = new ExcelWorkbook(fakeHost(model));
    await port.mark([finding("项目1", "E21", "error")]);
    await port.readSheets();
    model.sheets[0].cfs = []; // the user removed the format meanwhile
    await port.mark([finding("项目1", "E22", "warning")]);
    expect(model.sheets[0].cfs.map((c) => [markSeverity(c.formula), c.areas.map(rangeAddress)])).toEqual([["warning", ["E22"]]]);
  });
});

describe("large mark sets", () => {
  it("are chunked: many conditional formats per severity, each request far below 5 MB", async () => {
    const model = workbookOf(1, 60);
    const port = new ExcelWorkbook(fakeHost(model));
    // 60,000 scattered cells (every other row of 6 columns)
    const findings = [];
    for (let r = 2; r <= 20000; r += 2) for (let c = 0; c < 6; c++) findings.push(finding("项目1", `${"ABCDEF"[c]}${r}`, (["error", "warning", "info"] as const)[(r / 2) % 3]));
    await port.mark(findings);
    const cfs = model.sheets[0].cfs;
    expect(cfs.length).toBeGreaterThan(30);
    expect(cfs.every((c) => c.areas.length <= 100)).toBe(true);
    expect(Math.max(...model.stats.requestBytes)).toBeLessThan(2 * 1024 * 1024);
    expect(cfs.reduce((n, c) => n + c.areas.length, 0)).toBe(60000);
  });

  it("a read refused for its size (Excel on the web) falls back to banded reads", async () => {
    const model = workbookOf(3, 1000);
    model.payloadLimit = 400_000;
    model.parts.push({ id: "{p1}", namespaceUri: SETTINGS_NAMESPACE, xml: settingsToXml({ ...DEFAULT_SETTINGS, budgetYear: 2025 }) });
    const port = new ExcelWorkbook(fakeHost(model));
    const grids = await port.readSheets();
    expect(grids).toHaveLength(3);
    expect(parseWorkbook(grids).tables).toHaveLength(3);
    expect(grids[0].mergesComplete).toBe(true);
    // the two syncs refused, then the sheets and settings, and per sheet: used range, one band of rows, merges
    expect(model.stats.syncs).toBe(2 + 1 + 3 * 3);
    // the settings came with them
    expect((await port.loadSettings()).budgetYear).toBe(2025);
    expect(model.stats.syncs).toBe(2 + 1 + 3 * 3);
  });
});

describe("sheets with more than 512 merged areas", () => {
  it("are read with their merges (in bands: Excel fails the single call), and edits keep them", async () => {
    const model = workbookOf(1, 2000, 2);
    expect(model.sheets[0].merges.length).toBeGreaterThan(512);
    const port = new ExcelWorkbook(fakeHost(model));
    const result = await runCheck(port);
    const grid = (await new ExcelWorkbook(fakeHost(model)).readSheets())[0];
    expect(grid.mergesComplete).toBe(true);
    expect(grid.merges.map(rangeAddress).sort()).toEqual(model.sheets[0].merges.map(rangeAddress).sort());
    expect(result.parse.tables).toHaveLength(1);
    expect(result.parse.tables[0].indicatorBlock.indicators.length).toBeGreaterThan(1900);
    // an insertion inside a 二级 group: merges read in bands, the group grows, formats pasted only where allowed
    const before = model.sheets[0].merges.length;
    const group = model.sheets[0].merges.find((m) => m.left === 4 && m.top > 1000)!;
    await port.apply(plan("插入", [{ kind: "insertRows", sheet: "项目1", before: group.bottom, count: 1, formatFrom: group.top }]));
    expect(model.sheets[0].merges.length).toBe(before);
    expect(model.sheets[0].merges.map(rangeAddress)).toContain(rangeAddress({ ...group, bottom: group.bottom + 1 }));
  });

  it("on a host that answers a null object above 512: every such sheet's bands in one more request", async () => {
    const model = workbookOf(2, 2000, 2);
    model.mergesAbove512 = "null";
    expect(model.sheets.every((s) => s.merges.length > 512)).toBe(true);
    const grids = await new ExcelWorkbook(fakeHost(model)).readSheets();
    expect(model.stats.syncs).toBe(3);
    grids.forEach((grid, i) => {
      expect(grid.mergesComplete).toBe(true);
      expect(grid.merges.map(rangeAddress).sort()).toEqual(model.sheets[i].merges.map(rangeAddress).sort());
    });
  });
});

describe("apply", () => {
  it("asks for one undo group where ExcelApi 1.20 is there, and not elsewhere", async () => {
    const model = workbookOf(1, 60);
    const host = fakeHost(model);
    const port = new ExcelWorkbook(host);
    await port.apply(plan("改", [setCell("项目1", "F20", "1个", "=1个")]));
    expect(host.runs.at(-1)).toEqual({ mergeUndoGroup: true, delayForCellEdit: true });
    model.apiSets.delete("ExcelApi 1.20");
    await port.apply(plan("改", [setCell("项目1", "F20", "=1个", "≥1个")]));
    expect(host.runs.at(-1)).toEqual({ mergeUndoGroup: false, delayForCellEdit: true });
    expect(model.sheets[0].cell(20, 6)?.text).toBe("≥1个");
  });

  it("writes everything in one request after one checking request", async () => {
    const model = workbookOf(1, 60);
    const port = new ExcelWorkbook(fakeHost(model));
    model.resetStats();
    await port.apply(plan("改", [{ kind: "insertRows", sheet: "项目1", before: 22, count: 2, formatFrom: 21 }, setCell("项目1", "E22", "", "新指标"), setCell("项目1", "E24", "设备维保机房个数", "机房个数")]));
    expect(model.stats.syncs).toBe(2);
    expect(model.sheets[0].cell(24, 5)?.text).toBe("机房个数");
  });

  it("keeps a text that Excel would take for a formula as text", async () => {
    const model = workbookOf(1, 60);
    await new ExcelWorkbook(fakeHost(model)).apply(plan("改", [setCell("项目1", "F20", "1个", "=1个")]));
    expect(model.sheets[0].cell(20, 6)).toMatchObject({ text: "=1个", valueType: "String" });
  });

  it("a merge clashing with an existing merge is refused before anything is written", async () => {
    const model = workbookOf(1, 60);
    const err = await new ExcelWorkbook(fakeHost(model)).apply(plan("合并", [setCell("项目1", "F20", "1个", "2个"), { kind: "merge", sheet: "项目1", range: "D20:D30", replaces: null }])).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/重叠/);
    expect(model.sheets[0].cell(20, 6)?.text).toBe("1个");
  });
});

describe("helpers", () => {
  it("value types: dates are numbers whose text looks like a date", () => {
    expect(cellTypeOf("Double", "2025年1月1日")).toBe("date");
    expect(cellTypeOf("Double", "2025-01-01")).toBe("date");
    expect(cellTypeOf("Double", "95%")).toBe("number");
    expect(cellTypeOf("Double", "1,234.50")).toBe("number");
    expect(cellTypeOf("Error", "#REF!")).toBe("error");
    expect(cellTypeOf("String", "≥95%")).toBe("text");
    expect(cellTypeOf("Boolean", "TRUE")).toBe("boolean");
  });

  it("format segments leave out columns inside multi-row merges", () => {
    const merges = ["A19:A60", "B19:B60", "C20:C40", "E25:F25"].map(parseRange);
    expect(formatSegments(merges, 24, 26, 26, 7)).toEqual([[4, 7]]);
    expect(formatSegments([], 5, 6, 6, 3)).toEqual([[1, 3]]);
  });
});

describe("the fake behaves like Excel where it matters", () => {
  it("reading an unloaded property throws; values appear at sync", async () => {
    const model = workbookOf(1, 60);
    const ctx = model.context();
    const range = ctx.workbook.worksheets.getItem("项目1").getRange("E20");
    expect(() => range.text).toThrow(/PropertyNotLoaded|not available/);
    range.load("text");
    expect(() => range.text).toThrow();
    await ctx.sync();
    expect(range.text).toEqual([["系统运行维护数量"]]);
    expect(() => range.valueTypes).toThrow();
  });

  it("writes take effect at sync; inserting rows shifts cells and grows the merges spanning the row", async () => {
    const model = workbookOf(1, 60);
    const ctx = model.context();
    const ws = ctx.workbook.worksheets.getItem("项目1");
    ws.getRange("23:23").insert("Down");
    expect(model.sheets[0].cell(23, 5)?.text).toBe("培训人数");
    await ctx.sync();
    expect(model.sheets[0].cell(24, 5)?.text).toBe("培训人数");
    expect(model.sheets[0].merges.map(rangeAddress)).toContain("D20:D28");
  });

  it("getMergedAreasOrNullObject fails above 512 areas", async () => {
    const model = workbookOf(1, 2000, 2);
    const ctx = model.context();
    const areas = ctx.workbook.worksheets.getItem("项目1").getUsedRangeOrNullObject().getMergedAreasOrNullObject();
    areas.load("address");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
  });

  it("writing to a protected sheet fails", async () => {
    const model = workbookOf(1, 60);
    model.sheets[0].protected = true;
    const ctx = model.context();
    ctx.workbook.worksheets.getItem("项目1").getRange("A1").values = [["x"]];
    await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
  });
});

/**
 * The workbook port over Office.js (the task pane and the ribbon commands). See README.md here for
 * the sync budget: a full check (runCheck = readSheets → loadSettings → mark) costs 3 context.sync()
 * calls whatever the number of sheets and rows, because one RequestContext lives from readSheets to
 * mark and sync 3 reuses the proxies of sync 2. Reading is in read.ts, marks in mark-writer.ts,
 * edits in apply.ts.
 */
import type { EditPlan } from "../core/edit-plan";
import type { Finding } from "../core/finding";
import { cellAddress, parseCell, parseRange, type CellRange, type SheetGrid } from "../core/grid";
import { WorkbookError, type CellRef, type MarkOptions, type WorkbookPort } from "../core/port";
import { DEFAULT_SETTINGS, type AddinSettings } from "../core/settings";
import { settingsFromXml, settingsToXml, SETTINGS_NAMESPACE } from "../core/settings-xml";
import { applyPlan } from "./apply";
import { officeError, officeHost, type ExcelHost } from "./host";
import { loadMarkState, queueSheetState, writeMarks, type MarkState } from "./mark-writer";
import { bareAddress, gridFromRange, mergesFromAreas, queueSettingsPart, queueSheets, readSheetsInBands } from "./read";

function isPayloadError(e: unknown): boolean {
  const code = String((e as { code?: string })?.code ?? "") + String((e as { message?: string })?.message ?? "");
  return /PayloadSizeLimit|RequestPayload|ResponsePayload|payload/i.test(code);
}

export class ExcelWorkbook implements WorkbookPort {
  /** The marks and notes found by the last readSheets, on its context (used once by mark/clearMarks). */
  private fresh: MarkState | null = null;
  private settings: AddinSettings | null = null;
  /** Sheets the last mark() could not write (protected): the caller tells the user. */
  skippedSheets: string[] = [];

  constructor(private readonly host: ExcelHost = officeHost()) {}

  private get notesSupported(): boolean {
    return this.host.isSetSupported("ExcelApi", "1.18");
  }

  /* ------------------------------------------------------------------ read */

  async readSheets(onProgress?: (done: number, total: number) => void): Promise<SheetGrid[]> {
    this.fresh = null;
    const context = this.host.createContext();
    // sync 1: the sheets and the settings part's id
    const collection = queueSheets(context);
    const settingsXml = queueSettingsPart(context);
    await context.sync();

    // sync 2: used ranges, merged areas, conditional formats, notes; the settings XML
    const xml = settingsXml();
    const notes = this.notesSupported;
    const queued = collection.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address,text,valueTypes");
      const merged = used.getMergedAreasOrNullObject();
      merged.load("address");
      return { ws, used, merged, state: queueSheetState(ws, notes) };
    });
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      // Excel on the web refused the size: read sheet by sheet, in row bands
      const read = await this.host.run((c) => readSheetsInBands(c, onProgress));
      this.settings = read.settingsXml !== null ? settingsFromXml(read.settingsXml).settings : DEFAULT_SETTINGS;
      return read.grids;
    }
    this.settings = xml ? settingsFromXml(xml.value).settings : DEFAULT_SETTINGS;

    const grids = queued.map((q, i) => {
      let merges: CellRange[] | null = [];
      if (!q.used.isNullObject) merges = mergesFromAreas(parseRange(bareAddress(q.used.address)), q.merged);
      const grid = gridFromRange(
        q.ws.name,
        q.used.isNullObject ? null : q.used,
        merges ?? [],
        q.ws.protection.protected,
        merges !== null
      );
      onProgress?.(i + 1, queued.length);
      return grid;
    });
    this.fresh = { context, sheets: queued.map((q) => q.state()) };
    return grids;
  }

  /* -------------------------------------------------------------- settings */

  async loadSettings(): Promise<AddinSettings> {
    if (this.settings) return this.settings;
    return this.host.run(async (context) => {
      const settingsXml = queueSettingsPart(context);
      await context.sync();
      const xml = settingsXml();
      if (!xml) return (this.settings = DEFAULT_SETTINGS);
      await context.sync();
      return (this.settings = settingsFromXml(xml.value).settings);
    });
  }

  async saveSettings(settings: AddinSettings): Promise<void> {
    this.fresh = null;
    await this.host.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
      parts.load("items/id");
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- loaded as "items/id" (the rule wants "items")
      for (const p of parts.items) p.delete();
      context.workbook.customXmlParts.add(settingsToXml(settings));
      await context.sync();
    });
    this.settings = settings;
  }

  /* ----------------------------------------------------------------- marks */

  async mark(findings: readonly Finding[], options: MarkOptions = {}): Promise<void> {
    await this.writeMarks(findings, options, "标记失败");
  }

  async clearMarks(): Promise<void> {
    await this.writeMarks([], {}, "清除标记失败");
  }

  /**
   * Replaces our marks, on the state of the read just made (no sync) or loaded now (two syncs).
   * When the write on the read's state fails (the sheet changed since: a format deleted by the
   * user …), it is tried once more from a fresh look.
   */
  private async writeMarks(findings: readonly Finding[], options: MarkOptions, failure: string): Promise<void> {
    const asError = (e: unknown) =>
      e instanceof WorkbookError ? e : new WorkbookError("failed", `${failure}：${officeError(e)}`);
    const fresh = this.fresh;
    this.fresh = null;
    const write = async (state: MarkState) => {
      this.skippedSheets = await writeMarks(state, findings, options, this.notesSupported);
    };
    const load = () => loadMarkState(this.host.createContext(), this.notesSupported);
    try {
      await write(fresh ?? (await load()));
    } catch (e) {
      if (!fresh || e instanceof WorkbookError) throw asError(e);
      await write(await load()).catch((e2: unknown) => {
        throw asError(e2);
      });
    }
  }

  /* ------------------------------------------------------------- selection */

  async select(sheet: string, address: string): Promise<void> {
    this.fresh = null;
    await this.host.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load("name,visibility");
      await context.sync();
      if (ws.isNullObject) throw new WorkbookError("missing", `找不到工作表“${sheet}”。`, sheet);
      if (ws.visibility !== "Visible")
        throw new WorkbookError("failed", `工作表“${sheet}”已隐藏，请先取消隐藏。`, sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async getSelection(): Promise<CellRef | null> {
    return this.host.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      await context.sync();
      const a = cell.address;
      const bang = a.lastIndexOf("!");
      if (bang < 0) return null;
      let sheet = a.slice(0, bang);
      if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
      const p = parseCell(a.slice(bang + 1).split(":")[0]);
      return { sheet, address: cellAddress(p.row, p.column) };
    });
  }

  /* ----------------------------------------------------------------- edits */

  /**
   * Applies a plan (apply.ts): every check first, then every write in one request, as one undo
   * step where ExcelApi 1.20 allows.
   */
  async apply(plan: EditPlan): Promise<void> {
    this.fresh = null;
    const mergeUndoGroup = this.host.isSetSupported("ExcelApi", "1.20");
    await this.host.run((context) => applyPlan(context, plan), { mergeUndoGroup });
  }
}

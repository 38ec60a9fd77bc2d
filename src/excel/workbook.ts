/**
 * The workbook port over Office.js (the task pane and the ribbon commands). See README.md here for
 * the sync budget: a full check (readSheets → loadSettings → mark) costs at most 3 context.sync()
 * calls whatever the number of sheets and rows, because one context (an Excel.run kept open) lives
 * from readSheets to mark and sync 3 reuses the proxies of sync 2; sync 3 is left out when the marks
 * are already right. Every batch waits while the user edits a cell (delayForCellEdit). Reading is in
 * read.ts, marks in mark-writer.ts, edits in apply.ts.
 */
import type { EditPlan } from "../core/edit-plan";
import type { Finding } from "../core/finding";
import { cellAddress, parseCell, parseRange, type CellRange, type SheetGrid } from "../core/grid";
import { WorkbookError, type CellRef, type MarkOptions, type WorkbookPort } from "../core/port";
import { DEFAULT_SETTINGS, type AddinSettings } from "../core/settings";
import { settingsFromXml, settingsToXml, SETTINGS_NAMESPACE } from "../core/settings-xml";
import { applyPlan } from "./apply";
import { officeError, officeHost, openContext, type ExcelHost, type OpenContext, type RunOptions } from "./host";
import { loadMarkState, queueSheetState, writeMarks, type MarkState } from "./mark-writer";
import {
  bareAddress,
  gridFromRange,
  mergesFromAreas,
  queueMergesInBands,
  queueSettingsPart,
  queueSheets,
  readSheetsInBands,
} from "./read";

/** The settings part is custom XML, which the .xls format (Excel 97–2003) cannot keep. */
const XLS_WARNING =
  "当前工作簿是 .xls 格式（Excel 97–2003），无法保存本助手的设置：本次打开期间有效，关闭后丢失。如需保留，请另存为 .xlsx 后再修改设置。";

export class ExcelWorkbook implements WorkbookPort {
  /** The marks and notes found by the last readSheets, on its open context (used once by mark/clearMarks). */
  private fresh: (MarkState & OpenContext) | null = null;
  private settings: AddinSettings | null = null;
  /** Sheets the last mark() could not write (protected): the caller tells the user. */
  skippedSheets: string[] = [];
  settingsWarning: string | null = null;

  constructor(private readonly host: ExcelHost = officeHost()) {}

  private get notesSupported(): boolean {
    return this.host.isSetSupported("ExcelApi", "1.18");
  }

  /** Excel keeps the add-in's writes on its undo stack and groups a run into one step (ExcelApi 1.20). */
  get keepsUndo(): boolean {
    return this.host.isSetSupported("ExcelApi", "1.20");
  }

  /** A batch that waits while the user edits a cell. */
  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.host.run(batch, { ...options, delayForCellEdit: true });
  }

  private dropFresh(): void {
    this.fresh?.close();
    this.fresh = null;
  }

  /* ------------------------------------------------------------------ read */

  async readSheets(onProgress?: (done: number, total: number) => void): Promise<SheetGrid[]> {
    this.dropFresh();
    const open = await openContext(this.host);
    try {
      const read = await this.readOn(open, onProgress);
      if (read) return read;
    } catch (e) {
      open.close();
      throw e;
    }
    open.close();
    // one request was refused (too large for Excel on the web, or a sheet with more merged areas
    // than one call returns): sheet by sheet, in bands
    const read = await this.run((c) => readSheetsInBands(c, onProgress));
    this.settings = read.settingsXml !== null ? settingsFromXml(read.settingsXml).settings : DEFAULT_SETTINGS;
    return read.grids;
  }

  /** The three-sync read on an open context; null when sync 2 was refused (the caller reads in bands). */
  private async readOn(
    open: OpenContext,
    onProgress?: (done: number, total: number) => void
  ): Promise<SheetGrid[] | null> {
    const { context } = open;
    // sync 1: the sheets, the settings part's id, the file's name
    const collection = queueSheets(context);
    const settingsXml = queueSettingsPart(context);
    context.workbook.load("name");
    await context.sync();
    this.noteFormat(context.workbook.name);

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
    } catch {
      return null;
    }
    this.settings = xml ? settingsFromXml(xml.value).settings : DEFAULT_SETTINGS;

    // a null answer on a big range may hide more than 512 areas (some hosts): those sheets' merges
    // are read in bands, all of them in one more request
    let banded = false;
    const merges = queued.map((q): (() => CellRange[]) => {
      if (q.used.isNullObject) return () => [];
      const used = parseRange(bareAddress(q.used.address));
      const known = mergesFromAreas(used, q.merged);
      if (known) return () => known;
      banded = true;
      return queueMergesInBands(q.ws, used);
    });
    if (banded) await context.sync();
    const grids = queued.map((q, i) => {
      const grid = gridFromRange(
        q.ws.name,
        q.used.isNullObject ? null : q.used,
        merges[i](),
        q.ws.protection.protected,
        true
      );
      onProgress?.(i + 1, queued.length);
      return grid;
    });
    this.fresh = { ...open, sheets: queued.map((q) => q.state()) };
    return grids;
  }

  /** An .xls workbook cannot keep the settings part: say so. */
  private noteFormat(name: string): void {
    if (/\.xls$/i.test(name.trim())) this.settingsWarning = XLS_WARNING;
    else if (this.settingsWarning === XLS_WARNING) this.settingsWarning = null;
  }

  /* -------------------------------------------------------------- settings */

  async loadSettings(): Promise<AddinSettings> {
    if (this.settings) return this.settings;
    return this.run(async (context) => {
      const settingsXml = queueSettingsPart(context);
      context.workbook.load("name");
      await context.sync();
      this.noteFormat(context.workbook.name);
      const xml = settingsXml();
      if (!xml) return (this.settings = DEFAULT_SETTINGS);
      await context.sync();
      return (this.settings = settingsFromXml(xml.value).settings);
    });
  }

  async saveSettings(settings: AddinSettings): Promise<void> {
    this.dropFresh();
    try {
      await this.run(async (context) => {
        const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
        parts.load("items/id");
        await context.sync();
        // eslint-disable-next-line office-addins/load-object-before-read -- loaded as "items/id" (the rule wants "items")
        for (const p of parts.items) p.delete();
        // the part goes in as a string: without the XML declaration (its encoding is not the string's)
        context.workbook.customXmlParts.add(settingsToXml(settings).replace(/^\s*<\?xml[^>]*\?>\s*/, ""));
        await context.sync();
      });
    } catch (e) {
      if (this.settingsWarning !== XLS_WARNING)
        this.settingsWarning = `设置未能保存在工作簿中（${officeError(e)}），本次打开期间有效，关闭后丢失。`;
      throw new WorkbookError("failed", `设置未能保存在工作簿中：${officeError(e)}`);
    }
    if (this.settingsWarning !== XLS_WARNING) this.settingsWarning = null;
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
   * Brings our marks to what the findings ask for, on the state of the read just made (no sync to
   * look) or loaded now (two syncs). When the write on the read's state fails (the sheet changed
   * since: a format deleted by the user …), it is tried once more from a fresh look, notes included;
   * only when that fails too and notes were asked for (a note refused: a threaded comment on the
   * cell …) are the marks written without them, and the error says so.
   */
  private async writeMarks(findings: readonly Finding[], options: MarkOptions, failure: string): Promise<void> {
    const asError = (e: unknown) =>
      e instanceof WorkbookError ? e : new WorkbookError("failed", `${failure}：${officeError(e)}`);
    const fresh = this.fresh;
    this.fresh = null;
    const write = async (state: MarkState, o: MarkOptions) => {
      this.skippedSheets = await writeMarks(state, findings, o, this.notesSupported);
    };
    const fromScratch = (o: MarkOptions) =>
      this.run(async (context) => write(await loadMarkState(context, this.notesSupported), o));
    if (fresh) {
      try {
        await write(fresh, options);
        return;
      } catch (e) {
        if (e instanceof WorkbookError) throw e;
        // the sheet changed since the read: again from a fresh look (below)
      } finally {
        fresh.close();
      }
    }
    try {
      await fromScratch(options);
    } catch (e) {
      if (e instanceof WorkbookError || !options.notes) throw asError(e);
      // a note refused (a threaded comment on the cell …): the marks without notes, and say so
      await fromScratch({ ...options, notes: false }).catch((e2: unknown) => {
        throw asError(e2);
      });
      throw new WorkbookError("failed", `问题单元格已标记，但问题说明未能写入批注：${officeError(e)}`);
    }
  }

  /* ------------------------------------------------------------- selection */

  async select(sheet: string, address: string): Promise<void> {
    this.dropFresh();
    await this.run(async (context) => {
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
    return this.run(async (context) => {
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
    this.dropFresh();
    const mergeUndoGroup = this.keepsUndo;
    await this.run((context) => applyPlan(context, plan, mergeUndoGroup), { mergeUndoGroup });
  }
}

/**
 * The workbook port over exceljs: the command line, the offline web page and the tests on real
 * files. Works in Node and in the browser (no fs here: the command line reads and writes the files, src/cli).
 *
 * - The bytes are looked at first (sniff.ts): clear Chinese messages for files that are no .xlsx.
 * - Marks are the same conditional formats the Office adapter writes (marks.ts, src/core/marks.ts).
 * - Settings live in a custom XML part (src/core/settings-xml.ts). exceljs drops parts it does not
 *   know, so save() puts the customXml parts (ours and any others the file had) back, and the
 *   workbook's default font, and the links of list sheets (package.ts).
 * - Edits: edits.ts (every check first, then one writer per step). Whatever reaches past exceljs's
 *   typed API is in exceljs-internals.ts.
 */
import ExcelJS from "exceljs";
import type { EditPlan } from "../core/edit-plan";
import type { Finding } from "../core/finding";
import { cellAddress, parseCell, type SheetGrid } from "../core/grid";
import { WorkbookError, type CellRef, type MarkOptions, type WorkbookPort } from "../core/port";
import { DEFAULT_SETTINGS, type AddinSettings } from "../core/settings";
import { isSettingsXml, settingsFromXml, settingsToXml } from "../core/settings-xml";
import { applyStep, validatePlan } from "./edits";
import { prepareForExcelJS, type Prepared } from "./exceljs-guard";
import { keepAutomaticPageNumbers, loadPackage, renameWorksheet } from "./exceljs-internals";
import type { SheetRead } from "./bounds";
import { gridFromWorksheet, readWorksheet } from "./grid";
import { addListSheet, type ListSheet } from "./list-sheet";
import { clearMarks, readMarks, writeMarks, type MarksBySheet } from "./marks";
import { defaultFontOf, patchPackage, readCustomXml, type CustomXmlPart, type InternalLink } from "./package";
import { namesPart, sniffXlsx, SNIFF_MESSAGES } from "./sniff";

export type XlsxInput = Uint8Array | ArrayBuffer;

function unreadable(message: string): WorkbookError {
  return new WorkbookError("unreadable", message);
}

export class XlsxWorkbook implements WorkbookPort {
  private selection: CellRef | null = null;
  private settingsPart: CustomXmlPart | null;
  private readonly links: InternalLink[] = [];

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    /** The file as loaded: its default font is read from it when saving (exceljs writes its own). */
    private readonly original: Uint8Array | null,
    private readonly otherParts: readonly CustomXmlPart[],
    settingsPart: CustomXmlPart | null
  ) {
    this.settingsPart = settingsPart;
  }

  /** Loads an .xlsx from its bytes. Corrupt, empty, encrypted or non-xlsx input → WorkbookError("unreadable"). */
  static async load(data: XlsxInput): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const refused = sniffXlsx(bytes);
    if (refused) throw unreadable(refused);
    let prepared: Prepared;
    try {
      prepared = await prepareForExcelJS(bytes);
    } catch (e) {
      if (e instanceof WorkbookError) throw e;
      throw unreadable(SNIFF_MESSAGES.damaged);
    }
    // the package is unzipped by exceljs, and once more only when it has customXml parts to keep
    let parts: CustomXmlPart[] = [];
    if (namesPart(bytes, "customXml/")) {
      try {
        parts = await readCustomXml(bytes);
      } catch {
        throw unreadable(SNIFF_MESSAGES.damaged);
      }
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await loadPackage(workbook, prepared.bytes);
    } catch (e) {
      throw unreadable(`无法读取：工作簿内容已损坏（${e instanceof Error ? e.message : String(e)}）。`);
    }
    for (const ws of workbook.worksheets) {
      keepAutomaticPageNumbers(ws);
      const real = prepared.names.get(ws.name);
      if (real !== undefined) renameWorksheet(ws, real);
    }
    const ours = parts.find((p) => isSettingsXml(p.xml)) ?? null;
    return new XlsxWorkbook(
      workbook,
      bytes,
      parts.filter((p) => p !== ours),
      ours
    );
  }

  /** A workbook made with exceljs (tests). */
  static fromExcelJS(workbook: ExcelJS.Workbook): XlsxWorkbook {
    return new XlsxWorkbook(workbook, null, [], null);
  }

  /** The .xlsx bytes: exceljs's output plus the customXml parts, the original default font and the list sheets' links. */
  async save(): Promise<Uint8Array> {
    const out = new Uint8Array(await this.workbook.xlsx.writeBuffer());
    return patchPackage(out, {
      defaultFont: this.original ? await defaultFontOf(this.original) : null,
      parts: [...this.otherParts, ...(this.settingsPart ? [this.settingsPart] : [])],
      links: this.links,
    });
  }

  /* ------------------------------------------------------------ the sheets */

  sheetNames(): string[] {
    return this.workbook.worksheets.map((w) => w.name);
  }

  /** The exceljs worksheet (the web page draws it: column widths, row heights, cell looks). */
  worksheet(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.getWorksheet(name);
  }

  /** Every sheet as read now: its grid, or why it cannot be checked (bounds.ts). */
  sheetReads(): SheetRead[] {
    return this.workbook.worksheets.map((ws) => readWorksheet(ws));
  }

  /** Every sheet as a grid, now (a sheet that cannot be checked → WorkbookError). */
  sheetGrids(): SheetGrid[] {
    return this.workbook.worksheets.map((ws) => gridFromWorksheet(ws));
  }

  async readSheets(onProgress?: (done: number, total: number) => void): Promise<SheetGrid[]> {
    const sheets = this.workbook.worksheets;
    return sheets.map((ws, i) => {
      const grid = gridFromWorksheet(ws);
      onProgress?.(i + 1, sheets.length);
      return grid;
    });
  }

  /** Adds a list sheet (replacing an earlier one of the same header); its links are written by save(). Returns its name. */
  addListSheet(list: ListSheet): string {
    const added = addListSheet(this.workbook, list);
    for (let i = this.links.length - 1; i >= 0; i--) if (this.links[i].sheet === added.sheet) this.links.splice(i, 1);
    this.links.push(...added.links);
    return added.sheet;
  }

  /* -------------------------------------------------------------- settings */

  async loadSettings(): Promise<AddinSettings> {
    return this.settingsPart ? settingsFromXml(this.settingsPart.xml).settings : DEFAULT_SETTINGS;
  }

  async saveSettings(settings: AddinSettings): Promise<void> {
    this.settingsPart = { xml: settingsToXml(settings), propsXml: null };
  }

  /* ----------------------------------------------------------------- marks */

  async mark(findings: readonly Finding[], options: MarkOptions = {}): Promise<void> {
    writeMarks(this.workbook, findings, options);
  }

  async clearMarks(): Promise<void> {
    clearMarks(this.workbook);
  }

  /** The marks the workbook carries now (from mark(), or already in the file). */
  marks(): MarksBySheet {
    return readMarks(this.workbook);
  }

  /* ------------------------------------------------------------- selection */

  async select(sheet: string, address: string): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new WorkbookError("missing", `找不到工作表“${sheet}”。`, sheet);
    const p = parseCell(address);
    const cell = cellAddress(p.row, p.column);
    this.selection = { sheet, address: cell };
    const index = this.workbook.worksheets.indexOf(ws);
    const views = this.workbook.views;
    if (views && views[0])
      views[0] = { ...views[0], activeTab: index, firstSheet: Math.min(Number(views[0].firstSheet ?? 0), index) };
    ws.views = [{ ...(ws.views?.[0] ?? {}), activeCell: cell }, ...(ws.views ?? []).slice(1)];
  }

  async getSelection(): Promise<CellRef | null> {
    if (this.selection) return this.selection;
    const ws = this.workbook.worksheets[this.workbook.views?.[0]?.activeTab ?? 0];
    const active = ws?.views?.[0]?.activeCell;
    return ws && active ? { sheet: ws.name, address: active } : null;
  }

  /* ----------------------------------------------------------------- edits */

  async apply(plan: EditPlan): Promise<void> {
    validatePlan(this.workbook, plan);
    for (const step of plan.steps) applyStep(this.workbook, step);
    if (plan.select) this.selection = { sheet: plan.select.sheet, address: plan.select.address };
  }
}

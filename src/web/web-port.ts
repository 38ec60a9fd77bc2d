/**
 * The web page's workbook: XlsxWorkbook (exceljs, in the browser) plus what Excel would show —
 * the active sheet, the selected cell (set by clicking the grid, moved by the task pane's
 * select()), and the marks (the cells the last mark() coloured). The grid subscribes to it and
 * re-renders when any of these or the cells change.
 */
import type ExcelJS from "exceljs";
import type { EditPlan } from "../core/edit-plan";
import type { Finding, Severity } from "../core/finding";
import { cellAddress, parseCell, type SheetGrid } from "../core/grid";
import { planMarks } from "../core/marks";
import { WorkbookError, type CellRef, type MarkOptions, type WorkbookPort } from "../core/port";
import type { AddinSettings } from "../core/settings";
import type { XlsxWorkbook } from "../xlsx/workbook";

interface WebSnapshot {
  readonly version: number;
  readonly active: string;
  /** The selected cell of each sheet (A1). */
  readonly selections: ReadonlyMap<string, string>;
  /** Marked cells per sheet: address → severity. */
  readonly marks: ReadonlyMap<string, ReadonlyMap<string, Severity>>;
}

export class WebWorkbook implements WorkbookPort {
  private version = 0;
  private snapshot: WebSnapshot;
  private readonly listeners = new Set<() => void>();
  private grids: SheetGrid[] | null = null;

  constructor(
    readonly xlsx: XlsxWorkbook,
    readonly fileName: string
  ) {
    this.snapshot = {
      version: 0,
      active: xlsx.sheetNames()[0] ?? "",
      selections: new Map(),
      marks: xlsx.marks(),
    };
  }

  /** Reads the file's own active sheet and cell (what Excel would open on). */
  async init(): Promise<void> {
    const sel = await this.xlsx.getSelection();
    if (sel && this.sheetNames().includes(sel.sheet))
      this.update({
        active: sel.sheet,
        selections: new Map([[sel.sheet, safeCell(sel.address)]]),
      });
  }

  /* ------------------------------------------------------------ for the grid */

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): WebSnapshot => this.snapshot;

  private update(patch: Partial<Omit<WebSnapshot, "version">>, cellsChanged = false): void {
    if (cellsChanged) this.grids = null;
    this.version++;
    this.snapshot = { ...this.snapshot, ...patch, version: this.version };
    for (const l of this.listeners) l();
  }

  sheetNames(): string[] {
    return this.xlsx.sheetNames();
  }

  /** The sheets as grids (cached until the cells change). */
  sheetGrids(): SheetGrid[] {
    this.grids ??= this.xlsx.sheetGrids();
    return this.grids;
  }

  worksheet(name: string): ExcelJS.Worksheet | undefined {
    return this.xlsx.worksheet(name);
  }

  /** The user clicked a tab. */
  activate(sheet: string): void {
    if (sheet !== this.snapshot.active) this.update({ active: sheet });
  }

  /** The user clicked (or moved to) a cell of the active sheet. */
  setSelection(sheet: string, address: string): void {
    const selections = new Map(this.snapshot.selections);
    selections.set(sheet, address);
    this.update({ active: sheet, selections });
  }

  /** The workbook as a new .xlsx file (marks, fixes, insertions and settings included). */
  save(): Promise<Uint8Array> {
    return this.xlsx.save();
  }

  /* ------------------------------------------------------------ the port */

  readSheets(onProgress?: (done: number, total: number) => void): Promise<SheetGrid[]> {
    return this.xlsx.readSheets(onProgress);
  }

  async mark(findings: readonly Finding[], options?: MarkOptions): Promise<void> {
    await this.xlsx.mark(findings, options);
    const marks = new Map<string, Map<string, Severity>>();
    for (const sm of planMarks(findings)) marks.set(sm.sheet, new Map(sm.cells));
    this.update({ marks });
  }

  async clearMarks(): Promise<void> {
    await this.xlsx.clearMarks();
    this.update({ marks: new Map() });
  }

  async select(sheet: string, address: string): Promise<void> {
    if (!this.sheetNames().includes(sheet)) throw new WorkbookError("missing", `找不到工作表“${sheet}”。`, sheet);
    await this.xlsx.select(sheet, address);
    this.setSelection(sheet, safeCell(address));
  }

  async getSelection(): Promise<CellRef | null> {
    const sheet = this.snapshot.active;
    if (!sheet) return null;
    return { sheet, address: this.snapshot.selections.get(sheet) ?? "A1" };
  }

  async apply(plan: EditPlan): Promise<void> {
    await this.xlsx.apply(plan);
    if (plan.select) {
      const selections = new Map(this.snapshot.selections);
      selections.set(plan.select.sheet, safeCell(plan.select.address));
      this.update({ selections, active: plan.select.sheet }, true);
    } else this.update({}, true);
  }

  loadSettings(): Promise<AddinSettings> {
    return this.xlsx.loadSettings();
  }

  saveSettings(settings: AddinSettings): Promise<void> {
    return this.xlsx.saveSettings(settings);
  }
}

/** "B3" for "B3" or "B3:C4" or "$B$3". */
function safeCell(address: string): string {
  try {
    const p = parseCell(address.split(":")[0].replace(/\$/g, ""));
    return cellAddress(p.row, p.column);
  } catch {
    return "A1";
  }
}

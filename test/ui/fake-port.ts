/**
 * An in-memory WorkbookPort for the UI tests: grids edited with the core's applyPlanToGrids (Excel's
 * semantics), settings kept in memory, marks and selection recorded, every call logged. Can be told
 * to refuse the next edit (protected sheet) or to read slowly (progress).
 */
import type { EditPlan } from "../../src/core/edit-plan";
import { applyPlanToGrids } from "../../src/core/apply-grid";
import type { Finding } from "../../src/core/finding";
import { cellAddress, gridFromRows, parseCell, RowGrid, type GridCell, type SheetGrid } from "../../src/core/grid";
import { WorkbookError, type CellRef, type MarkOptions, type WorkbookPort } from "../../src/core/port";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/core/settings";
import { loadGrids, SAMPLE } from "../helpers/seed";

export class FakePort implements WorkbookPort {
  grids: SheetGrid[];
  settings: AddinSettings = DEFAULT_SETTINGS;
  selection: CellRef | null = null;
  marked: readonly Finding[] = [];
  markCalls = 0;
  clearCalls = 0;
  applied: EditPlan[] = [];
  calls: string[] = [];
  /** Thrown by the next apply(). */
  refuseNext: WorkbookError | null = null;
  /** Waited for between sheets while reading. */
  readDelay: (() => Promise<void>) | null = null;
  skippedSheets: string[] = [];

  constructor(grids: readonly SheetGrid[]) {
    this.grids = [...grids];
  }

  /** The bundled sample workbook. */
  static async seed(): Promise<FakePort> {
    return new FakePort(await loadGrids(SAMPLE));
  }

  text(sheet: string, address: string): string {
    const g = this.grids.find((x) => x.name === sheet);
    const p = parseCell(address);
    return g?.cell(p.row, p.column)?.text ?? "";
  }

  /** Writes a cell as the user would (no plan, no checks). */
  setText(sheet: string, address: string, text: string): void {
    const i = this.grids.findIndex((x) => x.name === sheet);
    const g = this.grids[i];
    const p = parseCell(address);
    const rows: (GridCell | undefined)[][] = [];
    for (let r = 1; r <= Math.max(g.rowCount, p.row); r++) {
      const row: (GridCell | undefined)[] = [];
      for (let c = 1; c <= Math.max(g.columnCount, p.column); c++) row.push(g.cell(r, c));
      rows.push(row);
    }
    rows[p.row - 1][p.column - 1] = text ? { text, type: "text" } : undefined;
    this.grids[i] = new RowGrid(g.name, rows, g.merges, !!g.protected, true);
  }

  async readSheets(onProgress?: (done: number, total: number) => void): Promise<SheetGrid[]> {
    this.calls.push("readSheets");
    for (let i = 0; i < this.grids.length; i++) {
      if (this.readDelay) await this.readDelay();
      onProgress?.(i + 1, this.grids.length);
    }
    return this.grids;
  }

  async mark(findings: readonly Finding[], _options?: MarkOptions): Promise<void> {
    this.calls.push("mark");
    this.markCalls++;
    this.marked = findings;
  }

  async clearMarks(): Promise<void> {
    this.calls.push("clearMarks");
    this.clearCalls++;
    this.marked = [];
  }

  async select(sheet: string, address: string): Promise<void> {
    this.calls.push(`select ${sheet}!${address}`);
    if (!this.grids.some((g) => g.name === sheet))
      throw new WorkbookError("missing", `找不到工作表“${sheet}”。`, sheet);
    const p = parseCell(address);
    this.selection = { sheet, address: cellAddress(p.row, p.column) };
  }

  async getSelection(): Promise<CellRef | null> {
    return this.selection;
  }

  async apply(plan: EditPlan): Promise<void> {
    this.calls.push(`apply ${plan.label}`);
    if (this.refuseNext) {
      const e = this.refuseNext;
      this.refuseNext = null;
      throw e;
    }
    this.grids = applyPlanToGrids(this.grids, plan);
    this.applied.push(plan);
    if (plan.select) this.selection = { ...plan.select };
  }

  async loadSettings(): Promise<AddinSettings> {
    return this.settings;
  }

  async saveSettings(settings: AddinSettings): Promise<void> {
    this.calls.push("saveSettings");
    this.settings = JSON.parse(JSON.stringify(settings)) as AddinSettings;
  }
}

/** A workbook of one sheet with no table in it. */
export function notATable(): FakePort {
  return new FakePort([gridFromRows("说明", [["这是一张说明表"], ["没有绩效指标"]])]);
}

/**
 * The marked copy of a checked file (the command line's --out, the web page's batch zip), made
 * through exceljs, which keeps every style: load the workbook (an .xlsx from its bytes; an .xls
 * from its sheets as read: xls/workbook.ts), make sure exceljs holds exactly the cells that were
 * checked (else no copy: nothing may be lost), (fixing) apply the safe fixes, mark, add the 校验报告
 * sheet, and give the .xlsx bytes. Writing them is the caller's (src/cli/copy.ts: atomically).
 */
import { checkGrids, type CheckResult } from "../core/check";
import type { EditPlan } from "../core/edit-plan";
import type { SheetGrid } from "../core/grid";
import { WorkbookError } from "../core/port";
import { countsOf, findingJson, type FixReport, type SkippedFix } from "../core/report/result";
import { internalError, type CheckedFile, type OpenedFile } from "./check-file";
import type { WorkbookRead } from "./package-read";
import { reportSheet } from "./report-sheet";
import { XlsxWorkbook } from "./workbook";
import { excelJSFromBook } from "./xls/workbook";

/** The same cells (text and type), merges and protection. */
function sameGrid(a: SheetGrid, b: SheetGrid): boolean {
  if (a.rowCount !== b.rowCount || a.columnCount !== b.columnCount || !!a.protected !== !!b.protected) return false;
  if (JSON.stringify(a.merges) !== JSON.stringify(b.merges)) return false;
  for (let r = 1; r <= a.rowCount; r++)
    for (let c = 1; c <= a.columnCount; c++) {
      const x = a.cell(r, c);
      const y = b.cell(r, c);
      if (x?.text !== y?.text || x?.type !== y?.type) return false;
    }
  return true;
}

/** The grids exceljs holds for the sheets that were checked; a sheet it holds differently → why no copy (Chinese). */
function heldGrids(wb: XlsxWorkbook, read: WorkbookRead): SheetGrid[] | string {
  const held = new Map(wb.sheetReads().map((s) => [s.name, s]));
  const grids: SheetGrid[] = [];
  for (const s of read.sheets) {
    if (!s.grid) continue;
    const h = held.get(s.name)?.grid;
    if (!h || !sameGrid(s.grid, h))
      return `写出副本的程序（exceljs）读到的工作表“${s.name}”与检查的内容不同，为免丢失内容，未写出副本。检查结果不受影响。`;
    grids.push(h);
  }
  return grids;
}

function planKey(plan: EditPlan): string {
  return JSON.stringify(plan.steps);
}

/** What a plan writes: cells ("sheet!A1") and sheets whose rows it moves. */
function planFootprint(plan: EditPlan): { cells: string[]; sheets: string[] } {
  const cells: string[] = [];
  const sheets: string[] = [];
  for (const s of plan.steps)
    (s.kind === "set" ? cells : sheets).push(s.kind === "set" ? `${s.sheet}!${s.address}` : s.sheet);
  return { cells, sheets };
}

/** Cells and sheets written by the fixes applied in this round. */
class Touched {
  private readonly cells = new Set<string>();
  private readonly sheets = new Set<string>();
  private readonly moved = new Set<string>();

  /** True when the plan was built before another fix of this round changed what it reads. */
  clashes(f: { cells: string[]; sheets: string[] }): boolean {
    return (
      f.cells.some((c) => this.cells.has(c) || this.moved.has(c.slice(0, c.lastIndexOf("!")))) ||
      f.sheets.some((s) => this.sheets.has(s))
    );
  }

  add(f: { cells: string[]; sheets: string[] }): void {
    for (const c of f.cells) {
      this.cells.add(c);
      this.sheets.add(c.slice(0, c.lastIndexOf("!")));
    }
    for (const s of f.sheets) {
      this.moved.add(s);
      this.sheets.add(s);
    }
  }
}

/**
 * Applies the safe quick fixes (safe, no inputs). A fix whose cells an earlier fix of the same round
 * changed waits for the re-check, which builds it again from the new text (or finds it no longer
 * needed); only fixes that fail on untouched cells (a protected sheet …) are reported as skipped.
 */
async function applySafeFixes(
  wb: XlsxWorkbook,
  first: CheckResult,
  recheck: () => CheckResult
): Promise<{ result: CheckResult; report: FixReport }> {
  let result = first;
  let fixed = 0;
  const done = new Set<string>();
  const failed = new Map<string, SkippedFix>();
  for (let round = 0; round < 20; round++) {
    const todo = result.findings.filter(
      (f) =>
        f.fix?.safe && f.fix.inputs.length === 0 && !done.has(planKey(f.fix.plan)) && !failed.has(planKey(f.fix.plan))
    );
    if (todo.length === 0) break;
    const touched = new Touched();
    let applied = 0;
    for (const f of todo) {
      const plan = f.fix!.plan;
      const key = planKey(plan);
      const footprint = planFootprint(plan);
      if (done.has(key) || touched.clashes(footprint)) continue;
      try {
        await wb.apply(plan);
        done.add(key);
        touched.add(footprint);
        fixed++;
        applied++;
      } catch (e) {
        failed.set(key, {
          sheet: f.sheet,
          cell: f.cell,
          rule: f.rule,
          reason: e instanceof Error ? e.message : String(e),
        });
      }
    }
    result = recheck();
    if (applied === 0) break;
  }
  // a failed fix whose finding a later fix resolved is no failure
  const left = new Set(result.findings.map((f) => `${f.rule}\u0000${f.sheet}\u0000${f.cell}`));
  const skipped = [...failed.values()].filter((s) => left.has(`${s.rule}\u0000${s.sheet}\u0000${s.cell}`));
  return { result, report: { fixed, before: countsOf(first.findings), skipped } };
}

/** The workbook as exceljs loads it, for the copy. */
async function copyWorkbook(opened: OpenedFile): Promise<XlsxWorkbook> {
  if (opened.xls) return XlsxWorkbook.fromExcelJS(await excelJSFromBook(opened.xls));
  return XlsxWorkbook.load(opened.bytes);
}

/** The copy (null when it could not be made, and why), with the check it carries (after fixing: the copy's). */
export interface MarkedCopy {
  readonly bytes: Uint8Array | null;
  /** Why there is no copy (Chinese, a sentence), or null. */
  readonly problem: string | null;
  readonly result: CheckResult;
  readonly grids: readonly SheetGrid[];
  readonly fix: FixReport | null;
}

/**
 * The marked copy of a checked file; `fixing`: the safe quick fixes applied first (their failure is
 * a warning of `checked`, and the copy is written unfixed).
 */
export async function markedCopy(opened: OpenedFile, checked: CheckedFile, fixing: boolean): Promise<MarkedCopy> {
  const none = (problem: string): MarkedCopy => ({
    bytes: null,
    problem,
    result: checked.result,
    grids: checked.grids,
    fix: null,
  });
  let wb: XlsxWorkbook;
  try {
    wb = await copyWorkbook(opened);
  } catch (e) {
    return none(e instanceof WorkbookError ? e.message.replace(/^无法读取：/, "") : internalError(e));
  }
  const held = heldGrids(wb, opened.read);
  if (typeof held === "string") return none(held);
  let result = checked.result;
  let grids = checked.grids;
  let fix: FixReport | null = null;
  if (fixing) {
    const names = new Set(held.map((g) => g.name));
    const recheck = () => {
      grids = wb.sheetReads().flatMap((s) => (s.grid && names.has(s.name) ? [s.grid] : []));
      return checkGrids(grids, checked.settings);
    };
    try {
      ({ result, report: fix } = await applySafeFixes(wb, result, recheck));
    } catch (e) {
      checked.warnings.push(`快速修复时出错，副本未修复：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  try {
    await wb.mark(result.findings, { notes: checked.settings.notes });
    const { findings, verdict } = checked.describe(result, grids);
    wb.addListSheet(reportSheet(findings.map(findingJson), verdict));
    return { bytes: await wb.save(), problem: null, result, grids, fix };
  } catch (e) {
    return { bytes: null, problem: `无法写入（${e instanceof Error ? e.message : String(e)}）。`, result, grids, fix };
  }
}

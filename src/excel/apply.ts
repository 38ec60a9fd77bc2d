/**
 * An edit plan applied over Office.js, in two requests: the first reads what the checks need
 * (sheets, protection, every `set` step's old text, merges where rows move, the `formatFrom` rows'
 * heights); nothing is written unless every check passes. The second holds every write, one
 * writer per step kind (as src/xlsx does it). See README.md here ("Edits").
 */
import {
  sheetsOf,
  type DeleteRowsStep,
  type EditPlan,
  type EditStep,
  type InsertRowsStep,
  type MergeStep,
  type SetCellStep,
} from "../core/edit-plan";
import { cellAddress, columnLetter, parseRange, type CellRange } from "../core/grid";
import {
  assertOldTexts,
  excelInputOf,
  expectedBefore,
  mergesAfterDelete,
  mergesAfterInsert,
  mergesAfterMerge,
  setChecks,
} from "../core/plan-steps";
import { WorkbookError } from "../core/port";
import { officeError } from "./host";
import { bareAddress, mergesFromAreas, queueMergesInBands } from "./read";

/** A sheet the plan writes to, as loaded by the first request. */
interface PlanSheet {
  readonly ws: Excel.Worksheet;
  /** The used range and (unless refused) its merged areas, loaded where the plan moves rows or merges. */
  readonly used: Excel.Range | null;
  readonly merged: Excel.RangeAreas | null;
}

/** What the first request loads. */
interface Loaded {
  readonly sheets: Map<string, PlanSheet>;
  /** The current text of each `set` step's cell (null where the plan itself decides it). */
  readonly texts: (Excel.Range | null)[];
  /** The height of each insertRows step's `formatFrom` row, by step index. */
  readonly heights: Map<number, Excel.RangeFormat>;
}

/** The state the writers share while they queue the second request. */
interface Writing {
  readonly sheets: Map<string, PlanSheet>;
  /** Each sheet's merges as the steps so far leave them. */
  readonly merges: Map<string, CellRange[]>;
  /** Each sheet's used range before the plan (null: the sheet was empty). */
  readonly usedRanges: Map<string, CellRange | null>;
  readonly heights: Map<number, Excel.RangeFormat>;
}

/** The row `row` (as seen by step `index`) had before the plan; null when an earlier step inserted it. */
function originalRow(plan: EditPlan, index: number, sheet: string, row: number): number | null {
  let r: number | null = row;
  for (let i = index - 1; i >= 0 && r !== null; i--) {
    const s = plan.steps[i];
    if (s.sheet !== sheet) continue;
    if (s.kind === "insertRows") {
      if (r >= s.before + s.count) r -= s.count;
      else if (r >= s.before) r = null;
    } else if (s.kind === "deleteRows" && r >= s.row) r += s.count;
  }
  return r;
}

/**
 * Queues the first request: the sheets, the old texts, the merges (`withMerges`: in the same
 * request) and the row heights the plan needs.
 */
function queueChecks(context: Excel.RequestContext, plan: EditPlan, withMerges: boolean): Loaded {
  const needsMerges = new Set(plan.steps.filter((s) => s.kind !== "set").map((s) => s.sheet));
  const sheets = new Map<string, PlanSheet>();
  for (const name of sheetsOf(plan)) {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load("name");
    ws.protection.load("protected");
    let used: Excel.Range | null = null;
    let merged: Excel.RangeAreas | null = null;
    if (needsMerges.has(name)) {
      used = ws.getUsedRangeOrNullObject();
      used.load("address");
      if (withMerges) {
        merged = used.getMergedAreasOrNullObject();
        merged.load("address");
      }
    }
    sheets.set(name, { ws, used, merged });
  }
  const checks = setChecks(plan);
  const texts = checks.map((c) => {
    if (expectedBefore(c, checks) !== null || c.originalRow === null) return null;
    const r = sheets.get(c.step.sheet)!.ws.getRange(cellAddress(c.originalRow, c.column));
    r.load("text");
    return r;
  });
  const heights = new Map<number, Excel.RangeFormat>();
  plan.steps.forEach((s, index) => {
    if (s.kind !== "insertRows" || s.formatFrom === null) return;
    const original = originalRow(plan, index, s.sheet, s.formatFrom);
    if (original === null) return;
    const f = sheets.get(s.sheet)!.ws.getRange(`${original}:${original}`).format;
    f.load("rowHeight");
    heights.set(index, f);
  });
  return { sheets, texts, heights };
}

/** Every sheet exists and is not protected; every `set` step's cell still shows its old text. */
function assertWritable(plan: EditPlan, loaded: Loaded): void {
  for (const [name, s] of loaded.sheets) {
    if (s.ws.isNullObject) throw new WorkbookError("missing", `找不到工作表“${name}”，无法修改。`, name);
    if (s.ws.protection.protected)
      throw new WorkbookError("protected", `工作表“${name}”受保护，无法写入。请先撤销工作表保护。`, name);
  }
  assertOldTexts(plan, (_c, i) => loaded.texts[i]?.text[0][0] ?? "");
}

/**
 * The merges and used ranges of the sheets whose rows move: as the first request read them, else
 * (refused, or a null answer that may hide more than 512) read in bands in one more request.
 */
async function loadMerges(
  context: Excel.RequestContext,
  loaded: Loaded
): Promise<Pick<Writing, "merges" | "usedRanges">> {
  const merges = new Map<string, CellRange[]>();
  const usedRanges = new Map<string, CellRange | null>();
  const queued = new Map<string, () => CellRange[]>();
  for (const [name, s] of loaded.sheets) {
    if (!s.used) continue;
    if (s.used.isNullObject) {
      merges.set(name, []);
      usedRanges.set(name, null);
      continue;
    }
    const used = parseRange(bareAddress(s.used.address));
    usedRanges.set(name, used);
    const known = s.merged ? mergesFromAreas(used, s.merged) : null;
    if (known) merges.set(name, known);
    else queued.set(name, queueMergesInBands(s.ws, used));
  }
  if (queued.size === 0) return { merges, usedRanges };
  await context.sync();
  for (const [name, read] of queued) merges.set(name, read());
  return { merges, usedRanges };
}

/* ------------------------------------------------------------------ writers */

/** A text that Excel would take for a formula (=…, +…, @…, -x…) is written with a leading apostrophe. */
function writeSet(w: Writing, step: SetCellStep): void {
  w.sheets.get(step.sheet)!.ws.getRange(step.address).values = [[excelInputOf(step)]];
}

/**
 * insert(Down) on whole rows (Excel grows the merges that span the row and shifts the rest), then
 * the formats of the `formatFrom` row pasted column run by column run, and its height.
 */
function writeInsertRows(w: Writing, step: InsertRowsStep, index: number): void {
  const ws = w.sheets.get(step.sheet)!.ws;
  const last = step.before + step.count - 1;
  ws.getRange(`${step.before}:${last}`).insert("Down");
  const after = mergesAfterInsert(w.merges.get(step.sheet) ?? [], step.before, step.count);
  w.merges.set(step.sheet, after);
  if (step.formatFrom === null) return;
  const right = Math.max(w.usedRanges.get(step.sheet)?.right ?? 1, ...after.map((m) => m.right));
  for (const [l, r] of formatSegments(after, step.formatFrom, step.before, last, right)) {
    // a Range, not a bare address: Excel would take the address on the active sheet
    ws.getRange(`${columnLetter(l)}${step.before}:${columnLetter(r)}${last}`).copyFrom(
      ws.getRange(`${columnLetter(l)}${step.formatFrom}:${columnLetter(r)}${step.formatFrom}`),
      "Formats"
    );
  }
  const h = w.heights.get(index);
  if (h && typeof h.rowHeight === "number") ws.getRange(`${step.before}:${last}`).format.rowHeight = h.rowHeight;
}

function writeDeleteRows(w: Writing, step: DeleteRowsStep): void {
  w.sheets
    .get(step.sheet)!
    .ws.getRange(`${step.row}:${step.row + step.count - 1}`)
    .delete("Up");
  w.merges.set(step.sheet, mergesAfterDelete(w.merges.get(step.sheet) ?? [], step.row, step.count));
}

/** Merges a range (unmerging the one it replaces); refused when it would overlap another merge. */
function writeMerge(w: Writing, step: MergeStep): void {
  const ws = w.sheets.get(step.sheet)!.ws;
  const after = mergesAfterMerge(w.merges.get(step.sheet) ?? [], step);
  if (step.replaces) ws.getRange(step.replaces).unmerge();
  ws.getRange(step.range).merge(false);
  w.merges.set(step.sheet, after);
}

function writeStep(w: Writing, step: EditStep, index: number): void {
  switch (step.kind) {
    case "set":
      return writeSet(w, step);
    case "insertRows":
      return writeInsertRows(w, step, index);
    case "deleteRows":
      return writeDeleteRows(w, step);
    case "merge":
      return writeMerge(w, step);
  }
}

/**
 * Applies a plan on `context`: checks everything first (sheets exist and are unprotected, every
 * `set` step's cell still shows its oldText, merges possible) and only then writes, in one request.
 * `keepsUndo`: Excel keeps the writes on its undo stack as one step (ExcelApi 1.20), so a message
 * may point to Ctrl+Z; elsewhere it does not.
 */
export async function applyPlan(context: Excel.RequestContext, plan: EditPlan, keepsUndo: boolean): Promise<void> {
  let loaded = queueChecks(context, plan, true);
  try {
    await context.sync();
  } catch {
    // a sheet with more than 512 merged areas fails the whole request: again, merges read apart
    loaded = queueChecks(context, plan, false);
    try {
      await context.sync();
    } catch (e) {
      throw new WorkbookError("failed", `无法读取要修改的单元格：${officeError(e)}`);
    }
  }
  assertWritable(plan, loaded);
  const writing: Writing = { sheets: loaded.sheets, heights: loaded.heights, ...(await loadMerges(context, loaded)) };
  plan.steps.forEach((step, index) => writeStep(writing, step, index));
  if (plan.select) {
    const ws = loaded.sheets.get(plan.select.sheet)?.ws ?? context.workbook.worksheets.getItem(plan.select.sheet);
    ws.activate();
    ws.getRange(plan.select.address).select();
  }
  try {
    await context.sync();
  } catch (e) {
    throw new WorkbookError(
      "failed",
      `Excel 未能完成“${plan.label}”：${officeError(e)}。${keepsUndo ? "如有部分已写入，可按 Ctrl+Z 撤销。" : "请检查表格，如有部分已写入，请手动改回。"}`
    );
  }
}

/**
 * Column runs whose formats can be pasted from row `from` to rows top..bottom: columns where the
 * source cell or the new cells lie inside a merge of several rows are left out (Excel refuses to
 * paste onto part of a merged cell; a grown merge already has its format).
 */
export function formatSegments(
  merges: readonly CellRange[],
  from: number,
  top: number,
  bottom: number,
  right: number
): Array<[number, number]> {
  const blocked = new Set<number>();
  for (const m of merges) {
    if (m.top === m.bottom) continue;
    const hitsSource = m.top <= from && from <= m.bottom;
    const hitsNew = m.top <= bottom && top <= m.bottom;
    if (hitsSource || hitsNew) for (let c = m.left; c <= m.right; c++) blocked.add(c);
  }
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let c = 1; c <= right + 1; c++) {
    const ok = c <= right && !blocked.has(c);
    if (ok && !start) start = c;
    if (!ok && start) {
      out.push([start, c - 1]);
      start = 0;
    }
  }
  return out;
}

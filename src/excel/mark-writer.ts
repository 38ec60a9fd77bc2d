/**
 * Our marks in Excel: conditional formats with our formula (one per severity per chunk of
 * addresses, src/core/marks.ts) and, when asked, notes starting with 【绩效目标表助手】. Finds the old
 * ones, deletes them and writes the new ones, splitting the writes into several requests above
 * WRITE_REQUEST_BUDGET (Excel on the web refuses 5 MB). Protected sheets are skipped.
 */
import type { Finding, Severity } from "../core/finding";
import { cellAddress, parseCell } from "../core/grid";
import {
  isOurNote,
  MARK_FILL,
  markFormulaA1,
  markSeverity,
  planMarks,
  SEVERITIES,
  type SheetMarks,
} from "../core/marks";
import type { MarkOptions } from "../core/port";
import { bareAddress } from "./read";

/** Estimated bytes of one request above which writes are split (Excel on the web refuses 5 MB). */
const WRITE_REQUEST_BUDGET = 1_000_000;

/** A sheet as the mark writer needs it. */
interface SheetState {
  readonly name: string;
  readonly protected: boolean;
  readonly ws: Excel.Worksheet;
  /** Our conditional formats (to delete). */
  readonly marks: Excel.ConditionalFormat[];
  /** Notes: ours (to delete) and the user's (never written over). */
  readonly ourNotes: Excel.Note[];
  readonly userNotes: Excel.Note[];
}

/** Every sheet's marks and notes, on the context they were loaded with. */
export interface MarkState {
  readonly context: Excel.RequestContext;
  readonly sheets: SheetState[];
}

/**
 * Queues the loads of a sheet's conditional formats (and notes, where supported); the returned
 * function builds the sheet's state after the sync. The sheet's name and protection must be loaded.
 */
export function queueSheetState(ws: Excel.Worksheet, notes: boolean): () => SheetState {
  const cfs = ws.getRange().conditionalFormats;
  cfs.load("items/type,items/customOrNullObject/rule/formula");
  const noteItems = notes ? ws.notes : null;
  noteItems?.load("items/content");
  return () => {
    const noteList = noteItems ? noteItems.items : [];
    return {
      name: ws.name,
      protected: ws.protection.protected,
      ws,
      marks: cfs.items.filter(
        (cf) =>
          cf.type === "Custom" &&
          !cf.customOrNullObject.isNullObject &&
          markSeverity(cf.customOrNullObject.rule.formula) !== null
      ),
      ourNotes: noteList.filter((n) => isOurNote(n.content)),
      userNotes: noteList.filter((n) => !isOurNote(n.content)),
    };
  };
}

/** The sheets' marks and notes loaded on a new context (two syncs). */
export async function loadMarkState(context: Excel.RequestContext, notes: boolean): Promise<MarkState> {
  const collection = context.workbook.worksheets;
  collection.load("items/name,items/protection/protected");
  await context.sync();
  const states = collection.items.map((ws) => queueSheetState(ws, notes));
  await context.sync();
  return { context, sheets: states.map((state) => state()) };
}

/** Counts the estimated bytes of the queued writes and syncs before the request grows too large. */
class RequestBudget {
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  async add(n: number): Promise<void> {
    this.bytes += n;
    if (this.bytes > WRITE_REQUEST_BUDGET) {
      await this.context.sync();
      this.bytes = n;
    }
  }
}

/** The cells holding the user's notes, by sheet (one sync; only on the sheets that get marks). */
async function userNoteCells(
  state: MarkState,
  planned: ReadonlyMap<string, SheetMarks>
): Promise<Map<string, Set<string>>> {
  const cells = new Map<string, Set<string>>();
  const locations = state.sheets.flatMap((s) =>
    planned.has(s.name) && !s.protected
      ? s.userNotes.map((n) => {
          const loc = n.getLocation();
          loc.load("address");
          return { sheet: s.name, loc };
        })
      : []
  );
  if (!locations.length) return cells;
  await state.context.sync();
  for (const { sheet, loc } of locations) {
    let set = cells.get(sheet);
    if (!set) cells.set(sheet, (set = new Set()));
    const p = parseCell(bareAddress(loc.address).split(":")[0]);
    set.add(cellAddress(p.row, p.column));
  }
  return cells;
}

function addMark(ws: Excel.Worksheet, addresses: string, severity: Severity): void {
  const cf = ws.getRanges(addresses).conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
  cf.custom.rule.formula = markFormulaA1(severity);
  cf.custom.format.fill.color = `#${MARK_FILL[severity]}`;
}

/** Deletes one sheet's old marks and notes and queues its new ones (notes never over the user's). */
async function writeSheetMarks(
  s: SheetState,
  plan: SheetMarks | undefined,
  notesTaken: ReadonlySet<string> | null,
  budget: RequestBudget
): Promise<void> {
  for (const old of [...s.marks, ...s.ourNotes]) {
    old.delete();
    await budget.add(80);
  }
  if (!plan) return;
  for (const severity of SEVERITIES) {
    for (const chunk of plan.chunks[severity]) {
      await budget.add(400 + chunk.length);
      addMark(s.ws, chunk, severity);
    }
  }
  if (!notesTaken) return;
  for (const [address, text] of plan.notes) {
    if (notesTaken.has(address)) continue;
    await budget.add(200 + text.length * 3);
    s.ws.notes.add(address, text);
  }
}

/**
 * Deletes our old marks (and notes) and writes the new ones, in one request unless it would be too
 * large. `notes`: notes are asked for and supported. Returns the protected sheets left unmarked.
 */
export async function writeMarks(
  state: MarkState,
  findings: readonly Finding[],
  options: MarkOptions,
  notes: boolean
): Promise<string[]> {
  const planned = new Map(planMarks(findings).map((p) => [p.sheet, p]));
  const withNotes = !!options.notes && notes;
  const taken = withNotes ? await userNoteCells(state, planned) : null;
  const budget = new RequestBudget(state.context);
  const skipped: string[] = [];
  for (const s of state.sheets) {
    const plan = planned.get(s.name);
    if (s.protected) {
      if (plan || s.marks.length || s.ourNotes.length) skipped.push(s.name);
      continue;
    }
    await writeSheetMarks(s, plan, taken ? (taken.get(s.name) ?? new Set()) : null, budget);
  }
  await state.context.sync();
  return skipped;
}

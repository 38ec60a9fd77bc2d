/**
 * Our marks in Excel: conditional formats with our formula (one per severity per chunk of
 * addresses, src/core/marks.ts) and, when asked, notes starting with 【绩效目标表助手】. Writes only
 * the difference between the marks that are there and the marks the findings ask for — every write
 * can become a step on Excel's undo stack, so a re-check that changes nothing writes nothing. A mark
 * is known by the key of its address list in its formula (marks without one, e.g. written by the
 * command line, are rewritten once). Writes are split into several requests above
 * WRITE_REQUEST_BUDGET (Excel on the web refuses 5 MB). Protected sheets are skipped.
 */
import type { Finding, Severity } from "../core/finding";
import { cellAddress, parseCell } from "../core/grid";
import {
  addressKey,
  isOurNote,
  MARK_FILL,
  markFormulaA1,
  parseMarkFormula,
  planMarks,
  SEVERITIES,
  type SheetMarks,
} from "../core/marks";
import type { MarkOptions } from "../core/port";
import { bareAddress } from "./read";

/** Estimated bytes of one request above which writes are split (Excel on the web refuses 5 MB). */
const WRITE_REQUEST_BUDGET = 1_000_000;

/** One of our conditional formats: its severity and the key of its address list (null: none). */
interface OurMark {
  readonly cf: Excel.ConditionalFormat;
  readonly id: string | null;
}

/** A sheet as the mark writer needs it. */
interface SheetState {
  readonly name: string;
  readonly protected: boolean;
  readonly ws: Excel.Worksheet;
  /** Our conditional formats, by "severity:key". */
  readonly marks: OurMark[];
  /** The host's office.js has the notes API (and the requirement set is there). */
  readonly notesApi: boolean;
  /** Notes: ours (to delete) and the user's (never written over); none where the notes API is missing. */
  readonly ourNotes: Excel.Note[];
  readonly userNotes: Excel.Note[];
}

/** Every sheet's marks and notes, on the context they were loaded with. */
export interface MarkState {
  readonly context: Excel.RequestContext;
  readonly sheets: SheetState[];
}

/** A mark's identity: severity and the key of its addresses. */
const markId = (severity: Severity, addresses: string) => `${severity}:${addressKey(addresses)}`;

/**
 * Queues the loads of a sheet's conditional formats (and notes, where the host has the notes API:
 * ExcelApi 1.18 and an office.js that defines Worksheet.notes); the returned function builds the
 * sheet's state after the sync. The sheet's name and protection must be loaded.
 */
export function queueSheetState(ws: Excel.Worksheet, notes: boolean): () => SheetState {
  const cfs = ws.getRange().conditionalFormats;
  cfs.load("items/type,items/customOrNullObject/rule/formula");
  // the notes API itself, not only the requirement set: the npm office.js may predate it
  const noteItems = notes && ws.notes !== undefined ? ws.notes : null;
  noteItems?.load("items/content");
  return () => {
    const noteList = noteItems ? noteItems.items : [];
    const marks: OurMark[] = [];
    for (const cf of cfs.items) {
      if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
      const parsed = parseMarkFormula(cf.customOrNullObject.rule.formula);
      if (parsed) marks.push({ cf, id: parsed.key ? `${parsed.severity}:${parsed.key}` : null });
    }
    return {
      name: ws.name,
      protected: ws.protection.protected,
      ws,
      notesApi: noteItems !== null,
      marks,
      ourNotes: noteList.filter((n) => isOurNote(n.content)),
      userNotes: noteList.filter((n) => !isOurNote(n.content)),
    };
  };
}

/** The sheets' marks and notes loaded on a context (two syncs). */
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

  /** Sends what is still queued (nothing queued: no request). */
  async flush(): Promise<void> {
    if (this.bytes > 0) await this.context.sync();
    this.bytes = 0;
  }
}

/** Where the notes are, by sheet: the user's cells and ours (address → note). One sync; only where notes are written. */
async function noteCells(
  state: MarkState,
  sheets: readonly SheetState[]
): Promise<Map<string, { user: Set<string>; ours: Map<string, Excel.Note> }>> {
  const out = new Map<string, { user: Set<string>; ours: Map<string, Excel.Note> }>();
  const locations = sheets.flatMap((s) =>
    [...s.userNotes.map((n) => ({ n, user: true })), ...s.ourNotes.map((n) => ({ n, user: false }))].map(
      ({ n, user }) => {
        const loc = n.getLocation();
        loc.load("address");
        return { sheet: s.name, n, loc, user };
      }
    )
  );
  for (const s of sheets) out.set(s.name, { user: new Set(), ours: new Map() });
  if (!locations.length) return out;
  await state.context.sync();
  for (const { sheet, n, loc, user } of locations) {
    const p = parseCell(bareAddress(loc.address).split(":")[0]);
    const at = cellAddress(p.row, p.column);
    const cells = out.get(sheet)!;
    if (user) cells.user.add(at);
    else cells.ours.set(at, n);
  }
  return out;
}

function addMark(ws: Excel.Worksheet, addresses: string, severity: Severity): void {
  const cf = ws.getRanges(addresses).conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
  cf.custom.rule.formula = markFormulaA1(severity, addresses);
  cf.custom.format.fill.color = `#${MARK_FILL[severity]}`;
}

/** One sheet's conditional formats brought to the plan: the ones already right stay untouched. */
async function writeSheetMarks(s: SheetState, plan: SheetMarks | undefined, budget: RequestBudget): Promise<void> {
  const wanted = new Map<string, { severity: Severity; addresses: string }>();
  if (plan)
    for (const severity of SEVERITIES)
      for (const addresses of plan.chunks[severity]) wanted.set(markId(severity, addresses), { severity, addresses });
  for (const m of s.marks) {
    // kept once: a second format with the same key (a copy made by pasting) goes
    if (m.id !== null && wanted.has(m.id)) {
      wanted.delete(m.id);
      continue;
    }
    m.cf.delete();
    await budget.add(80);
  }
  for (const { severity, addresses } of wanted.values()) {
    await budget.add(400 + addresses.length);
    addMark(s.ws, addresses, severity);
  }
}

/** One sheet's notes brought to the plan (never over the user's); without notes, ours are removed. */
async function writeSheetNotes(
  s: SheetState,
  plan: SheetMarks | undefined,
  cells: { user: Set<string>; ours: Map<string, Excel.Note> } | null,
  budget: RequestBudget
): Promise<void> {
  if (!s.notesApi) return;
  if (!cells) {
    for (const n of s.ourNotes) {
      n.delete();
      await budget.add(80);
    }
    return;
  }
  const wanted = new Map([...(plan?.notes ?? new Map<string, string>())].filter(([a]) => !cells.user.has(a)));
  for (const [address, note] of cells.ours) {
    if (wanted.get(address) === note.content) {
      wanted.delete(address);
      continue;
    }
    note.delete();
    await budget.add(80);
  }
  for (const [address, text] of wanted) {
    await budget.add(200 + text.length * 3);
    s.ws.notes.add(address, text);
  }
}

/**
 * Brings our marks (and notes) to what the findings ask for, writing only what differs, in one
 * request unless it would be too large (none when nothing differs). `notes`: notes are asked for and
 * the requirement set is there. Returns the protected sheets left unmarked.
 */
export async function writeMarks(
  state: MarkState,
  findings: readonly Finding[],
  options: MarkOptions,
  notes: boolean
): Promise<string[]> {
  const planned = new Map(planMarks(findings).map((p) => [p.sheet, p]));
  const skipped: string[] = [];
  const writable = state.sheets.filter((s) => {
    const busy = planned.has(s.name) || s.marks.length > 0 || s.ourNotes.length > 0;
    if (s.protected && busy) skipped.push(s.name);
    return !s.protected && busy;
  });
  const cells = options.notes && notes ? await noteCells(state, writable) : null;
  const budget = new RequestBudget(state.context);
  for (const s of writable) {
    await writeSheetMarks(s, planned.get(s.name), budget);
    await writeSheetNotes(s, planned.get(s.name), cells?.get(s.name) ?? null, budget);
  }
  await budget.flush();
  return skipped;
}

/**
 * The workbook port over Office.js (the task pane and the ribbon commands). See README.md here.
 *
 * Sync budget of a full check (runCheck = readSheets → loadSettings → mark), whatever the number of
 * sheets and rows: 3 context.sync() calls.
 *   1. the worksheet collection (name, visibility, protection) and the ids of our custom XML part;
 *   2. every sheet's used range (address, text, valueTypes), its merged areas, its conditional
 *      formats (type + custom rule formula, to find old marks), its notes (content, ExcelApi 1.18),
 *      and the settings XML;
 *   3. delete our old conditional formats (and notes) and write the new ones.
 * One RequestContext lives from readSheets to mark, so sync 3 reuses sync 2's proxies. mark()
 * without a fresh read costs two more syncs; notes on the marked cells (MarkOptions.notes) one more
 * (the user's notes' locations).
 *
 * Merged areas: getMergedAreasOrNullObject returns a null object when a range has more than 512
 * merged areas (and when it has none). Such a sheet is parsed without merges (mergesComplete =
 * false; the parser relies on blank continuation cells); apply() reads the merges later in row
 * bands of ≤ 512 areas when an edit needs them.
 */
/*
 * The office-addins lint rules below cannot follow loads and syncs made through this class's helper
 * methods across batches, and report every read as unsynced. The order is enforced where it matters:
 * the fake Excel API of the tests (test/fakes/) throws on any read of a property that was not
 * loaded and synced, and the contract suite runs every path of this adapter on it.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read */
import { sheetsOf, type EditPlan } from "../core/edit-plan";
import type { Finding, Severity } from "../core/finding";
import {
  cellAddress,
  columnLetter,
  parseCell,
  parseRange,
  rangeAddress,
  rangesOverlap,
  RowGrid,
  type CellRange,
  type CellValueType,
  type GridCell,
  type SheetGrid,
} from "../core/grid";
import {
  isOurNote,
  MARK_FILL,
  markFormulaA1,
  markSeverity,
  parseAddressList,
  planMarks,
  SEVERITIES,
} from "../core/marks";
import { WorkbookError, type CellRef, type MarkOptions, type WorkbookPort } from "../core/port";
import { DEFAULT_SETTINGS, type AddinSettings } from "../core/settings";
import {
  assertOldTexts,
  excelInputOf,
  expectedBefore,
  mergesAfterDelete,
  mergesAfterInsert,
  setChecks,
} from "../core/plan-steps";
import { settingsFromXml, settingsToXml, SETTINGS_NAMESPACE } from "../core/settings-xml";
import { officeHost, type ExcelHost } from "./host";

/** Estimated bytes of one request above which writes are split (Excel on the web refuses 5 MB). */
export const WRITE_REQUEST_BUDGET = 1_000_000;
/** A sheet whose used range has at most this many cells cannot hold more than 512 merged areas. */
const MERGE_NULL_MEANS_NONE = 1025;
/** Rows per band when merged areas are read in bands. */
const MERGE_BAND_ROWS = 500;

interface SheetState {
  readonly name: string;
  readonly protected: boolean;
  readonly visible: boolean;
  readonly ws: Excel.Worksheet;
  /** Our conditional formats (to delete). */
  readonly marks: Excel.ConditionalFormat[];
  /** Notes: ours (to delete) and the user's (never written over). */
  readonly ourNotes: Excel.Note[];
  readonly userNotes: Excel.Note[];
}

interface Fresh {
  readonly context: Excel.RequestContext;
  readonly sheets: SheetState[];
}

function officeError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err?.message ? `${err.message}${err.code ? `（${err.code}）` : ""}` : String(e);
}

function isPayloadError(e: unknown): boolean {
  const code = String((e as { code?: string })?.code ?? "") + String((e as { message?: string })?.message ?? "");
  return /PayloadSizeLimit|RequestPayload|ResponsePayload|payload/i.test(code);
}

/** The range part of "Sheet1!A1:F9" (or of a bare address). */
function bareAddress(address: string): string {
  return address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
}

const DATE_TEXT =
  /^\d{1,4}[-/年]\d{1,2}(?:[-/月]\d{1,2}日?)?$|^\d{1,2}月\d{1,2}日$|^\d{1,2}:\d{2}(?::\d{2})?$|\d年|\d月\d/;

/** Office value type + displayed text → grid cell type. Dates are numbers to Excel; their text tells them apart. */
export function cellTypeOf(valueType: string, text: string): CellValueType {
  switch (valueType) {
    case "Empty":
      return "empty";
    case "Boolean":
      return "boolean";
    case "Error":
      return "error";
    case "Double":
    case "Integer":
      return DATE_TEXT.test(text.trim()) ? "date" : "number";
    default:
      return "text";
  }
}

/** Builds a grid from a used range's address, text and value types. */
export function gridFromRange(
  name: string,
  address: string | null,
  text: string[][] | null,
  valueTypes: string[][] | null,
  merges: CellRange[],
  protectedSheet: boolean,
  mergesComplete: boolean
): RowGrid {
  const rows: (GridCell | undefined)[][] = [];
  if (address && text && valueTypes) {
    const origin = parseRange(bareAddress(address));
    for (let i = 0; i < text.length; i++) {
      let row: (GridCell | undefined)[] | undefined;
      for (let j = 0; j < text[i].length; j++) {
        const t = text[i][j];
        const vt = valueTypes[i][j];
        if (vt === "Empty" && t === "") continue;
        const type = cellTypeOf(vt, t);
        if (type === "empty" || (type === "text" && t === "")) continue;
        row ??= rows[origin.top - 1 + i] = [];
        row[origin.left - 1 + j] = { text: t, type };
      }
    }
  }
  return new RowGrid(name, rows, merges, protectedSheet, mergesComplete);
}

export class ExcelWorkbook implements WorkbookPort {
  private fresh: Fresh | null = null;
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
    const collection = context.workbook.worksheets;
    collection.load("items/name,items/visibility,items/protection/protected");
    const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
    parts.load("items/id");
    await this.sync(context);
    const items = collection.items;

    // sync 2: used ranges, merged areas, conditional formats, notes; the settings XML
    const xml = parts.items.length ? parts.items[0].getXml() : null;
    const notes = this.notesSupported;
    const queued = items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address,text,valueTypes");
      const merged = used.getMergedAreasOrNullObject();
      merged.load("address");
      const cfs = ws.getRange().conditionalFormats;
      cfs.load("items/type,items/customOrNullObject/rule/formula");
      const noteItems = notes ? ws.notes : null;
      noteItems?.load("items/content");
      return { ws, used, merged, cfs, noteItems };
    });
    try {
      await this.sync(context);
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      // Excel on the web refused the size: read sheet by sheet, in row bands
      return this.readSheetsInBands(onProgress);
    }
    this.settings = xml ? settingsFromXml(xml.value).settings : DEFAULT_SETTINGS;

    const grids: SheetGrid[] = [];
    const states: SheetState[] = [];
    queued.forEach((q, i) => {
      const isProtected = q.ws.protection.protected;
      let merges: CellRange[] = [];
      let complete = true;
      const usedNull = q.used.isNullObject;
      if (!usedNull) {
        if (q.merged.isNullObject) {
          const r = parseRange(bareAddress(q.used.address));
          complete = (r.bottom - r.top + 1) * (r.right - r.left + 1) < MERGE_NULL_MEANS_NONE;
        } else merges = parseAddressList(q.merged.address);
      }
      grids.push(
        gridFromRange(
          q.ws.name,
          usedNull ? null : q.used.address,
          usedNull ? null : q.used.text,
          usedNull ? null : q.used.valueTypes,
          merges,
          isProtected,
          complete
        )
      );
      const marks = q.cfs.items.filter(
        (cf) =>
          cf.type === "Custom" &&
          !cf.customOrNullObject.isNullObject &&
          markSeverity(cf.customOrNullObject.rule.formula) !== null
      );
      const noteList = q.noteItems ? q.noteItems.items : [];
      states.push({
        name: q.ws.name,
        protected: isProtected,
        visible: q.ws.visibility === "Visible",
        ws: q.ws,
        marks,
        ourNotes: noteList.filter((n) => isOurNote(n.content)),
        userNotes: noteList.filter((n) => !isOurNote(n.content)),
      });
      onProgress?.(i + 1, queued.length);
    });
    this.fresh = { context, sheets: states };
    return grids;
  }

  /** The fallback when one request would be too large: each sheet in its own syncs, rows in bands. */
  private async readSheetsInBands(onProgress?: (done: number, total: number) => void): Promise<SheetGrid[]> {
    return this.host.run(async (context) => {
      const collection = context.workbook.worksheets;
      collection.load("items/name,items/protection/protected");
      const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
      parts.load("items/id");
      await this.sync(context);
      const xml = parts.items.length ? parts.items[0].getXml() : null;
      const grids: SheetGrid[] = [];
      let i = 0;
      for (const ws of collection.items) {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("address");
        await this.sync(context);
        if (used.isNullObject) {
          grids.push(new RowGrid(ws.name, [], [], ws.protection.protected, true));
          onProgress?.(++i, collection.items.length);
          continue;
        }
        const r = parseRange(bareAddress(used.address));
        const text: string[][] = [];
        const types: string[][] = [];
        const BAND = 2000;
        for (let top = r.top; top <= r.bottom; top += BAND) {
          const bottom = Math.min(r.bottom, top + BAND - 1);
          const band = ws.getRange(`${cellAddress(top, r.left)}:${cellAddress(bottom, r.right)}`);
          band.load("text,valueTypes");
          await this.sync(context);
          text.push(...band.text);
          types.push(...band.valueTypes);
        }
        const merges = await this.readMergesInBands(context, ws, r);
        grids.push(gridFromRange(ws.name, used.address, text, types, merges, ws.protection.protected, true));
        onProgress?.(++i, collection.items.length);
      }
      await this.sync(context);
      this.settings = xml ? settingsFromXml(xml.value).settings : DEFAULT_SETTINGS;
      return grids;
    });
  }

  /**
   * A sheet's merged areas read in row bands, each of ≤ 512 areas: a band that comes back null and
   * could hold more than 512 is split in two and read again.
   */
  private async readMergesInBands(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    used: CellRange
  ): Promise<CellRange[]> {
    const found = new Map<string, CellRange>();
    let bands: Array<[number, number]> = [];
    for (let top = used.top; top <= used.bottom; top += MERGE_BAND_ROWS)
      bands.push([top, Math.min(used.bottom, top + MERGE_BAND_ROWS - 1)]);
    const width = used.right - used.left + 1;
    while (bands.length) {
      const loads = bands.map(([top, bottom]) => {
        const areas = ws
          .getRange(`${cellAddress(top, used.left)}:${cellAddress(bottom, used.right)}`)
          .getMergedAreasOrNullObject();
        areas.load("address");
        return { top, bottom, areas };
      });
      await this.sync(context);
      bands = [];
      for (const l of loads) {
        if (!l.areas.isNullObject) {
          for (const m of parseAddressList(l.areas.address)) found.set(rangeAddress(m), m);
        } else if (l.bottom > l.top && (l.bottom - l.top + 1) * width >= MERGE_NULL_MEANS_NONE) {
          const mid = Math.floor((l.top + l.bottom) / 2);
          bands.push([l.top, mid], [mid + 1, l.bottom]);
        }
      }
    }
    return [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  }

  /* -------------------------------------------------------------- settings */

  async loadSettings(): Promise<AddinSettings> {
    if (this.settings) return this.settings;
    return this.host.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
      parts.load("items/id");
      await this.sync(context);
      if (!parts.items.length) return (this.settings = DEFAULT_SETTINGS);
      const xml = parts.items[0].getXml();
      await this.sync(context);
      return (this.settings = settingsFromXml(xml.value).settings);
    });
  }

  async saveSettings(settings: AddinSettings): Promise<void> {
    this.fresh = null;
    await this.host.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
      parts.load("items/id");
      await this.sync(context);
      for (const p of parts.items) p.delete();
      context.workbook.customXmlParts.add(settingsToXml(settings));
      await this.sync(context, "保存设置");
    });
    this.settings = settings;
  }

  /* ----------------------------------------------------------------- marks */

  /** The sheets' marks and notes: from the read just made (no sync) or loaded now (two syncs). */
  private async current(): Promise<Fresh> {
    if (this.fresh) {
      const f = this.fresh;
      this.fresh = null;
      return f;
    }
    const context = this.host.createContext();
    const collection = context.workbook.worksheets;
    collection.load("items/name,items/visibility,items/protection/protected");
    await this.sync(context);
    const notes = this.notesSupported;
    const queued = collection.items.map((ws) => {
      const cfs = ws.getRange().conditionalFormats;
      cfs.load("items/type,items/customOrNullObject/rule/formula");
      const noteItems = notes ? ws.notes : null;
      noteItems?.load("items/content");
      return { ws, cfs, noteItems };
    });
    await this.sync(context);
    return {
      context,
      sheets: queued.map((q) => {
        const noteList = q.noteItems ? q.noteItems.items : [];
        return {
          name: q.ws.name,
          protected: q.ws.protection.protected,
          visible: q.ws.visibility === "Visible",
          ws: q.ws,
          marks: q.cfs.items.filter(
            (cf) =>
              cf.type === "Custom" &&
              !cf.customOrNullObject.isNullObject &&
              markSeverity(cf.customOrNullObject.rule.formula) !== null
          ),
          ourNotes: noteList.filter((n) => isOurNote(n.content)),
          userNotes: noteList.filter((n) => !isOurNote(n.content)),
        };
      }),
    };
  }

  async mark(findings: readonly Finding[], options: MarkOptions = {}): Promise<void> {
    const fromRead = this.fresh !== null;
    try {
      await this.writeMarks(await this.current(), findings, options);
    } catch (e) {
      if (!fromRead || e instanceof WorkbookError)
        throw e instanceof WorkbookError ? e : new WorkbookError("failed", `标记失败：${officeError(e)}`);
      // the sheet changed since the read (a format deleted by the user …): once more from a fresh look
      await this.writeMarks(await this.current(), findings, options).catch((e2: unknown) => {
        throw e2 instanceof WorkbookError ? e2 : new WorkbookError("failed", `标记失败：${officeError(e2)}`);
      });
    }
  }

  async clearMarks(): Promise<void> {
    const fromRead = this.fresh !== null;
    try {
      await this.writeMarks(await this.current(), [], {});
    } catch (e) {
      if (!fromRead)
        throw e instanceof WorkbookError ? e : new WorkbookError("failed", `清除标记失败：${officeError(e)}`);
      await this.writeMarks(await this.current(), [], {}).catch((e2: unknown) => {
        throw e2 instanceof WorkbookError ? e2 : new WorkbookError("failed", `清除标记失败：${officeError(e2)}`);
      });
    }
  }

  /** Deletes our old marks (and notes) and writes the new ones, in one request unless it would be too large. */
  private async writeMarks(state: Fresh, findings: readonly Finding[], options: MarkOptions): Promise<void> {
    const { context } = state;
    const planned = new Map(planMarks(findings).map((p) => [p.sheet, p]));
    const skipped: string[] = [];
    const withNotes = !!options.notes && this.notesSupported;

    // the user's notes' cells (one more sync, only when notes are asked for)
    const userNoteCells = new Map<string, Set<string>>();
    if (withNotes) {
      const locations = state.sheets.flatMap((s) =>
        planned.has(s.name) && !s.protected
          ? s.userNotes.map((n) => {
              const loc = n.getLocation();
              loc.load("address");
              return { sheet: s.name, loc };
            })
          : []
      );
      if (locations.length) {
        await this.sync(context);
        for (const { sheet, loc } of locations) {
          let set = userNoteCells.get(sheet);
          if (!set) userNoteCells.set(sheet, (set = new Set()));
          const p = parseCell(bareAddress(loc.address).split(":")[0]);
          set.add(cellAddress(p.row, p.column));
        }
      }
    }

    let bytes = 0;
    const budget = async (n: number) => {
      bytes += n;
      if (bytes > WRITE_REQUEST_BUDGET) {
        await this.sync(context);
        bytes = n;
      }
    };
    for (const s of state.sheets) {
      const plan = planned.get(s.name);
      if (s.protected) {
        if (plan || s.marks.length || s.ourNotes.length) skipped.push(s.name);
        continue;
      }
      for (const cf of s.marks) {
        cf.delete();
        await budget(80);
      }
      for (const n of s.ourNotes) {
        n.delete();
        await budget(80);
      }
      if (!plan) continue;
      for (const severity of SEVERITIES) {
        for (const chunk of plan.chunks[severity]) {
          await budget(400 + chunk.length);
          addMark(s.ws, chunk, severity);
        }
      }
      if (withNotes) {
        const taken = userNoteCells.get(s.name) ?? new Set<string>();
        for (const [address, text] of plan.notes) {
          if (taken.has(address)) continue;
          await budget(200 + text.length * 3);
          s.ws.notes.add(address, text);
        }
      }
    }
    await this.sync(context);
    this.skippedSheets = skipped;
  }

  /* ------------------------------------------------------------- selection */

  async select(sheet: string, address: string): Promise<void> {
    this.fresh = null;
    await this.host.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load("name,visibility");
      await this.sync(context);
      if (ws.isNullObject) throw new WorkbookError("missing", `找不到工作表“${sheet}”。`, sheet);
      if (ws.visibility !== "Visible")
        throw new WorkbookError("failed", `工作表“${sheet}”已隐藏，请先取消隐藏。`, sheet);
      ws.activate();
      ws.getRange(address).select();
      await this.sync(context, "选择单元格");
    });
  }

  async getSelection(): Promise<CellRef | null> {
    return this.host.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      await this.sync(context);
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
   * Applies a plan: checks everything first (sheets exist and are unprotected, every `set` step's
   * cell still shows its oldText, merges possible) and only then writes, in one request, as one
   * undo step where ExcelApi 1.20 allows.
   */
  async apply(plan: EditPlan): Promise<void> {
    this.fresh = null;
    const mergeUndoGroup = this.host.isSetSupported("ExcelApi", "1.20");
    await this.host.run(
      async (context) => {
        // sync A: what the checks need
        const sheets = new Map<
          string,
          { ws: Excel.Worksheet; used: Excel.Range | null; merged: Excel.RangeAreas | null }
        >();
        const needsMerges = new Set(
          plan.steps
            .filter((s) => s.kind === "insertRows" || s.kind === "merge" || s.kind === "deleteRows")
            .map((s) => s.sheet)
        );
        for (const name of sheetsOf(plan)) {
          const ws = context.workbook.worksheets.getItemOrNullObject(name);
          ws.load("name");
          ws.protection.load("protected");
          let used: Excel.Range | null = null;
          let merged: Excel.RangeAreas | null = null;
          if (needsMerges.has(name)) {
            used = ws.getUsedRangeOrNullObject();
            used.load("address");
            merged = used.getMergedAreasOrNullObject();
            merged.load("address");
          }
          sheets.set(name, { ws, used, merged });
        }
        const checks = setChecks(plan);
        const texts = checks.map((c) => {
          if (expectedBefore(plan, c, checks) !== null || c.originalRow === null) return null;
          const r = sheets.get(c.step.sheet)!.ws.getRange(cellAddress(c.originalRow, c.column));
          r.load("text");
          return r;
        });
        const heights = new Map<string, Excel.RangeFormat>();
        for (const s of plan.steps) {
          if (s.kind !== "insertRows" || s.formatFrom === null) continue;
          const original = originalRow(plan, plan.steps.indexOf(s), s.sheet, s.formatFrom);
          if (original === null) continue;
          const f = sheets.get(s.sheet)!.ws.getRange(`${original}:${original}`).format;
          f.load("rowHeight");
          heights.set(`${plan.steps.indexOf(s)}`, f);
        }
        try {
          await this.sync(context);
        } catch (e) {
          throw new WorkbookError("failed", `无法读取要修改的单元格：${officeError(e)}`);
        }

        for (const [name, s] of sheets) {
          if (s.ws.isNullObject) throw new WorkbookError("missing", `找不到工作表“${name}”，无法修改。`, name);
          if (s.ws.protection.protected)
            throw new WorkbookError("protected", `工作表“${name}”受保护，无法写入。请先撤销工作表保护。`, name);
        }
        assertOldTexts(plan, (_c, i) => (texts[i] ? (texts[i] as Excel.Range).text[0][0] : ""));

        // merges (read in bands where a sheet has too many for one call), then simulate the plan
        const merges = new Map<string, CellRange[]>();
        const usedRanges = new Map<string, CellRange | null>();
        for (const [name, s] of sheets) {
          if (!s.used || !s.merged) continue;
          if (s.used.isNullObject) {
            merges.set(name, []);
            usedRanges.set(name, null);
            continue;
          }
          const used = parseRange(bareAddress(s.used.address));
          usedRanges.set(name, used);
          if (!s.merged.isNullObject) merges.set(name, parseAddressList(s.merged.address));
          else if ((used.bottom - used.top + 1) * (used.right - used.left + 1) < MERGE_NULL_MEANS_NONE)
            merges.set(name, []);
          else merges.set(name, await this.readMergesInBands(context, s.ws, used));
        }

        // sync B: every write, in order
        plan.steps.forEach((step, index) => {
          const ws = sheets.get(step.sheet)!.ws;
          switch (step.kind) {
            case "set": {
              ws.getRange(step.address).values = [[excelInputOf(step)]];
              return;
            }
            case "insertRows": {
              const last = step.before + step.count - 1;
              ws.getRange(`${step.before}:${last}`).insert("Down");
              const after = mergesAfterInsert(merges.get(step.sheet) ?? [], step.before, step.count);
              merges.set(step.sheet, after);
              if (step.formatFrom !== null) {
                const used = usedRanges.get(step.sheet);
                const right = Math.max(used?.right ?? 1, ...after.map((m) => m.right));
                for (const [l, r] of formatSegments(after, step.formatFrom, step.before, last, right)) {
                  ws.getRange(`${columnLetter(l)}${step.before}:${columnLetter(r)}${last}`).copyFrom(
                    `${columnLetter(l)}${step.formatFrom}:${columnLetter(r)}${step.formatFrom}`,
                    "Formats"
                  );
                }
              }
              const h = heights.get(`${index}`);
              if (step.formatFrom !== null && h && typeof h.rowHeight === "number")
                ws.getRange(`${step.before}:${last}`).format.rowHeight = h.rowHeight;
              return;
            }
            case "deleteRows":
              ws.getRange(`${step.row}:${step.row + step.count - 1}`).delete("Up");
              merges.set(step.sheet, mergesAfterDelete(merges.get(step.sheet) ?? [], step.row, step.count));
              return;
            case "merge": {
              const range = parseRange(step.range);
              const old = step.replaces ? parseRange(step.replaces) : null;
              const rest = (merges.get(step.sheet) ?? []).filter((m) => !(old && rangesOverlap(m, old)));
              const clash = rest.find((m) => rangesOverlap(m, range));
              if (clash)
                throw new WorkbookError(
                  "failed",
                  `无法合并 ${step.sheet}!${step.range}：与已有的合并单元格 ${rangeAddress(clash)} 重叠。`,
                  step.sheet
                );
              if (step.replaces) ws.getRange(step.replaces).unmerge();
              ws.getRange(step.range).merge(false);
              merges.set(step.sheet, [...rest, range]);
              return;
            }
          }
        });
        if (plan.select) {
          const ws = sheets.get(plan.select.sheet)?.ws ?? context.workbook.worksheets.getItem(plan.select.sheet);
          ws.activate();
          ws.getRange(plan.select.address).select();
        }
        try {
          await this.sync(context);
        } catch (e) {
          throw new WorkbookError(
            "failed",
            `Excel 未能完成“${plan.label}”：${officeError(e)}。如有部分已写入，可按 Ctrl+Z 撤销。`
          );
        }
      },
      { mergeUndoGroup }
    );
  }

  /* ------------------------------------------------------------------ misc */

  private async sync(context: Excel.RequestContext, _what?: string): Promise<void> {
    await context.sync();
  }
}

function addMark(ws: Excel.Worksheet, addresses: string, severity: Severity): void {
  const cf = ws.getRanges(addresses).conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
  cf.custom.rule.formula = markFormulaA1(severity);
  cf.custom.format.fill.color = `#${MARK_FILL[severity]}`;
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

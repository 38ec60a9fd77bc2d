/**
 * Reading sheets over Office.js: a used range's address, text and value types → a core grid; its
 * merged areas (getMergedAreasOrNullObject, which fails above 512 areas — or, on some hosts, answers
 * a null object); and the banded fallbacks — rows in bands when one response would be too large
 * (Excel on the web), merged areas in bands too small to hold 512 when a sheet has too many for one
 * call. See README.md here.
 */
import {
  cellAddress,
  parseRange,
  rangeAddress,
  RowGrid,
  type CellRange,
  type CellValueType,
  type GridCell,
  type SheetGrid,
} from "../core/grid";
import { parseAddressList } from "../core/marks";
import { SETTINGS_NAMESPACE } from "../core/settings-xml";

/** A range of fewer cells than this cannot hold more than 512 merged areas (each covers two cells or more). */
const MERGE_SAFE_CELLS = 1025;
/** Rows per band when a sheet's cells are read in bands. */
const CELL_BAND_ROWS = 2000;

/** The range part of "Sheet1!A1:F9" (or of a bare address). */
export function bareAddress(address: string): string {
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

/** What a used range showed: its address, displayed text and value types (null: the sheet is empty). */
interface UsedCells {
  readonly address: string;
  readonly text: string[][];
  readonly valueTypes: string[][];
}

/** Builds a grid from a used range's address, text and value types. */
export function gridFromRange(
  name: string,
  used: UsedCells | null,
  merges: CellRange[],
  protectedSheet: boolean,
  mergesComplete: boolean
): RowGrid {
  const rows: (GridCell | undefined)[][] = [];
  if (used) {
    const origin = parseRange(bareAddress(used.address));
    for (let i = 0; i < used.text.length; i++) {
      let row: (GridCell | undefined)[] | undefined;
      for (let j = 0; j < used.text[i].length; j++) {
        const t = used.text[i][j];
        const vt = used.valueTypes[i][j];
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

/**
 * The merges of a used range as getMergedAreasOrNullObject answered (loaded with "address"): the
 * list; none when the answer is null on a range too small for 512 areas; null when unknown (a host
 * that answers null above 512: read them with readMergesInBands).
 */
export function mergesFromAreas(used: CellRange, areas: Excel.RangeAreas): CellRange[] | null {
  if (!areas.isNullObject) return parseAddressList(areas.address);
  return (used.bottom - used.top + 1) * (used.right - used.left + 1) < MERGE_SAFE_CELLS ? [] : null;
}

/** Cells per band of readMergesInBands: every merged area a band meets holds one of its cells, so ≤ 512. */
const MERGE_BAND_CELLS = 512;

/** Bands of a range, each too small to meet more than 512 merged areas. */
function mergeBands(used: CellRange): CellRange[] {
  const width = Math.min(used.right - used.left + 1, MERGE_BAND_CELLS);
  const rows = Math.max(1, Math.floor(MERGE_BAND_CELLS / width));
  const bands: CellRange[] = [];
  for (let left = used.left; left <= used.right; left += width)
    for (let top = used.top; top <= used.bottom; top += rows)
      bands.push({
        top,
        left,
        bottom: Math.min(used.bottom, top + rows - 1),
        right: Math.min(used.right, left + width - 1),
      });
  return bands;
}

/**
 * Queues the load of a sheet's merged areas in bands that cannot meet more than 512 each (so none
 * fails, and a null band has none); after the sync, the function returned gives them. A merge
 * crossing bands is seen from each: one entry.
 */
export function queueMergesInBands(ws: Excel.Worksheet, used: CellRange): () => CellRange[] {
  const loads = mergeBands(used).map((band) => {
    const areas = ws.getRange(rangeAddress(band)).getMergedAreasOrNullObject();
    areas.load("address");
    return areas;
  });
  return () => {
    const found = new Map<string, CellRange>();
    for (const areas of loads)
      if (!areas.isNullObject) for (const m of parseAddressList(areas.address)) found.set(rangeAddress(m), m);
    return [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  };
}

/** A sheet's merged areas read in bands (queueMergesInBands), in one request. */
async function readMergesInBands(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  used: CellRange
): Promise<CellRange[]> {
  const merges = queueMergesInBands(ws, used);
  await context.sync();
  return merges();
}

/** One sheet's cells read in row bands (the used range is already loaded). */
async function readCellsInBands(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  address: string
): Promise<UsedCells> {
  const r = parseRange(bareAddress(address));
  const text: string[][] = [];
  const valueTypes: string[][] = [];
  for (let top = r.top; top <= r.bottom; top += CELL_BAND_ROWS) {
    const bottom = Math.min(r.bottom, top + CELL_BAND_ROWS - 1);
    const band = ws.getRange(`${cellAddress(top, r.left)}:${cellAddress(bottom, r.right)}`);
    band.load("text,valueTypes");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- bands: the whole range in one response is too large
    await context.sync();
    text.push(...band.text);
    valueTypes.push(...band.valueTypes);
  }
  return { address, text, valueTypes };
}

/**
 * Queues the load of our settings part's id; after the sync, the function returned queues the
 * part's XML (null when the workbook has none).
 */
export function queueSettingsPart(context: Excel.RequestContext): () => OfficeExtension.ClientResult<string> | null {
  const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
  parts.load("items/id");
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- called after the sync; "items/id" is loaded
  return () => (parts.items.length ? parts.items[0].getXml() : null);
}

/** Queues the load of the worksheets' names and protection. */
export function queueSheets(context: Excel.RequestContext): Excel.WorksheetCollection {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/protection/protected");
  return sheets;
}

/**
 * The fallback when one request would be too large, or a sheet has too many merged areas for one
 * call: each sheet in its own syncs, rows in bands, merges in bands. Also the settings XML (null
 * when the workbook has none).
 */
export async function readSheetsInBands(
  context: Excel.RequestContext,
  onProgress?: (done: number, total: number) => void
): Promise<{ grids: SheetGrid[]; settingsXml: string | null }> {
  const collection = queueSheets(context);
  const settingsXml = queueSettingsPart(context);
  await context.sync();
  const xml = settingsXml();
  const grids: SheetGrid[] = [];
  for (const ws of collection.items) {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- sheet by sheet: the whole workbook in one response is too large
    await context.sync();
    if (used.isNullObject) grids.push(new RowGrid(ws.name, [], [], ws.protection.protected, true));
    else {
      const cells = await readCellsInBands(context, ws, used.address);
      const merges = await readMergesInBands(context, ws, parseRange(bareAddress(used.address)));
      grids.push(gridFromRange(ws.name, cells, merges, ws.protection.protected, true));
    }
    onProgress?.(grids.length, collection.items.length);
  }
  // the settings XML came with the first sheet's sync (a workbook always has a sheet)
  if (xml && !collection.items.length) await context.sync();
  return { grids, settingsXml: xml ? xml.value : null };
}

/**
 * An in-memory fake of the subset of the Excel JavaScript API (Office.js) the adapter in src/excel
 * uses. It behaves like Excel where it matters for the adapter:
 *
 * - proxies: methods and property writes are queued and take effect at context.sync(); reading a
 *   property that was not loaded (or before the sync that loads it) throws PropertyNotLoaded;
 * - *OrNullObject methods return proxies whose isNullObject is known after the sync;
 *   getMergedAreasOrNullObject returns a null object when the range has no merged area;
 * - inserting whole rows shifts cells, notes, conditional formats and merges below, and grows the
 *   merges that span the insertion row; the new rows take the formats of the row above (Excel's
 *   default); deleting rows shrinks merges;
 * - writing to a protected sheet fails (AccessDenied), as does a paste of formats onto part of a merge;
 * - a conditional format of a loaded collection that is gone since (deleted by the user) fails the
 *   request that uses it (ItemNotFound);
 * - it counts syncs and the bytes of each request (queued actions as JSON) and response (loaded values);
 * - cell-edit mode (startCellEdit/endCellEdit): a request fails with InvalidOperationInCellEditMode
 *   unless its Excel.run asked for delayForCellEdit, which makes it wait for the edit to end;
 * - undo: each request that writes is a step on the undo stack (one per Excel.run with mergeUndoGroup);
 * - text written through `values` that Excel reads as a number, percentage, date, time, fraction,
 *   currency or boolean is stored as that value (shown in the cell's number format), unless it starts
 *   with an apostrophe;
 * - getMergedAreasOrNullObject fails above 512 merged areas ("will fail to return the result"), or
 *   answers a null object as some hosts do (mergesAbove512 = "null");
 * - copyFrom with a bare address takes it on the active sheet;
 * - customXmlParts.add refuses an XML declaration; notes.add refuses a cell with a threaded comment;
 *   an office.js without the notes API (notesApi = false) has no Worksheet.notes.
 *
 * The model (FakeWorkbook, excel-model.ts) is plain data the tests inspect directly; the proxies
 * are in excel-object.ts (the base: load, sync, null objects), excel-sheets.ts, excel-range.ts,
 * excel-cf.ts and excel-parts.ts (notes, custom XML).
 */
import type { RunOptions } from "./excel-context";
import type { FakeWorkbook } from "./excel-model";

export { FakeOfficeError, FakeWorkbook, type FakeValueType } from "./excel-model";

/* ==================================================================== host */

/** The host the adapter runs on (src/excel/host.ts's ExcelHost), over a fake workbook. */
export function fakeHost(model: FakeWorkbook) {
  const runs: Array<{ mergeUndoGroup: boolean; delayForCellEdit: boolean }> = [];
  return {
    runs,
    /** A context outside Excel.run: no delayForCellEdit. */
    createContext: () => model.context() as unknown as Excel.RequestContext,
    run: async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> => {
      runs.push({ mergeUndoGroup: !!options.mergeUndoGroup, delayForCellEdit: !!options.delayForCellEdit });
      return batch(model.context(options) as unknown as Excel.RequestContext);
    },
    isSetSupported: (name: string, version: string) => model.apiSets.has(`${name} ${version}`),
  };
}



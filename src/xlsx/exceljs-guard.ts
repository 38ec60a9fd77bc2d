/**
 * Before exceljs loads a package (marked copies, the web page): what exceljs cannot take is dealt
 * with first, so that a workbook the checker reads does not crash or exhaust memory on the way to a
 * marked copy.
 * - Merged ranges: exceljs makes a cell object for every cell of a merge, so a merge H1:XFD1048576
 *   would take gigabytes. More than MAX_MERGED_CELLS merged cells in a sheet → WorkbookError.
 * - Sheet names exceljs refuses (longer than 31 characters, "History", * ? : / \ [ ], a leading or
 *   trailing quote, equal to another but for case), which Excel reads from files other programs
 *   wrote: replaced by stand-ins in the package exceljs loads; workbook.ts puts the real names back
 *   on the worksheets (which exceljs then writes as they are).
 */
import JSZip from "jszip";
import { parseRange } from "../core/grid";
import { WorkbookError } from "../core/port";
import { elementsOf, jszipSource, PackageParts, PartError } from "./package-parts";
import { zipEntries } from "./sniff";
import { prefixedAttr, XmlError } from "./xml";

/** The most merged cells a sheet may have for exceljs to load it (a 绩效目标表 has a few hundred). */
const MAX_MERGED_CELLS = 1_000_000;

const MERGE = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g;

/** The package exceljs may load, and the real names of the sheets given stand-ins (stand-in → name). */
export interface Prepared {
  readonly bytes: Uint8Array;
  readonly names: ReadonlyMap<string, string>;
}

function refusedByExcelJS(name: string, seen: Set<string>): boolean {
  const key = name.slice(0, 31).toLowerCase();
  const bad =
    name === "" ||
    name === "History" ||
    name.length > 31 ||
    /[*?:/\\[\]]/.test(name) ||
    /(^')|('$)/.test(name) ||
    seen.has(key);
  seen.add(key);
  return bad;
}

/** workbook.xml with the name of the k-th <sheet> element replaced, for each k given. */
function renameSheets(xml: string, standIns: ReadonlyMap<number, string>): string {
  let k = -1;
  return xml.replace(/<(?:[\w.-]+:)?sheet\b[^>]*>/g, (element) => {
    k++;
    const standIn = standIns.get(k);
    return standIn ? element.replace(/(\sname\s*=\s*)("[^"]*"|'[^']*')/, `$1"${standIn}"`) : element;
  });
}

function mergedCells(xml: string): { cells: number; largest: string } {
  let cells = 0;
  let largest = "";
  let most = 0;
  for (const m of xml.matchAll(MERGE)) {
    try {
      const r = parseRange(m[1]);
      const n = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      cells += n;
      if (n > most) [most, largest] = [n, m[1]];
    } catch {
      // exceljs refuses it when loading; not a memory matter
    }
  }
  return { cells, largest };
}

function tooManyMerged(sheet: string, largest: string, cells: number): WorkbookError {
  return new WorkbookError(
    "unreadable",
    `工作表“${sheet}”的合并单元格太大（如 ${largest}，共约 ${Math.round(cells / 10_000)} 万个单元格），无法完整读入。请在 Excel 中取消这个合并后再试。`,
    sheet
  );
}

/** Checks the merges and gives refused sheet names stand-ins; the bytes unchanged when nothing needs it. */
export async function prepareForExcelJS(bytes: Uint8Array): Promise<Prepared> {
  const entries = zipEntries(bytes);
  if (!entries) return { bytes, names: new Map() };
  const zip = await JSZip.loadAsync(bytes);
  const parts = new PackageParts(entries, jszipSource(zip));
  const limit = 200 * 1024 * 1024;
  const main = "xl/workbook.xml";
  let workbookXml: string | null;
  try {
    workbookXml = await parts.text(main, limit);
  } catch {
    return { bytes, names: new Map() }; // exceljs says what is wrong
  }
  if (workbookXml === null) return { bytes, names: new Map() };
  let sheets: Array<{ attrs: Record<string, string> }>;
  try {
    sheets = elementsOf(workbookXml, ["sheet"]);
  } catch (e) {
    if (e instanceof XmlError) return { bytes, names: new Map() };
    throw e;
  }
  const rels = await parts.relationships(main, limit).catch(() => new Map());
  const names = new Map<string, string>();
  const standIns = new Map<number, string>();
  const seen = new Set<string>();
  for (const [i, { attrs }] of sheets.entries()) {
    const name = attrs.name ?? "";
    const target = rels.get(prefixedAttr(attrs, "id") ?? "")?.target;
    const xml = target
      ? await parts.text(target, limit).catch((e: unknown) => (e instanceof PartError ? null : Promise.reject(e)))
      : null;
    const merged = xml ? mergedCells(xml) : { cells: 0, largest: "" };
    if (merged.cells > MAX_MERGED_CELLS) throw tooManyMerged(name, merged.largest, merged.cells);
    if (refusedByExcelJS(name, seen)) {
      const standIn = `perf-target-sheet-${i + 1}`;
      names.set(standIn, name);
      standIns.set(i, standIn);
    }
  }
  if (names.size === 0) return { bytes, names };
  zip.file(main, renameSheets(workbookXml, standIns));
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), names };
}

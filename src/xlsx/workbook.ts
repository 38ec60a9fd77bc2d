/**
 * The workbook port over exceljs: the command line, the offline web page and the tests on real
 * files. Works in Node and in the browser (no fs here: src/xlsx/node.ts has the file helpers).
 *
 * - Marks are the same conditional formats the Office adapter writes (src/core/marks.ts).
 * - Settings live in a custom XML part (src/core/settings-xml.ts). exceljs drops parts it does not
 *   know, so save() puts the customXml parts (ours and any others the file had) back with JSZip, and
 *   the workbook's default font too (exceljs always writes Calibri 11 as font 0).
 * - Styles are shared objects in exceljs: this file never assigns cell.fill/font/…; it only moves
 *   whole style objects between cells.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { sheetsOf, type EditPlan, type EditStep } from "../core/edit-plan";
import type { Finding } from "../core/finding";
import {
  cellAddress,
  columnLetter,
  parseCell,
  parseRange,
  rangeAddress,
  rangesOverlap,
  type CellRange,
  type SheetGrid,
} from "../core/grid";
import { isMarkFormula, isOurNote, MARK_FILL, markFormula, planMarks, SEVERITIES } from "../core/marks";
import { WorkbookError, type CellRef, type MarkOptions, type WorkbookPort } from "../core/port";
import { DEFAULT_SETTINGS, type AddinSettings } from "../core/settings";
import { cellText, gridFromWorksheet, worksheetMerges, worksheetProtected } from "./grid";
import {
  assertOldTexts,
  cellValueOf,
  mergesAfterDelete,
  mergesAfterInsert,
  shiftForDelete,
  shiftForInsert,
} from "../core/plan-steps";
import { isSettingsXml, settingsFromXml, settingsToXml, SETTINGS_NAMESPACE } from "../core/settings-xml";

/** What exceljs writes as font 0 whatever the file had. */
const EXCELJS_DEFAULT_FONT =
  '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';

/** A customXml part of the package (kept across saves: exceljs drops them). */
interface CustomXmlPart {
  readonly xml: string;
  readonly propsXml: string | null;
}

export type XlsxInput = Uint8Array | ArrayBuffer;

function toUint8(data: XlsxInput): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function unreadable(message: string): WorkbookError {
  return new WorkbookError("unreadable", message);
}

/** Checks the bytes look like an xlsx package before exceljs sees them (clear Chinese messages). */
/** The bytes hold this ASCII text (a file name in the zip's directory). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const n = text.length;
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - n; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < n; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** A whole zip ends with its "end of central directory" record (PK 05 06) within the last 64 KB. */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 22 - 65535);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw unreadable("文件是空的（0 字节），无法读取。");
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw unreadable("无法读取：文件受密码保护，或是旧版 .xls 格式。请在 Excel 中取消密码或另存为 .xlsx 后再试。");
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw unreadable("无法读取：这不是 .xlsx 工作簿（文件格式不对或已损坏）。");
  }
}

type CellModel = {
  address: string;
  type: number;
  style?: unknown;
  master?: string;
  value?: unknown;
  comment?: unknown;
  [k: string]: unknown;
};
type RowModel = {
  number: number;
  cells: CellModel[];
  min?: number;
  max?: number;
  height?: number;
  style?: unknown;
  hidden?: boolean;
  outlineLevel?: number;
  collapsed?: boolean;
};
type CfModel = {
  ref: string;
  rules: Array<{ type: string; priority?: number; formulae?: unknown[]; [k: string]: unknown }>;
};

const VT_NULL = 0;
const VT_MERGE = 1;

export class XlsxWorkbook implements WorkbookPort {
  private selection: CellRef | null = null;
  private settingsPart: CustomXmlPart | null;

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** The file as loaded: its default font is read from it when saving (exceljs writes its own). */
    private readonly original: Uint8Array | null,
    private readonly otherParts: readonly CustomXmlPart[],
    settingsPart: CustomXmlPart | null
  ) {
    this.settingsPart = settingsPart;
  }

  /** Loads an .xlsx from its bytes. Corrupt, empty, encrypted or non-xlsx input → WorkbookError("unreadable"). */
  static async load(data: XlsxInput): Promise<XlsxWorkbook> {
    const bytes = toUint8(data);
    sniff(bytes);
    // A zip keeps its file names uncompressed: the checks below and the search for customXml parts
    // read them from the bytes, so the package is unzipped only once (by exceljs) unless it has
    // customXml parts to keep.
    if (!hasEndOfCentralDirectory(bytes)) throw unreadable("无法读取：文件已损坏或不是 .xlsx 工作簿。");
    if (!containsAscii(bytes, "xl/workbook.xml"))
      throw unreadable("无法读取：压缩包里没有工作簿（xl/workbook.xml），不是 .xlsx 文件。");
    let parts: CustomXmlPart[] = [];
    if (containsAscii(bytes, "customXml/")) {
      let zip: JSZip;
      try {
        zip = await JSZip.loadAsync(bytes);
      } catch {
        throw unreadable("无法读取：文件已损坏或不是 .xlsx 工作簿。");
      }
      parts = await readCustomXml(zip);
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw unreadable(`无法读取：工作簿内容已损坏（${e instanceof Error ? e.message : String(e)}）。`);
    }
    for (const ws of workbook.worksheets) {
      // exceljs reads a missing firstPageNumber as 1 and then writes useFirstPageNumber="1": keep the page numbering automatic
      const ps = ws.pageSetup as { firstPageNumber?: number; useFirstPageNumber?: boolean } | undefined;
      if (ps && ps.useFirstPageNumber === false) ps.firstPageNumber = undefined;
    }
    const ours = parts.find((p) => isSettingsXml(p.xml)) ?? null;
    return new XlsxWorkbook(
      workbook,
      bytes,
      parts.filter((p) => p !== ours),
      ours
    );
  }

  /** The default font (font 0 of styles.xml) of the file as loaded, or null. */
  private async originalFont(): Promise<string | null> {
    if (!this.original) return null;
    const zip = await JSZip.loadAsync(this.original);
    const styles = await zip.file("xl/styles.xml")?.async("string");
    return styles ? firstFont(styles) : null;
  }

  /** A new workbook (tests, the web page's samples). */
  static fromExcelJS(workbook: ExcelJS.Workbook): XlsxWorkbook {
    return new XlsxWorkbook(workbook, null, [], null);
  }

  /** The .xlsx bytes: exceljs's output plus the customXml parts and the original default font. */
  async save(): Promise<Uint8Array> {
    const out = new Uint8Array(await this.workbook.xlsx.writeBuffer());
    const parts = [...this.otherParts, ...(this.settingsPart ? [this.settingsPart] : [])];
    const defaultFontXml = await this.originalFont();
    const patchFont = defaultFontXml !== null && defaultFontXml !== EXCELJS_DEFAULT_FONT;
    if (!patchFont && parts.length === 0) return out;
    const zip = await JSZip.loadAsync(out);
    if (patchFont) {
      const styles = await zip.file("xl/styles.xml")?.async("string");
      if (styles) {
        const patched = replaceFirstFont(styles, defaultFontXml as string);
        if (patched !== styles) zip.file("xl/styles.xml", patched);
      }
    }
    if (parts.length) await writeCustomXml(zip, parts);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }

  /* ------------------------------------------------------------------ read */

  async readSheets(onProgress?: (done: number, total: number) => void): Promise<SheetGrid[]> {
    const sheets = this.workbook.worksheets;
    const out: SheetGrid[] = [];
    sheets.forEach((ws, i) => {
      out.push(gridFromWorksheet(ws));
      onProgress?.(i + 1, sheets.length);
    });
    return out;
  }

  async loadSettings(): Promise<AddinSettings> {
    return this.settingsPart ? settingsFromXml(this.settingsPart.xml).settings : DEFAULT_SETTINGS;
  }

  async saveSettings(settings: AddinSettings): Promise<void> {
    this.settingsPart = { xml: settingsToXml(settings), propsXml: null };
  }

  /* ----------------------------------------------------------------- marks */

  async mark(findings: readonly Finding[], options: MarkOptions = {}): Promise<void> {
    await this.clearMarks();
    for (const sm of planMarks(findings)) {
      const ws = this.workbook.getWorksheet(sm.sheet);
      if (!ws) continue;
      const cfs = getCfs(ws);
      let priority = cfs.reduce((max, cf) => Math.max(max, ...cf.rules.map((r) => r.priority ?? 0)), 0);
      for (const severity of SEVERITIES) {
        const argb = `FF${MARK_FILL[severity]}`;
        for (const chunk of sm.chunks[severity]) {
          ws.addConditionalFormatting({
            ref: chunk.split(",").join(" "),
            rules: [
              {
                type: "expression",
                priority: ++priority,
                formulae: [markFormula(severity)],
                style: { fill: { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } } },
              },
            ],
          } as unknown as ExcelJS.ConditionalFormattingOptions);
        }
      }
      if (options.notes) {
        for (const [address, text] of sm.notes) {
          const cell = ws.getCell(address);
          if (cell.note) continue; // never over the user's own note
          cell.note = text;
        }
      }
    }
  }

  async clearMarks(): Promise<void> {
    for (const ws of this.workbook.worksheets) {
      const cfs = getCfs(ws);
      if (cfs.length) {
        const kept: CfModel[] = [];
        for (const cf of cfs) {
          const rules = cf.rules.filter(
            (r) => !(r.type === "expression" && isMarkFormula(String(r.formulae?.[0] ?? "")))
          );
          if (rules.length === cf.rules.length) kept.push(cf);
          else if (rules.length) kept.push({ ...cf, rules });
        }
        if (kept.length !== cfs.length || kept.some((k, i) => k !== cfs[i])) setCfs(ws, kept);
      }
      // every existing cell, empty ones included (a note may sit on an empty cell)
      for (const row of (ws as unknown as { _rows: Array<{ _cells?: Array<ExcelJS.Cell | undefined> } | undefined> })
        ._rows) {
        for (const cell of row?._cells ?? []) {
          if (!cell) continue;
          const note = noteText(cell.note);
          if (note !== null && isOurNote(note)) removeNote(cell);
        }
      }
    }
  }

  /* ------------------------------------------------------------- selection */

  async select(sheet: string, address: string): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new WorkbookError("missing", `找不到工作表“${sheet}”。`, sheet);
    const cell = cellAddress(parseCell(address).row, parseCell(address).column);
    this.selection = { sheet, address: cell };
    const index = this.workbook.worksheets.indexOf(ws);
    const views = this.workbook.views as unknown as Array<Record<string, unknown>> | undefined;
    if (views && views[0])
      views[0] = { ...views[0], activeTab: index, firstSheet: Math.min(Number(views[0].firstSheet ?? 0), index) };
    ws.views = [{ ...(ws.views?.[0] ?? {}), activeCell: cell } as ExcelJS.WorksheetView, ...(ws.views ?? []).slice(1)];
  }

  async getSelection(): Promise<CellRef | null> {
    if (this.selection) return this.selection;
    const views = this.workbook.views as unknown as Array<{ activeTab?: number }> | undefined;
    const ws = this.workbook.worksheets[views?.[0]?.activeTab ?? 0];
    const active = (ws?.views?.[0] as { activeCell?: string } | undefined)?.activeCell;
    return ws && active ? { sheet: ws.name, address: active } : null;
  }

  /* ----------------------------------------------------------------- edits */

  async apply(plan: EditPlan): Promise<void> {
    this.validate(plan);
    for (const step of plan.steps) this.applyStep(step);
    if (plan.select) this.selection = { sheet: plan.select.sheet, address: plan.select.address };
  }

  /** Every check before anything is written: sheets exist and are unprotected, texts unchanged, merges possible. */
  private validate(plan: EditPlan): void {
    for (const name of sheetsOf(plan)) {
      const ws = this.workbook.getWorksheet(name);
      if (!ws) throw new WorkbookError("missing", `找不到工作表“${name}”，无法修改。`, name);
      if (worksheetProtected(ws))
        throw new WorkbookError("protected", `工作表“${name}”受保护，无法写入。请先撤销工作表保护。`, name);
    }
    assertOldTexts(plan, (c) =>
      cellText((this.workbook.getWorksheet(c.step.sheet) as ExcelJS.Worksheet).getCell(c.originalRow!, c.column))
    );
    // merges: simulate the plan on the merge lists so a bad merge is refused before writing
    const merges = new Map<string, CellRange[]>();
    const mergesOf = (sheet: string) => {
      let m = merges.get(sheet);
      if (!m) merges.set(sheet, (m = worksheetMerges(this.workbook.getWorksheet(sheet) as ExcelJS.Worksheet)));
      return m;
    };
    for (const s of plan.steps) {
      if (s.kind === "insertRows") merges.set(s.sheet, mergesAfterInsert(mergesOf(s.sheet), s.before, s.count));
      else if (s.kind === "deleteRows") merges.set(s.sheet, mergesAfterDelete(mergesOf(s.sheet), s.row, s.count));
      else if (s.kind === "merge") {
        const range = parseRange(s.range);
        const old = s.replaces ? parseRange(s.replaces) : null;
        const rest = mergesOf(s.sheet).filter((m) => !(old && sameRange(m, old)));
        const clash = rest.find((m) => rangesOverlap(m, range));
        if (clash)
          throw new WorkbookError(
            "failed",
            `无法合并 ${s.sheet}!${s.range}：与已有的合并单元格 ${rangeAddress(clash)} 重叠。`,
            s.sheet
          );
        merges.set(s.sheet, [...rest, range]);
      }
    }
  }

  private applyStep(step: EditStep): void {
    const ws = this.workbook.getWorksheet(step.sheet) as ExcelJS.Worksheet;
    switch (step.kind) {
      case "set": {
        ws.getCell(step.address).value = cellValueOf(step);
        return;
      }
      case "insertRows":
        insertRows(this.workbook, ws, step.before, step.count, step.formatFrom);
        return;
      case "deleteRows":
        deleteRows(this.workbook, ws, step.row, step.count);
        return;
      case "merge": {
        if (step.replaces) unmergeKeepingStyles(ws, parseRange(step.replaces));
        const r = parseRange(step.range);
        ws.mergeCellsWithoutStyle(r.top, r.left, r.bottom, r.right);
        return;
      }
    }
  }
}

function getCfs(ws: ExcelJS.Worksheet): CfModel[] {
  return ((ws as unknown as { conditionalFormattings?: CfModel[] }).conditionalFormattings ?? []) as CfModel[];
}

function setCfs(ws: ExcelJS.Worksheet, cfs: CfModel[]): void {
  (ws as unknown as { conditionalFormattings: CfModel[] }).conditionalFormattings = cfs;
}

function sameRange(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/**
 * Removes a cell's note. exceljs's Cell.model getter copies the note onto the value's own model
 * object (and keeps it there), so both places are cleared.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: Record<string, unknown> } };
  c._comment = undefined;
  if (c._value?.model && "comment" in c._value.model) delete c._value.model.comment;
}

function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: Array<{ text?: string }> }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? "").join("") : null;
}

/* ---------------------------------------------------------- row operations */

type WsInternals = {
  _rows: Array<{ model: RowModel | null } | undefined>;
  _merges: Record<string, unknown>;
  _parseRows(model: { rows: RowModel[] }): void;
};

function unmergeKeepingStyles(ws: ExcelJS.Worksheet, r: CellRange): void {
  const styles: Array<[number, number, Partial<ExcelJS.Style>]> = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) styles.push([row, col, ws.getCell(row, col).style]);
  }
  ws.unMergeCells(r.top, r.left, r.bottom, r.right);
  for (const [row, col, style] of styles) ws.getCell(row, col).style = style;
}

/**
 * Rebuilds the worksheet's rows with new row numbers (exceljs's spliceRows loses notes and slave
 * cells' styles and does not move merges): rows are taken as models, renumbered, merges are
 * re-made without touching styles, conditional formats and data validations shift, defined names too.
 */
function rebuildRows(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  mapRow: (row: number) => number | null,
  added: RowModel[],
  merges: CellRange[],
  shiftRange: (r: CellRange) => CellRange | null
): void {
  const internals = ws as unknown as WsInternals;
  const models: RowModel[] = [];
  for (const row of internals._rows) {
    const m = row?.model;
    if (!m) continue;
    const n = mapRow(m.number);
    if (n === null) continue;
    models.push(renumber(m, n));
  }
  models.push(...added);
  models.sort((a, b) => a.number - b.number);
  internals._merges = {};
  internals._parseRows({ rows: models });
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    ws.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
  }
  // conditional formats (ours too: the next check re-marks anyway)
  const cfs = getCfs(ws);
  const shifted: CfModel[] = [];
  for (const cf of cfs) {
    const areas = cf.ref
      .split(/\s+/)
      .filter(Boolean)
      .map((a) => shiftRange(parseRange(a)))
      .filter((a): a is CellRange => a !== null);
    if (areas.length) shifted.push({ ...cf, ref: areas.map(rangeAddress).join(" ") });
  }
  setCfs(ws, shifted);
  // data validations, keyed by address
  const dv = (ws as unknown as { dataValidations?: { model?: Record<string, unknown> } }).dataValidations;
  if (dv?.model) {
    const next: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(dv.model)) {
      const plain = key.replace(/^range:/, "");
      if (!/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/i.test(plain)) {
        next[key] = v;
        continue;
      }
      const r = shiftRange(parseRange(plain));
      if (r) next[(key.startsWith("range:") ? "range:" : "") + rangeAddress(r)] = v;
    }
    dv.model = next;
  }
  void wb;
}

function renumber(m: RowModel, n: number): RowModel {
  const cells = m.cells.map((c) => {
    const col = parseCell(c.address).column;
    const base = { ...c, address: cellAddress(n, col) };
    if (c.type === VT_MERGE)
      return { address: base.address, type: VT_NULL, style: c.style, ...(c.comment ? { comment: c.comment } : {}) };
    return base;
  });
  return { ...m, number: n, cells };
}

function insertRows(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  before: number,
  count: number,
  formatFrom: number | null
): void {
  let merges = mergesAfterInsert(worksheetMerges(ws), before, count);
  const added: RowModel[] = [];
  if (formatFrom !== null) {
    const src = (ws as unknown as WsInternals)._rows[formatFrom - 1]?.model ?? null;
    const rowMerges = worksheetMerges(ws).filter((m) => m.top === formatFrom && m.bottom === formatFrom);
    for (let i = 0; i < count; i++) {
      const n = before + i;
      if (src) {
        added.push({
          number: n,
          min: src.min,
          max: src.max,
          height: src.height,
          style: src.style,
          hidden: false,
          outlineLevel: src.outlineLevel,
          cells: src.cells.map((c) => ({
            address: `${columnLetter(parseCell(c.address).column)}${n}`,
            type: VT_NULL,
            style: c.style,
          })),
        });
      }
      // horizontal merges of the format row are formats too (as Excel's paste of formats does)
      for (const m of rowMerges) {
        const r = { ...m, top: n, bottom: n };
        if (!merges.some((x) => rangesOverlap(x, r))) merges = [...merges, r];
      }
    }
  }
  rebuildRows(
    wb,
    ws,
    (r) => (r >= before ? r + count : r),
    added,
    merges,
    (r) => shiftForInsert(r, before, count)
  );
  (
    wb.definedNames as unknown as { spliceRows?: (s: string, start: number, n: number, ins: number) => void }
  ).spliceRows?.(ws.name, before, 0, count);
}

function deleteRows(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, row: number, count: number): void {
  const end = row + count - 1;
  const merges = mergesAfterDelete(worksheetMerges(ws), row, count);
  rebuildRows(
    wb,
    ws,
    (r) => (r < row ? r : r > end ? r - count : null),
    [],
    merges,
    (r) => shiftForDelete(r, row, count)
  );
  (
    wb.definedNames as unknown as { spliceRows?: (s: string, start: number, n: number, ins: number) => void }
  ).spliceRows?.(ws.name, row, count, 0);
}

/* ------------------------------------------------------------- the package */

function firstFont(styles: string): string | null {
  const fonts = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles);
  if (!fonts) return null;
  const f = /<font\b[^>]*\/>|<font\b[^>]*>[\s\S]*?<\/font>/.exec(fonts[1]);
  return f ? f[0] : null;
}

function replaceFirstFont(styles: string, font: string): string {
  const fonts = /(<fonts\b[^>]*>)([\s\S]*?)(<\/fonts>)/.exec(styles);
  if (!fonts) return styles;
  const inner = fonts[2].replace(/<font\b[^>]*\/>|<font\b[^>]*>[\s\S]*?<\/font>/, () => font);
  return styles.slice(0, fonts.index) + fonts[1] + inner + fonts[3] + styles.slice(fonts.index + fonts[0].length);
}

async function readCustomXml(zip: JSZip): Promise<CustomXmlPart[]> {
  const parts: CustomXmlPart[] = [];
  const items = Object.keys(zip.files)
    .filter((n) => /^customXml\/item\d+\.xml$/i.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  for (const name of items) {
    const xml = await zip.file(name)!.async("string");
    const rels = await zip.file(name.replace(/^customXml\//, "customXml/_rels/") + ".rels")?.async("string");
    const target = rels ? /Target="([^"]+)"/.exec(rels)?.[1] : undefined;
    const propsXml = target
      ? ((await zip.file(`customXml/${target.replace(/^\.\//, "")}`)?.async("string")) ?? null)
      : null;
    parts.push({ xml, propsXml });
  }
  return parts;
}

function guid(): string {
  const hex = "0123456789ABCDEF";
  let s = "";
  for (let i = 0; i < 32; i++) s += hex[Math.floor(Math.random() * 16)];
  return `{${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}}`;
}

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/** Writes customXml/itemN.xml, itemPropsN.xml, their relationships, the workbook relationships and the content types. */
async function writeCustomXml(zip: JSZip, parts: readonly CustomXmlPart[]): Promise<void> {
  let relsXml = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const ids = [...relsXml.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  let nextId = ids.length ? Math.max(...ids) + 1 : 1;
  let rels = "";
  let overrides = "";
  parts.forEach((p, i) => {
    const n = i + 1;
    const props =
      p.propsXml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guid()}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${SETTINGS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`;
    zip.file(`customXml/item${n}.xml`, p.xml);
    zip.file(`customXml/itemProps${n}.xml`, props);
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`
    );
    rels += `<Relationship Id="rId${nextId++}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/>`;
    overrides += `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CT_PROPS}"/>`;
  });
  relsXml = relsXml
    .replace(/<Relationship\b[^>]*Type="[^"]*\/customXml"[^>]*\/>/g, "")
    .replace("</Relationships>", `${rels}</Relationships>`);
  types = types.replace(/<Override PartName="\/customXml\/[^"]*"[^>]*\/>/g, "");
  if (!/Extension="xml"/i.test(types))
    types = types.replace("</Types>", `<Default Extension="xml" ContentType="application/xml"/></Types>`);
  types = types.replace("</Types>", `${overrides}</Types>`);
  zip.file("xl/_rels/workbook.xml.rels", relsXml);
  zip.file("[Content_Types].xml", types);
}

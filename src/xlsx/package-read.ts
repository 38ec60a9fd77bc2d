/**
 * Reading a workbook for checking, straight from the package (no exceljs: no styles, drawings or
 * workbook model are built): the sheets' displayed text, value types, merged ranges and protection,
 * the add-in's settings part. About three times faster than an exceljs load, with memory and time
 * bounded by what the sheets hold (bounds.ts), and sheet by sheet: a sheet whose part is missing or
 * damaged is reported (SheetRead.problem) and the others are read. A file that is no workbook at
 * all → WorkbookError("unreadable") with the sniffer's Chinese messages.
 *
 * The marked copies are still written through exceljs (workbook.ts), which keeps every style.
 */
import JSZip from "jszip";
import { WorkbookError } from "../core/port";
import { isSettingsXml, SETTINGS_NAMESPACE } from "../core/settings-xml";
import type { SheetRead } from "./bounds";
import { BUILTIN_NUMBER_FORMATS } from "./number-format";
import { elementsOf, jszipSource, PackageParts, PartError, rawSource, type Unzip } from "./package-parts";
import { decodeEscapes, readSheetXml, SheetProblem, type SheetContext } from "./sheet-read";
import { MAX_SHEET_BYTES, sniffXlsx, SNIFF_MESSAGES, zipEntries } from "./sniff";
import { attrsOf, prefixedAttr, scanXml, XmlError, type XmlHandler } from "./xml";

export interface WorkbookRead {
  /** The worksheets in workbook order (chart sheets, which hold no cells, left out). */
  readonly sheets: readonly SheetRead[];
  /** The add-in's settings part (customXml), when the workbook has one. */
  readonly settingsXml: string | null;
  /** Why the settings part was not used (damaged), in Chinese; null when fine or absent. */
  readonly settingsProblem: string | null;
}

/** Parts other than worksheets and shared strings (workbook, styles, relationships, settings). */
const MAX_OTHER_PART = 50 * 1024 * 1024;

function unreadable(message: string): WorkbookError {
  return new WorkbookError("unreadable", message);
}

function reason(e: unknown): string {
  return e instanceof PartError || e instanceof XmlError ? e.message : "无法读取";
}

/** The number formats of the cell styles (styles.xml: numFmts and cellXfs). */
function numberFormats(xml: string | null): (style: number) => string | undefined {
  if (xml === null) return () => undefined;
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let where: "numFmts" | "cellXfs" | null = null;
  scanXml(xml, {
    open(name, raw) {
      if (name === "numFmts" || name === "cellXfs") where = name;
      else if (name === "numFmt" && where === "numFmts") {
        const m = attrsOf(raw);
        custom.set(parseInt(m.numFmtId, 10), (m.formatCode ?? "").replace(/[\\](.)/g, "$1"));
      } else if (name === "xf" && where === "cellXfs") {
        xfs.push(parseInt(attrsOf(raw).numFmtId, 10));
      }
    },
    close(name) {
      if (name === where) where = null;
    },
    wantsText: () => false,
    text() {},
  });
  return (style) => {
    const id = xfs[style];
    if (!id) return undefined;
    return custom.get(id) || BUILTIN_NUMBER_FORMATS[id];
  };
}

/** The shared strings: each <si>'s text runs (phonetic runs left out), escapes decoded. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const handler: XmlHandler = {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t" && current !== null && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "si" && current !== null) {
        out.push(current);
        current = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    wantsText: () => inText,
    text(t) {
      current += decodeEscapes(t);
    },
  };
  scanXml(xml, handler);
  return out;
}

/** The shared strings for the sheets: read once, when a sheet first needs them. */
function sharedStringsOf(xml: string | null, damaged: string | null, part: string): () => readonly string[] {
  let strings: string[] | null = null;
  return () => {
    if (strings) return strings;
    if (damaged) throw new SheetProblem(`单元格引用的共享字符串表（${part}）已损坏（${damaged}）。`);
    if (xml === null) throw new SheetProblem(`单元格引用了共享字符串，但文件中没有共享字符串表（${part}）。`);
    try {
      strings = sharedStrings(xml);
    } catch (e) {
      throw new SheetProblem(`单元格引用的共享字符串表（${part}）已损坏（${reason(e)}）。`);
    }
    return strings;
  };
}

/** How a customXml item's properties (itemPropsN.xml) name its schemas: ours, another's, or unknown (none named, or unreadable). */
async function itemSchema(parts: PackageParts, item: string): Promise<"ours" | "other" | "unknown"> {
  try {
    const props = [...(await parts.relationships(item, MAX_OTHER_PART)).values()].find(
      (r) => r.type === "customXmlProps"
    );
    const xml = props?.target ? await parts.text(props.target, MAX_OTHER_PART) : null;
    if (xml === null) return "unknown";
    const uris = elementsOf(xml, ["schemaRef"]).map((e) => e.attrs.uri ?? prefixedAttr(e.attrs, "uri"));
    return uris.includes(SETTINGS_NAMESPACE) ? "ours" : uris.length ? "other" : "unknown";
  } catch {
    return "unknown";
  }
}

function damagedSettings(why: string): string {
  return `工作簿中保存的设置已损坏（${why}），已使用默认设置。`;
}

/**
 * The add-in's settings part among the customXml items. An item that cannot be read may be ours
 * (unless its properties name only other schemas): when no readable item is ours, that is said.
 */
async function settingsPart(parts: PackageParts): Promise<{ xml: string | null; problem: string | null }> {
  const items = parts.namesUnder("customXml/").filter((n) => /^customXml\/item\d+\.xml$/i.test(n));
  let unreadable: string | null = null;
  for (const name of items.sort()) {
    let xml: string | null;
    try {
      xml = await parts.text(name, MAX_OTHER_PART);
    } catch (e) {
      if (unreadable === null && (await itemSchema(parts, name)) !== "other") unreadable = damagedSettings(reason(e));
      continue;
    }
    if (xml === null || !isSettingsXml(xml)) continue;
    try {
      scanXml(xml, { open() {}, close() {}, wantsText: () => false, text() {} });
    } catch (e) {
      return { xml: null, problem: damagedSettings(reason(e)) };
    }
    return { xml, problem: null };
  }
  return { xml: null, problem: unreadable };
}

async function optionalText(
  parts: PackageParts,
  part: string,
  limit: number
): Promise<{ xml: string | null; damaged: string | null }> {
  try {
    return { xml: await parts.text(part, limit), damaged: null };
  } catch (e) {
    return { xml: null, damaged: reason(e) };
  }
}

/** The workbook part, its sheets' entries, and what the sheets refer to. */
async function workbookOf(parts: PackageParts) {
  const root = await parts.relationships("", MAX_OTHER_PART);
  const main = [...root.values()].find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const xml = await parts.text(main, MAX_OTHER_PART);
  if (xml === null) throw unreadable(SNIFF_MESSAGES.noWorkbook);
  const elements = elementsOf(xml, ["sheet", "workbookPr"]);
  const rels = await parts.relationships(main, MAX_OTHER_PART);
  const date1904 = elements.some((e) => e.name === "workbookPr" && ["1", "true"].includes(e.attrs.date1904));
  const relOf = (type: string) => [...rels.values()].find((r) => r.type === type)?.target ?? null;
  return { main, sheets: elements.filter((e) => e.name === "sheet"), rels, date1904, relOf };
}

/**
 * Reads the sheets; file-level problems → WorkbookError("unreadable"). `unzip`: the platform's
 * inflater (Node's zlib on the command line); without it JSZip reads the package.
 */
export async function readWorkbook(bytes: Uint8Array, unzip?: Unzip): Promise<WorkbookRead> {
  const refused = sniffXlsx(bytes);
  if (refused) throw unreadable(refused);
  const entries = zipEntries(bytes);
  if (!entries) throw unreadable(SNIFF_MESSAGES.damaged);
  let parts: PackageParts;
  try {
    parts = new PackageParts(entries, unzip ? rawSource(bytes, unzip) : jszipSource(await JSZip.loadAsync(bytes)));
  } catch {
    throw unreadable(SNIFF_MESSAGES.damaged);
  }
  let wb: Awaited<ReturnType<typeof workbookOf>>;
  let numberFormat: (style: number) => string | undefined;
  try {
    wb = await workbookOf(parts);
    const styles = wb.relOf("styles");
    numberFormat = numberFormats(styles ? await parts.text(styles, MAX_OTHER_PART) : null);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw unreadable(`无法读取：工作簿的目录或样式已损坏（${reason(e)}）。`);
  }
  const sstPart = wb.relOf("sharedStrings") ?? "xl/sharedStrings.xml";
  const sst = await optionalText(parts, sstPart, MAX_SHEET_BYTES);
  const ctx: SheetContext = {
    sharedStrings: sharedStringsOf(sst.xml, sst.damaged, sstPart),
    numberFormat,
    date1904: wb.date1904,
  };
  const sheets: SheetRead[] = [];
  const names = new Set<string>();
  for (const { attrs } of wb.sheets) {
    const name = attrs.name ?? "";
    const rel = wb.rels.get(prefixedAttr(attrs, "id") ?? "");
    if (rel && rel.type !== "worksheet") continue; // a chart sheet or dialog sheet: no cells
    const fail = (problem: string) => sheets.push({ name, grid: null, problem });
    if (name.trim() === "" || names.has(name)) {
      fail(name.trim() === "" ? "工作表没有名称。" : "与另一个工作表同名。");
      continue;
    }
    names.add(name);
    const part = rel?.target ?? null;
    const sheet = part === null ? null : await optionalText(parts, part, MAX_SHEET_BYTES);
    if (sheet?.damaged) fail(`工作表的数据（${part}）已损坏（${sheet.damaged}）。`);
    else if (!sheet || sheet.xml === null) fail(`工作表的数据${part ? `（${part}）` : ""}在文件中不存在。`);
    else sheets.push(readSheetXml(name, sheet.xml, ctx));
  }
  const settings = await settingsPart(parts);
  return { sheets, settingsXml: settings.xml, settingsProblem: settings.problem };
}

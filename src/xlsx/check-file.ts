/**
 * Checking one workbook file from its bytes, the same way for the command line (src/cli, in its
 * worker threads) and the web page's batch (its Web Worker): open it for checking — an .xlsx with
 * the package reader (package-read.ts: no exceljs, sheet by sheet, bounded), an .xls with our own
 * reader (xls/) — then check it under the right settings (--config; else the workbook's own, whose
 * notice says what they hide; or the defaults). The file's result is made in src/core/report. No
 * exceljs here: the marked copy (marked-copy.ts) builds the exceljs workbook only when one is written.
 */
import { checkGrids, type CheckResult } from "../core/check";
import type { SheetGrid } from "../core/grid";
import { WorkbookError } from "../core/port";
import { describer, type Describe } from "../core/report/checked";
import type { FileResult } from "../core/report/result";
import { DEFAULT_SETTINGS, type AddinSettings } from "../core/settings";
import { settingsFromXml } from "../core/settings-xml";
import { parseUserTemplates } from "../core/templates/user";
import type { Unzip } from "./package-parts";
import { readWorkbook, type WorkbookRead } from "./package-read";
import { sniffXlsx, SNIFF_MESSAGES } from "./sniff";
import type { XlsBook } from "./xls/biff";
import { readXls, XLS_MESSAGES } from "./xls/read";
import { xlsSheetReads } from "./xls/sheets";

export type WorkbookFormat = FileResult["format"];

/** The format of a workbook file, from its bytes (an OLE file that is no encrypted .xlsx is taken for an .xls). */
export function workbookFormat(bytes: Uint8Array): WorkbookFormat {
  return sniffXlsx(bytes) === SNIFF_MESSAGES.oldBinary ? "xls" : "xlsx";
}

const isXlsName = (name: string) => /\.xls$/i.test(name);

/**
 * Why an OLE file named otherwise (“.xlsx”) cannot be read: not readable as an .xls (a WPS .et, a
 * Word file, a damaged file) → today's message, that it is an old-format file to save as .xlsx.
 */
export function xlsRefusal(e: unknown, name: string): unknown {
  const unknown =
    e instanceof WorkbookError && (e.message === XLS_MESSAGES.notXls || e.message === XLS_MESSAGES.damaged);
  return unknown && name && !isXlsName(name) ? new WorkbookError("unreadable", SNIFF_MESSAGES.oldBinary) : e;
}

/** An .xlsx refused for a file named .xls (a web page, a CSV or an XML file, as budget systems often export): said with “.xls”. */
export function xlsxRefusal(e: unknown, name: string): unknown {
  return e instanceof WorkbookError && isXlsName(name)
    ? new WorkbookError(e.code, e.message.replace("扩展名为 .xlsx", "扩展名为 .xls"))
    : e;
}

/** A workbook file opened for checking. */
export interface OpenedFile {
  readonly format: WorkbookFormat;
  readonly bytes: Uint8Array;
  readonly read: WorkbookRead;
  /** The .xls as read (the marked copy is made from it), or null for an .xlsx. */
  readonly xls: XlsBook | null;
}

/**
 * Opens a file for checking. `name`: the file's name (its messages say “.xls” for a file so named);
 * `unzip`: the platform's inflater (Node's zlib on the command line; without it, JSZip). Unreadable
 * → WorkbookError("unreadable") with a Chinese message.
 */
export async function openForCheck(bytes: Uint8Array, name: string, unzip?: Unzip): Promise<OpenedFile> {
  if (workbookFormat(bytes) === "xls") {
    let xls: XlsBook;
    try {
      xls = readXls(bytes);
    } catch (e) {
      throw xlsRefusal(e, name);
    }
    return {
      format: "xls",
      bytes,
      read: { sheets: xlsSheetReads(xls), settingsXml: null, settingsProblem: null },
      xls,
    };
  }
  try {
    return { format: "xlsx", bytes, read: await readWorkbook(bytes, unzip), xls: null };
  } catch (e) {
    throw xlsxRefusal(e, name);
  }
}

export interface CheckFileOptions {
  /** Settings given by the user (--config); null: the workbook's own, or the defaults. */
  readonly settings: AddinSettings | null;
  /** Without given settings: use those the workbook carries (false: the defaults only). */
  readonly workbookSettings: boolean;
  /** Ends the workbook-settings notice: how to check without the workbook's own settings (Chinese). */
  readonly noticeHint: string;
}

/** A file checked: the settings used, the check, and how its result describes it. */
export interface CheckedFile {
  readonly settings: AddinSettings;
  readonly result: CheckResult;
  readonly grids: readonly SheetGrid[];
  readonly describe: Describe;
  /** Problems of the settings and their templates (Chinese), for the user. */
  readonly warnings: string[];
}

/** The workbook's own settings, when they are to be used and it has them (their problems are warnings). */
function ownSettings(read: WorkbookRead, options: CheckFileOptions, warnings: string[]): AddinSettings | null {
  if (options.settings || !options.workbookSettings) return null;
  if (read.settingsProblem) warnings.push(read.settingsProblem);
  if (!read.settingsXml) return null;
  const { settings, problems } = settingsFromXml(read.settingsXml);
  for (const p of problems) warnings.push(`工作簿中保存的设置：${p}`);
  return settings;
}

/** Problems of the user templates in the settings (the check leaves invalid ones out), as warnings. */
function templateWarnings(settings: AddinSettings, warnings: string[]): void {
  if (!settings.userTemplates.length) return;
  for (const p of parseUserTemplates(JSON.stringify(settings.userTemplates)).problems)
    warnings.push(`自定义模板：${p}`);
}

/** Checks the sheets that were read. */
export function checkOpened(opened: OpenedFile, options: CheckFileOptions): CheckedFile {
  const warnings: string[] = [];
  const own = ownSettings(opened.read, options, warnings);
  const settings = options.settings ?? own ?? DEFAULT_SETTINGS;
  templateWarnings(settings, warnings);
  const grids = opened.read.sheets.flatMap((s) => (s.grid ? [s.grid] : []));
  const result = checkGrids(grids, settings);
  return { settings, result, grids, describe: describer(opened.read.sheets, own, options.noticeHint), warnings };
}

/** Why a file could not be checked because of this tool (Chinese). */
export function internalError(e: unknown): string {
  return `检查时出错：${e instanceof Error ? e.message : String(e)}（这是本工具的问题，请报告）。`;
}

/**
 * Which files of a batch are checked, by name — one rule for the command line's folders and the web
 * page's batch, so both list the same files: .xlsx and .xls are checked; other spreadsheet formats
 * are listed as not supported (with how to get an .xlsx); Office lock files (~$…), hidden files
 * and everything else (.docx, .pdf …) are left out. Pure: no Node or DOM.
 */
import { SAVE_AS_HINT } from "./sniff";

/** The media type of an .xlsx (downloads, the file picker's filter). */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Spreadsheet formats we recognise but cannot read: reported, with a hint. */
const OTHER_SPREADSHEETS: Readonly<Record<string, string>> = {
  ".xlsm": "启用宏的工作簿（.xlsm）",
  ".xlsb": "Excel 二进制工作簿（.xlsb）",
  ".xltx": "Excel 模板（.xltx）",
  ".xlt": "旧版 Excel 模板（.xlt）",
  ".et": "WPS 表格格式（.et）",
  ".ett": "WPS 表格模板（.ett）",
  ".csv": "CSV 文本文件",
  ".ods": "OpenDocument 表格（.ods）",
  ".numbers": "Numbers 表格（.numbers）",
};

/** ".XLSX" → ".xlsx"; "" without one. */
function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

export type FileKind = "workbook" | "unsupported" | "skip";

/** What to do with a file found in a folder (`name`: its base name). */
export function fileKind(name: string): FileKind {
  if (name.startsWith("~$") || name.startsWith(".")) return "skip";
  const ext = extensionOf(name);
  if (ext === ".xlsx" || ext === ".xls") return "workbook";
  return Object.prototype.hasOwnProperty.call(OTHER_SPREADSHEETS, ext) ? "unsupported" : "skip";
}

/** True for a file given by name that we read (.xlsx, .xls). */
export function isWorkbookName(name: string): boolean {
  const ext = extensionOf(name);
  return ext === ".xlsx" || ext === ".xls";
}

/** Why a file is not checked, in Chinese (given by name or found in a folder). */
export function unsupportedMessage(name: string): string {
  const ext = extensionOf(name);
  const what = OTHER_SPREADSHEETS[ext] ?? (ext ? `“${ext}”文件` : "没有扩展名的文件");
  return `不支持${/^[A-Za-z]/.test(what) ? " " : ""}${what}，只能检查 .xlsx 和 .xls 工作簿。${SAVE_AS_HINT}`;
}

/** Names in the order folders are walked (UTF-16 code units, as the command line sorts them). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The name (or path) of a file's marked copy: the same for an .xlsx; “原名-已校验.xlsx” for an .xls,
 * whose copy is an .xlsx (the name says the format changed, and never meets an “原名.xlsx” beside it).
 */
export function markedCopyName(name: string): string {
  return /\.xls$/i.test(name) ? `${name.slice(0, -4)}-已校验.xlsx` : name;
}

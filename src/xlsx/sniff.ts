/**
 * The one look at a file's bytes before exceljs sees them, for every front end (command line, web
 * page): clear Chinese messages for the usual wrong files (empty, an encrypted workbook, an old
 * .xls, a CSV or web page renamed .xlsx, a damaged or foreign zip), and a refusal of workbooks whose
 * sheets would not fit in memory (the zip's central directory gives the uncompressed sizes without
 * inflating anything). Pure: no Node or DOM API, so the browser build uses it too.
 */

/** How to get an .xlsx from another spreadsheet format (also used for files refused by extension). */
export const SAVE_AS_HINT = "请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再检查。";

/** Worksheets + shared strings larger than this (uncompressed) are refused: a 绩效目标表 is well under 1 MB. */
export const MAX_SHEET_BYTES = 150 * 1024 * 1024;

const MB = 1024 * 1024;

/** The messages, one wording wherever a workbook is opened. */
export const SNIFF_MESSAGES = {
  empty: "文件是空的（0 字节），无法读取。可能是下载或复制没有完成，请重新获取该文件。",
  encrypted:
    "无法读取：文件受密码保护（已加密）。请在 Excel 中输入密码打开，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清除密码并保存后再检查。",
  oldBinary: `无法读取：这是旧版 .xls（或 WPS .et）格式的文件，只是扩展名为 .xlsx。${SAVE_AS_HINT}`,
  html: `无法读取：这是网页（HTML）格式的表格，只是扩展名为 .xlsx。${SAVE_AS_HINT}`,
  xml: `无法读取：这是 XML 文件（可能是“XML 电子表格 2003”格式），只是扩展名为 .xlsx。${SAVE_AS_HINT}`,
  text: `无法读取：这是文本（CSV 等）文件，只是扩展名为 .xlsx。${SAVE_AS_HINT}`,
  notXlsx:
    "无法读取：这不是 .xlsx 工作簿（文件格式不对或已损坏）。请确认文件能在 Excel 中打开，并另存为 .xlsx 后再试。",
  damaged: "无法读取：文件已损坏或不是 .xlsx 工作簿。",
  noWorkbook: "无法读取：压缩包里没有工作簿（xl/workbook.xml），不是 .xlsx 文件。",
} as const;

function tooLarge(bytes: number): string {
  return `无法检查：工作表数据过大（解压后约 ${Math.round(bytes / MB)} MB，上限 ${MAX_SHEET_BYTES / MB} MB）。绩效目标表通常不到 1 MB，请删除无关的工作表或数据后再检查。`;
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** The OLE compound file signature: an encrypted OOXML package, or an old .xls / WPS .et. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

/** Where `needle` occurs in `bytes` from `from` on, or -1. */
function indexOfBytes(bytes: Uint8Array, needle: readonly number[], from = 0): number {
  const n = needle.length;
  outer: for (
    let i = bytes.indexOf(needle[0], from);
    i !== -1 && i <= bytes.length - n;
    i = bytes.indexOf(needle[0], i + 1)
  ) {
    for (let k = 1; k < n; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** "EncryptionInfo" in UTF-16LE: the stream an encrypted OOXML package (a password-protected .xlsx) keeps in its OLE container. */
const ENCRYPTION_INFO = [...ascii("EncryptionInfo")].flatMap((c) => [c, 0]);

function isText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  return controls <= n / 100;
}

function textKind(bytes: Uint8Array): string {
  const head = new TextDecoder().decode(bytes.subarray(0, 2048)).toLowerCase();
  if (/<html|<table|<!doctype html/.test(head)) return SNIFF_MESSAGES.html;
  if (/^\s*<\?xml/.test(head)) return SNIFF_MESSAGES.xml;
  return SNIFF_MESSAGES.text;
}

/** The offset of the zip's "end of central directory" record (PK 05 06, within the last 64 KB), or -1. */
function endOfCentralDirectory(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

/** An entry of the zip's central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly crc32: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where its local header starts. */
  readonly offset: number;
}

/**
 * The entries of the zip's central directory (names as stored); null when it cannot be read (a
 * damaged zip) or the zip is Zip64. Sizes of 0xFFFFFFFF (Zip64 sizes) are read as "too large".
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const eocd = endOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return null;
  const entries: ZipEntry[] = [];
  let p = offset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      crc32: view.getUint32(p + 16, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size,
      offset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The uncompressed size of the worksheets and shared strings, from the zip's central directory; null as zipEntries. */
export function sheetBytes(bytes: Uint8Array): number | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  let total = 0;
  for (const e of entries) {
    if (/^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(e.name))
      total = Math.min(total + e.size, Number.MAX_SAFE_INTEGER);
  }
  return total;
}

/** True when the package names this part (a zip keeps its file names uncompressed). */
export function namesPart(bytes: Uint8Array, part: string): boolean {
  return indexOfBytes(bytes, ascii(part)) !== -1;
}

/**
 * Why these bytes are not a workbook we can read, in Chinese; null when they look like an .xlsx
 * package (exceljs may still find it damaged inside).
 */
export function sniffXlsx(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return SNIFF_MESSAGES.empty;
  if (startsWith(bytes, OLE))
    return indexOfBytes(bytes, ENCRYPTION_INFO) >= 0 ? SNIFF_MESSAGES.encrypted : SNIFF_MESSAGES.oldBinary;
  if (!startsWith(bytes, ZIP)) return isText(bytes) ? textKind(bytes) : SNIFF_MESSAGES.notXlsx;
  if (endOfCentralDirectory(bytes) < 0) return SNIFF_MESSAGES.damaged;
  const sheets = sheetBytes(bytes);
  if (sheets !== null && sheets > MAX_SHEET_BYTES) return tooLarge(sheets);
  if (!namesPart(bytes, "xl/workbook.xml")) return SNIFF_MESSAGES.noWorkbook;
  return null;
}

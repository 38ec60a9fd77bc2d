/**
 * Looks at a file's bytes before the xlsx adapter does, for clearer messages on the usual wrong
 * files (an encrypted workbook, an old .xls, a CSV or web page renamed .xlsx) and to refuse
 * workbooks whose sheets would not fit in memory (the zip's central directory gives the
 * uncompressed sizes without inflating anything). Returns a Chinese message, or null to go on.
 */
import { SAVE_AS_HINT } from "./inputs";

/** Worksheets + shared strings larger than this (uncompressed) are refused: a 绩效目标表 is well under 1 MB. */
export const MAX_SHEET_BYTES = 150 * 1024 * 1024;

const MB = 1024 * 1024;

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "EncryptionInfo" in UTF-16LE: the stream an encrypted OOXML package (a password-protected .xlsx) keeps in its OLE container. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

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

export function preflight(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "文件是空的（0 字节），无法读取。可能是下载或复制没有完成，请重新获取该文件。";
  if (startsWith(bytes, OLE)) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.indexOf(ENCRYPTION_INFO) >= 0) {
      return "无法读取：文件受密码保护（已加密）。请在 Excel 中输入密码打开，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清除密码并保存后再检查。";
    }
    return `无法读取：这是旧版 .xls（或 WPS .et）格式的文件，只是扩展名为 .xlsx。${SAVE_AS_HINT}`;
  }
  if (!startsWith(bytes, [0x50, 0x4b])) {
    if (isText(bytes)) {
      const head = Buffer.from(bytes.subarray(0, 2048)).toString("utf8").toLowerCase();
      if (/<html|<table|<!doctype html/.test(head))
        return `无法读取：这是网页（HTML）格式的表格，只是扩展名为 .xlsx。${SAVE_AS_HINT}`;
      if (/^\s*<\?xml/.test(head))
        return `无法读取：这是 XML 文件（可能是“XML 电子表格 2003”格式），只是扩展名为 .xlsx。${SAVE_AS_HINT}`;
      return `无法读取：这是文本（CSV 等）文件，只是扩展名为 .xlsx。${SAVE_AS_HINT}`;
    }
    return "无法读取：这不是 .xlsx 工作簿（文件格式不对或已损坏）。请确认文件能在 Excel 中打开，并另存为 .xlsx 后再试。";
  }
  const sheets = sheetBytes(bytes);
  if (sheets !== null && sheets > MAX_SHEET_BYTES) {
    return `无法检查：工作表数据过大（解压后约 ${Math.round(sheets / MB)} MB，上限 ${MAX_SHEET_BYTES / MB} MB）。绩效目标表通常不到 1 MB，请删除无关的工作表或数据后再检查。`;
  }
  return null;
}

/**
 * The uncompressed size of the worksheets and shared strings, from the zip's central directory;
 * null when it cannot be read (a damaged zip: the adapter reports it) or the zip is Zip64.
 */
export function sheetBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return null;
  let p = offset;
  let total = 0;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (/^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(name)) {
      if (size === 0xffffffff) return Number.MAX_SAFE_INTEGER;
      total += size;
    }
    p += 46 + nameLength + extra + comment;
  }
  return total;
}

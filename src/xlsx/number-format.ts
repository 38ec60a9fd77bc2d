/**
 * How a number cell is shown: the number format codes (Excel's built-in ones by id, the workbook's
 * own from styles.xml), whether a format is a date format, and the displayed text for the common
 * formats (%, fixed decimals, thousands, dates). One implementation for both ways of reading a
 * workbook (exceljs in grid.ts, the package reader in sheet-read.ts), so they show the same text.
 */
import type { GridCell } from "../core/grid";

/** Excel's built-in number formats that do not depend on the locale (ECMA-376, 18.8.30), by id. */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/**
 * The built-in formats as a Chinese-locale Excel shows them: an .xls names most formats only by id,
 * and the dates among them (14, 22, 27–36, 50–58) depend on the locale. (For an .xlsx the table
 * above is used, as exceljs does for the copy, so both readers of an .xlsx show the same text.)
 */
export const ZH_CN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  ...BUILTIN_NUMBER_FORMATS,
  14: "yyyy/m/d",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** A date (or time) format: date letters outside quotes and brackets. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]+/.test(numFmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** An Excel serial date as a Date (UTC parts are the calendar date); null when out of range. */
function serialToDate(serial: number, date1904: boolean): Date | null {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? null : d;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats a number the way Excel shows it for the common formats (%, fixed decimals, thousands). */
export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!numFmt || numFmt === "General" || numFmt === "@") return String(value);
  const fmt = numFmt.split(";")[0].replace(/\[[^\]]*\]|"[^"]*"|\\./g, "");
  const decimals = Math.min(/\.(0+)/.exec(fmt)?.[1].length ?? 0, 100);
  if (!Number.isFinite(value)) return String(value);
  if (fmt.includes("%")) return `${(value * 100).toFixed(decimals)}%`;
  if (/[0#]/.test(fmt)) {
    const fixed = value.toFixed(decimals);
    if (fmt.includes(",")) {
      const [i, d] = fixed.split(".");
      return i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (d ? `.${d}` : "");
    }
    return fixed;
  }
  return String(value);
}

/** A date as shown: "2025年3月1日" / "2025年3月" for Chinese formats, else "2025-03-01". */
export function formatDate(date: Date, numFmt: string | undefined): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  if (numFmt && /年/.test(numFmt)) return /日|d/.test(numFmt) ? `${y}年${m}月${d}日` : `${y}年${m}月`;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A number cell's value as Excel takes it: a Date when its format is a date format (and the serial a date), else the number. */
export function numberOrDate(value: number, numFmt: string | undefined, date1904: boolean): number | Date {
  return (isDateFormat(numFmt) ? serialToDate(value, date1904) : null) ?? value;
}

/** A number cell as shown: the date's text with its format when it is a date, else the number's. */
export function shownNumber(value: number, numFmt: string | undefined, date1904: boolean): GridCell {
  const v = numberOrDate(value, numFmt, date1904);
  return v instanceof Date
    ? { text: formatDate(v, numFmt), type: "date" }
    : { text: formatNumber(v, numFmt), type: "number" };
}

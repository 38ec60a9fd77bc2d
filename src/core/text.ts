/** Text helpers shared by the parser and the rules. Pure functions; no locale APIs. */
import traditional from "./vocabulary/traditional.json";

const TRAD: Readonly<Record<string, string>> = traditional.map;

/** Trims and collapses inner whitespace runs (incl. full-width and no-break spaces) to one space. */
const WS_RUN = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const NEEDS_CLEANING = /\s\s|[\t\n\r\u00a0\u3000\u200b\ufeff]/;

export function clean(text: string): string {
  const t = text.trim();
  return NEEDS_CLEANING.test(t) ? t.replace(WS_RUN, " ").trim() : t;
}

/**
 * A matching key: no whitespace at all, traditional → simplified, full-width brackets, colons and
 * letters → half-width, lower case. Never shown to users.
 */
const TRAD_CHARS = Object.keys(TRAD).join("");
/** Characters matchKey rewrites: whitespace, full-width forms, brackets, colons, upper case, traditional. */
const NEEDS_KEY = new RegExp(`[\\s\u3000\u00a0\u200b（）【】\\[\\]〔〕：／\uff01-\uff5eA-Z${TRAD_CHARS}]`);
const NEEDS_KEY_ALL = new RegExp(NEEDS_KEY.source, "g");

function keyOf(ch: string): string {
  switch (ch) {
    case "（":
    case "【":
    case "[":
    case "〔":
      return "(";
    case "）":
    case "】":
    case "]":
    case "〕":
      return ")";
    case "：":
      return ":";
    case "／":
      return "/";
  }
  if (/\s|\u3000|\u00a0|\u200b/.test(ch)) return "";
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (code >= 65 && code <= 90) return ch.toLowerCase();
  return TRAD[ch] ?? ch;
}

/**
 * A matching key: no whitespace at all, traditional → simplified, full-width brackets, colons and
 * letters → half-width, lower case. Never shown to users.
 */
export function matchKey(text: string): string {
  if (!NEEDS_KEY.test(text)) return text;
  return text.replace(NEEDS_KEY_ALL, keyOf);
}

/** Removes simple HTML tags that pasted tables carry ("<p>…</p>"). */
export function stripTags(text: string): string {
  return text
    .replace(/<\/?[a-zA-Z][^<>]{0,40}>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Blank for the rules: empty, whitespace, dashes, slashes, 无. */
export function isBlankText(text: string | null | undefined): boolean {
  if (text === null || text === undefined) return true;
  const trimmed = text.trim();
  if (trimmed === "") return true;
  // the blank markers are short ("—", "/", "无", "暂无"): a longer text is content
  if (trimmed.length > 6 && !/[\u200b\s]{2}/.test(trimmed)) return false;
  const t = clean(text);
  return t === "" || /^[—–\-－/／\\、.。…_＿]+$/.test(t) || t === "无" || t === "暂无" || t === "空";
}

/** Truncates for messages: "很长的文本…". Counts characters (code points): an emoji is never cut in half. */
export function clip(text: string, max = 16): string {
  const t = clean(text);
  if (t.length <= max) return t;
  if (!/[\ud800-\udfff]/.test(t)) return t.slice(0, max - 1) + "…";
  const chars = Array.from(t);
  return chars.length <= max ? t : chars.slice(0, max - 1).join("") + "…";
}

/** Characters a terminal would act on (line breaks, escape sequences, bells, direction overrides). */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a report (the terminal, the HTML report, the web page's batch): control characters
 * shown escaped ("\n", "\u001B"), never acted on.
 */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  });
}

/** Text as HTML: control characters shown escaped (as on the terminal), markup characters as entities. */
export function escapeHtml(text: string): string {
  return visible(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
